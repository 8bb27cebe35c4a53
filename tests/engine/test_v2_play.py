"""Story format 2 in play: instead and refusals, branching goto, conditional
paragraphs, rulesets that keep no score (tests/fixtures/v2)."""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

import pytest

from game.engine.check import warnings
from game.engine.events import Refused
from game.engine.load import load_story
from game.engine.play import (
    BLOCKED,
    OPEN,
    Choose,
    Context,
    Continue,
    PlayError,
    start,
    step,
    takeable,
)
from game.engine.view import present

V2 = Path(__file__).parent.parent / "fixtures" / "v2"


@pytest.fixture(scope="module")
def v2():
    return load_story(V2)


def walk(story, ruleset: str, *positions: int):
    ctx = Context.of(story, "trip", ruleset)
    state, _ = start(ctx, 0)
    for p in positions:
        state, _ = step(ctx, state, Choose(p))
        while not state.ended and ctx.scene(state).goto is not None:
            state, _ = step(ctx, state, Continue())
    return ctx, state


def test_the_fixture_loads_with_no_warnings(v2) -> None:
    assert warnings(v2) == []


def test_a_closed_door_with_instead_can_be_tried_and_records_a_refusal(v2) -> None:
    ctx, state = walk(v2, "court", 1)
    view = present(ctx, state)
    fly, bike, walk_on = view.choices
    assert fly.status == BLOCKED and fly.can_try
    assert bike.status == BLOCKED and not bike.can_try  # closed by default, no instead
    assert walk_on.status == OPEN and not walk_on.can_try
    assert takeable(ctx, state) == [1, 3]
    state, events = step(ctx, state, Choose(1))
    refused = [e for e in events if isinstance(e, Refused)]
    assert [(r.capability, r.by) for r in refused] == [
        ("travel.flight", ("TRAVEL-BAN",)), ("travel.rail", ("TRAVEL-BAN",))]
    # the text is filled after the instead block's own effects (50 - 5)
    assert refused[0].text == 'The booking page says "Purchase failed". You have 45 yuan left.'
    assert state.refusals == tuple(refused) and state.choices == (1, 1)
    assert present(ctx, state).refusal == refused[0]
    assert state.vars["money"] == 45
    # the instead observation is recorded at the scene of the choice
    assert [(e.scene, e.behaviour) for e in state.ledger][-1] == ("airport", "travel.refused")
    state, _ = step(ctx, state, Continue())  # the bus
    assert present(ctx, state).refusal is None  # only the step just taken shows it
    assert state.ended and state.scene == "listed" and len(state.refusals) == 2


def test_a_closed_door_without_instead_cannot_be_taken(v2) -> None:
    ctx, state = walk(v2, "court", 1)
    with pytest.raises(PlayError, match="not open"):
        step(ctx, state, Choose(2))


def test_an_open_door_with_instead_plays_its_own_effects(v2) -> None:
    ctx, state = walk(v2, "court", 2, 1)
    assert state.ended and state.scene == "home" and state.refusals == ()
    assert state.vars["money"] == 10


def test_branching_goto_takes_the_first_entry_that_holds(v2, tmp_path: Path) -> None:
    _, state = walk(v2, "court", 1, 3)  # walk: not visited bus yet -> bus -> listed
    assert state.path[-2:] == ("bus", "listed")
    _, state = walk(v2, "court", 2, 3)  # not listed: the bus goes home
    assert state.path[-2:] == ("bus", "home")
    # the branch is evaluated after the instead's own effects: money 12 - 5 < 10
    import shutil

    shutil.copytree(V2, tmp_path / "v2")
    scenario = tmp_path / "v2" / "scenarios" / "trip.yaml"
    scenario.write_text(scenario.read_text().replace("{money: 50}", "{money: 14}"))
    _, state = walk(load_story(tmp_path / "v2"), "court", 1, 1)
    assert state.ended and state.scene == "broke"


def test_paragraphs_show_when_their_condition_holds_after_entry(v2) -> None:
    ctx, state = walk(v2, "court")
    assert present(ctx, state).paragraphs == (
        "A letter from the court arrives.", "Nobody keeps a score here: no score.")
    ctx, state = walk(v2, "city")
    assert present(ctx, state).text == ("A letter from the court arrives.\n\n"
                                        "Your score is 100 (Good).")
    ctx, state = walk(v2, "court", 1)
    assert present(ctx, state).paragraphs[-1] == "Your name is on the list."
    ctx, state = walk(v2, "court", 2)
    assert present(ctx, state).paragraphs == ("You reach the airport with 10 yuan.",)


def test_a_ruleset_that_keeps_no_score_reads_zero_and_no_tier(v2) -> None:
    ctx, state = walk(v2, "court", 1)
    view = present(ctx, state)
    assert not view.standing.scored and view.standing.lists[0][0] == "debtors"
    assert state.standing.score == 0 and state.standing.tier == ""
    assert all(e.delta == 0 and e.after == 0 for e in state.ledger)
    ctx, state = walk(v2, "city", 1)
    assert present(ctx, state).standing.scored


def test_an_included_layer_fires_first_and_its_expressions_see_the_combined_ruleset(
        v2) -> None:
    _, state = walk(v2, "city", 1)
    # LIST-DEBTOR (court layer) lists first, so CITY-DEBT's `on_list('debtors')` holds
    assert [(e.rule, e.before, e.after) for e in state.ledger[:2]] == [
        ("LIST-DEBTOR", 100, 100), ("CITY-DEBT", 100, 70)]
    assert state.standing.lists == frozenset({"debtors", "watched"})
    assert "TRAVEL-BAN" in state.standing.active and "BIKE-PERK" not in state.standing.active


def test_scored_holds_in_rule_conditions_under_a_ruleset_that_keeps_score(v2) -> None:
    _, state = walk(v2, "city", 2)
    assert any(e.rule == "CITY-RED" for e in state.ledger)  # if: "scored"


def test_states_share_no_mutable_vars_or_counts(v2) -> None:
    ctx = Context.of(v2, "trip", "court")
    first, _ = start(ctx, 0)
    second, _ = step(ctx, first, Choose(2))
    assert isinstance(second.vars, MappingProxyType)
    with pytest.raises(TypeError):
        second.vars["money"] = 1  # type: ignore[index]
    with pytest.raises(TypeError):
        second.standing.counts["court.judgment_paid"] = 9  # type: ignore[index]
    assert first.vars["money"] == 50 and second.vars["money"] == 10
    assert dict(first.standing.counts) == {} and second.standing.counts[
        "court.judgment_paid"] == 1
    again, _ = start(ctx, 0)
    assert again.vars["money"] == 50  # the scenario's initial values were never touched


def test_statuses_and_kinds_are_enums_that_read_as_before(v2) -> None:
    import json

    from game.engine.play import ChoiceStatus
    from game.rules.model import ConsequenceKind

    ctx, state = walk(v2, "court", 1)
    status = present(ctx, state).choices[0].status
    assert status is ChoiceStatus.BLOCKED and status == "blocked"
    assert json.dumps([status, v2.rulesets["court"].consequences[0].kind]) == (
        '["blocked", "restriction"]')
    assert v2.rulesets["city"].consequences[1].kind is ConsequenceKind.PRIVILEGE


def test_a_choice_listed_as_takeable_is_not_evaluated_again_when_taken() -> None:
    from game.engine.load import load_story as load

    story = load(Path(__file__).parent.parent / "fixtures" / "mini")  # a private copy
    ctx = Context.of(story, "courier")
    state, _ = start(ctx, 0)
    state, _ = step(ctx, state, Choose(1))
    state, _ = step(ctx, state, Continue())  # the court: "Pay the fine" has an `if`
    pay = ctx.scene(state).choices[1]
    calls = []
    real = pay.cond.fn
    object.__setattr__(pay.cond, "fn", lambda e: calls.append(1) or real(e))
    assert takeable(ctx, state) == [1, 2] and len(calls) == 1
    step(ctx, state, Choose(2))
    assert len(calls) == 1  # taken on the statuses listed a moment ago
    fresh = Context.of(story, "courier")
    step(fresh, state, Choose(2))  # a step with no listing first evaluates it once
    assert len(calls) == 2
