"""The host (game.engine.host.Life): the one object every front end drives."""

from __future__ import annotations

import json

import pytest

from game.engine.host import Door, Life, Misfit, Playthrough
from game.engine.play import PlayError


def test_a_life_walks_from_the_start_to_an_ending(mini) -> None:
    life = Life.begin(mini, "courier")
    assert life.ruleset.id == "pilot-city" and life.view.scene == "day1"
    assert life.takeable() == [1, 2] and not life.can_go_on
    beat = life.choose(1)
    assert [e.rule for e in beat.entries] == ["TRAFFIC-RED-LIGHT"]
    assert beat.scenes == ("day2",) and life.view.scene == "day2"
    assert life.can_go_on and life.takeable() == []
    life.go_on()
    beat = life.choose(1)  # refuse to pay: onto the debtors list
    assert "RAIL-BAN" in beat.started and life.view.scene == "station"
    assert life.takeable() == [2]  # the train is closed, the bike needs a perk
    beat = life.choose(2)
    assert beat.ending == "banned" and beat.ending_title == "The slow way"
    assert life.ended and life.ending == "banned" and life.takeable() == []
    assert life.path == ("day1", "day2", "court", "station", "banned")
    assert life.playthrough == Playthrough("courier", "pilot-city", 0, (1, 1, 2))
    assert life.intents == (1, "c", 1, 2)


def test_a_closed_door_cannot_be_taken_and_changes_nothing(mini) -> None:
    life = Life.begin(mini, "courier")
    life.choose(1)
    life.go_on()
    life.choose(1)
    before = life.state
    with pytest.raises(PlayError, match="not open"):
        life.choose(1)
    with pytest.raises(PlayError):
        life.go_on()  # a scene with choices cannot be continued
    assert life.state is before and life.intents == (1, "c", 1)


def test_a_step_never_changes_the_state_before_it(mini) -> None:
    life = Life.begin(mini, "courier")
    first = life.state
    life.choose(2)  # adds to `late`
    assert first.vars["late"] == 0 and life.state.vars["late"] == 1
    assert first.scene == "day1" and first.ledger == ()


def test_doors_lists_every_closed_door_shown_on_the_path(mini) -> None:
    life, stop = Life.replay(mini, Playthrough("courier", "pilot-city", 0, (1, 1, 2)))
    assert stop is None
    assert life.doors == (
        Door("station", 1, "travel.high_speed_rail", ("RAIL-BAN",)),
        Door("station", 3, "rent.bike_without_deposit", ()),
    )
    assert Life.begin(mini, "courier").doors == ()


def test_a_save_lands_on_the_very_same_screen(mini) -> None:
    life = Life.begin(mini, "courier", "bureau", seed=3)
    life.choose(2)
    life.go_on()
    data = json.loads(json.dumps(life.save()))
    back = Life.restore(mini, data)
    assert back.state == life.state and back.view == life.view
    assert back.intents == life.intents and back.ruleset.id == "bureau"


@pytest.mark.parametrize("damage", [
    {"intents": [1, 7]}, {"intents": ["x"]}, {"scenario": "nowhere"}, {"intents": [True]},
    {"ruleset": "gone"},
])
def test_a_save_that_does_not_fit_is_refused_in_words(mini, damage) -> None:
    data = {**Life.begin(mini, "courier").save(), "intents": [1, "c"], **damage}
    with pytest.raises(Misfit, match="does not fit"):
        Life.restore(mini, data)


def test_replay_follows_the_positions_and_continues_by_itself(mini) -> None:
    pt = Playthrough("courier", "pilot-city", 0, (2, 2, 3))
    life, stop = Life.replay(mini, pt)
    assert stop is None and life.ending == "free"
    by_hand = Life.begin(mini, "courier")
    for intent in life.intents:
        by_hand.go_on() if intent == "c" else by_hand.choose(intent)
    assert by_hand.state == life.state


def test_replay_under_another_ruleset_stops_at_a_door_it_cannot_take(mini) -> None:
    pt = Playthrough("courier", "pilot-city", 0, (2, 2, 3))
    life, stop = Life.replay(mini, pt, "bureau")
    assert life.ruleset.id == "bureau" and not life.ended
    assert (stop.scene, stop.position, stop.why, stop.taken) == ("station", 3, "blocked", 2)
    assert life.playthrough.choices == (2, 2)


@pytest.mark.parametrize("choices, why", [((1, 1, 9), "missing"), ((1, 1, 2, 1), "ended")])
def test_replay_says_why_it_stopped(mini, choices, why) -> None:
    _, stop = Life.replay(mini, Playthrough("courier", "pilot-city", 0, choices))
    assert stop is not None and stop.why == why and stop.taken == 3 - (why == "missing")


def test_the_seed_decides_chance_observations(mini) -> None:
    seen = {len(Life.replay(mini, Playthrough("courier", "pilot-city", s, (2,)))[0].ledger)
            for s in range(12)}
    assert seen == {0, 1}  # day2's phone check is observed for some seeds, not others
    a = Life.replay(mini, Playthrough("courier", "pilot-city", 5, (2,)))[0]
    b = Life.replay(mini, Playthrough("courier", "pilot-city", 5, (2,)))[0]
    assert a.state == b.state


def test_begin_refuses_an_unknown_scenario_or_ruleset(mini) -> None:
    with pytest.raises(KeyError):
        Life.begin(mini, "nowhere")
    with pytest.raises(KeyError):
        Life.begin(mini, "courier", "nobody")


def test_only_the_host_drives_the_engine() -> None:
    """No drive loop outside the host: nothing but host.py (and play.py itself) reaches
    play.start or play.step, by import or by attribute."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "game"
    allowed = {root / "engine" / "host.py", root / "engine" / "play.py"}
    offenders = []
    for path in sorted(root.rglob("*.py")):
        if path in allowed:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "game.engine.play":
                offenders += [f"{path.name} imports {a.name}" for a in node.names
                              if a.name in ("start", "step")]
            if (isinstance(node, ast.Attribute) and node.attr in ("start", "step")
                    and isinstance(node.value, ast.Name) and node.value.id == "play"):
                offenders.append(f"{path.name} calls play.{node.attr}")
    assert offenders == []
    assert len(allowed) == 2 and all(p.exists() for p in allowed)
