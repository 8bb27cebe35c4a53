"""The sentences the window shows, built from engine data (pygame-free, tested alone).

Meaning is always in words: "lost 5 points", never a red number alone.
"""

from __future__ import annotations

import re
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
    """"Lost 5 points: Running a red light" (a rule's id never reaches a player)."""
    if e.rule and not e.applied:
        return f"No points, but on your record: {behaviour_name(story, e.behaviour)}"
    return f"{points(e.applied)}: {behaviour_name(story, e.behaviour)}"


def entry_lines(story, e: LedgerEntry, ruleset,  # noqa: ANN001
                seen_by: bool = True) -> list[str]:
    """The transparent explanation of one entry, line by line (without who saw it when
    the card shows that already, next to the fidelity badge)."""
    out = []
    if e.rule is None:
        out.append("No rule scored this, but the system recorded it.")
    elif e.reason:
        out.append(e.reason)
    if e.seen_by and seen_by:
        out.append(f"Seen by: {e.seen_by}")
    if keeps_score(ruleset):  # a ruleset that keeps only lists has no score to speak of
        out.append(f"{score_change(e)}; tier now {tier_label(ruleset, e.tier)}.")
    if keeps_score(ruleset) and e.delta != e.applied:
        out.append(f"The rule says {signed(e.delta)}; the score's limits allowed "
                   f"{signed(e.applied)}.")
    out += [started_line(ruleset, cid) for cid in e.started]
    out += [ended_line(ruleset, cid) for cid in e.ended]
    return out


def consequence_kind(c) -> str:  # noqa: ANN001
    return "privilege" if str(c.kind) == "privilege" else "restriction"


def started_line(ruleset, cid: str) -> str:  # noqa: ANN001
    """A consequence that came into force, by what it does (never by its id)."""
    c = _consequence(ruleset, cid)
    if c is None:
        return "A new restriction or privilege is now in force."
    return f"Now in force, a {consequence_kind(c)}: {c.explain}"


def ended_line(ruleset, cid: str) -> str:  # noqa: ANN001
    c = _consequence(ruleset, cid)
    if c is None:
        return "A restriction or privilege is no longer in force."
    what = c.notice or c.explain
    return f"No longer in force, a {consequence_kind(c)}: {what}"


def tier_label(ruleset, tier_id: str) -> str:  # noqa: ANN001
    t = next((t for t in ruleset.tiers if t.id == tier_id), None)
    return t.label if t is not None else "no tier"


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
        # Never the ruleset's "record updated" notice here: nothing was recorded.
        notes = list(dict.fromkeys(choice.notices)) or ["Not available."]
        return ["Closed. " + " ".join(notes)]
    out = []
    for cl in choice.closed:
        out.append(f"Closed: {cl.name}. {closed_reason(cl.by)}")
        for c in cl.by[:1]:
            out.append(sources_text(c.sources, limit=1))
    return out


def closed_reason(by) -> str:  # noqa: ANN001
    """Why one capability is closed, the same words on every screen (and in the debrief)."""
    if not by:
        return "Only a privilege opens this, and you hold none that does."
    return " ".join(f"{c.explain} ({c.fidelity})" for c in by)


def sort_entries(entries: Iterable[LedgerEntry]) -> list[LedgerEntry]:
    """Largest change first (an adverse-action notice's order); ties in ledger order."""
    return sorted(entries, key=lambda e: (-abs(e.applied), e.step))


def standing_sentence(ruleset, standing) -> str:  # noqa: ANN001
    """"Under X you finished with 995 points, tier Warning, on no list." (lists-only
    rulesets, with no score to speak of, get only the lists)."""
    lists = lists_phrase([n for _, n in standing.lists])
    name = ruleset.name[:1].lower() + ruleset.name[1:] if ruleset.name.startswith(
        ("The ", "A ")) else ruleset.name  # "Under the court list", not "Under The court list"
    if not keeps_score(ruleset):
        return f"Under {name} you finished {lists}."
    return (f"Under {name} you finished with {standing.score:,} points, tier "
            f"{standing.tier.label}, {lists}.")


def lists_phrase(names: list[str]) -> str:
    """"on no list", "on one list: Jaywalkers shown on the crossing screens", "on 2
    lists: A; B" (a list's name is a phrase of its own, so it never runs into the
    sentence)."""
    if not names:
        return "on no list"
    if len(names) == 1:
        return f"on one list: {names[0]}"
    return f"on {len(names)} lists: " + "; ".join(names)


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


def keeps_score(ruleset) -> bool:  # noqa: ANN001
    """False under rules that keep lists, not points: then no score or tier is ever shown."""
    return bool(getattr(ruleset, "scored", True)) and ruleset.keeps_score


def thousands(n: int) -> str:
    return f"{n:,}"


def slip_line(story, ruleset, e: LedgerEntry, opaque: bool) -> str:  # noqa: ANN001
    """The stamped slip: "-5 · Running a red light · traffic camera · REPORTED".

    Opaque: only the points and what the system says; no rule, no witness.
    """
    pts = signed(e.applied) if e.applied else ""
    if opaque:
        told = e.notice or ruleset.notice or "Your record has been updated."
        return " \u00b7 ".join(x for x in (pts, told.rstrip(".")) if x)
    what = behaviour_name(story, e.behaviour)
    bits = [pts, what, e.seen_by or "", str(e.fidelity).upper() if e.fidelity else ""]
    return " \u00b7 ".join(b for b in bits if b)


def _listed(ruleset, e: LedgerEntry) -> str:  # noqa: ANN001
    rule = next((r for r in ruleset.rules if r.id == e.rule), None) if e.rule else None
    if rule is None:
        return ""
    if rule.add_to:
        return f"put on the {ruleset.lists.get(rule.add_to, 'list')}"
    if rule.remove_from:
        return f"taken off the {ruleset.lists.get(rule.remove_from, 'list')}"
    return ""


def slip_worthy(ruleset, e: LedgerEntry) -> bool:  # noqa: ANN001
    """Points, a list joined or left, or a door opened or closed: a slip of its own.
    Everything else (recorded, no points) gathers into the day's summary."""
    return bool(e.applied or e.started or e.ended or _listed(ruleset, e))


_SCORE_WHEN = re.compile(r"^\s*score\s*(<|<=|>=|>)\s*(\d+)\s*$")
_LIST_WHEN = re.compile(r"^\s*(not\s+)?on_list\('([a-z0-9][a-z0-9_-]*)'\)\s*$")


def condition_words(ruleset, source: str) -> str | None:  # noqa: ANN001
    """A consequence's `when`, in words, for the simple forms (else None)."""
    parts = re.split(r"\s+(and|or)\s+", source.strip())
    out = []
    for i, part in enumerate(parts):
        if i % 2:
            out.append(part)
            continue
        m, n = _SCORE_WHEN.match(part), _LIST_WHEN.match(part)
        if m:
            op = {"<": "below", "<=": "at or below", ">=": "at least", ">": "above"}[m[1]]
            out.append(f"your score is {op} {thousands(int(m[2]))}")
        elif n:
            name = ruleset.lists.get(n[2], "a list")
            out.append(f"you are {'not ' if n[1] else ''}on the {name}")
        else:
            return None
    return " ".join(out)


def what_would_open(ruleset, closed, score: int, scored: bool) -> list[str]:  # noqa: ANN001
    """For a closed capability: the gap ("needs 1,030: you are 60 short") or the condition
    in words, and what would open it. From the consequences' `when`, never their ids."""
    out: list[str] = []
    cap = getattr(closed, "capability", None) or closed.id
    if not closed.by:
        grants = [c for c in ruleset.consequences if cap in c.grants]
        for g in grants:
            m = _SCORE_WHEN.match(g.when.source)
            if m and scored and m[1] in (">=", ">"):
                need = int(m[2]) + (1 if m[1] == ">" else 0)
                out.append(f"Opens at {thousands(need)} points: you are "
                           f"{thousands(need - score)} short.")
            else:
                cond = condition_words(ruleset, g.when.source)
                out.append(f"Opens when {cond}." if cond else
                           "Opens only for people these rules single out for a privilege.")
        return out or ["Nothing in these rules opens it."]
    for c in closed.by:
        m = _SCORE_WHEN.match(c.when.source)
        if m and scored and m[1] in ("<", "<="):
            need = int(m[2]) + (1 if m[1] == "<=" else 0)
            out.append(f"Needs {thousands(need)} points: you are {thousands(need - score)} "
                       "short.")
        else:
            cond = condition_words(ruleset, c.when.source)
            out.append(f"Closed while {cond}; it opens when that stops being true." if cond
                       else "It opens only when the rules' condition for it stops holding.")
    return out
