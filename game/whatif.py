"""What if, by the same choices: one life's positions replayed under other rulesets.

`compare()` gives one `Comparison` per ruleset (the life's own first): the
outcome, the first step where the lives part, the doors closed or opened on
each side, and one sentence in words that says where and why they part. The
sentence is built from story prose only (choice texts, the refusal's `instead`
text, consequences' `explain`, list names, ending titles): never from ids.
`whatif_summary()` is `simulate --whatif` (CLI.md version 2).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from game.analysis import CANNOT, Outcome
from game.engine.host import Door, Life, Playthrough
from game.engine.model import Story
from game.engine.play import State, values
from game.rules.model import Ruleset


@dataclass(frozen=True, slots=True)
class Comparison(Outcome):
    """One ruleset's replay of the same positions, set against the life as played."""

    own: bool = False
    parted: int | None = None  # the 1-based step (choice) where the lives part; 0: before any
    closed: tuple[Door, ...] = ()  # doors closed here that were open in the life as played
    opened: tuple[Door, ...] = ()  # doors closed in the life as played, open here
    sentence: str = ""

    @property
    def ruleset(self) -> Ruleset:
        return self.life.ruleset

    @property
    def same(self) -> bool:
        """True when the replay follows the life as played all the way."""
        return self.parted is None


def compare(story: Story, pt: Playthrough, own: Life | None = None,
            rulesets: list[str] | None = None) -> list[Comparison]:
    """The same positions under each ruleset (default: every one), the life's own first.

    `own` is the life as played, when the caller has it already (no second replay).
    """
    if own is None:
        own, _ = Life.replay(story, pt)
    others = [r for r in (rulesets or list(story.rulesets)) if r != pt.ruleset]
    out = [Comparison(own, None, pt.choices, own=True,
                      sentence=_same(own, own) if own.ended else "")]
    for rid in others:
        life, stop = Life.replay(story, pt, rid)
        if stop is not None and stop.why not in CANNOT:
            stop = None  # leftover positions after an ending, or the scene cap: not a stop
        k = parting(own, life, stop)
        closed, opened = _door_changes(own.doors, life.doors)
        out.append(Comparison(life, stop, pt.choices, parted=None if k is None else k + 1,
                              closed=closed, opened=opened,
                              sentence=_sentence(story, pt, own, life, stop, k)))
    return out


def parting(own: Life, other: Life, stop: Any = None) -> int | None:
    """The 0-based index of the choice where two lives part; -1 before any; None: never."""
    a, b = own.stands, other.stands
    n = min(len(a), len(b))
    for k in range(n):
        if a[k].scene != b[k].scene:
            return k - 1
        if bool(own.tried(k)) != bool(other.tried(k)):
            return k
    if stop is not None:
        return stop.taken
    if own.path != other.path or own.ending != other.ending:
        return n - 1
    return None


def _door_changes(mine: tuple[Door, ...], theirs: tuple[Door, ...]
                  ) -> tuple[tuple[Door, ...], tuple[Door, ...]]:
    def key(d: Door) -> tuple[str, int, str]:
        return (d.scene, d.choice, d.capability)

    mine_keys, their_keys = {key(d) for d in mine}, {key(d) for d in theirs}
    closed = {key(d): d for d in theirs if key(d) not in mine_keys}
    opened = {key(d): d for d in mine if key(d) not in their_keys}
    return tuple(closed.values()), tuple(opened.values())


# -- the sentence --------------------------------------------------------------------

def _sentence(story: Story, pt: Playthrough, own: Life, life: Life, stop: Any,
              k: int | None) -> str:
    if k is None:
        return _same(own, life)
    if k < 0:
        return "Under these rules the week goes another way from the very start." + \
            _ending(own, life)
    what = _choice_text(life, k, pt.choices[k]) if k < len(life.stands) else None
    if stop is not None:
        if stop.why == "blocked" and what:
            return (f"“{what}” was closed under these rules, with no way to try it: "
                    f"{_why_closed(life, life.stands[k], pt.choices[k])}")
        return f"“{what or 'Your next choice'}” was not offered at all under these rules."
    tried, mine = life.tried(k), own.tried(k)
    if tried:
        return (f"You tried “{what}”. {_full(tried[0].text)} "
                f"{_reason(life.ruleset, tried[0].by, tried[0].capability, story)}"
                + _ending(own, life))
    if mine:
        return (f"“{what}” was open under these rules, though it was closed to you."
                + _ending(own, life))
    return f"After “{what}”, these rules sent the week another way.{_cause(own, life, k)}" + \
        _ending(own, life)


def _same(own: Life, life: Life) -> str:
    if life.ending_title:
        if life is own:
            return f"Your week ended: “{life.ending_title}”."
        return f"The same choices lead the same way under these rules, to “{life.ending_title}”."
    return "The same choices lead the same way under these rules."


def _ending(own: Life, life: Life) -> str:
    mine, theirs = own.ending_title, life.ending_title
    if theirs and mine and theirs != mine:
        return f" The week ends “{theirs}” instead of “{mine}”."
    if theirs:
        return f" The week still ends “{theirs}”."
    return " The same choices do not reach an ending here."


def _choice_text(life: Life, k: int, position: int) -> str | None:
    state = life.stands[k]
    choices = life.ctx.scenario.scenes[state.scene].choices
    if not 1 <= position <= len(choices):
        return None
    return choices[position - 1].text.fill(values(life.ctx, state))


def _why_closed(life: Life, state: State, position: int) -> str:
    door = next((d for d in life.doors if d.scene == state.scene and d.choice == position), None)
    if door is None:
        return "it was closed."
    return _reason(life.ruleset, door.by, door.capability, life.story)


def _reason(ruleset: Ruleset, by: tuple[str, ...], capability: str, story: Story) -> str:
    explains = [c.explain for c in ruleset.consequences if c.id in by and c.explain]
    if explains:
        return " ".join(_full(e) for e in dict.fromkeys(explains))
    cap = story.capabilities.get(capability)
    # The same words as the window's closed_reason, about this life rather than "you".
    what = f"“{cap.name}”" if cap else "it"
    return f"Only a privilege opens {what}, and this life held none that does."


def _cause(own: Life, life: Life, k: int) -> str:
    """What differed after step k: a list joined on one side only, or a consequence."""
    after_own, after_life = _after(own, k), _after(life, k)
    for lid, name in life.ruleset.lists.items():
        if lid in after_life.standing.lists and lid not in after_own.standing.lists:
            return f" Here you were on {_the(name)}."
    for lid, name in own.ruleset.lists.items():
        if lid in after_own.standing.lists and lid not in after_life.standing.lists:
            return f" Here you were not on {_the(name)}."
    theirs = set(after_life.standing.active) - set(after_own.standing.active)
    for c in life.ruleset.consequences:
        if c.id in theirs and c.explain:
            return " " + _full(c.explain)
    return ""


def _the(name: str) -> str:
    """A list's name after "on": "the list of ...", keeping a name's own article."""
    name = name.strip()
    if name.lower().startswith(("the ", "a ", "an ")):
        return name[0].lower() + name[1:]
    return "the " + _lower(name)


def _after(life: Life, k: int) -> State:
    return life.stands[k + 1] if k + 1 < len(life.stands) else life.state


def _full(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?", "”", '"')) else text + "."


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


# -- simulate --whatif ---------------------------------------------------------------

def whatif_summary(story: Story, own_id: str,
                   lives: list[tuple[Playthrough, str | None]]) -> dict[str, Any]:
    """CLI.md version 2: each life's positions (with its own ending) replayed under
    every other ruleset."""
    others = sorted(r for r in story.rulesets if r != own_id)
    endings: dict[str, Counter[str]] = {r: Counter() for r in others}
    stopped = dict.fromkeys(others, 0)
    differ = 0
    for pt, own_ending in lives:
        differs = False
        for rid in others:
            other, stop = Life.replay(story, pt, rid, history=False)
            if stop is not None and stop.why in CANNOT:
                stopped[rid] += 1
                endings[rid]["null"] += 1
                continue
            ending = other.ending
            endings[rid]["null" if ending is None else ending] += 1
            differs = differs or ending != own_ending
        differ += differs
    share = Decimal(differ) / Decimal(max(1, len(lives)))
    share = share.quantize(Decimal("0.01"), ROUND_HALF_UP)
    return {"rulesets": others, "differ": float(share),
            "endings": {r: dict(sorted(endings[r].items())) for r in others},
            "stopped": stopped}
