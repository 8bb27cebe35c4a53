"""The title screen: continue, new game, settings, about, quit; and the city at rest."""

from __future__ import annotations

import pygame

from game.engine.identity import story_identity
from game.ui import art, storage
from game.ui.screens.base import Screen
from game.ui.widgets.base import Button, Text

INTRO_SECONDS = 1.6  # the cameras turn once, then the screen rests (idle CPU)


class TitleScreen(Screen):
    name = "title"

    def __init__(self, app) -> None:  # noqa: ANN001
        super().__init__(app)
        self.t0: float | None = None
        self.phase = 1.0 if app.theme.reduced_motion else 0.0
        self.save = None
        from game.ui.screens.base import city_bed

        city_bed(app, False)
        if app.message is None:
            self.save, app.message = storage.read_save(story_identity(app.story))
        else:
            self.save, _ = storage.read_save(story_identity(app.story))

    def build(self) -> None:
        """Title, a line about the game, the buttons; at the largest text in a small window
        the title shrinks, then the line goes, then the buttons pair up: never off screen."""
        t = self.theme
        sw, sh = self.app.surface.get_size()
        col = min(t.px(560) * max(1.0, t.text_scale * 0.9), sw - 2 * t.margin)
        for role, lead, pairs in (("display", True, False), ("h1", True, False),
                                  ("h1", False, False), ("h2", False, True)):
            self.fixed = []
            if self._place(col, role, lead, pairs) <= sh - t.px(12):
                break

    def _place(self, col: int, role: str, lead: bool, pairs: bool) -> int:
        """Lay the title screen out one way; returns the bottom of the last button."""
        t = self.theme
        x, y = t.margin + t.px(24), t.px(70 if role == "display" else 24)
        items = [Text(t, self.app.story.title, col, role=role, style="bold")]
        if lead:
            items.append(Text(t, "A week in a city that scores its people. Every change to "
                              "your score is explained; play it again under other rules.",
                              col, role="lead", colour="muted"))
        if self.app.message:
            items.append(Text(t, self.app.message, col, role="small", colour="bad",
                              style="bold"))
        for it in items:
            it.rect.topleft = (x, y)
            y += it.rect.h + t.gap
            self.fixed.append(it)
        y += t.gap if lead else 0
        bw = min(col, t.px(420) * max(1.0, t.text_scale * 0.8))
        if pairs:
            bw = (min(self.app.surface.get_width() - 2 * x, 2 * bw) - t.px(12)) // 2
        buttons = []
        if self.save is not None:
            sc = self.app.story.scenarios.get(self.save["scenario"])
            label = f"Continue: {sc.title}" if sc else "Continue"
            buttons.append(Button(t, "continue", label, bw, self.resume, kind="primary"))
        buttons.append(Button(t, "new", "New game", bw, self.new_game,
                              kind="normal" if self.save else "primary"))
        buttons.append(Button(t, "settings", "Settings", bw, self.settings))
        buttons.append(Button(t, "about", "About this game", bw, self.about))
        buttons.append(Button(t, "quit", "Quit", bw, lambda: self.app.quit(0)))
        bottom = y
        for i, b in enumerate(buttons):
            if pairs:
                row_h = max(buttons[i - i % 2].rect.h, buttons[min(len(buttons) - 1,
                                                                  i - i % 2 + 1)].rect.h)
                b.rect.topleft = (x + (i % 2) * (bw + t.px(12)), y)
                if i % 2 or i == len(buttons) - 1:
                    y += row_h + t.px(12)
            else:
                b.rect.topleft = (x, y)
                y += b.rect.h + t.px(12)
            bottom = max(bottom, b.rect.bottom)
            self.fixed.append(b)
        return bottom

    def draw_back(self, surf: pygame.Surface) -> None:
        sw, sh = surf.get_size()
        t = self.theme
        area = pygame.Rect(sw * 0.45, sh * 0.35, sw * 0.55, sh * 0.65)
        art.skyline(surf, area, t.pal, self.phase)

    def update(self, now: float) -> bool:
        if self.phase >= 1.0:
            return False
        if self.t0 is None:
            self.t0 = now
        self.phase = min(1.0, (now - self.t0) / INTRO_SECONDS)
        self.app.dirty = True
        return self.phase < 1.0

    def resume(self) -> None:
        from game.engine.play import PlayError
        from game.ui.screens.life import PlayScreen
        from game.ui.session import Session

        try:
            self.app.session = Session.from_save(self.app.story, self.save)
        except (PlayError, KeyError, ValueError, TypeError):
            storage.set_aside(storage.save_path())
            self.app.message = ("Your saved game could not be resumed: it does not fit this "
                                "version of the story. A copy was kept; start a new game.")
            self.save = None
            self.layout()
            return
        self.app.show(PlayScreen(self.app))

    def new_game(self) -> None:
        from game.ui.screens.pick import PickScreen

        self.app.message = None
        self.app.push(PickScreen(self.app))

    def settings(self) -> None:
        from game.ui.screens.settings import SettingsScreen

        self.app.push(SettingsScreen(self.app))

    def about(self) -> None:
        from game.ui.screens.about import AboutScreen

        self.app.push(AboutScreen(self.app))

    def back(self) -> None:
        pass  # Escape on the title does nothing: Quit is a button
