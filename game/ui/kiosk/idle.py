"""Kiosk logic without pygame: the idle timer, the admin corner hold, touch target size.

The window (`game.ui.app`) feeds these the clock and the visitor's input; tests
drive them with a fake clock.
"""

from __future__ import annotations

import ctypes
import glob
import os
from dataclasses import dataclass

IDLE, WARNING, RESET = "idle-ok", "warning", "reset"


@dataclass
class IdleTimer:
    """After `idle_s` without input a warning; after `warn_s` more, a reset."""

    idle_s: float
    warn_s: float
    last: float = 0.0

    def touch(self, now: float) -> None:
        self.last = now

    def phase(self, now: float) -> str:
        quiet = now - self.last
        if quiet < self.idle_s:
            return IDLE
        return WARNING if quiet < self.idle_s + self.warn_s else RESET

    def remaining(self, now: float) -> float:
        """Seconds left on the "Still there?" countdown."""
        return max(0.0, self.idle_s + self.warn_s - (now - self.last))

    def next_change(self, now: float) -> float:
        """Seconds until the phase (or, while warning, the displayed second) changes."""
        quiet = now - self.last
        if quiet < self.idle_s:
            return self.idle_s - quiet
        return min(1.0, max(0.0, self.remaining(now) % 1.0 or 1.0))


@dataclass
class CornerHold:
    """The admin gesture: a press held in the top-left corner for `hold_s` seconds."""

    hold_s: float
    corner_px: int
    since: float | None = None

    def press(self, pos: tuple[int, int], now: float) -> None:
        inside = pos[0] <= self.corner_px and pos[1] <= self.corner_px
        self.since = now if inside else None

    def move(self, pos: tuple[int, int]) -> None:
        if pos[0] > self.corner_px * 1.5 or pos[1] > self.corner_px * 1.5:
            self.since = None

    def release(self) -> None:
        self.since = None

    def fired(self, now: float) -> bool:
        if self.since is not None and now - self.since >= self.hold_s:
            self.since = None
            return True
        return False


def touch_target_px(min_mm: float, min_px: int, dpi: float) -> int:
    """max(min_mm at this DPI, min_px): 10 mm is 56 px on a 15.6-inch 1080p screen."""
    return max(int(min_px), round(min_mm * dpi / 25.4))


def display_dpi(index: int = 0) -> float | None:
    """The display's diagonal DPI as SDL reports it, or None (dummy driver, no SDL symbol)."""
    try:
        import pygame

        base = os.path.dirname(pygame.__file__)
        libs = glob.glob(os.path.join(base, "..", "pygame_ce.libs", "libSDL2*")) \
            + glob.glob(os.path.join(base, "SDL2*.dll"))
        lib = ctypes.CDLL(libs[0]) if libs else ctypes.CDLL("libSDL2-2.0.so.0")
        d, h, v = ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
        if lib.SDL_GetDisplayDPI(index, ctypes.byref(d), ctypes.byref(h), ctypes.byref(v)) != 0:
            return None
        return float(d.value) if d.value > 0 else None
    except (OSError, AttributeError, IndexError):
        return None
