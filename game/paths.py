"""Where the bundled story and assets are, in a checkout and in an installed wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _first_existing(*candidates: Path) -> Path:
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[0]


def bundled_story() -> Path:
    """The story folder shipped with the game (checkout first, then the wheel's copy)."""
    checkout = _PACKAGE.parent / "story"
    if (checkout / "story.yaml").is_file() and (_PACKAGE.parent / "pyproject.toml").is_file():
        return checkout
    return _PACKAGE / "_story"


def assets() -> Path:
    """The assets folder: fonts, UI art, sounds."""
    return _first_existing(_PACKAGE.parent / "assets", _PACKAGE / "_assets")
