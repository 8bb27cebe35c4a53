"""Settings: text size, high contrast, reduced motion, opaque/transparent, sound, full screen.

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
        if self.sound_offered():
            out += [
                Button(t, "sound", f"Sound: {on_off(not s.muted)}", w, self.toggle_mute,
                       detail=("Camera clicks, notices, refusals and a quiet city. Key: M.",)),
                Button(t, "volume", f"Volume: {round(s.volume * 100)} %", w, self.volume,
                       detail=("Press for louder; after the loudest it starts again at "
                               "silent. Keys: [ and ].",)),
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

    def sound_offered(self) -> bool:
        """In a kiosk the museum decides: no sound controls when its sound is off."""
        cfg = getattr(self.app, "kiosk_cfg", None)
        return cfg is None or bool(getattr(cfg, "sound_enabled", False))

    def toggle_mute(self) -> None:
        self.app.settings.muted = not self.app.settings.muted
        self._sound_changed()

    def volume(self, step: int = 1, wrap: bool = True) -> None:
        """Move the volume `step` steps; the button wraps round, the keys stop at the ends."""
        steps = storage.VOLUME_STEPS
        now = min(range(len(steps)), key=lambda i: abs(steps[i] - self.app.settings.volume))
        i = (now + step) % len(steps) if wrap else max(0, min(len(steps) - 1, now + step))
        self.app.settings.volume = steps[i]
        if self.app.settings.volume > 0:
            self.app.settings.muted = False  # turning it up means you want to hear it
        self._sound_changed()

    def _sound_changed(self) -> None:
        sounds, s = getattr(self.app, "sounds", None), self.app.settings
        if sounds is not None:
            sounds.set_volume(s.volume)
            sounds.set_muted(s.muted)
            sounds.play("chime")  # a sample at the new level (nothing when silent)
        self.app.apply_settings()

    def other_key(self, key: int, mod: int, text: str) -> None:
        if self.sound_offered() and (key == pygame.K_m or text in ("[", "]")):
            if key == pygame.K_m:
                self.toggle_mute()
            else:
                self.volume(1 if text == "]" else -1, wrap=False)
            return
        if text in ("+", "="):
            self.text_size(1) if self.app.settings.text_step < 3 else None
        elif text == "-" and self.app.settings.text_step > 0:
            self.text_size(-1)
        elif key == pygame.K_h:
            self.toggle("high_contrast")()
