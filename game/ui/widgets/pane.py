"""A scroll pane: a column of widgets in a viewport, scrolled by wheel, keys, drag or focus."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import pygame

from game.ui.theme import Theme
from game.ui.widgets.base import Widget


class Pane:
    """Widgets laid out top to bottom in content coordinates, shown through `view`."""

    def __init__(self, theme: Theme, view: pygame.Rect, items: Sequence[Widget],
                 gap: int | None = None, scroll: int = 0) -> None:
        self.theme, self.view = theme, view
        self.items = list(items)
        gap = theme.gap if gap is None else gap
        y = 0
        for it in self.items:
            it.rect.topleft = (it.rect.x, y)
            y += it.rect.h + gap
        self.content_h = max(0, y - gap)
        self.scroll = 0
        self.scroll_to(scroll)

    @property
    def max_scroll(self) -> int:
        return max(0, self.content_h - self.view.h)

    def scroll_to(self, y: int) -> bool:
        new = max(0, min(self.max_scroll, y))
        changed, self.scroll = new != self.scroll, new
        return changed

    def scroll_by(self, dy: int) -> bool:
        return self.scroll_to(self.scroll + dy)

    def screen_rect(self, w: Widget) -> pygame.Rect:
        return w.rect.move(self.view.x, self.view.y - self.scroll)

    def visible(self) -> Iterator[tuple[Widget, pygame.Rect]]:
        for it in self.items:
            r = self.screen_rect(it)
            if r.bottom >= self.view.top and r.top <= self.view.bottom:
                yield it, r

    def hit(self, pos: tuple[int, int]) -> Widget | None:
        if not self.view.collidepoint(pos):
            return None
        for it, r in self.visible():
            if it.focusable and r.collidepoint(pos):
                return it
        return None

    def reveal(self, w: Widget) -> bool:
        """Scroll so that `w` is wholly in view (its top, if it is taller than the view)."""
        if w not in self.items:
            return False
        top, bottom = w.rect.top, w.rect.bottom
        margin = self.theme.px(12)
        if top - margin < self.scroll:
            return self.scroll_to(top - margin)
        if bottom + margin > self.scroll + self.view.h:
            return self.scroll_to(min(top - margin, bottom + margin - self.view.h))
        return False

    def draw(self, surf: pygame.Surface, states: dict[int, str]) -> None:
        clip = surf.get_clip()
        surf.set_clip(self.view)
        for it, r in self.visible():
            it.draw(surf, r, states.get(id(it), ""))
        surf.set_clip(clip)
        if self.max_scroll:
            self._scrollbar(surf)
            if self.scroll < self.max_scroll:
                self._more_below(surf)

    def _more_below(self, surf: pygame.Surface) -> None:
        """A tab at the bottom edge: the choices may be further down (in words, not a hint)."""
        from game.ui import gfx

        t = self.theme
        s = gfx.render("More below", gfx.font(t.type_px("small"), "bold"), t.pal.on_accent)
        r = s.get_rect().inflate(t.px(16), t.px(6))
        r.bottomright = (self.view.right - t.px(4), self.view.bottom)
        pygame.draw.rect(surf, t.pal.accent, r, border_radius=t.px(6))
        surf.blit(s, s.get_rect(center=r.center))

    def _scrollbar(self, surf: pygame.Surface) -> None:
        """A thumb at the right edge, and fades that say more is above or below."""
        t = self.theme
        track = pygame.Rect(self.view.right + t.px(6), self.view.y, t.px(6), self.view.h)
        pygame.draw.rect(surf, t.pal.panel_alt, track, border_radius=track.w // 2)
        h = max(t.px(30), self.view.h * self.view.h // max(1, self.content_h))
        y = self.view.y + (self.view.h - h) * self.scroll // max(1, self.max_scroll)
        pygame.draw.rect(surf, t.pal.border, (track.x, y, track.w, h), border_radius=track.w // 2)
