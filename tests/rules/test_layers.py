"""Layered and scoreless rulesets as the rules layer shows them (`rules --json`)."""

from __future__ import annotations

from pathlib import Path

from game.engine.load import load_story
from game.rules.explain import rules_json
from game.rules.model import NO_TIER, ConsequenceKind

V2 = Path(__file__).parent.parent / "fixtures" / "v2"


def test_a_layered_ruleset_lists_its_layers_items_first_each_with_its_layer() -> None:
    story = load_story(V2)
    city = rules_json(story, ["city"])["rulesets"][0]
    assert city["includes"] == ["court"]
    assert [(r["id"], r["layer"]) for r in city["rules"]] == [
        ("LIST-DEBTOR", "court"), ("UNLIST", "court"), ("CITY-DEBT", "city"),
        ("CITY-RED", "city")]
    assert [(x["id"], x["layer"]) for x in city["lists"]] == [
        ("debtors", "court"), ("watched", "city")]
    assert [(c["id"], c["layer"], c["kind"]) for c in city["consequences"]] == [
        ("TRAVEL-BAN", "court", "restriction"), ("BIKE-PERK", "city", "privilege")]
    assert city["score"] == {"start": 100, "min": 0, "max": 200}


def test_a_scoreless_ruleset_shows_no_score_and_no_tiers() -> None:
    story = load_story(V2)
    court = rules_json(story, ["court"])["rulesets"][0]
    assert court["score"] is None and court["tiers"] == [] and court["includes"] == []
    assert {r["layer"] for r in court["rules"]} == {"court"}
    ruleset = story.rulesets["court"]
    assert not ruleset.scored and not ruleset.keeps_score
    assert ruleset.tier_of(0) is NO_TIER and ruleset.tier_of(0).id == ""


def test_a_version_1_ruleset_has_no_includes_and_its_own_layer(mini) -> None:
    pilot = rules_json(mini, ["pilot-city"])["rulesets"][0]
    assert pilot["includes"] == [] and {r["layer"] for r in pilot["rules"]} == {"pilot-city"}
    assert pilot["score"] == {"start": 1000, "min": 0, "max": 1060}
    assert mini.rulesets["pilot-city"].consequences[0].kind is ConsequenceKind.RESTRICTION
