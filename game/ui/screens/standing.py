"""The standing panel beside a scene: score (zoomed to its tier band) or the lists kept,
and what is closed to you now and why, in the same words as the doors and the debrief."""

from __future__ import annotations

from game.ui import words
from game.ui.widgets.base import Button, Text, Widget
from game.ui.widgets.meter import ScoreMeter


def standing_items(screen, w: int) -> list[Widget]:  # noqa: ANN001
    """The panel's widgets; sets `screen.meter` (None when no score is kept)."""
    t, v = screen.theme, screen.view
    st, rs = v.standing, screen.session.ctx.ruleset
    scored = words.keeps_score(rs)
    items: list[Widget] = [Text(t, "Your standing", w, role="lead", style="bold")]
    screen.meter = None
    if scored:
        screen.meter = ScoreMeter(t, w, rs, st.score)
        items.append(screen.meter)
    else:
        items.append(Text(t, "These rules keep no score: only lists.", w, role="body",
                          style="bold"))
    items.append(Text(t, f"Rules in force: {v.ruleset_name}", w, role="small", colour="muted"))
    if t.opaque:
        items.append(Text(t, "The system does not tell you which lists you are on, or why a "
                          "door is closed. Switch to transparent mode in Settings to see.", w,
                          role="small", colour="muted"))
    else:
        items += _lists(t, st, w, scored) + _doors(t, st, rs, w, scored)
    n = len(v.ledger)
    items.append(Button(t, "ledger-side", f"Ledger: {n} entr{'y' if n == 1 else 'ies'}",
                        w, screen.open_ledger, role="small"))
    return items


def _lists(t, st, w: int, scored: bool) -> list[Widget]:  # noqa: ANN001
    names = [name for _, name in st.lists]
    if not scored:
        head = Text(t, "Lists you are on", w, role="small", style="bold")
        return [head] + ([Text(t, n, w, role="small", colour="bad") for n in names] or
                         [Text(t, "None.", w, role="small")])
    return [Text(t, f"Lists you are on: {', '.join(names) or 'none'}", w, role="small")]


def _doors(t, st, rs, w: int, scored: bool) -> list[Widget]:  # noqa: ANN001
    closed = [c for c in st.capabilities if not c.open and (c.by or c.default)]
    granted = [c for c in st.capabilities if c.open and not c.default]
    out: list[Widget] = [Text(t, "Closed to you now", w, role="small", style="bold")]
    for c in closed:
        out.append(Text(t, f"Closed: {c.name}", w, role="small", colour="bad", style="bold"))
        out.append(Text(t, words.closed_reason(c.by), w, role="small"))
        for line in words.what_would_open(rs, c, st.score, scored)[:1]:
            out.append(Text(t, line, w, role="small", colour="muted"))
    if not closed:
        out.append(Text(t, "Nothing: every ordinary door is open.", w, role="small"))
    if granted:
        out.append(Text(t, "Open to you as a privilege", w, role="small", style="bold"))
        out += [Text(t, c.name, w, role="small", colour="good") for c in granted]
    return out
