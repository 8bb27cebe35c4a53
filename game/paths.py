"""Where the bundled story and assets are, in a checkout and in an installed wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parent if (_PACKAGE.parent / "pyproject.toml").is_file() else None


def bundled_story() -> Path:
    """The story folder shipped with the game (checkout first, then the wheel's copy)."""
    if _CHECKOUT is not None and (_CHECKOUT / "story" / "story.yaml").is_file():
        return _CHECKOUT / "story"
    return _PACKAGE / "_story"


def assets() -> Path:
    """The assets folder: fonts, UI art, sounds.

    The checkout's `assets/` only when this really is our checkout (pyproject.toml
    beside the package) and it holds our fonts: an installed game sits in
    site-packages, where an unrelated `assets/` folder may also sit.
    """
    if _CHECKOUT is not None and (_CHECKOUT / "assets" / "fonts").is_dir():
        return _CHECKOUT / "assets"
    return _PACKAGE / "_assets"
