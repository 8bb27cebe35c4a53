"""The score meter and the score chart: numbers and shapes, never colour alone."""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from game.ui import gfx
from game.ui.theme import Theme
from game.ui.widgets.base import Text, Widget


class ScoreMeter(Widget):
    """The score as a number, its tier in words, and a bar with the tier thresholds."""

    def __init__(self, theme: Theme, width: int, score: int, tier_label: str,
                 tiers: Sequence[tuple[str, int]], lo: int, hi: int | None) -> None:
        self.theme, self.score = theme, score
        self.tiers = list(tiers)
        top = max([t[1] for t in self.tiers] + [score])
        self.lo, self.hi = lo, hi if hi is not None else round(top * 1.15) + 1
        self.big = gfx.render(f"{score}", gfx.font(theme.type_px("h1"), "bold"), theme.pal.ink)
        f = gfx.font(theme.type_px("lead"), "bold")
        room = width - self.big.get_width() - theme.px(12)
        self.beside = f.size(tier_label)[0] <= room  # else the tier goes on lines below
        self.tier = Text(theme, tier_label, room if self.beside else width, role="lead",
                         style="bold")
        self.small = gfx.font(theme.type_px("small"))
        # A lists-only ruleset (every tier at the floor, no room above it) has no scale to draw.
        self.scaled = any(m > lo for _, m in self.tiers) or (hi is not None and hi > lo)
        self.bar_h = theme.px(14) if self.scaled else 0
        self.top_h = self.big.get_height() + (0 if self.beside else self.tier.rect.h)
        h = self.top_h + (theme.px(8) + self.bar_h + self.small.get_linesize() * 2
                                     if self.scaled else 0)
        super().__init__(width, h)

    def _x(self, rect: pygame.Rect, v: int) -> int:
        span = max(1, self.hi - self.lo)
        return rect.x + round((min(max(v, self.lo), self.hi) - self.lo) * rect.w / span)

    def draw(self, surf: pygame.Surface, rect: pygame.Rect, state: str = "") -> None:
        t, p = self.theme, self.theme.pal
        surf.blit(self.big, rect.topleft)
        tr = self.tier.rect
        if self.beside:
            at = (rect.x + self.big.get_width() + t.px(12),
                  rect.y + self.big.get_height() - tr.h - t.px(4))
        else:
            at = (rect.x, rect.y + self.big.get_height())
        self.tier.draw(surf, pygame.Rect(at, tr.size))
        if not self.scaled:
            return
        bar = pygame.Rect(rect.x, rect.y + self.top_h + t.px(8), rect.w, self.bar_h)
        gfx.box(surf, bar, p.panel_alt, p.border, max(1, t.px(1)), bar.h // 2)
        fill = bar.copy()
        fill.w = max(bar.h, self._x(bar, self.score) - bar.x)
        pygame.draw.rect(surf, p.chart_line, fill, border_radius=bar.h // 2)
        free = rect.right  # labels from the right (highest tier first); skip any that collide
        for tid, tmin in self.tiers:  # a tick and the tier's id under it
            if self.lo < tmin < self.hi:
                x = self._x(bar, tmin)
                pygame.draw.line(surf, p.ink, (x, bar.top - t.px(3)), (x, bar.bottom + t.px(3)),
                                 max(1, t.px(2)))
                s = gfx.render(tid.upper(), self.small, p.muted)
                lx = min(x - s.get_width() // 2, rect.right - s.get_width())
                if lx + s.get_width() + t.px(4) <= free:
                    surf.blit(s, (lx, bar.bottom + t.px(4)))
                    free = lx


class ScoreChart(Widget):
    """The score after every ledger entry: a line, a marker shape per change and its step."""

    def __init__(self, theme: Theme, width: int, height: int, start: int,
                 points: Sequence[tuple[int, int, int]], tiers: Sequence[tuple[str, int]]
                 ) -> None:
        """points: (step, applied points, score after) for every ledger entry."""
        self.theme, self.start, self.points, self.tiers = theme, start, list(points), list(tiers)
        self.small = gfx.font(theme.type_px("small"))
        super().__init__(width, height)

    def draw(self, surf: pygame.Surface, rect: pygame.Rect, state: str = "") -> None:
        t, p = self.theme, self.theme.pal
        gfx.box(surf, rect, p.panel, p.border, max(1, t.px(1)), t.radius)
        scores = [self.start] + [s for _, _, s in self.points]
        lo, hi = min(scores), max(scores)
        pad = max(10, (hi - lo) // 8)
        lo, hi = lo - pad, hi + pad
        label_w = self.small.size(f"{hi}")[0] + t.px(16)
        plot = pygame.Rect(rect.x + label_w, rect.y + t.px(16), rect.w - label_w - t.px(24),
                           rect.h - t.px(16) - self.small.get_linesize() - t.px(16))
        n = max(1, len(self.points))

        def pt(i: int, v: int) -> tuple[int, int]:
            return (plot.x + plot.w * i // n, plot.bottom - (v - lo) * plot.h // max(1, hi - lo))

        for tid, tmin in self.tiers:  # tier thresholds: dashed lines with their ids
            if lo < tmin < hi:
                y = pt(0, tmin)[1]
                for x in range(plot.x, plot.right, t.px(12)):
                    pygame.draw.line(surf, p.border, (x, y), (x + t.px(5), y), 1)
                s = gfx.render(f"tier {tid.upper()} from {tmin}", self.small, p.muted)
                surf.blit(s, (plot.right - s.get_width(), y - s.get_height()))
        for v in (lo + pad, hi - pad):
            s = gfx.render(f"{v}", self.small, p.muted)
            surf.blit(s, (rect.x + t.px(8), pt(0, v)[1] - s.get_height() // 2))
        line = [pt(0, self.start)]
        for i, (_, _, after) in enumerate(self.points, 1):
            line.append((pt(i, after)[0], line[-1][1]))  # a step chart: changes are instant
            line.append(pt(i, after))
        if len(line) > 1:
            pygame.draw.lines(surf, p.chart_line, False, line, max(2, t.px(3)))
        m = max(5, t.px(9))
        for i, (step, applied, after) in enumerate(self.points, 1):
            x, y = pt(i, after)
            r = pygame.Rect(x - m, y - m, 2 * m, 2 * m)
            if applied > 0:
                gfx.arrow_icon(surf, r, p.good, True)
            elif applied < 0:
                gfx.arrow_icon(surf, r, p.bad, False)
            else:
                gfx.dot_icon(surf, r, p.ink)
            if n <= 30 or i % max(1, n // 15) == 0:
                s = gfx.render(f"{step}", self.small, p.muted)
                surf.blit(s, (x - s.get_width() // 2, plot.bottom + t.px(8)))
