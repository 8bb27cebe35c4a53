"""Replays under other rulesets ("what if") and where a path splits."""

from __future__ import annotations

import pytest

from game.analysis import Playthrough, replay, what_if
from game.engine.play import PlayError


def test_what_if_replays_the_same_choices_under_every_ruleset(mini) -> None:
    pt = Playthrough("courier", "pilot-city", 0, (1, 1, 2))
    outcomes = what_if(mini, pt)
    assert [o.playthrough.ruleset for o in outcomes] == ["pilot-city", "bureau"]
    own, other = outcomes
    assert own.ending == other.ending == "banned"
    assert (own.state.standing.score, other.state.standing.score) == (895, 580)
    assert own.state.standing.lists == frozenset({"debtors"})
    assert other.state.standing.lists == frozenset()


def test_a_path_that_splits_says_where_and_why(mini) -> None:
    # Pay the fine, then ride a bike no deposit: open under pilot-city's perk only.
    pt = Playthrough("courier", "pilot-city", 0, (2, 2, 3))
    assert replay(mini, pt).ending == "free"
    out = replay(mini, pt, "bureau")
    assert out.ending is None and out.taken == 2 and out.stopped == "blocked"
    assert out.state.scene == "station" and "choice 3 is not open" in out.blocked_at
    with pytest.raises(PlayError):
        replay(mini, pt, "bureau", strict=True)


def test_a_choice_that_does_not_exist_is_named_missing(mini) -> None:
    pt = Playthrough("courier", "pilot-city", 0, (1, 1, 9))
    assert replay(mini, pt).stopped == "missing"


def test_the_report_and_the_class_report_replay_each_life_once(mini, monkeypatch) -> None:
    from game.codes import encode
    from game.engine.host import Life
    from game.reports.debrief import build_report

    calls: list[str] = []
    real = Life.replay.__func__

    def counting(cls, story, pt, ruleset=None, history=True):  # noqa: ANN001, ANN202
        calls.append(ruleset or pt.ruleset)
        return real(cls, story, pt, ruleset, history)

    monkeypatch.setattr(Life, "replay", classmethod(counting))
    pt = Playthrough("courier", "pilot-city", 0, (1, 1, 2))
    data = build_report(mini, pt)
    assert data["ending_id"] == "banned"
    assert sorted(calls) == sorted(mini.rulesets)  # its own once, each other ruleset once
    calls.clear()
    from game.reports.class_summary import read_codes

    students, _ = read_codes(mini, [encode(mini, pt)])
    assert len(students) == 1 and sorted(calls) == sorted(mini.rulesets)
