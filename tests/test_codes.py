"""Replay codes: round trips, typo tolerance, and refusal of another story version."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game import codes
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


PT = Playthrough("courier", "pilot-city", 0, (1, 1, 2))
COURIER = "scenarios/courier.yaml"


def test_a_code_survives_prose_key_order_and_scene_order_edits(mini_dir: Path) -> None:
    code = encode(load_story(mini_dir), PT)
    edit(mini_dir / COURIER, "You are home.", "You are home at last.")  # prose
    edit(mini_dir / "rulesets/pilot-city.yaml", "reason: Ran a red light.",
         "reason: Ran a red light at a camera.")
    edit(mini_dir / COURIER, "title: The Courier\nrole: Delivery rider, 24",
         "role: Delivery rider, 25\ntitle: The Courier")  # key order and prose
    # scene order: move the two endings above the start scene
    text = (mini_dir / COURIER).read_text(encoding="utf-8")
    head, endings = text.split("  free:\n", 1)
    scenes_at = head.index("scenes:\n") + len("scenes:\n")
    (mini_dir / COURIER).write_text(head[:scenes_at] + "  free:\n" + endings.rstrip("\n")
                                    + "\n" + head[scenes_at:], encoding="utf-8")
    changed = load_story(mini_dir)
    assert list(changed.scenarios["courier"].scenes)[0] == "free"
    assert decode(changed, code) == PT


@pytest.mark.parametrize("old, new", [
    ("delta: -5", "delta: -6"),  # a rule's points
    ("      - text: Run the red light\n        observe: traffic.red_light\n        goto: day2\n"
     "      - text: Wait for the green light\n        add: {late: 1}\n        goto: day2\n",
     "      - text: Wait for the green light\n        add: {late: 1}\n        goto: day2\n"
     "      - text: Run the red light\n        observe: traffic.red_light\n        goto: day2\n"),
    ('if: "money >= 200"', 'if: "money >= 250"'),  # a condition
], ids=["delta", "choice order", "condition"])
def test_a_new_code_is_refused_when_rules_or_structure_change(mini_dir: Path, old: str,
                                                              new: str) -> None:
    code = encode(load_story(mini_dir), PT)
    target = mini_dir / ("rulesets/pilot-city.yaml" if "delta" in old else COURIER)
    edit(target, old, new)
    with pytest.raises(CodeError, match="rules or structure have changed"):
        decode(load_story(mini_dir), code)


def test_a_code_made_before_version_2_stays_valid_for_an_unchanged_story(mini) -> None:
    old_code = codes._encode(mini, PT, 1)  # the layout and key codes had before
    assert old_code != encode(mini, PT)
    assert decode(mini, old_code) == PT


def test_a_code_made_before_version_2_is_refused_once_the_story_changed(mini_dir: Path) -> None:
    old_code = codes._encode(load_story(mini_dir), PT, 1)
    edit(mini_dir / COURIER, "You are home.", "You are home at last.")  # even a typo fix
    with pytest.raises(CodeError, match="from an older version of the game"):
        decode(load_story(mini_dir), old_code)
