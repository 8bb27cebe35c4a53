"""Odd bytes in a story file: each a clean `PATH:LINE: error:` at the line an editor shows."""

from __future__ import annotations

import tracemalloc

import pytest

from game.engine.yamlread import MAX_DEPTH, YamlError, read_yaml_bytes, read_yaml_file


def error_of(text: str) -> YamlError:
    with pytest.raises(YamlError) as info:
        read_yaml_bytes(text.encode("utf-8"), "s.yaml")
    assert "\n" not in str(info.value)  # one line, no parser position dump
    return info.value


@pytest.mark.parametrize("text,line", [
    ("x: " + "[" * 500 + "]" * 500 + "\n", 1),
    ("".join("  " * i + "k:\n" for i in range(500)) + "  " * 500 + "v\n", MAX_DEPTH + 1),
])
def test_deep_nesting_is_an_error_not_a_crash(text, line) -> None:
    err = error_of(text)
    assert err.line == line and "nested more than" in err.message


def test_a_number_too_long_for_python_is_an_error_at_its_line() -> None:
    err = error_of("a: 1\nb: 2\nx: " + "9" * 5000 + "\n")
    assert err.line == 3 and "5,000 digits" in err.message


@pytest.mark.parametrize("char,name", [("\x00", "NUL"), ("\x0c", "form feed"), ("\x7f", "DEL")])
def test_control_characters_are_reported_at_their_own_line(char, name) -> None:
    err = error_of(f"a: 1\n\nb: x{char}y\n")
    assert (err.line, err.path) == (3, "s.yaml") and name in err.message


@pytest.mark.parametrize("sep", ["\u2028", "\u2029", "\x85"])
def test_yaml_only_line_breaks_are_refused_before_they_shift_line_numbers(sep) -> None:
    err = error_of(f"a: 1\nb: one{sep}two\nc: [\n")
    assert err.line == 2 and "line break" in err.message


def test_a_tab_is_called_a_tab() -> None:
    err = error_of("a:\n\tb: 1\n")
    assert err.line == 2 and "tab" in err.message and "spaces" in err.message


def test_a_huge_file_is_refused_without_reading_it_all(tmp_path) -> None:
    huge = tmp_path / "huge.yaml"
    with open(huge, "wb") as f:
        f.truncate(2**30)  # sparse: 1 GiB on paper, nothing on disk
    tracemalloc.start()
    try:
        with pytest.raises(YamlError, match="1,073,741,824 bytes; the limit is 1 MiB"):
            read_yaml_file(huge)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 * 2**20  # at most the limit and a little, never the whole GiB


def test_ordinary_text_still_reads() -> None:
    data = read_yaml_bytes("a: [1, {b: 'c\u00e9'}]\nd: 1.5\n".encode(), "s.yaml")
    assert data == {"a": [1, {"b": "cé"}], "d": 1.5}
