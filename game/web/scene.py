"""What a web page shows of a life, as plain data for the templates.

Built from the engine host (`Life`, its `View` and the last step's `Beat`)
and the window's own sentences (game.ui.words, pygame-free), so the browser
says what the window says. Opaque mode keeps to what the citizen is told;
transparent mode adds the rule's reason, who saw it, how true it is and the
sources. No id of any kind (rule, consequence, scene, tier) is put here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game import picture_slots
from game.engine.host import Beat, Life
from game.engine.view import BLOCKED, HIDDEN, ChoiceView
from game.rules.ledger import LedgerEntry
from game.rules.model import Ruleset, Source
from game.ui import words

FIDELITY = {
    "documented": "Documented: official documents, court or government data",
    "reported": "Reported by credible journalism",
    "contested": "Contested: widely reported, disputed by experts",
    "dramatized": "Invented for the game",
}
MAX_REASONS = 4


@dataclass(frozen=True, slots=True)
class Link:
    text: str
    href: str


def sources(srcs: tuple[Source, ...]) -> list[dict[str, Any]]:
    """Citations for a page: title, outlet, date and a link only for web addresses."""
    return [{"title": s.title, "outlet": s.outlet, "date": s.date,
             "url": s.url if s.url and s.url.lower().startswith(("https://", "http://"))
             else None} for s in srcs]


def fidelity(value: Any) -> dict[str, str] | None:
    if value is None:
        return None
    key = str(value)
    return {"key": key, "text": FIDELITY.get(key, key)}


def notice(life: Life, beat: Beat | None, transparent: bool) -> dict[str, Any] | None:
    """The notice after a step: the refusal, then what the system recorded and why."""
    if beat is None:
        return None
    entries = list(beat.entries)
    refusal = beat.refusal
    told = [e for e in entries if e.applied or e.notice or e.started]
    if not refusal and not (entries if transparent else told):
        return None
    rs = life.ruleset
    out: dict[str, Any] = {"refusal": refusal.text if refusal else None,
                           "transparent": transparent, "scored": words.keeps_score(rs),
                           "before": None, "after": None, "change": 0, "reasons": [],
                           "more": 0, "next": [], "told": [], "tier": None}
    if not entries:
        return out
    first, last = entries[0], entries[-1]
    out["before"], out["after"] = first.before, last.after
    out["change"] = last.after - first.before
    if transparent:
        ranked = words.sort_entries(entries)
        out["reasons"] = [reason(life, e) for e in ranked[:MAX_REASONS]]
        out["more"] = max(0, len(ranked) - MAX_REASONS)
        out["next"] = words.next_tiers(rs, last.after) if out["scored"] else []
    else:
        out["told"] = list(dict.fromkeys(e.notice for e in entries if e.notice)) or (
            [rs.notice or "Your record has been updated."] if told else [])
        out["tier"] = rs.tier_of(last.after).label
    return out


def reason(life: Life, e: LedgerEntry) -> dict[str, Any]:
    """One ledger entry explained: what, points, why, who saw it, how true, sources."""
    rs = life.ruleset
    return {
        "title": words.entry_title(life.story, e),
        "direction": "down" if e.applied < 0 else "up" if e.applied > 0 else "none",
        "why": e.reason if e.rule else "No rule scored this, but the system recorded it.",
        "seen_by": e.seen_by,
        "score": words.score_change(e) if words.keeps_score(rs) else None,
        "tier": words.tier_label(rs, e.tier) if words.keeps_score(rs) else None,
        "clamped": (f"The rule says {words.signed(e.delta)}; the score's limits allowed "
                    f"{words.signed(e.applied)}.") if e.delta != e.applied else None,
        "started": [{"text": words.started_line(rs, c), "kind": _kind(rs, c)}
                    for c in e.started],
        "ended": [words.ended_line(rs, c) for c in e.ended],
        "fidelity": fidelity(e.fidelity),
        "sources": sources(e.sources),
    }


def _kind(rs: Ruleset, cid: str) -> str:
    c = next((c for c in rs.consequences if c.id == cid), None)
    return "privilege" if c is not None and str(c.kind) == "privilege" else "restriction"


def choices(life: Life, transparent: bool) -> list[dict[str, Any]]:
    """The choices a player sees: open ones, and closed doors with why (pressable if `instead`)."""
    view = life.view
    takeable = set(life.takeable())
    out = []
    for c in view.choices:
        if c.status == HIDDEN:
            continue
        item: dict[str, Any] = {"position": c.position, "text": c.text,
                                "closed": c.status == BLOCKED,
                                "can_take": c.position in takeable}
        if c.status == BLOCKED:
            item["why"] = door_why(life.ruleset, c, transparent, view.notice)
        out.append(item)
    return out


def door_why(rs: Ruleset, c: ChoiceView, transparent: bool, ruleset_notice: str
             ) -> list[dict[str, Any]]:
    """Why a door is closed: the notice (opaque), or the capability, reason, fidelity, sources."""
    if not transparent:
        # A door nothing announced stays as mute as the system keeps it.
        notes = list(dict.fromkeys(c.notices)) or ["Not available to you."]
        return [{"what": None, "text": " ".join(notes), "fidelity": None, "sources": []}]
    out = []
    for cl in c.closed:
        first = cl.by[0] if cl.by else None
        out.append({"what": cl.name, "text": words.closed_reason(cl.by),
                    "fidelity": fidelity(first.fidelity) if first else None,
                    "sources": sources(first.sources) if first else []})
    return out


def standing(life: Life, transparent: bool) -> dict[str, Any]:
    """Score and tier (only under rules that keep a score); in transparent mode, lists and doors."""
    st = life.view.standing
    rs = life.ruleset
    out: dict[str, Any] = {"scored": words.keeps_score(rs), "score": st.score,
                           "tier": st.tier.label, "rules": rs.name}
    if transparent:
        out["lists"] = [name for _, name in st.lists]
        out["closed"] = [c.name for c in st.capabilities if not c.open and (c.by or c.default)]
        out["privileges"] = [c.name for c in st.capabilities if c.open and not c.default]
    return out


def face(life: Life, image: str | None) -> dict[str, str] | None:
    """The life's face laid over the picture's face slot (the crossing's screen), as the
    window draws it in: its picture and where it goes, in percent of the picture."""
    frac = picture_slots.slot(image, story=life.story) if image else None
    name = picture_slots.face_name(life.scenario.id, life.story)
    if frac is None or not picture_slots.has_picture_file(picture_slots.images_dir(life.story),
                                                          name):
        return None
    # Percentages for an SVG <image> laid over the picture: placed without a style
    # attribute, which the pages' content security policy would refuse.
    x, y, w, h = (f"{100 * v:.2f}%" for v in frac)
    return {"src": f"/pictures/{name}", "x": x, "y": y, "width": w, "height": h}


def scene(life: Life, beat: Beat | None, transparent: bool) -> dict[str, Any]:
    """Everything the play page shows now."""
    view = life.view
    return {
        "life": view.scenario_title, "role": life.scenario.role, "rules": view.ruleset_name,
        "paragraphs": list(view.paragraphs), "ending": view.ending_title,
        "discuss": view.discuss, "can_go_on": life.can_go_on,
        "facts": [{"text": f.text, "sources": sources(f.sources)} for f in view.facts],
        "picture": f"/pictures/{view.image}" if view.image else None,
        "face": face(life, view.image),
        "choices": [] if life.ended or life.can_go_on else choices(life, transparent),
        "notice": notice(life, beat, transparent), "standing": standing(life, transparent),
        "steps": len(view.ledger),
    }
