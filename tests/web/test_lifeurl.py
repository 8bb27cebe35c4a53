"""A life in the address: tokens round-trip, replay to the same screen, refuse nonsense."""

from __future__ import annotations

import pytest

from game.web import lifeurl


def test_token_round_trip_with_continues_and_large_positions(story):
    steps = (1, "_", 2, 35, 36, 120, "_")
    text = lifeurl.token(story, "courier", "bureau", 7, steps)
    assert text == "0-0-7-1_2z(36)(120)_"
    where = lifeurl.read(story, text)
    assert where == lifeurl.Where("courier", "bureau", 7, steps)


def test_walk_lands_on_the_same_screen_and_returns_the_last_step(story):
    where = lifeurl.read(story, "0-1-0-1_1")
    life, beat = lifeurl.walk(story, where)
    assert life.view.scene == "station"
    assert [e.rule for e in beat.entries] == ["COURT-DEFAULT"]
    fresh, none = lifeurl.walk(story, lifeurl.read(story, "0-1-0-"))
    assert none is None and fresh.view.scene == "day1"


@pytest.mark.parametrize("bad", ["", "0-1-0", "0-1-x-1", "1-0-0-", "0-2-0-", "0-1-0-0",
                                 "0-1-0-1(5", "0-1-0-" + "1" * 1600, "0-1-0-1 1"])
def test_read_refuses_what_is_not_a_life(story, bad):
    with pytest.raises(lifeurl.BadToken):
        lifeurl.read(story, bad)


@pytest.mark.parametrize("steps", ["9", "_", "1_13", "1_1_", "1_12_"])
def test_walk_refuses_steps_that_cannot_be_taken(story, steps):
    # 9: no such choice; _ at a scene with choices; 3: the bike, closed without instead;
    # a continue at the station; a step after the ending
    with pytest.raises(lifeurl.BadToken):
        lifeurl.walk(story, lifeurl.read(story, "0-1-0-" + steps))
