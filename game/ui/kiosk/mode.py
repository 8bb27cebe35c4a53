"""The museum kiosk in the window: attract loop, idle reset, lock, admin exit, recovery.

Nothing about a visitor survives a reset: the session is dropped, the kiosk
never writes a save or settings, and the log holds only crash tracebacks.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pygame

from game.ui import storage
from game.ui.app import log, setup_logging
from game.ui.kiosk.idle import RESET, WARNING, CornerHold, IdleTimer


class KioskController:
    def __init__(self, app) -> None:  # noqa: ANN001
        self.app = app
        self.cfg = cfg = app.kiosk_cfg
        self.idle = IdleTimer(cfg.idle_seconds, cfg.warning_seconds, app.clock())
        self.corner = CornerHold(cfg.admin_hold_seconds, max(app.touch_px * 2, 80))
        self.crashes = 0
        self.down = False
        self.resets = 0
        folder = Path(cfg.log_dir) if cfg.log_dir else storage.log_dir()
        try:
            setup_logging(folder)
        except OSError:
            logging.basicConfig()
        self.base_settings = storage.Settings(**{
            k: getattr(app.settings, k) for k in storage.Settings.__slots__})

    def lives(self) -> list[str]:
        """The configured lives (or every full-length one), each swapped for its short
        version when `short_path` is on and the story has one."""
        story = self.app.story
        full = [s for s, sc in story.scenarios.items() if not getattr(sc, "short_of", None)]
        shorts = {getattr(sc, "short_of", None): sid for sid, sc in story.scenarios.items()
                  if getattr(sc, "short_of", None)}
        if self.cfg.lives:
            ids = list(self.cfg.lives)
        elif self.cfg.short_path and shorts:
            ids = [f for f in full if f in shorts]  # only the lives that have a short version
        else:
            ids = full
        return [shorts.get(i, i) for i in ids] if self.cfg.short_path else ids

    # -- the visitor's cycle -----------------------------------------------------------

    def to_attract(self) -> None:
        """A full reset: no session, the kiosk's own settings, the attract screen."""
        from game.ui.screens.attract import AttractScreen

        self.app.screens = []  # drop every screen of the visit before anything re-lays out
        self.app.session = None
        for k in storage.Settings.__slots__:
            setattr(self.app.settings, k, getattr(self.base_settings, k))
        self.resets += 1
        self.app.relayout()
        self.app.show(AttractScreen(self.app), animate=False)
        self.idle.touch(self.app.clock())
        release_memory()

    def start(self) -> None:
        """A visitor touched the attract screen: choose a life (or start the only one)."""
        from game.ui.screens.pick import PickScreen

        lives = self.lives()
        if len(lives) == 1:
            self.app.start_game(lives[0])
        else:
            self.app.show(PickScreen(self.app, lives, on_pick=self.app.start_game, back=False))

    def in_corner(self, pos: tuple[int, int]) -> bool:
        return pos[0] <= self.corner.corner_px and pos[1] <= self.corner.corner_px

    @property
    def visiting(self) -> bool:
        return self.app.screens[0].name != "attract"

    # -- input and time ----------------------------------------------------------------

    def on_input(self, e: pygame.event.Event, pos: tuple[int, int] | None) -> None:
        now = self.app.clock()
        self.idle.touch(now)
        if e.type in (pygame.MOUSEBUTTONDOWN, pygame.FINGERDOWN) and pos is not None:
            self.corner.press(pos, now)
            self.down = True
        elif e.type in (pygame.MOUSEMOTION, pygame.FINGERMOTION) and pos is not None:
            if self.corner.since is not None:
                self.corner.move(pos)
        elif e.type in (pygame.MOUSEBUTTONUP, pygame.FINGERUP):
            self.corner.release()
            self.down = False

    def update(self, now: float) -> bool:
        if self.down:  # a finger resting on the glass is someone there
            self.idle.touch(now)
        if self.corner.fired(now):
            self.admin()
        if not self.visiting:
            return False
        phase = self.idle.phase(now)
        top = self.app.screen.name
        if phase == RESET:
            log.info("idle reset")
            self.to_attract()
        elif phase == WARNING and top not in ("still-there", "keypad"):
            from game.ui.screens.overlays import StillThereScreen

            self.app.push(StillThereScreen(self.app, lambda: self.idle.remaining(
                self.app.clock())))
        return False

    def admin(self) -> None:
        from game.ui.kiosk.config import verify_pin
        from game.ui.screens.overlays import KeypadScreen

        if self.app.screen.name != "keypad":
            self.app.push(KeypadScreen(self.app, lambda pin: verify_pin(self.cfg, pin),
                                       self.exit))

    def exit(self) -> None:
        log.info("admin exit")
        self.app.quit(0)

    def guarded(self, tick) -> bool:  # noqa: ANN001
        """Run one loop turn; a crash is logged and the kiosk comes back at attract."""
        try:
            return tick()
        except Exception:  # a kiosk never leaves a desktop: recover, whatever it was
            self.crashes += 1
            log.error("recovered from a crash:\n%s", _tb())
            try:
                self.to_attract()
            except Exception:
                log.critical("cannot recover:\n%s", _tb())
                raise
            return False


def release_memory() -> None:
    """Hand freed memory back to the system between visitors.

    Python's own objects stay flat over 1,000 visits, but glibc keeps the freed
    heap of text surfaces, so RSS wanders by tens of MB; malloc_trim (glibc
    only) holds it flat (docs/benchmarks.md). Elsewhere this is a no-op.
    """
    import ctypes
    import gc
    import sys

    gc.collect()
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL("libc.so.6").malloc_trim(0)
        except (OSError, AttributeError):
            pass


def _tb() -> str:
    import traceback

    return traceback.format_exc()
