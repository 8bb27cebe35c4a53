"""The printable debrief of one playthrough: a self-contained HTML page.

Everything on the page comes from the engine's own replay of the playthrough
(`game.analysis.replay`, `what_if`, and `present` at each scene), never from a
second implementation of the rules. The page carries its CSS and its chart
(SVG) inline and loads nothing: the only links leaving it are the citations in
its list of sources. Jinja2 autoescapes everything, so text typed by a player
(a name) or written in a story cannot become markup; a Content-Security-Policy
forbids scripts and remote loads as a second line of defence.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from game.analysis import Playthrough, replay, what_if
from game.atomic import write_atomic
from game.codes import CodeError, encode
from game.engine.events import Refused
from game.engine.host import Life
from game.engine.model import Story
from game.engine.play import Context, State, values
from game.engine.view import BLOCKED, HIDDEN, View
from game.rules.ledger import LedgerEntry
from game.rules.ledger import signed as ledger_signed
from game.rules.model import Consequence, Fidelity, Ruleset, Source

FIDELITY_TEXT = {f.value: f.meaning for f in Fidelity}


# -- the jinja2 environment -------------------------------------------------------------

_ENV: jinja2.Environment | None = None


def environment() -> jinja2.Environment:
    """The templates of game/reports/templates, autoescaped, undefined names an error."""
    global _ENV
    if _ENV is None:
        _ENV = jinja2.Environment(
            loader=jinja2.PackageLoader("game.reports", "templates"),
            autoescape=True, undefined=jinja2.StrictUndefined,
            trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
        _ENV.filters["points"] = signed
        _ENV.globals["FIDELITY_TEXT"] = FIDELITY_TEXT
    return _ENV


def signed(n: int) -> str:
    """+5, \u22125 (a real minus sign, for print) or 0."""
    return ledger_signed(n, "\u2212")


# -- sources, numbered in order of first citation -----------------------------------------

class Citations:
    """Numbers each source the first time the page cites it."""

    def __init__(self) -> None:
        self.order: dict[str, tuple[int, Source]] = {}

    def cite(self, sources: tuple[Source, ...]) -> list[tuple[int, Source]]:
        out = []
        for s in sources:
            if s.id not in self.order:
                self.order[s.id] = (len(self.order) + 1, s)
            out.append(self.order[s.id])
        return out

    def listed(self) -> list[dict[str, Any]]:
        return [{"n": n, "id": s.id, "title": s.title, "outlet": s.outlet, "date": s.date,
                 "url": s.url if _linkable(s.url) else None, "raw_url": s.url}
                for n, s in self.order.values()]


def _linkable(url: str | None) -> bool:
    # Only web citations become links: a `javascript:` or `file:` url stays text.
    return bool(url) and url.lower().startswith(("https://", "http://"))


# -- the walk through the playthrough -------------------------------------------------------

@dataclass
class Stop:
    """A scene with choices on the path: what was shown and what was taken."""

    view: View
    taken: int | None  # None: the given choices stopped here
    tried: tuple[Refused, ...] = ()  # the closed door tried here, one per closed capability


@dataclass
class Walk:
    state: State
    stops: list[Stop] = field(default_factory=list)
    final: View | None = None


def walk(story: Story, pt: Playthrough, life: Life | None = None) -> Walk:
    """The view of every scene with choices on the path, from one replay of `pt`
    (raises PlayError when the positions cannot all be taken)."""
    if life is None:
        life = replay(story, pt, strict=True).life
    stands = life.stands
    stops = [Stop(life.view_at(state), pt.choices[k] if k < len(pt.choices) else None,
                  life.tried(k))
             for k, state in enumerate(stands)]
    return Walk(life.state, stops, life.view)


# -- the report's model ------------------------------------------------------------------------

def consequence_info(c: Consequence, cites: Citations, story: Story | None = None
                     ) -> dict[str, Any]:
    """A consequence for the page: its id stays here, the template gets words."""
    return {"kind": str(c.kind), "name": consequence_name(c, story),
            "what": _capabilities(c, story), "notice": c.notice, "explain": c.explain,
            "fidelity": str(c.fidelity), "sources": cites.cite(c.sources)}


def consequence_name(c: Consequence, story: Story | None) -> str:
    """A consequence in a reader's words (never its id): what it closes or opens."""
    what = _capabilities(c, story)
    if c.kind == "restriction":
        return "closed: " + what if what else "a restriction"
    return "open: " + what if what else "a privilege"


def in_force_words(active: list[Consequence], story: Story) -> list[str]:
    """What the consequences in force close and open, one line per kind:
    ["closed: buy a plane ticket and take out a new loan", "open: ..."]."""
    out = []
    for kind, word in (("restriction", "closed"), ("privilege", "open")):
        names = [story.capabilities[x].name for c in active if c.kind == kind
                 for x in (c.blocks or c.grants) if x in story.capabilities]
        if names:
            out.append(f"{word}: {_and(list(dict.fromkeys(names)))}")
    return out


def _capabilities(c: Consequence, story: Story | None) -> str:
    # A capability without a name in the story is left out rather than shown by id.
    caps = story.capabilities if story is not None else {}
    names = [caps[x].name for x in (c.blocks or c.grants) if x in caps]
    return _and(names) if names else ""


def _and(names: list[str]) -> str:
    names = [n[:1].lower() + n[1:] if n[1:2].islower() else n for n in names]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def notice_info(e: LedgerEntry, story: Story, ruleset: Ruleset,
                cites: Citations) -> dict[str, Any]:
    """One ledger entry as a notice of change."""
    by_id = {c.id: c for c in ruleset.consequences}
    rule = next((r for r in ruleset.rules if r.id == e.rule), None)
    return {
        "step": e.step,
        "behaviour_name": story.behaviours.get(e.behaviour, "something you did"),
        "rule": e.rule is not None, "delta": e.delta, "applied": e.applied, "before": e.before,
        "after": e.after, "tier": ruleset.tier_of(e.after).label,
        "tier_changed": ruleset.tier_of(e.before).id != ruleset.tier_of(e.after).id,
        "put_on": _list_name(ruleset, rule.add_to) if rule else None,
        "taken_off": _list_name(ruleset, rule.remove_from) if rule else None,
        "reason": e.reason, "seen_by": e.seen_by or "not recorded",
        "fidelity": None if e.fidelity is None else str(e.fidelity),
        "told": e.notice or ruleset.notice,
        "sources": cites.cite(e.sources),
        "started": [consequence_info(by_id[c], cites, story) for c in e.started if c in by_id],
        "ended": [consequence_info(by_id[c], cites, story) for c in e.ended if c in by_id],
    }


def _list_name(ruleset: Ruleset, list_id: str | None) -> str | None:
    if list_id is None:
        return None
    return ruleset.lists.get(list_id, "a list")


def path_info(stops: list[Stop], cites: Citations, story: Story | None = None
              ) -> list[dict[str, Any]]:
    """Each decision on the path: the scene in words, the choice taken, the doors shown
    closed (and, for a door the player tried, what the system answered)."""
    out = []
    for k, stop in enumerate(stops, start=1):
        taken = next((c for c in stop.view.choices if c.position == stop.taken), None)
        closed = []
        for c in stop.view.choices:
            if c.status != BLOCKED:
                continue
            for cl in c.closed:
                answer = next((r.text for r in stop.tried
                               if r.choice == c.position and r.text), None)
                closed.append({
                    "where": k, "text": c.text, "capability": cl.name,
                    "tried": c.position == stop.taken and bool(stop.tried),
                    "answer": answer,
                    "by": [consequence_info(b, cites, story) for b in cl.by]})
        out.append({"where": opening(stop.view.paragraphs),
                    "taken": taken.text if taken else None,
                    "refused": bool(stop.tried),
                    "open": sum(1 for c in stop.view.choices if c.status not in (HIDDEN,)),
                    "closed": closed})
    return out


def opening(paragraphs: tuple[str, ...] | list[str], most: int = 80) -> str:
    """The first sentence or two of a scene, shortened: how a reader recognises it
    (a scene is never named by its id on a page)."""
    text = paragraphs[0].strip() if paragraphs else ""
    out = ""
    for sentence in re.split(r"(?<=[.!?”])\s+", text):
        out = f"{out} {sentence}".strip()
        if len(out) >= 25:
            break
    if not out:
        return "A scene with no words"
    return out if len(out) <= most else out[:most - 1].rsplit(" ", 1)[0] + "…"


def what_if_info(story: Story, outcomes: list[Any]) -> list[dict[str, Any]]:
    """One row per ruleset from the host's comparison by the same choices
    (`game.whatif.Comparison`): its sentence is in the story's words already."""
    rows = []
    for o in outcomes:
        rs = o.ruleset
        st = o.state.standing
        rows.append({
            "played": o.own, "name": rs.name, "fidelity": str(rs.fidelity),
            "ending": o.ending_title, "stopped": bool(o.stopped),
            "sentence": None if o.own else o.sentence,
            "score": st.score, "start": rs.score.start,
            "tier": rs.tier_of(st.score).label if len(rs.tiers) > 1 else None,
            "scored": keeps_score(rs),
            "lists": [name for lid, name in rs.lists.items() if lid in st.lists],
            "in_force": in_force_words([c for c in rs.consequences if c.id in st.active],
                                       story),
            "fired": sum(1 for e in o.state.ledger if e.rule is not None),
            "doors": len({(d.scene, d.choice) for d in o.blocked}),
            "closed_here": len({(d.scene, d.choice) for d in o.closed}),
            "opened_here": len({(d.scene, d.choice) for d in o.opened}),
        })
    return rows


def discussion(story: Story, pt: Playthrough, state: State) -> list[dict[str, Any]]:
    """The scenario's `discuss` prompts: those met on the path first, then the others."""
    ctx = Context.of(story, pt.scenario, pt.ruleset)
    vals = values(ctx, state)
    seen = list(dict.fromkeys(s for s in state.path if ctx.scenario.scenes[s].discuss))
    rest = [sid for sid, s in ctx.scenario.scenes.items() if s.discuss and sid not in seen]
    return [{"scene": sid, "met": sid in seen,
             "text": ctx.scenario.scenes[sid].discuss.fill(vals)}  # type: ignore[union-attr]
            for sid in seen + rest]


def facts_info(story: Story, pt: Playthrough, state: State,
               cites: Citations) -> list[dict[str, Any]]:
    scenes = story.scenarios[pt.scenario].scenes
    out = []
    for sid in dict.fromkeys(state.path):
        for fact in scenes[sid].facts:
            out.append({"scene": sid, "text": fact.text, "sources": cites.cite(fact.sources)})
    return out


def build_report(story: Story, pt: Playthrough, name: str | None = None) -> dict[str, Any]:
    """Everything the debrief template shows, as plain data (raises PlayError, LoopLimit)."""
    outcome = replay(story, pt, strict=True)  # the one replay of the life as played
    outcomes = what_if(story, pt, outcome.life)
    trip = walk(story, pt, outcome.life)
    state = outcome.state
    scenario = story.scenarios[pt.scenario]
    ruleset = story.rulesets[pt.ruleset]
    cites = Citations()
    ruleset_sources = cites.cite(ruleset.sources)
    notices = [notice_info(e, story, ruleset, cites) for e in state.ledger]
    path = path_info(trip.stops, cites, story)
    standing = trip.final.standing if trip.final else None
    try:
        code = encode(story, pt)
    except CodeError:
        code = None
    return {
        "story": story.title, "scenario": scenario.title, "role": scenario.role,
        "blurb": scenario.blurb, "ruleset": ruleset.name,
        "ruleset_summary": ruleset.summary, "ruleset_fidelity": str(ruleset.fidelity),
        "ruleset_sources": ruleset_sources, "code": code,
        "name": name.strip() if name and name.strip() else None,
        "ending": outcome.ending_title,
        "ending_id": outcome.ending,  # for callers and tests; the page shows the title only
        "start": ruleset.score.start, "score": state.standing.score,
        "tier": ruleset.tier_of(state.standing.score).label,
        "lists": [lname for _, lname in standing.lists] if standing else [],
        "keeps": list(ruleset.lists.values()),
        "active": in_force_words(list(standing.active), story) if standing else [],
        "chart": score_chart(ruleset, state.ledger),
        "scored": keeps_score(ruleset), "tiered": len(ruleset.tiers) > 1,
        "notices": notices,
        "fired": sum(1 for n in notices if n["rule"]),
        "path": path,
        "doors": [d for p in path for d in p["closed"]],
        "tried": sum(1 for p in path if p["refused"]),
        "what_if": what_if_info(story, outcomes),
        "discuss": discussion(story, pt, state),
        "facts": facts_info(story, pt, state, cites),
        "sources": cites.listed(),
    }


def keeps_score(ruleset: Ruleset) -> bool:
    """False for a ruleset that only keeps lists (see Ruleset.keeps_score)."""
    return ruleset.keeps_score


def render_report(story: Story, playthrough: Playthrough, name: str | None = None) -> str:
    """The debrief page as HTML text (the same playthrough gives the same bytes)."""
    model = build_report(story, playthrough, name)
    return environment().get_template("report.html.j2").render(r=model)


def write_report(story: Story, playthrough: Playthrough, path: str | os.PathLike[str],
                 name: str | None = None) -> Path:
    """Render and write the debrief to `path` atomically; return the path written."""
    return write_atomic(Path(path), render_report(story, playthrough, name))


def _marker_label(e: LedgerEntry, kind: str, scored: bool) -> str:
    """A marker's tooltip, in words: never a figure under a ruleset that keeps no score."""
    if e.rule is None:
        return f"{e.step}: recorded, no rule"
    if scored:
        return f"{e.step}: {signed(e.applied)}"
    return f"{e.step}: " + {"restriction": "a door closed", "privilege": "a door opened",
                            "listed": "put on a list"}.get(kind, "a rule acted")


# -- the score chart -----------------------------------------------------------------------

W, H = 720, 250
LEFT, RIGHT, TOP, BOTTOM = 56, 52, 16, 34


def nice_step(span: float, most: int = 5) -> int:
    """The smallest 1, 2 or 5 times a power of ten that cuts `span` into at most `most` parts."""
    unit = 1
    while True:
        for m in (1, 2, 5):
            if span / (m * unit) <= most:
                return m * unit
        unit *= 10


def score_chart(ruleset: Ruleset, ledger: tuple[LedgerEntry, ...]) -> dict[str, Any]:
    """Coordinates for the inline SVG: a stepped score line, one marker per ledger entry.

    Tier thresholds inside the plotted range are drawn as dashed lines with
    their labels, so a reader sees when a change crossed into another tier.
    """
    scored = keeps_score(ruleset)
    scores = [ruleset.score.start] + [e.after for e in ledger]
    if not scored:  # lists only: a timeline of what the system did, at mid-height
        scores = [0] * len(scores)
    lo, hi = min(scores), max(scores)
    tick = nice_step(max(hi - lo, 10) * 1.1)
    lo, hi = (lo // tick) * tick, -(-hi // tick) * tick
    if lo == min(scores) and lo > ruleset.score.min:
        lo -= tick
    if hi == max(scores):
        hi += tick
    if not scored:
        lo, hi = -1, 1
    h = H if scored else 96  # lists only: one row of markers needs no height
    plot_w, plot_h = W - LEFT - RIGHT, h - TOP - BOTTOM
    n = len(ledger)
    dx = plot_w / (n + 0.6)

    def x(i: float) -> float:
        return round(LEFT + i * dx, 1)

    def y(score: float) -> float:
        return round(TOP + (hi - score) / (hi - lo) * plot_h, 1)

    line = [f"M{x(0)},{y(scores[0])}"]
    line += [f"H{x(i)}V{y(s)}" for i, s in enumerate(scores[1:], start=1)]
    line.append(f"H{x(n + 0.6)}")
    radius = max(3.0, min(10.0, dx * 0.42))
    kinds = {c.id: c.kind for c in ruleset.consequences}
    listing = {r.id for r in ruleset.rules if r.add_to}
    markers = []
    for i, e in enumerate(ledger, start=1):
        started = {kinds.get(c) for c in e.started}
        kind = ("restriction" if "restriction" in started else
                "privilege" if "privilege" in started else
                "record" if e.rule is None else "change" if e.applied else
                "listed" if not scored and e.rule in listing else "zero")
        markers.append({"x": x(i), "y": y(e.after) if scored else y(0), "n": e.step,
                        "kind": kind, "label": _marker_label(e, kind, scored)})
    tiers = [{"y": y(t.min), "label": f"from {t.min}: {t.label}"}
             for t in ruleset.tiers if lo < t.min < hi] if scored else []
    ticks = [{"y": y(v), "v": v} for v in range(lo, hi + 1, tick)] if scored else []
    return {
        "w": W, "h": h, "left": LEFT, "right": W - RIGHT, "top": TOP, "bottom": h - BOTTOM,
        "path": "".join(line), "markers": markers, "r": round(radius, 1),
        "numbers": radius >= 7, "tiers": tiers, "ticks": ticks,
        "start": {"x": x(0), "y": y(scores[0]), "v": scores[0]},
        "end": {"x": x(n + 0.6), "y": y(scores[-1]), "v": scores[-1]},
        "changes": sum(1 for e in ledger if e.applied),
        "empty": not ledger, "scored": scored,
    }
