"""Cards (a panel of stacked widgets), badges and rows of them."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pygame

from game.ui import gfx
from game.ui.theme import Theme
from game.ui.widgets.base import Text, Widget


class Badge(Widget):
    """A word in an outlined box, e.g. a fidelity grade: the word carries the meaning."""

    def __init__(self, theme: Theme, text: str, *, colour: str = "ink") -> None:
        self.theme = theme
        f = gfx.font(theme.type_px("small"), "bold")
        self.surf = gfx.render(text.upper(), f, getattr(theme.pal, colour))
        self.colour = getattr(theme.pal, colour)
        pad = theme.px(8)
        super().__init__(self.surf.get_width() + 2 * pad, self.surf.get_height() + theme.px(4))

    def draw(self, surf: pygame.Surface, rect: pygame.Rect, state: str = "") -> None:
        pygame.draw.rect(surf, self.colour, rect, max(1, self.theme.px(2)),
                         border_radius=self.theme.px(4))
        surf.blit(self.surf, self.surf.get_rect(center=rect.center))


class Row(Widget):
    """Widgets side by side, wrapping onto new lines when the width runs out."""

    def __init__(self, theme: Theme, items: Sequence[Widget], width: int, gap: int = 0,
                 top: bool = False) -> None:
        gap = gap or theme.px(10)
        self.top = top
        self.items: list[tuple[Widget, int, int]] = []
        x = y = line_h = 0
        for it in items:
            if x and x + it.rect.w > width:
                x, y, line_h = 0, y + line_h + gap, 0
            self.items.append((it, x, y))
            x += it.rect.w + gap
            line_h = max(line_h, it.rect.h)
        super().__init__(width, y + line_h)

    def draw(self, surf: pygame.Surface, rect: pygame.Rect, state: str = "") -> None:
        for it, x, y in self.items:
            line = max(i.rect.h for i, _, yy in self.items if yy == y)
            dy = 0 if self.top else (line - it.rect.h) // 2
            it.draw(surf, pygame.Rect(rect.x + x, rect.y + y + dy,
                                      it.rect.w, it.rect.h))


class Stack(Widget):
    """Widgets one under another, with a gap."""

    def __init__(self, items: Sequence[Widget], width: int, gap: int) -> None:
        self.items = list(items)
        self.gap = gap
        h = sum(i.rect.h for i in self.items) + gap * max(0, len(self.items) - 1)
        super().__init__(width, h)

    def draw(self, surf: pygame.Surface, rect: pygame.Rect, state: str = "") -> None:
        y = rect.y
        for it in self.items:
            it.draw(surf, pygame.Rect(rect.x, y, it.rect.w, it.rect.h))
            y += it.rect.h + self.gap


class Card(Widget):
    """A panel with padding around a stack of widgets; a stripe marks its kind by shape."""

    def __init__(self, theme: Theme, width: int, build: Callable[[int], Sequence[Widget]], *,
                 fill: str = "panel", stripe: str | None = None) -> None:
        self.theme = theme
        self.pad = theme.px(18)
        self.stripe = getattr(theme.pal, stripe) if stripe else None
        self.stripe_w = theme.px(8) if stripe else 0
        inner = width - 2 * self.pad - self.stripe_w
        self.stack = Stack(build(inner), inner, theme.px(8))
        self.fill = getattr(theme.pal, fill)
        super().__init__(width, self.stack.rect.h + 2 * self.pad)

    def draw(self, surf: pygame.Surface, rect: pygame.Rect, state: str = "") -> None:
        t = self.theme
        gfx.box(surf, rect, self.fill, t.pal.border, max(1, t.px(1)), t.radius)
        if self.stripe:
            pygame.draw.rect(surf, self.stripe, (rect.x, rect.y, self.stripe_w, rect.h),
                             border_top_left_radius=t.radius, border_bottom_left_radius=t.radius)
        self.stack.draw(surf, pygame.Rect(rect.x + self.pad + self.stripe_w, rect.y + self.pad,
                                          self.stack.rect.w, self.stack.rect.h))
        if state in ("focus", "press"):
            gfx.focus_ring(surf, rect, t.pal.focus, max(2, t.px(3)), t.radius)


class ExpandCard(Card):
    """A card you press to show or hide its details (the ledger's entries)."""

    focusable = True

    def __init__(self, theme: Theme, bid: str, width: int, summary: Callable[[int], list],
                 details: Callable[[int], list], expanded: bool,
                 on_toggle: Callable[[str], None], stripe: str | None = None) -> None:
        self.id, self.expanded, self.on_toggle = bid, expanded, on_toggle

        def build(inner: int) -> list[Widget]:
            items = summary(inner)
            hint = "Hide the details" if expanded else "Show the details"
            items.append(Text(theme, ("- " if expanded else "+ ") + hint, inner,
                              role="small", colour="accent", style="bold"))
            return items + (details(inner) if expanded else [])

        super().__init__(theme, width, build, fill="panel_alt" if expanded else "panel",
                         stripe=stripe)
        self.rect.h = max(self.rect.h, theme.target)

    def activate(self) -> None:
        self.on_toggle(self.id)

    @property
    def label(self) -> str:
        return " ".join(getattr(i, "text", "") for i in self.stack.items)


def fidelity_badge(theme: Theme, fidelity: object) -> Badge:
    return Badge(theme, str(fidelity) if fidelity else "no rule", colour="ink")
