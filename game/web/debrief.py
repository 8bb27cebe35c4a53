"""The debrief page's data: how the life ended, every notice explained, the doors
that closed, the same choices under every other ruleset, questions and sources.

The comparison is `game.whatif.compare` (the window's and the report's own);
its sentences are built from story prose, never ids. Score figures appear only
under rules that keep a score.
"""

from __future__ import annotations

from typing import Any

from game.codes import CodeError, encode
from game.engine.host import Life
from game.engine.play import values
from game.reports.debrief import score_chart
from game.ui import words
from game.web import scene
from game.whatif import compare


def build(life: Life, transparent: bool) -> dict[str, Any]:
    rs = life.ruleset
    st = life.view.standing
    scored = words.keeps_score(rs)
    try:
        code = encode(life.story, life.playthrough)
    except CodeError:
        code = None
    return {
        "life": life.scenario.title, "role": life.scenario.role, "rules": rs.name,
        "rules_fidelity": scene.fidelity(rs.fidelity), "ending": life.ending_title,
        "scored": scored, "score": st.score, "start": rs.score.start, "tier": st.tier.label,
        "lists": [name for _, name in st.lists],
        "in_force": [c.explain for c in st.active],
        "chart": chart(life) if scored and life.ledger else None,
        "notices": [dict(scene.reason(life, e), n=e.step) for e in life.ledger],
        "told": list(dict.fromkeys(e.notice or rs.notice for e in life.ledger
                                   if e.applied or e.notice or e.started)),
        "doors": doors(life, transparent),
        "whatif": whatif(life),
        "discuss": discussion(life),
        "code": code, "transparent": transparent,
    }


def chart(life: Life) -> dict[str, Any]:
    """The score line of the printed debrief (its coordinates only; labels are ours)."""
    c = score_chart(life.ruleset, life.ledger)
    return {k: c[k] for k in ("w", "h", "left", "right", "top", "bottom", "path", "r",
                              "ticks", "tiers", "start", "end")} | {
        "markers": [{"x": m["x"], "y": m["y"], "n": m["n"], "kind": m["kind"]}
                    for m in c["markers"]]}


def doors(life: Life, transparent: bool) -> list[dict[str, Any]]:
    """Each closed door shown on the path once: the choice's words and why it was closed."""
    seen: set[tuple[str, int]] = set()
    out = []
    by_id = {c.id: c for c in life.ruleset.consequences}
    tried = {(r.scene, r.choice) for r in life.refusals}
    vals = values(life.ctx, life.state)
    for d in life.doors:
        key = (d.scene, d.choice)
        if key in seen:
            continue
        seen.add(key)
        choice = life.scenario.scenes[d.scene].choices[d.choice - 1]
        cons = [by_id[c] for c in d.by if c in by_id]
        cap = life.story.capabilities.get(d.capability)
        out.append({
            "text": choice.text.fill(vals),
            "what": cap.name if cap else "",
            "told": " ".join(dict.fromkeys(c.notice for c in cons if c.notice)) or
            "No reason was given.",
            "why": words.closed_reason(tuple(cons)),
            "tried": key in tried,
        })
    return out


def whatif(life: Life) -> list[dict[str, Any]]:
    rows = []
    for comp in compare(life.story, life.playthrough, own=life):
        rs = comp.life.ruleset
        st = comp.life.view.standing
        rows.append({"own": comp.own, "rules": rs.name, "fidelity": scene.fidelity(rs.fidelity),
                     "ending": comp.life.ending_title, "scored": words.keeps_score(rs),
                     "score": st.score, "tier": st.tier.label,
                     "on_lists": words.lists_phrase([name for _, name in st.lists]),
                     "sentence": comp.sentence, "same": comp.same})
    return rows


def discussion(life: Life) -> list[str]:
    """The `discuss` prompts of the scenes on this life's path, in order."""
    scenes = life.scenario.scenes
    out = []
    for sid in dict.fromkeys(life.path):
        prompt = scenes[sid].discuss
        if prompt is not None:
            out.append(prompt.fill(values(life.ctx, life.state)))
    return out
