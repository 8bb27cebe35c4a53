"""The museum kiosk's settings file: load, validate, defaults, and the admin PIN.

A kiosk config is a small YAML file read with the story's own reader, so it
gets the same safety (no tags, no aliases, no duplicate keys, 1 MiB at most)
and the same error form, `PATH:LINE: error: message`. Every problem in the
file is reported at once; an unknown key names the nearest known one.

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
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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


def _number(lo: float, hi: float, integer: bool = False) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        kind = "a whole number" if integer else "a number"
        if isinstance(value, bool) or not isinstance(value, int | float) or (
                integer and not isinstance(value, int)):
            return f"expected {kind} from {lo:g} to {hi:g}, got {_show(value)}"
        if not lo <= value <= hi:
            return f"expected {kind} from {lo:g} to {hi:g}, got {value:g}"
        return None
    return check


def _boolean(value: Any) -> str | None:
    if isinstance(value, bool):
        return None
    return f"expected true or false, got {_show(value)}"


def _mode(value: Any) -> str | None:
    if value in MODES:
        return None
    return f"expected one of {', '.join(MODES)}, got {_show(value)}"


def _pin_hash(value: Any) -> str | None:
    if isinstance(value, str) and _HASH_PATTERN.match(value):
        return None
    return ("not a PIN hash made by `python -m game kiosk-pin` "
            f"(expected {PIN_ALGORITHM}$ITERATIONS$SALT$HASH)")


def _folder(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return None
    return f"expected a folder path, got {_show(value)}"


# key -> (check, may be null); `lives` has its own check.
_SCALARS: dict[str, tuple[Callable[[Any], str | None], bool]] = {
    "mode": (_mode, False),
    "idle_seconds": (_number(1, 3600), False),
    "warning_seconds": (_number(1, 600), False),
    "pin_hash": (_pin_hash, False),
    "short_path": (_boolean, False),
    "touch_min_mm": (_number(1, 100), False),
    "touch_min_px": (_number(1, 1000, integer=True), False),
    "dpi": (_number(20, 2000), True),
    "admin_hold_seconds": (_number(1, 60), False),
    "log_dir": (_folder, True),
}
_FLOATS = ("idle_seconds", "warning_seconds", "touch_min_mm", "dpi", "admin_hold_seconds")
KEYS = ("lives", *_SCALARS)
REQUIRED = ("pin_hash",)


class _Checker:
    """Walks the parsed file, collecting every error with its line."""

    def __init__(self, shown: str) -> None:
        self.shown = shown
        self.errors: list[str] = []

    def error(self, line: int, message: str) -> None:
        self.errors.append(f"{self.shown}:{line}: error: {message}")

    def document(self, data: Any) -> dict[str, Any]:
        if data is None:
            self.error(1, "the file is empty: it needs at least `pin_hash:` "
                       "(make one with `python -m game kiosk-pin`)")
            return {}
        if not isinstance(data, YMap):
            self.error(getattr(data, "line", 1), "expected a mapping of settings "
                       "(`key: value` lines), got " + _show(data))
            return {}
        out: dict[str, Any] = {}
        for key, value in data.items():
            line = data.value_lines[key]
            if key == "lives":
                out["lives"], out["lives_lines"] = self.lives(value, line)
            elif key in _SCALARS:
                check, nullable = _SCALARS[key]
                problem = None if (value is None and nullable) else check(value)
                if problem:
                    self.error(line, f"{key}: {problem}")
                else:
                    out[key] = float(value) if key in _FLOATS and value is not None else value
            else:
                self.error(data.key_lines[key], _unknown_key(key))
        for key in REQUIRED:
            if key not in data:
                self.error(data.line, f"missing required key '{key}' "
                           "(make one with `python -m game kiosk-pin`)")
        return out

    def lives(self, value: Any, line: int) -> tuple[tuple[str, ...], tuple[int, ...]]:
        if not isinstance(value, YList):
            self.error(line, "lives: expected a list of scenario ids, like "
                       f"[courier, student], got {_show(value)}")
            return (), ()
        seen: dict[str, int] = {}
        for item, item_line in zip(value, value.item_lines, strict=True):
            if not isinstance(item, str) or not _ID.match(item):
                self.error(item_line, f"lives: {_show(item)} is not a scenario id "
                           "(lowercase letters, digits, '-' and '_')")
            elif item in seen:
                self.error(item_line, f"lives: '{item}' is listed twice "
                           f"(first at line {seen[item]})")
            else:
                seen[item] = item_line
        return tuple(seen), tuple(seen.values())


def _unknown_key(key: str) -> str:
    near = difflib.get_close_matches(str(key), KEYS, n=1, cutoff=0.6)
    hint = f"; did you mean '{near[0]}'?" if near else f" (known keys: {', '.join(KEYS)})"
    return f"unknown key '{key}'{hint}"


def _show(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return repr(value)
    return str(value)


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
