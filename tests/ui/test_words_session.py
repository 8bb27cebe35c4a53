"""The sentences and the session model, without a window (pygame-free modules)."""

from __future__ import annotations

from game.engine.identity import story_identity
from game.ui import words
from game.ui.session import Session


def test_session_steps_and_round_trips_through_a_save(mini) -> None:
    s = Session.new(mini, "courier")
    s.choose(1)
    assert [e.rule for e in s.fresh] == ["TRAFFIC-RED-LIGHT"]
    s.cont()
    data = s.to_save()
    assert data["intents"] == [1, "c"] and data["story"] == story_identity(mini)
    back = Session.from_save(mini, data)
    assert back.state == s.state and back.fresh == []


def test_closed_door_sentences(mini) -> None:
    s = Session.new(mini, "courier")
    for step in (1, "c", 1):
        s.cont() if step == "c" else s.choose(step)
    train = next(c for c in s.view.choices if c.position == 1)
    assert train.status == "blocked"
    opaque = words.closed_lines(train, True, s.view.notice)
    assert opaque[0].startswith("Closed.") and "RAIL-BAN" not in " ".join(opaque)
    real = " ".join(words.closed_lines(train, False, s.view.notice))
    assert "RAIL-BAN" not in real and "debtors" in real and "Source" in real
    bike = next(c for c in s.view.choices if c.position == 3)
    line = words.closed_lines(bike, False, "")[0]
    assert "privilege" in line and "closed by default" not in line


def test_the_slip_says_points_behaviour_witness_and_grade(mini) -> None:
    s = Session.new(mini, "courier")
    s.choose(1)
    rs = s.ctx.ruleset
    e = s.fresh[0]
    assert words.slip_line(mini, rs, e, opaque=False) == \
        "-5 \u00b7 Running a red light \u00b7 traffic camera \u00b7 REPORTED"
    told = words.slip_line(mini, rs, e, opaque=True)
    assert told.startswith("-5") and "camera" not in told and "REPORTED" not in told


def test_the_gap_to_a_score_threshold_and_conditions_in_words(mini) -> None:
    from types import SimpleNamespace as NS

    rs = mini.rulesets["pilot-city"]
    perk = next(c for c in rs.consequences if c.grants)  # the bike perk: score >= 1050
    closed = NS(capability=perk.grants[0], by=())
    assert words.what_would_open(rs, closed, 1000, True) == [
        "Opens at 1,050 points: you are 50 short."]
    ban = next(c for c in rs.consequences if c.blocks)
    closed = NS(capability=ban.blocks[0], by=(ban,))
    line = words.what_would_open(rs, closed, 1000, True)[0]
    assert "List of dishonest judgment debtors" in line and "on_list" not in line
    assert words.condition_words(rs, "score < 600 and not on_list('debtors')") == \
        "your score is below 600 and you are not on the List of dishonest judgment debtors"
    assert words.condition_words(rs, "tier in ['a', 'b']") is None


def test_what_would_change_the_tier(mini) -> None:
    rs = mini.rulesets["pilot-city"]
    lines = words.next_tiers(rs, 995)
    assert lines[0].startswith("55 more points would reach")
    assert "960" in lines[1]
    st = Session.new(mini, "courier").view.standing
    assert words.standing_sentence(rs, st).startswith("Under ")


def test_largest_change_first() -> None:
    from types import SimpleNamespace as E

    es = [E(applied=-5, step=1), E(applied=-100, step=2), E(applied=20, step=3)]
    assert [e.step for e in words.sort_entries(es)] == [2, 3, 1]


def test_the_lists_you_ended_on_read_as_their_own_phrase() -> None:
    # A list's name ("Jaywalkers shown on the crossing screens") must not run into the
    # sentence around it ("..., on Jaywalkers shown on ...").
    assert words.lists_phrase([]) == "on no list"
    assert words.lists_phrase(["Jaywalkers shown on the crossing screens"]) == \
        "on one list: Jaywalkers shown on the crossing screens"
    assert words.lists_phrase(["Debtors", "Jaywalkers"]) == "on 2 lists: Debtors; Jaywalkers"
