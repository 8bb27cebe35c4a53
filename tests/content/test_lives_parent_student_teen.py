"""The parent, the student and the teenager (with her kiosk path), as a player meets them:
the first screen names the system in force, every door a ruleset can close can still be
tried, a scoreless system never shows a score, a minor is never listed, and the same
choices end differently because the rules in force list, close or open something.

The shared checks every life must pass (differ, stopped replays, listing claims, reading
level) live in test_play.py; these are the promises particular to these lives.
"""

from __future__ import annotations

import pytest

from game.engine.host import Life
from tests.content.helpers import RULESETS, STORY, story, walk

LIVES = ("parent", "student", "teen", "teen-short")

# What the first paragraph of the first screen must name, under each ruleset.
SYSTEM_NAMED = {
    "court-list": "list",
    "pilot-city": "points ledger",
    "sesame": "Sesame score",
    "rumour": "single national score",
    "credit-bureau": "credit",
}


def first_paragraph(sid: str, ruleset: str) -> str:
    return Life.begin(story(), sid, ruleset, 0).view.paragraphs[0]


def play(sid: str, ruleset: str, positions: list[int]) -> Life:
    life = Life.begin(story(), sid, ruleset, 0)
    moves = iter(positions)
    while not life.ended:
        if life.can_go_on:
            life.go_on()
        else:
            life.choose(next(moves))
    return life


@pytest.mark.parametrize("ruleset", RULESETS)
@pytest.mark.parametrize("sid", LIVES)
def test_the_first_screen_names_the_system_in_force(sid, ruleset):
    opening = first_paragraph(sid, ruleset)
    assert SYSTEM_NAMED[ruleset] in opening
    others = [phrase for rid, phrase in SYSTEM_NAMED.items()
              if rid != ruleset and phrase not in SYSTEM_NAMED[ruleset]
              and phrase not in ("list", "credit")]
    assert not [p for p in others if p in opening], opening


@pytest.mark.parametrize("sid", LIVES)
def test_every_door_can_be_tried_and_refuses_with_its_own_words(sid):
    doors = [(scene.id, choice.text) for scene in story().scenario(sid).scenes.values()
             for choice in scene.choices if choice.requires]
    bare = [(s, t) for s, t in doors
            if next(c for c in story().scenario(sid).scenes[s].choices if c.text == t).instead is None]
    assert doors and bare == []


@pytest.mark.parametrize("sid", LIVES)
def test_nearly_every_scene_has_a_picture_that_exists(sid):
    scenes = list(story().scenario(sid).scenes.values())
    pictured = [s for s in scenes if s.image]
    assert len(pictured) >= 0.9 * len(scenes)
    assert all((STORY / "images" / s.image).is_file() for s in pictured)


@pytest.mark.parametrize("sid", LIVES)
def test_a_system_without_a_score_never_shows_one(sid):
    shown = [(v.scene, p) for seed in range(25) for v in walk(sid, "court-list", seed)
             for p in v.paragraphs if "no score" in p]
    assert shown == []


@pytest.mark.parametrize("ruleset", RULESETS)
@pytest.mark.parametrize("sid", ("teen", "teen-short"))
def test_a_minor_is_never_put_on_the_debtor_list(sid, ruleset):
    held = {lid for seed in range(25) for v in walk(sid, ruleset, seed)
            for lid, _ in v.standing.lists}
    assert "debtors" not in held and "judgment-register" not in held


def test_the_parents_unpaid_judgment_closes_the_hospital_job_only_under_the_court_list():
    # Sign for Feng, nappies, blood, bullet train, no cigarette, help Mr Wu, keep the money,
    # pay the heating later, apply to the hospital, pay the school fees, train, hotel.
    choices = [1, 1, 1, 1, 2, 1, 2, 2, 1, 1, 1, 1]
    listed = play("parent", "court-list", choices)
    registered = play("parent", "credit-bureau", choices)
    assert "debtors" in {lid for lid, _ in listed.view.standing.lists}
    assert listed.ending == "end_refused"
    assert "judgment-register" in {lid for lid, _ in registered.view.standing.lists}
    assert registered.ending == "end_red_crest"
    refused = [r.capability for r in listed.refusals]
    assert refused[:2] == ["job.public_sector", "school.private_fees"]
    assert registered.refusals == ()


def test_the_teens_place_is_held_while_her_father_is_listed_and_released_when_he_pays():
    # Revise, wait at the light, warn the chat, pay the exam camp, let Dad keep quiet, help
    # the boy quietly, sign the petition, Beijing first, confirm online, call Dad from the hold.
    choices = [2, 2, 2, 1, 2, 2, 2, 1, 1, 1]
    court = play("teen", "court-list", choices)
    bureau = play("teen", "credit-bureau", choices)
    assert court.ending == "end_released"
    assert [r.capability for r in court.refusals] == ["school.private_fees",
                                                      "school.university_place"]
    assert bureau.ending == "end_place_taken"
    assert bureau.refusals == ()


def test_the_students_flight_closes_for_a_listed_debtor_but_not_on_the_western_register():
    # Games, search the app, repost, post the flood video plainly, tell the court you cannot
    # pay, warn the chat, promise care, cousin's sofa, fly, keep walking, keep the money.
    choices = [1, 2, 1, 2, 3, 2, 1, 3, 1, 2, 2, 1]
    court = play("student", "court-list", choices)
    bureau = play("student", "credit-bureau", choices)
    assert court.ending == "end_grounded"
    assert "travel.flight" in [r.capability for r in court.refusals]
    assert bureau.ending == "end_still_listed"
    assert "travel.flight" not in [r.capability for r in bureau.refusals]
