"""Plain-text renderings shared by the terminal game and the text commands:
a score-change notice, a blocked door, the ledger, a ruleset listing.

Plain lines only (no colour, no cursor tricks), so screen readers and ssh
sessions read them as they are.
"""

from __future__ import annotations

import shutil
import textwrap
from typing import Any

from game.engine.model import Story
from game.engine.view import ChoiceView
from game.rules.ledger import LedgerEntry, signed
from game.rules.model import Consequence, Source


def width() -> int:
    return max(40, min(88, shutil.get_terminal_size((88, 24)).columns - 2))


def wrap(text: str, indent: str = "") -> str:
    return textwrap.fill(text, width(), initial_indent=indent, subsequent_indent=indent)


def cite(sources: tuple[Source, ...]) -> str:
    if not sources:
        return "no source (invented for the game)"
    return "; ".join(f"{s.title}, {s.outlet}, {s.date}" for s in sources)


def scored(ruleset: Any) -> bool:
    """False for a ruleset that keeps no score: then no score or tier is ever shown."""
    return bool(ruleset.keeps_score)


def notice(entry: LedgerEntry, story: Story, transparent: bool, keeps_score: bool = True) -> str:
    """The notice of one ledger entry: what changed and why (or what the system says)."""
    behaviour = story.behaviours.get(entry.behaviour, entry.behaviour)
    if not transparent:
        said = entry.notice or "Your record has been updated."
        if entry.rule is None:
            return wrap(f"Recorded: {behaviour}.", "  ")
        return wrap(f"Notice: {said}" + (f" Score: {entry.after}." if keeps_score else ""),
                    "  ")
    if entry.rule is None:
        lines = [f"Recorded, no points: {behaviour}. {entry.reason}"]
        if entry.seen_by:
            lines.append(f"Seen by: {entry.seen_by}.")
        return "\n".join(wrap(line, "  ") for line in lines)
    if not keeps_score:
        head = f"Recorded: {behaviour}."
    else:
        applied = "" if entry.applied == entry.delta else f" (applied {signed(entry.applied)})"
        head = (f"No points (score stays {entry.after})." if not entry.delta else
                f"Score {signed(entry.delta)}{applied}: {entry.before} -> {entry.after}.")
    lines = [
        head,
        f"Why: {entry.reason}",
        f"Seen by: {entry.seen_by}.",
        f"How true: {entry.fidelity}. Source: {cite(entry.sources)}.",
    ]
    return "\n".join(wrap(line, "  ") for line in lines)


def door(choice: ChoiceView, transparent: bool) -> str:
    """A closed choice, with what the system says or the real reason."""
    can_try = getattr(choice, "can_try", False)
    mark = "[closed, you may try]" if can_try else "[closed]"
    head = f"{choice.position}. {mark} {choice.text}"
    parts = _reasons(choice, transparent)
    return "\n".join([wrap(head, "  ")] + [wrap(p, "       ") for p in parts])


def door_reasons(choice: ChoiceView, transparent: bool) -> str:
    """Why a door is closed, in one paragraph."""
    return " ".join(_reasons(choice, transparent)) or "it is not open to you."


def _reasons(choice: ChoiceView, transparent: bool) -> list[str]:
    parts = []
    for closed in choice.closed:
        if not closed.by:
            parts.append(f"{closed.name}: not open to you (no privilege grants it).")
        for cons in closed.by:
            parts.append(_why(cons, transparent))
    return list(dict.fromkeys(parts))


def _why(cons: Consequence, transparent: bool) -> str:
    if not transparent:
        return cons.notice or "Not available."
    return f"Why: {cons.explain} ({cons.fidelity}; source: {cite(cons.sources)})"


def refusal(refused: Any, life: Any, transparent: bool) -> str:
    """A tried closed door: the story's refusal text, and (transparent) the real reason."""
    lines = [refused.text] if refused.text else ["The door stays closed."]
    if transparent:
        for cons in life.ruleset.consequences:
            if cons.id in refused.by:
                lines.append(f"Why: {cons.explain} ({cons.fidelity}; source: "
                             f"{cite(cons.sources)})")
        if not refused.by:
            cap = life.story.capabilities.get(refused.capability)
            name = cap.name if cap else "This"
            lines.append(f"Why: {name} is not open to you (no privilege grants it).")
    return "\n".join(wrap(line, "  ") for line in lines)


def ledger_lines(entries: tuple[LedgerEntry, ...], story: Story,
                 keeps_score: bool = True) -> list[str]:
    """The ledger for a reader: what was seen, and what it did (no ids)."""
    if not entries:
        return ["  (the ledger is empty)"]
    out = []
    for e in entries:
        what = story.behaviours.get(e.behaviour, e.behaviour)
        if e.rule is None:
            did = "recorded, no rule applied"
        elif keeps_score:
            did = f"{signed(e.delta or 0)} points ({e.before} -> {e.after})"
        else:
            did = "recorded"
        out.append(wrap(f"{e.step}. {what}: {did}. {e.fidelity or ''}".rstrip(), "  "))
    return out


def print_rules(story: Story, ids: list[str]) -> None:
    for rid in ids:
        r = story.rulesets[rid]
        print(f"== {r.name} ({r.id}) - {r.fidelity}")
        if r.summary:
            print(wrap(r.summary, "   "))
        if r.includes:
            print("   includes: " + ", ".join(r.includes))
        if getattr(r, "scored", True):
            print(f"   score: starts at {r.score.start}, range {r.score.min}..{r.score.max}")
            print("   tiers: " + ", ".join(f"{t.label} ({t.id}) from {t.min}" for t in r.tiers))
        else:
            print("   keeps no score: only lists (" + (", ".join(r.lists.values()) or "none")
                  + ")")
        for rule in r.rules:
            extra = (f" if {rule.cond.source}" if rule.cond else "") + (
                f"; adds to {rule.add_to}" if rule.add_to else "") + (
                f"; removes from {rule.remove_from}" if rule.remove_from else "")
            points = f", {signed(rule.delta or 0)} points" if getattr(r, "scored", True) else ""
            print(wrap(f"{rule.id}: on {rule.on}{extra}{points}. "
                       f"{rule.reason} Seen by {rule.seen_by}. [{rule.fidelity}] "
                       f"Source: {cite(rule.sources)}", "   "))
        for c in r.consequences:
            what = ("closes " + ", ".join(c.blocks)) if c.blocks else (
                "opens " + ", ".join(c.grants))
            print(wrap(f"{c.id} ({c.kind}) when {c.when.source}: {what}. {c.explain} "
                       f"[{c.fidelity}] Source: {cite(c.sources)}", "   "))
        print()


def print_simulation(story: Story, data: dict[str, Any]) -> None:
    print(f"{data['runs']} random playthroughs of {data['scenario']} under {data['ruleset']} "
          f"(seed {data['seed']})")
    for ending, n in data["endings"].items():
        print(f"  ending {ending}: {n}")
    s = data["score"]
    if s is None:
        print("  score: none kept (this ruleset keeps lists only)")
    else:
        print(f"  score: min {s['min']}, median {s['median']}, max {s['max']}")
    for rule, n in data["rules"].items():
        print(f"  rule {rule} fired {n} times")
    for cons, n in data["consequences"].items():
        print(f"  {cons} active in {n} playthroughs")
    if data["unvisited"]:
        print("  never visited: " + ", ".join(data["unvisited"]))
    w = data.get("whatif")
    if w:
        print(f"  what if, by the same choices: {round(w['differ'] * 100)} % of lives end "
              "differently under at least one other ruleset")
        for rid in w["rulesets"]:
            ends = ", ".join(f"{e} {n}" for e, n in w["endings"][rid].items())
            print(f"    under {rid}: {ends}; stopped {w['stopped'][rid]}")


def print_playthrough(story: Story, outcome: Any, code: str) -> None:
    state = outcome.state
    print(f"{story.scenarios[state.scenario].title}, under {story.rulesets[state.ruleset].name}")
    print("path: " + " -> ".join(state.path))
    print("ledger:")
    scored = getattr(story.rulesets[state.ruleset], "scored", True)
    for line in ledger_lines(state.ledger, story, scored):
        print(line)
    for d in outcome.blocked:
        by = ", ".join(d.by) or "closed by default"
        print(f"  closed door at {d.scene}, choice {d.choice}: {d.capability} ({by})")
    for r in outcome.life.refusals:
        by = ", ".join(r.by) or "closed by default"
        print(f"  refused at {r.scene}, choice {r.choice}: {r.capability} ({by})")
    ending = f"{outcome.ending_title} ({outcome.ending})" if outcome.ending else "not reached"
    rs = story.rulesets[state.ruleset]
    kept = f"score {state.standing.score}" if getattr(rs, "scored", True) else "no score kept"
    print(f"ending: {ending}; {kept}")
    print(f"replay code: {code}")
