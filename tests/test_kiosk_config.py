"""The kiosk config: defaults, every kind of error with its line, and the admin PIN."""

from __future__ import annotations

import io
from pathlib import Path
from types import SimpleNamespace

import pytest

from game.ui.kiosk.config import (
    KioskConfig,
    KioskConfigError,
    check_against,
    default_kiosk_config,
    hash_pin,
    load_kiosk_config,
    main_hash_pin,
    verify_pin,
)

REPO = Path(__file__).resolve().parent.parent
FAST = 1000  # PBKDF2 iterations for tests that are not about the hash's strength
HASH = hash_pin("2468", iterations=FAST)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kiosk.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def errors_of(tmp_path: Path, text: str) -> list[str]:
    path = write(tmp_path, text)
    with pytest.raises(KioskConfigError) as info:
        load_kiosk_config(path)
    lines = str(info.value).splitlines()
    assert lines == info.value.errors
    return [line.replace(str(path), "K") for line in lines]


def test_defaults_match_the_documented_values() -> None:
    c = default_kiosk_config()
    assert c == KioskConfig()
    assert (c.lives, c.mode, c.idle_seconds, c.warning_seconds) == ((), "opaque", 40, 20)
    assert (c.short_path, c.touch_min_mm, c.touch_min_px, c.dpi) == (True, 10, 44, None)
    assert (c.admin_hold_seconds, c.log_dir) == (5, None)


def test_a_full_file_loads_every_value(tmp_path: Path) -> None:
    path = write(tmp_path, f"""\
lives: [courier, student]
mode: transparent
idle_seconds: 2
warning_seconds: 1.5
pin_hash: {HASH}
short_path: false
touch_min_mm: 12
touch_min_px: 60
dpi: 96
admin_hold_seconds: 3
log_dir: logs
""")
    c = load_kiosk_config(path)
    assert c.lives == ("courier", "student")
    assert c.mode == "transparent"
    assert (c.idle_seconds, c.warning_seconds) == (2.0, 1.5)
    assert c.short_path is False
    assert (c.touch_min_mm, c.touch_min_px, c.dpi, c.admin_hold_seconds) == (12, 60, 96, 3)
    assert isinstance(c.touch_min_px, int) and isinstance(c.idle_seconds, float)
    assert c.log_dir == str((tmp_path / "logs").resolve())  # relative to the config file


def test_the_example_config_in_docs_loads_and_fits_the_bundled_story() -> None:
    from game.engine.load import load_story
    from game.paths import bundled_story

    c = load_kiosk_config(REPO / "docs" / "kiosk.example.yaml")
    assert verify_pin(c, "2468")
    assert not verify_pin(c, "2469")
    assert c.lives and check_against(c, load_story(bundled_story())) == []


def test_config_is_frozen() -> None:
    with pytest.raises(AttributeError):
        default_kiosk_config().mode = "transparent"  # type: ignore[misc]


# -- one test per kind of error, each with its line ---------------------------------------

def test_unknown_key_suggests_the_nearest(tmp_path: Path) -> None:
    errs = errors_of(tmp_path, f"pin_hash: {HASH}\nidle_secnds: 30\n")
    assert errs == ["K:2: error: unknown key 'idle_secnds' in the file "
                    "(did you mean 'idle_seconds'?)"]


def test_unknown_key_with_nothing_near_lists_the_keys(tmp_path: Path) -> None:
    errs = errors_of(tmp_path, f"pin_hash: {HASH}\n\ncolour: 3\n")
    assert len(errs) == 1
    assert errs[0].startswith("K:3: error: unknown key 'colour' in the file; known keys: pin_hash")


def test_missing_pin_hash(tmp_path: Path) -> None:
    errs = errors_of(tmp_path, "mode: opaque\n")
    assert errs == ["K:1: error: missing required key 'pin_hash' "
                    "(make one with `python -m game kiosk-pin`)"]


def test_empty_file(tmp_path: Path) -> None:
    errs = errors_of(tmp_path, "# nothing here\n")
    assert len(errs) == 1 and errs[0].startswith("K:1: error: the file is empty")


def test_not_a_mapping(tmp_path: Path) -> None:
    errs = errors_of(tmp_path, "- courier\n- student\n")
    assert errs == ["K:1: error: the file should be a mapping of settings (`key: value` lines); "
                    "found a list"]


def test_bad_mode(tmp_path: Path) -> None:
    errs = errors_of(tmp_path, f"pin_hash: {HASH}\nmode: secret\n")
    assert errs == ["K:2: error: mode must be one of 'opaque' or 'transparent'; found 'secret'"]


def test_number_of_the_wrong_type(tmp_path: Path) -> None:
    errs = errors_of(tmp_path, f"pin_hash: {HASH}\nidle_seconds: forty\n")
    assert errs == ["K:2: error: idle_seconds should be a number; found 'forty'"]


def test_number_out_of_range(tmp_path: Path) -> None:
    errs = errors_of(tmp_path, f"pin_hash: {HASH}\n\nwarning_seconds: 0\n")
    assert errs == ["K:3: error: warning_seconds should be greater than or equal to 1; "
                    "found the number 0"]


def test_whole_number_expected(tmp_path: Path) -> None:
    errs = errors_of(tmp_path, f"pin_hash: {HASH}\ntouch_min_px: 44.5\n")
    assert errs == ["K:2: error: touch_min_px should be a whole number; found the number 44.5"]


def test_yes_is_not_a_boolean(tmp_path: Path) -> None:
    errs = errors_of(tmp_path, f"pin_hash: {HASH}\nshort_path: yes\n")
    assert errs == ["K:2: error: short_path should be true or false (only those two words are "
                    "booleans); found 'yes'"]


def test_lives_must_be_a_list(tmp_path: Path) -> None:
    errs = errors_of(tmp_path, f"pin_hash: {HASH}\nlives: courier\n")
    assert errs == ["K:2: error: lives should be a list; found 'courier'"]


def test_lives_bad_id_and_duplicate_name_their_own_lines(tmp_path: Path) -> None:
    errs = errors_of(tmp_path, f"pin_hash: {HASH}\nlives:\n  - courier\n  - Bad Id\n"
                     "  - courier\n")
    assert errs == [
        "K:4: error: lives: 'Bad Id' is not a scenario id (lowercase letters, digits, '-' and '_')",
        "K:5: error: lives: 'courier' is listed twice (first at line 3)",
    ]


def test_malformed_pin_hash(tmp_path: Path) -> None:
    errs = errors_of(tmp_path, "pin_hash: '2468'\n")
    assert errs == ["K:1: error: pin_hash is not a PIN hash made by `python -m game kiosk-pin` "
                    "(expected pbkdf2_sha256$ITERATIONS$SALT$HASH)"]
    assert errors_of(tmp_path, "pin_hash: 2468\n") == [
        "K:1: error: pin_hash should be text; found the number 2468"]


def test_yaml_errors_keep_the_story_readers_form(tmp_path: Path) -> None:
    errs = errors_of(tmp_path, f"pin_hash: {HASH}\nmode: opaque\nmode: transparent\n")
    assert errs == ["K:3: error: duplicate key 'mode' (first at line 2)"]
    errs = errors_of(tmp_path, f"pin_hash: {HASH}\nlives: !!python/object:os.system []\n")
    assert len(errs) == 1 and errs[0].startswith("K:2: error: explicit YAML tags")


def test_missing_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(KioskConfigError) as info:
        load_kiosk_config(tmp_path / "nope.yaml")
    assert str(info.value).startswith(f"{tmp_path / 'nope.yaml'}:1: error: cannot read the file")


def test_every_error_is_reported_at_once(tmp_path: Path) -> None:
    errs = errors_of(tmp_path, "mode: x\ndpi: 5\nfoo: 1\n")
    assert [e.split(":")[1] for e in errs] == ["1", "1", "2", "3"]


def test_lives_checked_against_a_story(tmp_path: Path) -> None:
    path = write(tmp_path, f"pin_hash: {HASH}\nlives:\n  - courier\n  - studnet\n")
    config = load_kiosk_config(path)
    story = SimpleNamespace(scenarios={"courier": None, "student": None})
    assert check_against(config, story) == [
        f"{path}:4: error: lives: unknown scenario 'studnet'; did you mean 'student'?"]
    assert check_against(default_kiosk_config(), story) == []


# -- the PIN -------------------------------------------------------------------------------

def test_pin_round_trip_with_the_default_strength() -> None:
    stored = hash_pin("4071")
    assert stored.startswith("pbkdf2_sha256$600000$")
    assert "4071" not in stored
    config = KioskConfig(pin_hash=stored)
    assert verify_pin(config, "4071")
    assert not verify_pin(config, "4070")
    assert not verify_pin(config, "")


def test_same_pin_hashes_differently_each_time() -> None:
    assert hash_pin("1234", iterations=FAST) != hash_pin("1234", iterations=FAST)


def test_pin_must_be_digits() -> None:
    with pytest.raises(ValueError):
        hash_pin("12a4")
    with pytest.raises(ValueError):
        hash_pin("123")


def test_default_config_opens_with_an_empty_pin_only() -> None:
    assert verify_pin(default_kiosk_config(), "")
    assert not verify_pin(default_kiosk_config(), "0000")


def test_kiosk_pin_command_prints_a_hash_that_loads(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("97531\n"))
    assert main_hash_pin([]) == 0
    out = capsys.readouterr().out.strip()
    config = load_kiosk_config(write(tmp_path, f"pin_hash: {out}\n"))
    assert verify_pin(config, "97531")


def test_kiosk_pin_command_refuses_a_bad_pin(monkeypatch, capsys) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("12\n"))
    assert main_hash_pin([]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("error: a PIN is 4 to 12 digits")
