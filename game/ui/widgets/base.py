"""Widget, text and button: the pieces every screen is built from.

A widget is built for one theme and one width ("attributes down") and knows its
height. Its `rect` is in its container's coordinates; a screen or a scroll pane
places it. Pressing a button calls its `on_press` ("messages up").
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.ui import gfx
from game.ui.theme import Theme


class Widget:
    """Something drawn in a rectangle; focusable ones can be pressed."""

    focusable = False
    id: str | None = None

    def __init__(self, w: int, h: int) -> None:
        self.rect = pygame.Rect(0, 0, w, h)
        self.enabled = True

    def draw(self, surf: pygame.Surface, rect: pygame.Rect, state: str = "") -> None:
        """Draw at `rect` (screen coordinates). `state` is "", "hover", "focus" or "press"."""

    def activate(self) -> None:
        """Pressed by click, tap, Enter or Space."""

    @property
    def label(self) -> str:
        return ""


class Spacer(Widget):
    pass


class Text(Widget):
    """Wrapped text in one font, revealed a character at a time if asked."""

    def __init__(self, theme: Theme, text: str, width: int, *, role: str = "body",
                 style: str = "regular", colour: str = "ink", align: str = "left",
                 line_gap: float = 0.35) -> None:
        self.theme, self.text = theme, text
        self.font = gfx.font(theme.type_px(role), style)
        self.colour = getattr(theme.pal, colour)
        self.lines = gfx.wrap(text, self.font, width)
        self.surfs = [gfx.render(line, self.font, self.colour) for line in self.lines]
        self.step = self.font.get_linesize() + round(self.font.get_linesize() * (line_gap - 0.2))
        self.align = align
        self.total = sum(len(line) for line in self.lines)
        self.shown = self.total  # characters revealed
        super().__init__(width, max(1, self.step * len(self.lines)))

    def draw(self, surf: pygame.Surface, rect: pygame.Rect, state: str = "") -> None:
        left = self.shown
        for i, (line, s) in enumerate(zip(self.lines, self.surfs, strict=True)):
            if left <= 0:
                break
            x = rect.x
            if self.align == "center":
                x = rect.centerx - s.get_width() // 2
            elif self.align == "right":
                x = rect.right - s.get_width()
            y = rect.y + i * self.step
            if left >= len(line):
                surf.blit(s, (x, y))
            else:  # the line being revealed: show the width of its first `left` characters
                w = self.font.size(line[:left])[0]
                surf.blit(s, (x, y), pygame.Rect(0, 0, w, s.get_height()))
            left -= len(line)

    @property
    def label(self) -> str:
        return self.text


class Button(Widget):
    """A large button: a badge (number or letter), a label, optional detail lines.

    kinds: "primary" (filled accent), "normal", "blocked" (a closed door: a padlock,
    the word "Closed" and the reason; pressed only when `tryable`, to be refused).
    """

    focusable = True

    def __init__(self, theme: Theme, bid: str, text: str, width: int,
                 on_press: Callable[[], None] | None = None, *, kind: str = "normal",
                 badge: str | None = None, detail: tuple[str, ...] = (),
                 role: str = "body", enabled: bool = True, min_w: int = 0,
                 bold: bool = False, center: bool = False, tryable: bool = False) -> None:
        self.theme, self.id, self.text, self.kind = theme, bid, text, kind
        self.on_press, self.badge = on_press, badge
        pad = theme.px(14)
        self.pad = pad
        self.badge_w = theme.type_px("body") * 2 if (badge or kind == "blocked") else 0
        inner = width - 2 * pad - (self.badge_w + pad if self.badge_w else 0)
        fg = {"primary": "on_accent", "blocked": "on_blocked"}.get(kind, "on_button")
        style = "bold" if kind == "primary" or bold else "regular"
        self.body = Text(theme, text, inner, role=role, style=style, colour=fg, line_gap=0.2,
                         align="center" if center else "left")
        self.details = [Text(theme, d, inner, role="small", colour=fg, line_gap=0.2)
                        for d in detail]
        h = self.body.rect.h + sum(d.rect.h + theme.px(6) for d in self.details) + 2 * pad
        super().__init__(width, max(h, theme.target))
        # a closed door is inert, unless the story lets you try it (and be refused)
        self.enabled = enabled and (kind != "blocked" or tryable)
        self.votes: float | None = None  # classroom: this choice's share of the votes, 0..1
        if min_w:
            self.rect.w = max(min_w, self.rect.w)

    def activate(self) -> None:
        if self.enabled and self.on_press:
            self.on_press()

    def _colours(self) -> tuple:
        p = self.theme.pal
        if self.kind == "primary":
            return p.accent, p.on_accent, p.accent
        if self.kind == "blocked":
            return p.blocked, p.on_blocked, p.bad
        return p.button, p.on_button, p.border

    def draw(self, surf: pygame.Surface, rect: pygame.Rect, state: str = "") -> None:
        t, p = self.theme, self.theme.pal
        fill, fg, border = self._colours()
        r = rect.copy()
        if state == "press":
            r = r.move(0, t.px(2))
        if state == "hover" and self.enabled:
            fill = tuple(min(255, c + 12) if p.name == "high-contrast" else max(0, c - 14)
                         for c in fill)
        bw = t.px(3) if self.kind == "blocked" else t.px(2)
        gfx.box(surf, r, fill, border, bw, t.radius)
        if self.kind == "blocked":  # a dashed inner edge reads as "shut" without colour
            inner = r.inflate(-t.px(10), -t.px(10))
            for x in range(inner.left, inner.right, t.px(14)):
                pygame.draw.line(surf, border, (x, inner.top), (min(x + t.px(7), inner.right),
                                 inner.top), max(1, t.px(2)))
        x = r.x + self.pad
        if self.badge_w:
            b = pygame.Rect(x, r.y + (r.h - self.badge_w) // 2, self.badge_w, self.badge_w)
            b.h = min(b.h, r.h - t.px(8))
            b.centery = r.centery
            if self.kind == "blocked":
                gfx.door_icon(surf, b.inflate(-b.w // 4, -b.h // 8), fg, fill)
            else:
                circle_fill = p.on_accent if self.kind == "primary" else p.accent
                circle_fg = p.accent if self.kind == "primary" else p.on_accent
                pygame.draw.circle(surf, circle_fill, b.center, b.h // 2)
                f = gfx.font(t.type_px("body"), "bold")
                s = gfx.render(self.badge, f, circle_fg)
                surf.blit(s, s.get_rect(center=b.center))
            x += self.badge_w + self.pad
        content_h = self.body.rect.h + sum(d.rect.h + t.px(6) for d in self.details)
        y = r.y + (r.h - content_h) // 2
        self.body.draw(surf, pygame.Rect(x, y, self.body.rect.w, self.body.rect.h))
        y += self.body.rect.h
        for d in self.details:
            y += t.px(6)
            d.draw(surf, pygame.Rect(x, y, d.rect.w, d.rect.h))
            y += d.rect.h
        if self.votes is not None:  # the class's vote, as a bar along the button's foot
            bar = pygame.Rect(r.x + t.px(6), r.bottom - t.px(16), r.w - t.px(12), t.px(10))
            pygame.draw.rect(surf, p.panel_alt, bar, border_radius=t.px(3))
            bar.w = round(bar.w * self.votes)
            if bar.w:
                pygame.draw.rect(surf, p.focus, bar, border_radius=t.px(3))
        if state == "focus" or state == "press":
            gfx.focus_ring(surf, r, p.focus, max(2, t.px(3)), t.radius)

    @property
    def label(self) -> str:
        return self.text


def text_button(theme: Theme, bid: str, text: str, on_press: Callable[[], None] | None,
                *, kind: str = "normal", role: str = "body") -> Button:
    """A button sized to its label (for headers and footers)."""
    f = gfx.font(theme.type_px(role), "bold" if kind == "primary" else "regular")
    w = f.size(text)[0] + 2 * theme.px(14) + theme.px(4)
    return Button(theme, bid, text, max(w, theme.target), on_press, kind=kind, role=role)
