"""Being refused: a closed door with `instead` can be pressed; the refusal plays on a
phone, then (transparent only) the rule, the gap and what would open it."""

from __future__ import annotations

from pathlib import Path

import pygame


def with_instead(mini_dir: Path) -> Path:
    f = mini_dir / "scenarios" / "courier.yaml"
    f.write_text(f.read_text().replace(
        "        requires: travel.high_speed_rail\n        goto: free\n",
        "        requires: travel.high_speed_rail\n        goto: free\n"
        "        instead:\n          text: The ticket machine beeps twice.\n"
        "          goto: banned\n").replace(
        "        requires: rent.bike_without_deposit\n        goto: free\n",
        "        requires: rent.bike_without_deposit\n        goto: free\n"
        "        instead:\n          text: The bike stays locked.\n          goto: banned\n"))
    return mini_dir


def to_the_station(p, listed: bool = True) -> None:  # noqa: ANN001
    p.skip_reveal()
    p.key(pygame.K_1, "1")
    p.skip_reveal()
    p.key(pygame.K_RETURN)  # Continue
    p.skip_reveal()
    while p.screen.name == "notice":
        p.key(pygame.K_RETURN)
    p.key(pygame.K_1 if listed else pygame.K_2, "1" if listed else "2")
    p.skip_reveal()
    while p.screen.name == "notice":
        p.key(pygame.K_RETURN)
    assert p.app.session.view.scene == "station"


def test_a_closed_door_you_may_try_is_pressable_and_plays_the_refusal(launch,
                                                                      mini_dir) -> None:
    p = launch(story_dir=with_instead(mini_dir), scenario="courier")
    to_the_station(p)
    door = p.screen.find("choice-1")
    assert door.kind == "blocked" and door.enabled  # shut, and you can still try
    assert "You can still try." in [" ".join(d.lines) for d in door.details]
    p.click("choice-1")
    scr = p.screen
    assert scr.name == "refusal" and p.app.session.state.choices[-1] == 1
    assert scr.banner() == "Ticket purchase failed"  # what the system says, on the phone
    p.advance(1.0)  # the phone has slid in; the reason follows the refusal
    assert p.pixel((scr.phone.x + 3, scr.phone.centery)) == p.app.theme.pal.ink  # its body
    said = " ".join(w.label for w in scr.widgets())
    assert "debtors" in said and "What would open it" in said
    assert "RAIL-BAN" not in said and "on_list" not in said
    p.click("ok")
    assert p.screen.name in ("play", "notice") and p.app.session.view.scene == "banned"


def test_the_gap_to_a_score_threshold_is_counted(launch, mini_dir) -> None:
    p = launch(story_dir=with_instead(mini_dir), scenario="courier")
    to_the_station(p)
    p.click("choice-3")  # the bike: open only from 1,050 points (a privilege)
    p.advance(1.0)
    said = " ".join(w.label for w in p.screen.widgets())
    score = p.app.session.life.stands[-1].standing.score
    assert f"Opens at 1,050 points: you are {1050 - score:,} short." in said


def test_opaque_mode_gives_no_reason_and_claims_no_record(launch, mini_dir) -> None:
    p = launch(story_dir=with_instead(mini_dir), scenario="courier", mode="opaque")
    to_the_station(p)
    before = len(p.app.session.life.ledger)
    p.click("choice-3")
    p.advance(1.0)
    said = " ".join(w.label for w in p.screen.widgets())
    assert "No reason was given." in said and "record" not in said.lower()
    assert "privilege" not in said and "points" not in said
    p.click("ok")
    assert len(p.app.session.life.ledger) == before  # and indeed nothing was recorded
