"""A playthrough: its state, `step()` and what the player sees now (`present()`).

`start()` and `step()` follow STORY-FORMAT.md, "What happens, in order", to the
letter, with the version 2 additions: a closed choice with `instead` can be
taken (it plays the `instead` block and records a `Refused`), and a `goto` may
branch. Both are pure: they return a new `State` and the events that happened.
Front ends read `present(...)` and send intents (`Choose`, `Continue`); the
engine never calls them.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any, NamedTuple, cast

from game.engine.events import (
    ChoiceTaken,
    ConsequenceEnded,
    ConsequenceStarted,
    EndingReached,
    Event,
    Recorded,
    Refused,
    SceneEntered,
)
from game.engine.expr import Env
from game.engine.model import (
    SCENE_CAP,
    Branch,
    Choice,
    Goto,
    Observation,
    Scenario,
    Scene,
    Story,
    Value,
)
from game.rules import score as rules
from game.rules.ledger import LedgerEntry
from game.rules.model import Consequence, Ruleset


class PlayError(Exception):
    """An intent that cannot be carried out: the message says why, in the player's words."""


class LoopLimit(PlayError):
    """The playthrough entered more than SCENE_CAP scenes."""


# Intents are NamedTuples (immutable, cheap: one is built at every step).
class Choose(NamedTuple):
    position: int  # 1-based, as written in the file


class Continue(NamedTuple):
    pass


Intent = Choose | Continue


class ChoiceStatus(StrEnum):
    """Where a choice stands now (a StrEnum: it reads and serialises as its value)."""

    OPEN = "open"
    HIDDEN = "hidden"  # its `if` is false: not shown, never taken
    BLOCKED = "blocked"  # a capability it requires is closed: shown closed


OPEN, HIDDEN, BLOCKED = ChoiceStatus.OPEN, ChoiceStatus.HIDDEN, ChoiceStatus.BLOCKED
ClosedBy = list[tuple[str, tuple[Consequence, ...]]]  # (capability, what closes it)


class State(NamedTuple):
    """Every changing fact of one playthrough. Names content by id, so it serialises.

    A NamedTuple rather than a frozen dataclass: as immutable, and far cheaper
    to build (one is built per step). `vars` (like the standing's counts) is a
    read-only view of a dict no other state shares.
    """

    scenario: str
    ruleset: str
    seed: int
    scene: str
    vars: Mapping[str, Value]
    standing: rules.Standing
    ledger: tuple[LedgerEntry, ...] = ()
    path: tuple[str, ...] = ()
    choices: tuple[int, ...] = ()  # positions taken, in order
    rng: tuple[Any, ...] | None = None  # the generator's state; None: no draw yet
    ended: bool = False
    refusals: tuple[Refused, ...] = ()  # every closed door tried, in order
    refused: tuple[Refused, ...] = ()  # those of the step that made this state


@dataclass(frozen=True, slots=True)
class Context:
    """The story, scenario and ruleset a playthrough runs in (read-only).

    `memo[0]` keeps (state, statuses) of the last state asked about, so the
    choices listed as takeable are not evaluated again when one is taken.
    """

    story: Story
    scenario: Scenario
    ruleset: Ruleset
    # One slot holding one tuple, replaced whole: a reader never sees a state
    # paired with another state's statuses, even with threads.
    memo: list[Any] = field(default_factory=lambda: [(None, None)], compare=False, repr=False)

    @classmethod
    def of(cls, story: Story, scenario: str, ruleset: str | None = None) -> Context:
        sc = story.scenarios[scenario]
        return cls(story, sc, story.rulesets[ruleset or sc.ruleset])

    def scene(self, state: State) -> Scene:
        return self.scenario.scenes[state.scene]


class _Draft:
    """A State being changed inside one step; frozen again once, at the end.

    step() touches several fields several times; building one new State at the
    end (instead of one per change) keeps a step cheap.
    """

    __slots__ = State._fields
    refused: tuple[Refused, ...]  # the only field whose start value () types too narrowly

    def __init__(self, s: State) -> None:
        # Spelled out: a loop over the field names costs more than the rest of a step.
        # `refused` starts empty: it holds the refusals of this step only.
        (self.scenario, self.ruleset, self.seed, self.scene, self.vars, self.standing,
         self.ledger, self.path, self.choices, self.rng, self.ended, self.refusals,
         self.refused) = (
            s.scenario, s.ruleset, s.seed, s.scene, s.vars, s.standing, s.ledger, s.path,
            s.choices, s.rng, s.ended, s.refusals, ())

    def freeze(self) -> State:
        return State(self.scenario, self.ruleset, self.seed, self.scene, self.vars,
                     self.standing, self.ledger, self.path, self.choices, self.rng, self.ended,
                     self.refusals, self.refused)


def start(ctx: Context, seed: int = 0) -> tuple[State, list[Event]]:
    """Step 1: variables and score take their initial values, then the start scene is entered."""
    state = State(scenario=ctx.scenario.id, ruleset=ctx.ruleset.id, seed=seed,
                  scene=ctx.scenario.start, vars=MappingProxyType(dict(ctx.scenario.vars)),
                  standing=rules.begin(ctx.ruleset))
    events: list[Event] = [ConsequenceStarted(c) for c in state.standing.active]
    draft = _Draft(state)
    _enter(ctx, draft, ctx.scenario.start, events)
    return draft.freeze(), events


def step(ctx: Context, state: State, intent: Intent) -> tuple[State, list[Event]]:
    """Carry out one intent; raise PlayError when it is not possible now.

    Choosing a closed choice that has `instead` plays the `instead` block in
    place of the choice's own effects and records one refusal per closed
    capability.
    """
    if state.ended:
        raise PlayError(f"the playthrough has ended at '{state.scene}'")
    scene = ctx.scene(state)
    events: list[Event] = []
    draft = _Draft(state)
    if isinstance(intent, Continue):
        if scene.goto is None:
            raise PlayError(f"scene '{scene.id}' has choices: pick one to go on")
        _enter(ctx, draft, _where_to(ctx, draft, scene.goto), events)
        return draft.freeze(), events
    choice, closed = _takeable_choice(ctx, state, scene, intent.position)
    events.append(ChoiceTaken(scene.id, choice.position))
    draft.choices = state.choices + (choice.position,)
    if closed is None:
        _apply(ctx, draft, choice.set, choice.add, choice.observe, scene.id, events)
        goto = choice.goto
    else:
        goto = _try_closed(ctx, draft, scene, choice, closed, events)
    _enter(ctx, draft, _where_to(ctx, draft, goto), events)
    return draft.freeze(), events


def _try_closed(ctx: Context, draft: _Draft, scene: Scene, choice: Choice, closed: ClosedBy,
                events: list[Event]) -> Goto:
    """Play a closed choice's `instead`: its effects (at the choice's scene), then the
    refusals, whose text is filled after those effects; return where it leads."""
    instead = choice.instead
    assert instead is not None  # _takeable_choice lets no other closed choice through
    _apply(ctx, draft, instead.set, instead.add, instead.observe, scene.id, events)
    text = instead.text.fill(values(ctx, draft))
    refused = tuple(Refused(scene.id, choice.position, cap, tuple(c.id for c in by), text)
                    for cap, by in closed)
    events.extend(refused)
    draft.refusals = draft.refusals + refused
    draft.refused = refused
    return instead.goto


def _where_to(ctx: Context, draft: _Draft, goto: Goto) -> str:
    """The scene a `goto` leads to now: the first branch whose condition holds."""
    if type(goto) is str:
        return goto
    e = env(ctx, draft)  # type: ignore[arg-type]  # a _Draft reads like a State here
    for branch in cast("tuple[Branch, ...]", goto):
        if branch.cond is None or branch.cond.fn(e):
            return branch.to
    raise AssertionError("the loader makes the last goto entry unconditional")


def _takeable_choice(ctx: Context, state: State, scene: Scene,
                     position: int) -> tuple[Choice, ClosedBy | None]:
    """The choice at `position` and, for a closed one with `instead`, what closes it."""
    if not scene.choices:
        raise PlayError(f"scene '{scene.id}' has no choices: continue instead")
    if not 1 <= position <= len(scene.choices):
        raise PlayError(f"scene '{scene.id}': there is no choice {position} "
                        f"(it has {len(scene.choices)})")
    choice = scene.choices[position - 1]
    seen, known = ctx.memo[0]
    if seen is state:  # listed as takeable a moment ago: no second evaluation
        status, blockers = known[position - 1]
    else:
        status, blockers = choice_status(ctx, state, choice)
    if status is OPEN:
        return choice, None
    if status is HIDDEN:
        raise PlayError(f"scene '{scene.id}': choice {position} is not open "
                        f"(hidden: its condition `{choice.cond.source if choice.cond else ''}`"
                        " is false)")
    if choice.instead is not None:
        return choice, blockers
    why = [f"{cap} closed by default" if not by else ", ".join(c.id for c in by)
           for cap, by in blockers]
    raise PlayError(f"scene '{scene.id}': choice {position} is not open "
                    f"(blocked by {'; '.join(why)})")


def _enter(ctx: Context, draft: _Draft, scene_id: str, events: list[Event]) -> None:
    """Step 2: entering applies `set`, then `add`, then `observe`."""
    if len(draft.path) >= SCENE_CAP:
        if scene_id in draft.path:
            raise LoopLimit(f"stopped after {SCENE_CAP} scenes: scene '{scene_id}' loops "
                            "through `goto` with no way out")
        raise LoopLimit(f"stopped after {SCENE_CAP} scenes: a playthrough may enter at most "
                        f"{SCENE_CAP} scenes")
    scene = ctx.scenario.scenes[scene_id]
    draft.scene = scene_id
    draft.path = draft.path + (scene_id,)
    events.append(SceneEntered(scene_id))
    _apply(ctx, draft, scene.set, scene.add, scene.observe, scene_id, events)
    if scene.ending is not None:
        draft.ended = True
        events.append(EndingReached(scene_id, scene.ending.fill(values(ctx, draft))))


def _apply(ctx: Context, draft: _Draft, sets: tuple[tuple[str, Value], ...],
           adds: tuple[tuple[str, int], ...], observe: tuple[Observation, ...],
           scene_id: str, events: list[Event]) -> None:
    if sets or adds:
        new_vars = dict(draft.vars)
        new_vars.update(sets)
        for name, amount in adds:
            # an int: the loader checks every `add` target
            new_vars[name] = new_vars[name] + amount  # type: ignore[operator]
        draft.vars = MappingProxyType(new_vars)
    for obs in observe:
        _observe(ctx, draft, obs, scene_id, events)


def _observe(ctx: Context, draft: _Draft, obs: Observation, scene_id: str,
             events: list[Event]) -> None:
    """Step 4: a chance below 1 takes exactly one draw; chance 1 takes none."""
    if obs.chance < 1.0:
        rng = random.Random()
        if draft.rng is None:
            rng.seed(draft.seed)
        else:
            rng.setstate(draft.rng)
        draw = rng.random()
        draft.rng = rng.getstate()
        if not draw < obs.chance:
            return
    # Positional: keywords cost more, and this runs at every observation.
    standing, entries = rules.apply(ctx.ruleset, draft.standing, obs.behaviour, scene_id,
                                    len(draft.ledger) + 1, obs.seen_by)
    for entry in entries:
        events.append(Recorded(entry))
        if entry.started or entry.ended:
            events.extend(ConsequenceStarted(c) for c in entry.started)
            events.extend(ConsequenceEnded(c) for c in entry.ended)
    draft.standing = standing
    draft.ledger = draft.ledger + entries


# -- what the player sees -------------------------------------------------------------

def env(ctx: Context, state: State) -> Env:
    """The names and functions a scenario expression sees now."""
    st = state.standing
    # `visited('x')` looks in the path itself: rarely asked, so no set is kept.
    return Env(state.vars, st.lists, st.counts, state.path,
               lambda cap: capability(ctx, state, cap)[0], st.score, st.tier,
               ctx.ruleset.scored)


def values(ctx: Context, state: State | _Draft) -> dict[str, Any]:
    """What `{name}` may interpolate: the variables plus score, tier and tier_label.

    Under a ruleset that keeps no score, `{score}` and `{tier_label}` read
    "no score" and `{tier}` reads empty.
    """
    out: dict[str, Any] = dict(state.vars)
    if not ctx.ruleset.scored:
        out.update(score=NO_SCORE, tier="", tier_label=NO_SCORE)
        return out
    tier = ctx.ruleset.tier_of(state.standing.score)
    out.update(score=state.standing.score, tier=tier.id, tier_label=tier.label)
    return out


NO_SCORE = "no score"


def capability(ctx: Context, state: State, cap: str) -> tuple[bool, tuple[Any, ...]]:
    """Whether a capability is open now, and the active restrictions that close it."""
    default = ctx.story.capabilities[cap].default
    return rules.capability_open(ctx.ruleset, state.standing.active, cap, default)


def choice_status(ctx: Context, state: State, choice: Choice,
                  e: Env | None = None) -> tuple[ChoiceStatus, ClosedBy]:
    """OPEN, HIDDEN (its `if` is false) or BLOCKED with (capability, blockers) pairs."""
    if choice.cond is not None and not choice.cond.fn(e or env(ctx, state)):
        return HIDDEN, []
    if not choice.requires:
        return OPEN, []
    closed = []
    for cap in choice.requires:
        is_open, by = capability(ctx, state, cap)
        if not is_open:
            closed.append((cap, by))
    return (BLOCKED if closed else OPEN), closed


def statuses(ctx: Context, state: State) -> tuple[tuple[ChoiceStatus, ClosedBy], ...]:
    """The status of every choice of the scene now, in file order (kept for `step`)."""
    seen, known = ctx.memo[0]
    if seen is state:
        return known  # type: ignore[no-any-return]  # the memo holds what this returned
    e = env(ctx, state)
    out = tuple(choice_status(ctx, state, c, e) for c in ctx.scene(state).choices)
    ctx.memo[0] = (state, out)
    return out


def takeable(ctx: Context, state: State) -> list[int]:
    """The positions that can be taken now: open choices, and closed ones with `instead`."""
    if state.ended:
        return []
    out = []
    # A plain loop over the memoized statuses: this runs at every step of simulate.
    for choice, (status, _) in zip(ctx.scenario.scenes[state.scene].choices,
                                   statuses(ctx, state), strict=True):
        if status is OPEN or (status is BLOCKED and choice.instead is not None):
            out.append(choice.position)
    return out


def open_positions(ctx: Context, state: State) -> list[int]:
    """The positions of the open choices now (closed ones with `instead` not included)."""
    choices = ctx.scene(state).choices
    return [c.position for c, (status, _) in zip(choices, statuses(ctx, state), strict=True)
            if status is OPEN]
