"""The kiosk's attract loop: a moving city, a short invitation, starts on any touch."""

from __future__ import annotations

import math

import pygame

from game.ui import art
from game.ui.screens.base import Screen
from game.ui.widgets.base import Button, Text, text_button

FRAME = 1 / 20  # the attract loop moves slowly: 20 frames a second is smooth enough


class AttractScreen(Screen):
    name = "attract"

    def __init__(self, app) -> None:  # noqa: ANN001
        super().__init__(app)
        self.t0: float | None = None
        self.phase = 0.0
        self.last = 0.0

    def build(self) -> None:
        t = self.theme
        sw, sh = self.app.surface.get_size()
        w = min(sw - 2 * t.margin, t.px(1000))
        x = (sw - w) // 2
        items = [Text(t, self.app.story.title, w, role="display", style="bold", align="center"),
                 Text(t, "Live one week in a city that scores its people. "
                      "Every choice is watched. About 5 minutes.", w, role="h2",
                      align="center")]
        y = t.px(60)
        for it in items:
            it.rect.topleft = (x, y)
            y += it.rect.h + t.gap
            self.fixed.append(it)
        self.touch_y = y + t.gap
        big = Button(t, "begin", "Touch to begin", min(w, t.px(520)), self.begin,
                     kind="primary", role="h2", center=True)
        big.rect.midtop = (sw // 2, self.touch_y)
        self.fixed.append(big)
        bigger = "Larger text" if self.app.settings.text_step < 2 else "Standard text"
        aa = text_button(t, "text-size", f"Aa  {bigger}", self.text_size, role="lead")
        aa.rect.bottomright = (sw - t.margin, sh - t.px(16))
        self.fixed.append(aa)
        hint = Text(t, "In English. Touch the screen, or use the keys.",
                    max(t.px(200), aa.rect.left - 2 * t.margin), role="small", colour="ink")
        hint.rect.bottomleft = (t.margin, sh - t.px(16) - (aa.rect.h - hint.rect.h) // 2)
        self.fixed.append(hint)
        self.footer = min(aa.rect.top, hint.rect.top) - t.px(16)
        self.city_top = big.rect.bottom + t.gap

    def draw_back(self, surf: pygame.Surface) -> None:
        sw, sh = surf.get_size()
        t = self.theme
        top = max(self.city_top, self.footer - round(sh * 0.4))
        area = pygame.Rect(0, top, sw, max(10, self.footer - top))
        art.skyline(surf, area, t.pal, 0.5 + 0.5 * math.sin(self.phase), seed=11)
        pygame.draw.line(surf, t.pal.border, (0, self.footer), (sw, self.footer),
                         max(1, t.px(2)))

    def update(self, now: float) -> bool:
        if self.theme.reduced_motion:
            return False
        if now - self.last >= FRAME:
            self.last = now
            self.phase = now * 0.6
            self.app.dirty = True
        return False  # the loop's 50 ms sleep paces it; never a busy 60 fps here

    def pointer_up(self, pos) -> None:  # noqa: ANN001
        w = self.pressed
        super().pointer_up(pos)
        if w is None and pos is not None and not self.app.kiosk.in_corner(pos):
            self.begin()  # any touch starts a visit, except in the admin corner

    def key(self, key: int, mod: int, text: str) -> None:
        if key in (pygame.K_TAB, pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT, pygame.K_RIGHT):
            super().key(key, mod, text)
        elif key in (pygame.K_RETURN, pygame.K_SPACE, pygame.K_KP_ENTER) and self.focus_visible:
            super().key(key, mod, text)
        elif key not in (pygame.K_ESCAPE,):
            self.begin()

    def text_size(self) -> None:
        s = self.app.settings
        s.text_step = 2 if s.text_step < 2 else 0
        self.app.relayout()

    def begin(self) -> None:
        self.app.kiosk.start()

    def back(self) -> None:
        pass
