"""The story identity behind replay codes counts what changes play, and nothing else."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.engine.identity import story_identity
from game.engine.load import load_story
from tests.engine.test_load_errors import edit

V2 = Path(__file__).parent.parent / "fixtures" / "v2"
TRIP = "scenarios/trip.yaml"


@pytest.fixture
def v2_dir(tmp_path: Path) -> Path:
    shutil.copytree(V2, tmp_path / "v2")
    return tmp_path / "v2"


def ident(folder: Path) -> str:
    return story_identity(load_story(folder))


@pytest.mark.parametrize("rel, old, new", [
    (TRIP, 'says "Purchase failed"', 'says "Purchase failed!"'),  # refusal text
    (TRIP, "      - A letter from the court arrives.\n",
     "      - A letter from the court arrives today.\n"),  # a paragraph
    ("rulesets/court.yaml", "notice: Your record", "notice: The record"),
    ("rulesets/city.yaml", "label: Good", "label: Fine"),
    ("story.yaml", "{name: Buy a plane ticket, default: true}",
     "{default: true, name: Buy a ticket to fly}"),  # key order and prose
], ids=["instead text", "paragraph", "notice", "tier label", "capability name"])
def test_prose_and_key_order_leave_the_identity_alone(v2_dir: Path, rel: str, old: str,
                                                      new: str) -> None:
    before = ident(v2_dir)
    edit(v2_dir / rel, old, new)
    assert ident(v2_dir) == before


@pytest.mark.parametrize("rel, old, new", [
    (TRIP, "- {if: \"money < 10\", to: broke}", "- {if: \"money < 11\", to: broke}"),
    (TRIP, "          add: {money: -5}", "          add: {money: -6}"),  # instead effect
    ("rulesets/city.yaml", "{id: good, min: 100", "{id: good, min: 101"),
    ("story.yaml", "{name: Buy a plane ticket, default: true}",
     "{name: Buy a plane ticket, default: false}"),
    (TRIP, "{if: \"on_list('debtors')\", text: Your name", "{if: \"true\", text: Your name"),
], ids=["goto entry", "instead add", "tier min", "capability default",
        "paragraph condition"])
def test_rules_and_structure_change_the_identity(v2_dir: Path, rel: str, old: str,
                                                 new: str) -> None:
    before = ident(v2_dir)
    edit(v2_dir / rel, old, new)
    assert ident(v2_dir) != before


def test_adding_a_layer_changes_the_identity(v2_dir: Path) -> None:
    before = ident(v2_dir)
    (v2_dir / "rulesets" / "extra.yaml").write_text(
        "ruleset: extra\nname: An empty layer\nfidelity: dramatized\n", encoding="utf-8")
    assert ident(v2_dir) != before  # a new ruleset id
    with_extra = ident(v2_dir)
    edit(v2_dir / "rulesets/city.yaml", "includes: [court]", "includes: [court, extra]")
    assert ident(v2_dir) != with_extra
