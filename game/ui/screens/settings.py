"""Settings: text size, high contrast, reduced motion, opaque/transparent, full screen.

Each change applies at once (the whole window re-lays out) and is remembered.
"""

from __future__ import annotations

import pygame

from game.ui import storage
from game.ui.screens.listing import ListingScreen
from game.ui.widgets.base import Button, Text, Widget


def on_off(v: bool) -> str:
    return "On" if v else "Off"


class SettingsScreen(ListingScreen):
    name = "settings"
    title = "Settings"

    def items(self, w: int) -> list[Widget]:
        t, s = self.theme, self.app.settings
        n = len(storage.TEXT_STEPS)
        out: list[Widget] = [
            Button(t, "text-size", f"Text size: {storage.TEXT_STEP_NAMES[s.text_step]} "
                   f"({s.text_step + 1} of {n})", w, self.text_size,
                   detail=("Press to make the text larger; after the largest it starts "
                           "again. Keys: + and -.",)),
            Button(t, "contrast", f"High contrast: {on_off(s.high_contrast)}", w,
                   self.toggle("high_contrast"),
                   detail=("White on black, contrast 7:1 or more.",)),
            Button(t, "motion", f"Reduced motion: {on_off(s.reduced_motion)}", w,
                   self.toggle("reduced_motion"),
                   detail=("No transitions; scene text appears at once.",)),
            Button(t, "mode", f"Mode: {s.mode.capitalize()}", w, self.mode,
                   detail=(("Opaque: you see only what the system tells a citizen."
                            if s.mode == "opaque" else
                            "Transparent: you see every rule, reason, witness and source."),)),
        ]
        if self.app.kiosk is None:
            out.append(Button(t, "fullscreen", f"Full screen: {on_off(s.fullscreen)}", w,
                              self.app.toggle_fullscreen, detail=("Key: F11.",)))
            out.append(Text(t, "Settings are remembered on this computer.", w, role="small",
                            colour="muted"))
        return out

    def text_size(self, step: int = 1) -> None:
        s = self.app.settings
        s.text_step = (s.text_step + step) % len(storage.TEXT_STEPS)
        self.app.apply_settings()

    def toggle(self, attr: str):  # noqa: ANN201
        def flip() -> None:
            setattr(self.app.settings, attr, not getattr(self.app.settings, attr))
            self.app.apply_settings()
        return flip

    def mode(self) -> None:
        s = self.app.settings
        s.mode = "opaque" if s.mode == "transparent" else "transparent"
        self.app.apply_settings()

    def other_key(self, key: int, mod: int, text: str) -> None:
        if text in ("+", "="):
            self.text_size(1) if self.app.settings.text_step < 3 else None
        elif text == "-" and self.app.settings.text_step > 0:
            self.text_size(-1)
        elif key == pygame.K_h:
            self.toggle("high_contrast")()
