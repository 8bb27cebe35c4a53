"""What `play` asks of the window (pygame-free, so the CLI can build it cheaply)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(slots=True)
class PlayOptions:
    """The `play` command's flags, as the window reads them.

    Attributes:
        story: the story folder to load.
        fullscreen: start full screen (F11 toggles later).
        kiosk: museum kiosk mode: full screen, touch first, locked, nothing saved.
        classroom: projector type, discussion pauses, class vote, one-key reveal.
        kiosk_config: the kiosk config file (None: the built-in defaults).
        mode: "opaque" or "transparent" (None: the saved setting).
        scenario: start this life directly (skips the title and the pick screen).
        ruleset: play under this ruleset instead of the scenario's own.
        lang: a language code (only the story's own language exists today).
        autoplay: choice positions to take, then walk the debrief screens and exit.
        screenshots: save a PNG of every screen reached into this folder.
        size: the window size in pixels (None: 1280x720, or the desktop when full screen).
    """

    story: Path
    fullscreen: bool = False
    kiosk: bool = False
    classroom: bool = False
    kiosk_config: Path | None = None
    mode: str | None = None
    scenario: str | None = None
    ruleset: str | None = None
    lang: str | None = None
    autoplay: list[int] | None = None
    screenshots: Path | None = None
    size: tuple[int, int] | None = None


def display_available() -> bool:
    """Whether a window can open here (pygame-free, for `python -m game` to choose).

    An explicit SDL_VIDEODRIVER (such as `dummy` in tests) counts as a display. On
    Linux and the BSDs a window needs an X11 or Wayland display; elsewhere there is one.
    """
    import os
    import sys

    if os.environ.get("SDL_VIDEODRIVER"):
        return True
    if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True
