"""The museum kiosk's settings file: load, validate, defaults, and the admin PIN.

A kiosk config is a small YAML file read with the story's own reader and
checked with the story's own dialect: the same safety (no tags, no aliases, no
duplicate keys, 1 MiB at most), a strict pydantic model for its shape, and the
same problem wording (`game.engine.problems`), `PATH:LINE: error: message`.
Every problem in the file is reported at once; an unknown key names the
nearest known one.

The admin PIN is never stored: only a salted PBKDF2-SHA256 hash of it, as text
`pbkdf2_sha256$ITERATIONS$SALT$HASH` (salt and hash in hex), made by
`python -m game kiosk-pin` (`main_hash_pin`).
"""

from __future__ import annotations

import argparse
import difflib
import getpass
import hashlib
import hmac
import re
import secrets
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from game.engine.problems import Problem, describe
from game.engine.shape_errors import shape_problems
from game.engine.yamlread import YamlError, YList, YMap, read_yaml_file

MODES = ("opaque", "transparent")
PIN_ALGORITHM = "pbkdf2_sha256"
PIN_ITERATIONS = 600_000  # OWASP's 2023 figure for PBKDF2-SHA256; checked once per admin exit
PIN_PATTERN = re.compile(r"[0-9]{4,12}\Z")  # the on-screen keypad has digits only
_HASH_PATTERN = re.compile(r"pbkdf2_sha256\$([0-9]{1,9})\$([0-9a-f]{16,128})\$([0-9a-f]{64})\Z")
_ID = re.compile(r"[a-z0-9][a-z0-9_-]*\Z")


class KioskConfigError(ValueError):
    """A kiosk config that cannot be used; `str()` is one `PATH:LINE: error: ...` per line."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = list(errors)


@dataclass(frozen=True, slots=True)
class KioskConfig:
    """Everything a kiosk needs to know; `default_kiosk_config()` gives the defaults."""

    lives: tuple[str, ...] = ()
    """Scenario ids offered, in order; empty means every scenario of the story."""
    mode: str = "opaque"
    """"opaque" (what a citizen is told) or "transparent" (what really happened)."""
    idle_seconds: float = 40
    """Seconds without input before the "Still there?" card."""
    warning_seconds: float = 20
    """How long the card counts down before the full reset."""
    pin_hash: str = ""
    """The admin PIN's hash; empty (defaults only, no file) means an empty PIN."""
    short_path: bool = True
    """Play the short (at most 5 minutes) version of a life."""
    touch_min_mm: float = 10
    touch_min_px: int = 44
    """Touch targets are at least max(touch_min_mm, touch_min_px) on screen."""
    dpi: float | None = None
    """The display's dots per inch; None asks the display."""
    admin_hold_seconds: float = 5
    """How long the admin gesture (holding a corner) lasts before the keypad."""
    log_dir: str | None = None
    """Where crash logs go (absolute); None means the game's default log folder."""
    sound_enabled: bool = False
    """Sound in the gallery is the museum's choice: off unless `sound: {enabled: true}`."""
    sound_volume: float = 0.6
    """The sound level from 0 to 1, when sound is on."""
    source: str | None = field(default=None, compare=False, repr=False)
    """The file this came from, for error messages."""
    lives_lines: tuple[int, ...] = field(default=(), compare=False, repr=False)
    """The line of each entry of `lives` in that file."""

    @property
    def has_pin(self) -> bool:
        return bool(self.pin_hash)


def default_kiosk_config() -> KioskConfig:
    """The settings used when no config file is given (for trying kiosk mode out)."""
    return KioskConfig()


# -- reading a file ----------------------------------------------------------------------

def load_kiosk_config(path: Path) -> KioskConfig:
    """Read and validate a kiosk config file; raise KioskConfigError listing every problem."""
    path = Path(path)
    shown = str(path)
    try:
        data = read_yaml_file(path, shown)
    except YamlError as exc:
        raise KioskConfigError([str(exc)]) from None
    checker = _Checker(shown)
    values = checker.document(data)
    if checker.errors:
        raise KioskConfigError(checker.errors)
    log_dir = values.get("log_dir")
    if log_dir is not None:
        # A relative log folder is relative to the config file, not to wherever systemd started.
        values["log_dir"] = str((path.parent / log_dir).resolve())
    return KioskConfig(source=shown, **values)


class _Sound(BaseModel):
    """`sound: {enabled: true, volume: 0.6}`: off unless the museum turns it on."""

    model_config = ConfigDict(extra="forbid", strict=True)
    enabled: bool = False
    volume: Annotated[float, Field(ge=0, le=1)] = 0.6


class _File(BaseModel):
    """The file's shape, checked by pydantic exactly as story files are (strict: `yes`
    is no boolean, 44.5 no whole number); problems are worded by `shape_problems`."""

    model_config = ConfigDict(extra="forbid", strict=True)
    pin_hash: str
    lives: list[str] = []
    mode: Literal["opaque", "transparent"] = "opaque"
    idle_seconds: Annotated[float, Field(ge=1, le=3600)] = 40
    warning_seconds: Annotated[float, Field(ge=1, le=600)] = 20
    short_path: bool = True
    touch_min_mm: Annotated[float, Field(ge=1, le=100)] = 10
    touch_min_px: Annotated[int, Field(ge=1, le=1000)] = 44
    dpi: Annotated[float, Field(ge=20, le=2000)] | None = None
    admin_hold_seconds: Annotated[float, Field(ge=1, le=60)] = 5
    log_dir: Annotated[str, Field(min_length=1)] | None = None
    sound: _Sound = _Sound()


KEYS = tuple(_File.model_fields)
_HOW = "(make one with `python -m game kiosk-pin`)"


class _Checker:
    """Shape first (pydantic, in the story's words), then what a shape cannot say."""

    def __init__(self, shown: str) -> None:
        self.shown = shown
        self.errors: list[str] = []

    def error(self, line: int, message: str) -> None:
        self.errors.append(str(Problem(self.shown, line, message)))

    def document(self, data: Any) -> dict[str, Any]:
        if data is None:
            self.error(1, f"the file is empty: it needs at least `pin_hash:` {_HOW}")
            return {}
        if not isinstance(data, YMap):
            self.error(getattr(data, "line", 1), "the file should be a mapping of settings "
                       f"(`key: value` lines); found {describe(data)}")
            return {}
        try:
            parsed = _File.model_validate(dict(data))
        except ValidationError as exc:
            for problem in shape_problems(_File, data, self.shown, exc):
                hint = f" {_HOW}" if "'pin_hash'" in problem.message else ""
                self.error(problem.line, problem.message + hint)
            return {}
        values = parsed.model_dump(exclude_unset=True)
        if "sound" in values:
            values.pop("sound")
            values["sound_enabled"] = parsed.sound.enabled
            values["sound_volume"] = float(parsed.sound.volume)
        if not _HASH_PATTERN.match(parsed.pin_hash):
            self.error(data.value_lines["pin_hash"], "pin_hash is not a PIN hash made by "
                       "`python -m game kiosk-pin` "
                       f"(expected {PIN_ALGORITHM}$ITERATIONS$SALT$HASH)")
        if "lives" in data:
            values["lives"], values["lives_lines"] = self.lives(data["lives"])
        return values

    def lives(self, value: YList) -> tuple[tuple[str, ...], tuple[int, ...]]:
        seen: dict[str, int] = {}
        for item, item_line in zip(value, value.item_lines, strict=True):
            if not _ID.match(item):
                self.error(item_line, f"lives: {describe(item)} is not a scenario id "
                           "(lowercase letters, digits, '-' and '_')")
            elif item in seen:
                self.error(item_line, f"lives: '{item}' is listed twice "
                           f"(first at line {seen[item]})")
            else:
                seen[item] = item_line
        return tuple(seen), tuple(seen.values())


def check_against(config: KioskConfig, story: Any) -> list[str]:
    """Errors for `lives` entries that are not scenarios of `story` (empty when all are)."""
    errors = []
    where = config.source or "kiosk config"
    known = sorted(story.scenarios)
    for i, life in enumerate(config.lives):
        if life in story.scenarios:
            continue
        line = config.lives_lines[i] if i < len(config.lives_lines) else 1
        near = difflib.get_close_matches(life, known, n=1, cutoff=0.6)
        hint = f"; did you mean '{near[0]}'?" if near else (
            f" (the story has: {', '.join(known)})" if known else "")
        errors.append(f"{where}:{line}: error: lives: unknown scenario '{life}'{hint}")
    return errors


# -- the PIN -----------------------------------------------------------------------------

def hash_pin(pin: str, *, iterations: int = PIN_ITERATIONS) -> str:
    """A salted hash of `pin` (4 to 12 digits) to store as `pin_hash`."""
    if not PIN_PATTERN.match(pin):
        raise ValueError("a PIN is 4 to 12 digits (the kiosk's keypad has digits only)")
    salt = secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, iterations)
    return f"{PIN_ALGORITHM}${iterations}${salt.hex()}${digest.hex()}"


def verify_pin(config: KioskConfig, pin: str) -> bool:
    """Whether `pin` is the admin PIN (with no hash set, only an empty PIN is)."""
    if not config.pin_hash:
        return hmac.compare_digest(pin.encode(), b"")
    m = _HASH_PATTERN.match(config.pin_hash)
    if m is None:
        return False
    iterations, salt, expected = int(m.group(1)), bytes.fromhex(m.group(2)), m.group(3)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, iterations)
    return hmac.compare_digest(digest.hex(), expected)


def main_hash_pin(argv: list[str] | None = None) -> int:
    """`python -m game kiosk-pin`: ask for a PIN, print its hash for the kiosk config."""
    parser = argparse.ArgumentParser(
        prog="python -m game kiosk-pin",
        description="Print the hash of a kiosk admin PIN, to paste into the kiosk config "
                    "as `pin_hash:`. The PIN is asked twice (not echoed); when standard "
                    "input is not a terminal, it is read from its first line.")
    parser.parse_args(argv)
    try:
        pin = _read_pin()
    except (EOFError, KeyboardInterrupt):
        print("error: no PIN given", file=sys.stderr)
        return 2
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not PIN_PATTERN.match(pin):
        print("error: a PIN is 4 to 12 digits (the kiosk's keypad has digits only)",
              file=sys.stderr)
        return 2
    print(hash_pin(pin))
    print("Paste it into the kiosk config as:  pin_hash: <the line above>", file=sys.stderr)
    return 0


def _read_pin() -> str:
    if not sys.stdin.isatty():
        line = sys.stdin.readline()
        if not line:
            raise EOFError
        return line.strip()
    first = getpass.getpass("Kiosk admin PIN (4-12 digits): ")
    second = getpass.getpass("The same PIN again: ")
    if first != second:
        raise ValueError("the two PINs differ; nothing was printed")
    return first.strip()
