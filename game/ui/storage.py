"""User files: settings and the autosave, under platformdirs or $ROAM_FREELY_HOME.

Every write is atomic (a temporary file, then `os.replace`). A file that cannot
be read, or was written by another version, is set aside with a sentence the
title screen shows; it never crashes the game.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Annotated, Any, Literal, get_args, get_origin, get_type_hints

from game.atomic import sweep_stale, write_atomic

SETTINGS_VERSION = 1
SAVE_VERSION = 1
TEXT_STEPS = (1.0, 1.25, 1.5, 1.8)  # text size multipliers: four steps
TEXT_STEP_NAMES = ("Standard", "Large", "Larger", "Largest")
VOLUME_STEPS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)  # what the settings screen's volume button steps


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


def set_aside(path: Path) -> Path:
    """Rename a file we cannot use to NAME.broken-TIMESTAMP and return the new path."""
    target = path.with_name(f"{path.name}.broken-{time.strftime('%Y%m%d-%H%M%S')}")
    n = 1
    while target.exists():
        target = target.with_name(f"{target.name}-{n}")
        n += 1
    os.replace(path, target)
    return target


class BadFile(ValueError):
    """A user file whose content does not fit what the game writes."""


@dataclass(frozen=True, slots=True)
class Range:
    """`Annotated` metadata: the inclusive bounds of a number in a user file."""

    low: float
    high: float


def _check(value: Any, kind: Any) -> None:
    """Raise BadFile unless `value` is exactly of `kind` (no coercion: 1.5 is no int,
    "false" is no bool, 1e999 is no int): a hand-edited file is refused, not guessed."""
    if get_origin(kind) is Annotated:
        base, *meta = get_args(kind)
        _check(value, base)
        for m in meta:
            if isinstance(m, Range) and not m.low <= value <= m.high:
                raise BadFile(f"{value!r} is out of range")
        return
    if get_origin(kind) is Literal:
        if value not in get_args(kind) or type(value) is bool:
            raise BadFile(f"{value!r} is not one of {get_args(kind)}")
        return
    if kind is float and type(value) in (int, float) and value == value and abs(value) < 1e300:
        return
    if type(value) is not kind:
        raise BadFile(f"{value!r} is not a {kind.__name__}")


def check_fields(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    """The known keys of `data`, each checked against `cls`'s annotations."""
    hints = get_type_hints(cls, include_extras=True)
    out = {k: v for k, v in data.items() if k in hints}
    for key, value in out.items():
        _check(value, hints[key])
    return out


@dataclass(slots=True)
class Settings:
    """What the player set in the settings screen; remembered between runs.

    The annotations are also the file's schema: `load_settings` checks a file
    against them strictly (a hand-edited `1.5` or `"false"` is refused, not
    coerced), so a new setting needs its type and range here and nowhere else.
    """

    text_step: Annotated[int, Range(0, len(TEXT_STEPS) - 1)] = 0  # index into TEXT_STEPS
    high_contrast: bool = False
    reduced_motion: bool = False
    mode: Literal["opaque", "transparent"] = "transparent"
    fullscreen: bool = False
    volume: Annotated[float, Range(0, 1)] = 0.6  # sound level (VOLUME_STEPS on screen)
    muted: bool = False

    @property
    def text_scale(self) -> float:
        return TEXT_STEPS[self.text_step]


# pydantic would do this too, but importing it costs 80 ms of every start-up;
# settings and saves are read before the title screen, so a few lines do it.
@dataclass(slots=True)
class _SaveFile:
    """What an autosave must hold to be replayed (other keys are tolerated)."""

    story: str
    scenario: str
    seed: Annotated[int, Range(0, 2**63 - 1)] = 0


def _check_save(data: dict[str, Any]) -> None:
    check_fields(_SaveFile, data)
    if "scenario" not in data or (data.get("ruleset") is not None
                                   and type(data["ruleset"]) is not str):
        raise BadFile("no scenario, or a ruleset that is not a name")
    intents = data.get("intents")
    if type(intents) is not list or not all(
            i == "c" or (type(i) is int and 1 <= i <= 10_000) for i in intents):
        raise BadFile("the steps are not positions")


def _read_json(path: Path) -> Any:
    """The file's JSON; a file that is not text or not JSON raises ValueError."""
    return json.loads(path.read_bytes().decode("utf-8"))


def load_settings(path: Path | None = None) -> tuple[Settings, str | None]:
    """The saved settings (or the defaults) and a message if a broken file was set aside."""
    path = path or home() / "settings.json"
    sweep_stale(path.parent)  # what a killed write left behind
    if not path.exists():
        return Settings(), None
    try:
        data = _read_json(path)
        if not isinstance(data, dict) or data.get("version") != SETTINGS_VERSION:
            raise ValueError("another version")
        return Settings(**check_fields(Settings, data)), None
    except (OSError, ValueError):
        set_aside(path)
        return Settings(), ("Your saved settings could not be read, so the game starts with "
                            "its standard settings. A copy of the old settings file was kept.")


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
    sweep_stale(path.parent)
    if not path.exists():
        return None, None
    why = "it is damaged"
    try:
        data = _read_json(path)
        if not isinstance(data, dict) or data.get("version") != SAVE_VERSION:
            why = "it was written by another version of the game"
            raise ValueError(why)
        if data.get("story") != checksum:
            why = "the story has changed since"
            raise ValueError(why)
        _check_save(data)
        return data, None
    except (OSError, ValueError):
        set_aside(path)
        return None, (f"Your saved game could not be resumed: {why}. A copy was kept; "
                      "start a new game.")


def delete_save(path: Path | None = None) -> None:
    (path or save_path()).unlink(missing_ok=True)
