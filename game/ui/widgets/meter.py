"""The score meter and the score chart: numbers and shapes, never colour alone."""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from game.ui import gfx
from game.ui.theme import Theme
from game.ui.widgets.base import Widget


class ScoreMeter(Widget):
    """The score as a number, its tier in words, and a bar zoomed to the tier band.

    A thin strip shows every tier of the ruleset; the bar under it is the band
    the score is in, from that tier's floor to the next tier up, so a change of
    five points is visible on a scale of a thousand. `shown` (the number drawn)
    and `lift` (a delta rising off it, 0..1) are set by the screen while the
    score ticks; at rest they are the score itself and nothing.
    """

    def __init__(self, theme: Theme, width: int, ruleset, score: int) -> None:  # noqa: ANN001
        self.theme, self.ruleset, self.score = theme, ruleset, score
        self.tiers = sorted(ruleset.tiers, key=lambda x: x.min)  # lowest first
        self.shown: float = score
        self.lift: tuple[str, float] | None = None
        self.big_font = gfx.font(theme.type_px("h1"), "bold")
        self.small = gfx.font(theme.type_px("small"))
        self.small_bold = gfx.font(theme.type_px("small"), "bold")
        longest = max((x.label for x in self.tiers), key=len, default="")
        room = width - self.big_font.size("8,888")[0] - theme.px(12)
        self.beside = gfx.font(theme.type_px("lead"), "bold").size(longest)[0] <= room
        self.tier_font = gfx.font(theme.type_px("lead"), "bold")
        self.top_h = self.big_font.get_linesize() + (0 if self.beside else
                                                     self.tier_font.get_linesize())
        self.bar_h = theme.px(16)
        h = (self.top_h + theme.px(10) + theme.px(8) + theme.px(14) + self.bar_h
             + self.small.get_linesize() * 2 + theme.px(6))
        super().__init__(width, h)

    def band(self, value: float) -> tuple[int, int, object, object]:
        """(floor, ceiling, this tier, the tier above or None) for a score."""
        here = self.ruleset.tier_of(round(value))
        above = [x for x in self.tiers if x.min > here.min]
        up = above[0] if above else None
        lo = max(here.min, self.ruleset.score.min)
        if up is not None:
            hi = up.min
        else:
            top = self.ruleset.score.max
            below = [x for x in self.tiers if x.min < here.min]
            width = here.min - below[-1].min if below else 100
            hi = top if top is not None else lo + max(50, width)
        return lo, max(lo + 1, hi), here, up

    def draw(self, surf: pygame.Surface, rect: pygame.Rect, state: str = "") -> None:
        t, p = self.theme, self.theme.pal
        value = self.shown
        num = gfx.render(f"{round(value):,}", self.big_font, p.ink)
        surf.blit(num, rect.topleft)
        lo, hi, here, up = self.band(value)
        tier = gfx.render(here.label, self.tier_font, p.ink)
        if self.beside:
            surf.blit(tier, (rect.x + num.get_width() + t.px(12),
                             rect.y + num.get_height() - tier.get_height() - t.px(4)))
        else:
            surf.blit(tier, (rect.x, rect.y + self.big_font.get_linesize()))
        if self.lift is not None:  # the delta rises off the number and fades
            text, k = self.lift
            colour = p.bad if text.startswith(("-", "\u2212")) else p.good
            d = gfx.render(text, gfx.font(t.type_px("h2"), "bold"), colour)
            d.set_alpha(round(255 * (1 - k) ** 0.7))
            surf.blit(d, (rect.x + num.get_width() + t.px(8),
                          rect.y - round(k * t.px(30))))
        # the whole scale: one segment per tier, the current one filled
        strip = pygame.Rect(rect.x, rect.y + self.top_h + t.px(10), rect.w, t.px(8))
        full_lo = self.ruleset.score.min
        full_hi = self.ruleset.score.max or max(x.min for x in self.tiers) * 1.15 + 1
        span = max(1, full_hi - full_lo)

        def sx(v: float) -> int:
            return strip.x + round((min(max(v, full_lo), full_hi) - full_lo) * strip.w / span)

        pygame.draw.rect(surf, p.panel_alt, strip)
        seg = pygame.Rect(sx(lo), strip.y, max(t.px(3), sx(hi) - sx(lo)), strip.h)
        pygame.draw.rect(surf, p.chart_line, seg)
        pygame.draw.rect(surf, p.border, strip, 1)
        for x in self.tiers:
            if full_lo < x.min < full_hi:
                pygame.draw.line(surf, p.border, (sx(x.min), strip.y), (sx(x.min), strip.bottom))
        bar = pygame.Rect(rect.x, strip.bottom + t.px(14), rect.w, self.bar_h)
        # the zoom: lines from the band on the strip to the ends of the bar
        pygame.draw.line(surf, p.border, seg.bottomleft, bar.topleft, 1)
        pygame.draw.line(surf, p.border, (seg.right - 1, seg.bottom), (bar.right - 1, bar.top), 1)
        gfx.box(surf, bar, p.panel_alt, p.border, max(1, t.px(1)), bar.h // 2)
        k = (min(max(value, lo), hi) - lo) / (hi - lo)
        fill = bar.copy()
        fill.w = max(bar.h, round(bar.w * k))
        pygame.draw.rect(surf, p.chart_line, fill, border_radius=bar.h // 2)
        mx = bar.x + round(bar.w * k)
        pygame.draw.line(surf, p.ink, (mx, bar.top - t.px(4)), (mx, bar.bottom + t.px(4)),
                         max(2, t.px(3)))
        y = bar.bottom + t.px(6)
        left = gfx.render(f"{here.label} from {lo:,}", self.small, p.muted)
        surf.blit(left, (bar.x, y))
        if up is not None:
            right = gfx.render(f"{up.label} at {hi:,}", self.small, p.muted)
            if right.get_width() + left.get_width() + t.px(10) > bar.w:
                surf.blit(right, (bar.right - right.get_width(), y + self.small.get_linesize()))
            else:
                surf.blit(right, (bar.right - right.get_width(), y))


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
                s = gfx.render(f"{tid} from {tmin:,}", self.small, p.muted)
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
