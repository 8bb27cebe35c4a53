"""User files: settings and the autosave, under platformdirs or $ROAM_FREELY_HOME.

Every write is atomic (a temporary file, then `os.replace`). A file that cannot
be read, or was written by another version, is set aside with a sentence the
title screen shows; it never crashes the game.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

SETTINGS_VERSION = 1
SAVE_VERSION = 1
TEXT_STEPS = (1.0, 1.25, 1.5, 1.8)  # text size multipliers: four steps
TEXT_STEP_NAMES = ("Standard", "Large", "Larger", "Largest")


def home() -> Path:
    """The folder for every user file: $ROAM_FREELY_HOME, else the platform's data dir."""
    env = os.environ.get("ROAM_FREELY_HOME")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("roam-freely", appauthor=False))


def log_dir() -> Path:
    env = os.environ.get("ROAM_FREELY_HOME")
    if env:
        return Path(env) / "logs"
    import platformdirs

    return Path(platformdirs.user_log_dir("roam-freely", appauthor=False))


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` so that a crash leaves the old file or the new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def set_aside(path: Path) -> Path:
    """Rename a file we cannot use to NAME.broken-TIMESTAMP and return the new path."""
    target = path.with_name(f"{path.name}.broken-{time.strftime('%Y%m%d-%H%M%S')}")
    n = 1
    while target.exists():
        target = target.with_name(f"{target.name}-{n}")
        n += 1
    os.replace(path, target)
    return target


@dataclass(slots=True)
class Settings:
    """What the player set in the settings screen; remembered between runs."""

    text_step: int = 0  # index into TEXT_STEPS
    high_contrast: bool = False
    reduced_motion: bool = False
    mode: str = "transparent"  # "opaque" or "transparent"
    fullscreen: bool = False

    @property
    def text_scale(self) -> float:
        return TEXT_STEPS[self.text_step]


def load_settings(path: Path | None = None) -> tuple[Settings, str | None]:
    """The saved settings (or the defaults) and a message if a broken file was set aside."""
    path = path or home() / "settings.json"
    if not path.exists():
        return Settings(), None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != SETTINGS_VERSION:
            raise ValueError("another version")
        known = {f.name for f in fields(Settings)}
        s = Settings(**{k: v for k, v in data.items() if k in known})
        if not 0 <= s.text_step < len(TEXT_STEPS) or s.mode not in ("opaque", "transparent"):
            raise ValueError("a value out of range")
        return s, None
    except (OSError, ValueError, TypeError, AttributeError) as err:
        moved = set_aside(path)
        return Settings(), f"Your settings could not be read ({err}); defaults are used. " \
                          f"The old file was kept as {moved.name}."


def save_settings(settings: Settings, path: Path | None = None) -> None:
    path = path or home() / "settings.json"
    write_atomic(path, json.dumps({"version": SETTINGS_VERSION, **asdict(settings)}, indent=1))


def save_path() -> Path:
    return home() / "autosave.json"


def write_save(data: dict[str, Any], path: Path | None = None) -> None:
    write_atomic(path or save_path(), json.dumps({"version": SAVE_VERSION, **data}, indent=1))


def read_save(checksum: str, path: Path | None = None) -> tuple[dict[str, Any] | None, str | None]:
    """The autosave if it is usable, else None and (for a broken or old file) a message."""
    path = path or save_path()
    if not path.exists():
        return None, None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("version") != SAVE_VERSION:
            raise ValueError("it was written by another version of the game")
        if data.get("story") != checksum:
            raise ValueError("the story has changed since")
        if not isinstance(data.get("scenario"), str) or not isinstance(data.get("intents"), list):
            raise ValueError("it is incomplete")
        return data, None
    except (OSError, ValueError) as err:
        moved = set_aside(path)
        return None, f"Your saved game could not be resumed: {err}. " \
                     f"It was kept as {moved.name}; start a new game."


def delete_save(path: Path | None = None) -> None:
    (path or save_path()).unlink(missing_ok=True)
