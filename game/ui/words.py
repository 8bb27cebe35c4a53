"""The sentences the window shows, built from engine data (pygame-free, tested alone).

Meaning is always in words: "lost 5 points", never a red number alone.
"""

from __future__ import annotations

from collections.abc import Iterable

from game.rules.ledger import LedgerEntry, signed
from game.rules.model import Source


def points(applied: int) -> str:
    if applied > 0:
        return f"Gained {applied} point{'s' if applied != 1 else ''}"
    if applied < 0:
        return f"Lost {-applied} point{'s' if applied != -1 else ''}"
    return "Recorded, no points"


def score_change(e: LedgerEntry) -> str:
    if e.before == e.after:
        return f"Score stays at {e.after}"
    return f"Score {e.before} to {e.after}"


def source_line(src: Source) -> str:
    bits = [src.title, src.outlet, src.date]
    return ", ".join(b for b in bits if b)


def sources_text(sources: Iterable[Source], limit: int = 3) -> str:
    srcs = list(sources)
    if not srcs:
        return "Source: none (invented for the game)"
    head = "; ".join(source_line(s) for s in srcs[:limit])
    more = f" and {len(srcs) - limit} more" if len(srcs) > limit else ""
    return f"Source{'s' if len(srcs) > 1 else ''}: {head}{more}"


def behaviour_name(story, behaviour: str) -> str:  # noqa: ANN001
    return story.behaviours.get(behaviour, behaviour)


def entry_title(story, e: LedgerEntry) -> str:  # noqa: ANN001
    """"Lost 5 points: Running a red light (TRAFFIC-RED-LIGHT)"."""
    rule = f" ({e.rule})" if e.rule else ""
    if e.rule and not e.applied:
        return f"No points, but on your record: {behaviour_name(story, e.behaviour)}{rule}"
    return f"{points(e.applied)}: {behaviour_name(story, e.behaviour)}{rule}"


def entry_lines(story, e: LedgerEntry, ruleset) -> list[str]:  # noqa: ANN001
    """The transparent explanation of one entry, line by line."""
    out = []
    if e.rule is None:
        out.append("No rule scored this, but the system recorded it.")
    elif e.reason:
        out.append(e.reason)
    if e.seen_by:
        out.append(f"Seen by: {e.seen_by}")
    out.append(f"{score_change(e)}; tier now {tier_label(ruleset, e.tier)}.")
    if e.delta != e.applied:
        out.append(f"The rule says {signed(e.delta)}; the score's limits allowed "
                   f"{signed(e.applied)}.")
    for cid in e.started:
        c = _consequence(ruleset, cid)
        out.append(f"Now in force: {cid}" + (f". {c.explain}" if c else ""))
    for cid in e.ended:
        out.append(f"No longer in force: {cid}")
    return out


def tier_label(ruleset, tier_id: str) -> str:  # noqa: ANN001
    t = next((t for t in ruleset.tiers if t.id == tier_id), None)
    if t is None:
        return tier_id
    if t.id.lower() in t.label.lower() or len(ruleset.tiers) == 1:
        return t.label
    return f"{t.label} ({t.id.upper()})"


def next_tiers(ruleset, score: int) -> list[str]:  # noqa: ANN001
    """What would change the tier: the thresholds just above and below the score."""
    above = [t for t in ruleset.tiers if t.min > score]
    at = ruleset.tier_of(score)
    out = []
    if above:
        up = min(above, key=lambda t: t.min)
        out.append(f"{up.min - score} more points would reach "
                   f"{tier_label(ruleset, up.id)}, which starts at {up.min}.")
    if at.min > ruleset.score.min:
        out.append(f"Losing {score - at.min + 1} points would take you below {at.min}, "
                   f"out of {tier_label(ruleset, at.id)}.")
    return out


def _consequence(ruleset, cid: str):  # noqa: ANN001, ANN202
    return next((c for c in ruleset.consequences if c.id == cid), None)


def closed_lines(choice, opaque: bool, ruleset_notice: str) -> list[str]:  # noqa: ANN001
    """Why a door is shut: the notice (opaque) or the real reasons and sources."""
    if opaque:
        notes = list(dict.fromkeys(choice.notices)) or [ruleset_notice or "Not available."]
        return ["Closed. " + " ".join(notes)]
    out = []
    for cl in choice.closed:
        if not cl.by:
            out.append(f"Closed: {cl.name}. It is closed by default, and no privilege "
                       "of yours opens it.")
        for c in cl.by:
            out.append(f"Closed: {cl.name}. Blocked by {c.id} ({c.fidelity}): {c.explain}")
            out.append(sources_text(c.sources, limit=1))
    return out


def sort_entries(entries: Iterable[LedgerEntry]) -> list[LedgerEntry]:
    """Largest change first (an adverse-action notice's order); ties in ledger order."""
    return sorted(entries, key=lambda e: (-abs(e.applied), e.step))


def standing_sentence(ruleset, standing) -> str:  # noqa: ANN001
    """"Under X you finished with 995 points, tier Warning, on no list." (lists-only
    rulesets, with no score to speak of, get only the lists)."""
    lists = ", ".join(n for _, n in standing.lists) or "no list"
    scored = any(t.min > ruleset.score.min for t in ruleset.tiers) or (
        ruleset.score.max is not None and ruleset.score.max > ruleset.score.min)
    if not scored:
        return f"Under {ruleset.name} you finished on {lists}."
    return (f"Under {ruleset.name} you finished with {standing.score} points, tier "
            f"{standing.tier.label}, on {lists}.")


def path_split(story, outcome) -> str:  # noqa: ANN001
    """Where the same choices could not be followed under another ruleset, in words."""
    scene = story.scenarios[outcome.state.scenario].scenes[outcome.state.scene]
    total = len(outcome.playthrough.choices)
    position = outcome.playthrough.choices[outcome.taken]
    choice = scene.choices[position - 1] if 0 < position <= len(scene.choices) else None
    if choice is not None:
        from game.engine.play import Context, values

        ctx = Context.of(story, outcome.state.scenario, outcome.state.ruleset)
        what = f'"{choice.text.fill(values(ctx, outcome.state))}"'
    else:
        what = f"choice {position}"
    why = "closed to you" if outcome.stopped == "blocked" else "not offered to you"
    return (f"Your path splits here after {outcome.taken} of your {total} choices: "
            f"{what} was {why} under these rules.")
