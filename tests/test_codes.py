"""Replay codes: round trips, typo tolerance, and refusal of another story version."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.analysis import Playthrough
from game.codes import CodeError, decode, encode
from game.engine.load import load_story
from tests.engine.test_load_errors import edit


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["pilot-city", "bureau"]), st.integers(0, 2**40),
       st.lists(st.integers(1, 300), max_size=40))
def test_codes_round_trip(mini, ruleset: str, seed: int, choices: list[int]) -> None:
    pt = Playthrough("courier", ruleset, seed, tuple(choices))
    assert decode(mini, encode(mini, pt)) == pt


def test_a_typical_code_is_short_and_forgiving_to_type(mini) -> None:
    pt = Playthrough("courier", "pilot-city", 0, (1, 2, 1, 3, 2, 1, 1, 2, 3, 1, 2, 1))
    code = encode(mini, pt)
    assert len(code) <= 32 and code.startswith("RF-")
    sloppy = code.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    assert decode(mini, sloppy) == pt


def test_a_mistyped_code_is_refused_with_a_sentence(mini) -> None:
    code = encode(mini, Playthrough("courier", "pilot-city", 0, (1, 1, 2)))
    body = code[3:]
    flipped = body[0] + ("A" if body[1] != "A" else "B") + body[2:]
    with pytest.raises(CodeError, match="mistyped"):
        decode(mini, "RF-" + flipped)
    with pytest.raises(CodeError, match="not used in codes"):
        decode(mini, code + "U")


def test_a_code_from_another_story_version_is_refused(mini, mini_dir: Path) -> None:
    code = encode(mini, Playthrough("courier", "pilot-city", 0, (1, 1, 2)))
    edit(mini_dir / "scenarios/courier.yaml", "You are home.", "You are home at last.")
    changed = load_story(mini_dir)
    with pytest.raises(CodeError, match="different version of the story"):
        decode(changed, code)
