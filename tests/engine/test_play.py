"""Play follows "What happens, in order" to the letter."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from game.engine.events import ConsequenceStarted, EndingReached, Recorded, SceneEntered
from game.engine.load import load_story
from game.engine.play import (
    Choose,
    Context,
    Continue,
    LoopLimit,
    PlayError,
    open_positions,
    start,
    step,
)
from game.engine.view import BLOCKED, HIDDEN, OPEN, present
from tests.engine.test_load_errors import edit


def play(ctx, *intents, seed=0):
    state, events = start(ctx, seed)
    for intent in intents:
        state, more = step(ctx, state, intent)
        events += more
    return state, events


def test_start_enters_the_start_scene_with_initial_values(mini) -> None:
    ctx = Context.of(mini, "courier")
    state, events = start(ctx, 0)
    assert events == [SceneEntered("day1")]
    assert state.standing.score == 1000 and state.vars == {"money": 300, "late": 0, "paid": False}
    view = present(ctx, state)
    assert view.paragraphs[0] == "You have 300 yuan. Your score is 1000 (Trustworthy)."
    assert view.paragraphs[1] == "A red light. {braces} stay."


def test_a_choice_applies_set_then_add_then_observe_then_enters_goto(mini) -> None:
    ctx = Context.of(mini, "courier")
    state, _ = play(ctx, Choose(2), Continue())
    state, events = step(ctx, state, Choose(2))  # pay: set paid, add money, observe paid
    assert state.vars["paid"] is True and state.vars["money"] == 100
    entry = events[1].entry
    assert entry.rule == "COURT-PAID" and entry.scene == "court"
    assert entry.before == 1000 and entry.after == 1060  # clamped to max 1060
    assert entry.delta == 80 and entry.applied == 60
    assert events[-1] == SceneEntered("station")


def test_rules_fire_in_file_order_and_consequences_follow(mini) -> None:
    ctx = Context.of(mini, "courier")
    state, events = play(ctx, Choose(1), Continue(), Choose(1))
    recorded = [e.entry for e in events if isinstance(e, Recorded)]
    assert [e.rule for e in recorded] == ["TRAFFIC-RED-LIGHT", "COURT-DEFAULT"]
    assert recorded[1].started == ("RAIL-BAN",)
    assert ConsequenceStarted("RAIL-BAN") in events
    assert state.standing.lists == frozenset({"debtors"})
    assert [e.step for e in state.ledger] == [1, 2]


def test_a_blocked_choice_is_shown_with_its_notice_and_refused(mini) -> None:
    ctx = Context.of(mini, "courier")
    state, _ = play(ctx, Choose(1), Continue(), Choose(1))
    view = present(ctx, state)
    train, bus, bike = view.choices
    assert train.status == BLOCKED and train.notices == ("Ticket purchase failed.",)
    assert train.closed[0].by[0].id == "RAIL-BAN"
    assert bus.status == OPEN
    assert bike.status == BLOCKED and bike.closed[0].by == ()  # closed by default
    with pytest.raises(PlayError, match=r"choice 1 is not open \(blocked by RAIL-BAN\)"):
        step(ctx, state, Choose(1))


def test_a_privilege_opens_a_capability_closed_by_default(mini) -> None:
    ctx = Context.of(mini, "courier")
    state, _ = play(ctx, Choose(2), Continue(), Choose(2))  # paid: score 1060 >= 1050
    assert "BIKE-PERK" in state.standing.active
    assert open_positions(ctx, state) == [1, 2, 3]
    state, events = step(ctx, state, Choose(3))
    assert events[-1] == EndingReached("free", "Roaming freely") and state.ended


def test_a_block_always_wins_over_a_grant(mini_dir: Path) -> None:
    edit(mini_dir / "rulesets/pilot-city.yaml", "grants: [rent.bike_without_deposit]",
         "grants: [travel.high_speed_rail]")
    edit(mini_dir / "rulesets/pilot-city.yaml", 'when: "score >= 1050"', 'when: "score >= 0"')
    story = load_story(mini_dir)
    ctx = Context.of(story, "courier")
    state, _ = play(ctx, Choose(1), Continue(), Choose(1))
    assert {"RAIL-BAN", "BIKE-PERK"} <= set(state.standing.active)
    assert present(ctx, state).choices[0].status == BLOCKED


def test_a_hidden_choice_is_refused_and_named_as_hidden(mini_dir: Path) -> None:
    edit(mini_dir / "scenarios/courier.yaml", "vars: {money: 300", "vars: {money: 100")
    story = load_story(mini_dir)
    ctx = Context.of(story, "courier")
    state, _ = play(ctx, Choose(1), Continue())
    assert present(ctx, state).choices[1].status == HIDDEN
    with pytest.raises(PlayError, match="choice 2 is not open .hidden"):
        step(ctx, state, Choose(2))
    with pytest.raises(PlayError, match="no choice 7"):
        step(ctx, state, Choose(7))


def test_a_chance_draws_once_from_the_seeded_generator(mini) -> None:
    ctx = Context.of(mini, "courier")
    for seed in range(20):
        state, _ = play(ctx, Choose(2), Continue(), seed=seed)
        observed = any(e.behaviour == "surveillance.phone_location" for e in state.ledger)
        assert observed == (random.Random(seed).random() < 0.5)


def test_an_observation_no_rule_scores_is_still_recorded(mini) -> None:
    ctx = Context.of(mini, "courier")
    seed = next(s for s in range(50) if random.Random(s).random() < 0.5)
    state, _ = play(ctx, Choose(2), Continue(), seed=seed)
    entry = state.ledger[-1]
    assert entry.behaviour == "surveillance.phone_location" and entry.rule is None
    assert entry.delta == 0 and entry.seen_by == "phone app" and entry.scene == "day2"


def test_count_includes_the_observation_being_handled(mini_dir: Path) -> None:
    edit(mini_dir / "rulesets/pilot-city.yaml", "    delta: -5\n",
         "    delta: -5\n    if: \"count('traffic.red_light') == 1\"\n")
    story = load_story(mini_dir)
    ctx = Context.of(story, "courier")
    state, _ = play(ctx, Choose(1))
    assert state.ledger[0].rule == "TRAFFIC-RED-LIGHT"


def test_a_goto_loop_stops_after_ten_thousand_scenes(mini_dir: Path) -> None:
    edit(mini_dir / "scenarios/courier.yaml", "    goto: court", "    goto: day2")
    story = load_story(mini_dir)
    ctx = Context.of(story, "courier")
    state, _ = start(ctx, 0)
    state, _ = step(ctx, state, Choose(2))
    with pytest.raises(LoopLimit):
        for _ in range(10_001):
            state, _ = step(ctx, state, Continue())
    assert len(state.path) == 10_000


def test_intents_that_do_not_fit_the_scene_are_refused(mini) -> None:
    ctx = Context.of(mini, "courier")
    state, _ = start(ctx, 0)
    with pytest.raises(PlayError, match="has choices"):
        step(ctx, state, Continue())
    state, _ = step(ctx, state, Choose(1))
    with pytest.raises(PlayError, match="continue instead"):
        step(ctx, state, Choose(1))


def test_another_ruleset_changes_the_outcome_not_the_story(mini) -> None:
    ctx = Context.of(mini, "courier", "bureau")
    state, _ = play(ctx, Choose(1), Continue(), Choose(1))
    assert [e.rule for e in state.ledger] == [None, "JUDGMENT"]
    assert state.standing.score == 580 and "NO-LOAN" in state.standing.active
