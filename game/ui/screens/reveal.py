"""Classroom: the reveal, staged. "What you were told" beside "What really happened".

A class that played in opaque mode sees, row by row, what the system said (a
notice, a refused purchase, often nothing) and then, beside it, the rule, the
witness and how true it is. At the end the game goes on in transparent mode.
"""

from __future__ import annotations

import pygame

from game.ui import gfx, words
from game.ui.screens.base import Screen
from game.ui.widgets.base import Button, Text, Widget
from game.ui.widgets.pane import Pane

STEP_S = 0.9  # one half-row every STEP_S seconds
MAX_ROWS = 6


def reveal_rows(session, story) -> list[tuple[str, str]]:  # noqa: ANN001
    """(told, real) pairs: the biggest changes and the doors shut, in the order met."""
    rs = session.ctx.ruleset
    ledger = list(session.state.ledger)
    keep = {e.step for e in words.sort_entries(ledger)[:MAX_ROWS - 1]}
    rows: list[tuple[str, str]] = []
    for e in ledger:
        if e.step not in keep:
            continue
        told = e.notice or (rs.notice if e.applied else "") or "Nothing. You were not told."
        rows.append((told, words.slip_line(story, rs, e, opaque=False)))
    seen: set[str] = set()
    for c in session.view.standing.capabilities:
        if not c.open and c.by and c.id not in seen and len(rows) < MAX_ROWS:
            seen.add(c.id)
            notes = [x.notice for x in c.by if x.notice]
            rows.append((f"{c.name}: {notes[0] if notes else 'Not available.'}",
                         f"Closed: {c.name}. {words.closed_reason(c.by)}"))
    return rows or [("Nothing yet.", "Nothing has been recorded yet.")]


class RevealScreen(Screen):
    name = "reveal"
    title = "What you were told, and what really happened"

    def __init__(self, app) -> None:  # noqa: ANN001
        super().__init__(app)
        self.rows = reveal_rows(app.session, app.story)
        self.total = 2 * len(self.rows)
        self.stage = self.total if app.theme.reduced_motion else 0
        self.t0: float | None = None

    def shot_key(self) -> str:
        return f"reveal-{self.stage}"

    def build(self) -> None:
        t = self.theme
        sw, sh = self.app.surface.get_size()
        done = self.stage >= self.total
        go = Button(t, "reveal-go", "Play on, seeing everything" if done else "Show it all",
                    min(sw - 2 * t.margin, t.px(460)), self.go, kind="primary")
        top = self.header(back=False, extra=[go])
        view = pygame.Rect(t.margin, top, sw - 2 * t.margin, sh - top - t.px(16))
        col = (view.w - t.px(40)) // 2
        items: list[Widget] = [_Pair(t, Text(t, "What you were told", col, role="h2",
                                             style="bold", colour="muted"),
                                     Text(t, "What really happened", col, role="h2",
                                          style="bold", colour="accent"), t.px(40))]
        for i, (told, real) in enumerate(self.rows):
            left = Text(t, told, col, role="lead") if self.stage > 2 * i else None
            right = Text(t, real, col, role="lead", style="bold") if self.stage > 2 * i + 1 \
                else None
            items.append(_Pair(t, left, right, t.px(40)))
        self.pane = Pane(t, view, items, gap=t.px(22))

    def update(self, now: float) -> bool:
        if self.stage >= self.total:
            return False
        if self.t0 is None:
            self.t0 = now
        stage = min(self.total, int((now - self.t0) / STEP_S) + 1)
        if stage != self.stage:
            self.stage = stage
            self.layout()
            if self.pane is not None:
                self.pane.scroll_to(self.pane.max_scroll)
        return False  # a slow step: the idle loop's 50 ms ticks are enough

    def go(self) -> None:
        if self.stage < self.total:
            self.stage = self.total
            self.layout()
            return
        self.app.settings.mode = "transparent"
        self.app.pop()
        self.app.relayout()

    def default_action(self) -> None:
        self.go()

    def back(self) -> None:
        self.go()


class _Pair(Widget):
    """Two texts side by side; either may not be shown yet."""

    def __init__(self, theme, left: Text | None, right: Text | None, gap: int) -> None:  # noqa: ANN001
        self.theme, self.left, self.right, self.gap = theme, left, right, gap
        w = (left or right).rect.w * 2 + gap if (left or right) else 10
        h = max([x.rect.h for x in (left, right) if x is not None] + [theme.type_px("lead")])
        super().__init__(w, h + theme.px(16))

    def draw(self, surf: pygame.Surface, rect: pygame.Rect, state: str = "") -> None:
        t = self.theme
        half = (rect.w - self.gap) // 2
        pygame.draw.line(surf, t.pal.border, (rect.x, rect.bottom - 1), (rect.right,
                         rect.bottom - 1), 1)
        if self.left is not None:
            self.left.draw(surf, pygame.Rect(rect.x, rect.y, half, rect.h))
        if self.right is not None:
            x = rect.x + half + self.gap
            gfx.arrow_icon(surf, pygame.Rect(x - self.gap + t.px(10), rect.y + t.px(8),
                                             t.px(16), t.px(16)), t.pal.accent, False)
            self.right.draw(surf, pygame.Rect(x, rect.y, half, rect.h))
