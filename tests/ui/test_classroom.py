"""Classroom mode: projector type, discussion pauses, the class vote, the one-key reveal."""

from __future__ import annotations

from pathlib import Path

import pygame


def with_discussion(mini_dir: Path) -> Path:
    f = mini_dir / "scenarios" / "courier.yaml"
    f.write_text(f.read_text().replace(
        "    text: The court orders you to pay.\n",
        "    text: The court orders you to pay.\n    discuss: Should a court list follow you?\n"))
    return mini_dir


def walk_to_the_court(p) -> None:  # noqa: ANN001
    """Vote for the second choice, take it, and continue to the court scene."""
    p.skip_reveal()
    p.key(pygame.K_b, "b")
    p.key(pygame.K_RETURN)
    while p.screen.name == "notice":
        p.key(pygame.K_RETURN)
    p.skip_reveal()
    p.click("continue")
    while p.screen.name == "notice":
        p.key(pygame.K_RETURN)
    p.skip_reveal()


def test_projector_type(launch) -> None:
    p = launch(classroom=True)
    assert p.app.theme.pal.name == "high-contrast"
    assert p.app.theme.type_px("body") >= 1.5 * 22


def test_vote_then_take_the_class_choice(launch) -> None:
    p = launch(classroom=True, scenario="courier")
    p.skip_reveal()
    assert p.screen.find("choice-1").badge == "A"
    p.key(pygame.K_a, "a")
    p.key(pygame.K_b, "b")
    assert p.screen.leader() is None and not p.screen.find("vote-take").enabled  # a tie
    p.click("choice-1")  # the teacher clicks the tally: a vote, not the choice
    assert p.app.session.state.choices == () and p.screen.votes == {1: 2, 2: 1}
    assert "2 votes" in p.screen.find("choice-1").label
    p.click("vote-undo")
    p.click("choice-2")
    p.click("choice-2")
    assert p.screen.leader() == 2
    p.click("vote-take")
    assert p.app.session.state.choices == (2,)
    assert p.screen.name in ("play", "notice")


def test_discussion_pause_until_the_teacher_continues(launch, mini_dir) -> None:
    p = launch(story_dir=with_discussion(mini_dir), classroom=True, scenario="courier")
    walk_to_the_court(p)
    assert p.app.session.view.scene == "court"
    assert p.screen.name == "discuss"
    assert "court list" in p.screen.question
    p.key(pygame.K_ESCAPE)
    p.click_at((10, p.app.surface.get_height() - 10))
    assert p.screen.name == "discuss"  # only the teacher's button goes on
    p.click("discuss-done")
    assert p.screen.name == "play" and p.screen.find("choice-1") is not None


def test_one_key_reveal_from_opaque_to_transparent(launch) -> None:
    p = launch(classroom=True, mode="opaque", scenario="courier")
    p.skip_reveal()
    assert p.app.theme.opaque and p.screen.find("reveal") is not None
    p.key(pygame.K_r, "r")
    assert not p.app.theme.opaque and p.screen.find("reveal") is None


def test_a_long_discussion_question_keeps_the_teachers_button_on_screen(launch,
                                                                         mini_dir) -> None:
    # Projector type made a long question taller than the screen, hiding the button.
    question = ("Today a camera, an app and a neighbour each wrote something down about "
                "you. Which of these records could you see? Which could you question? "
                "Who should be able to correct them, and how long should they be kept?")
    f = mini_dir / "scenarios" / "courier.yaml"
    f.write_text(f.read_text().replace(
        "    text: The court orders you to pay.\n",
        f"    text: The court orders you to pay.\n    discuss: {question}\n"))
    p = launch(story_dir=mini_dir, classroom=True, scenario="courier", size=(1280, 720))
    walk_to_the_court(p)
    assert p.screen.name == "discuss"
    button = p.screen.find("discuss-done")
    assert p.app.surface.get_rect().contains(p.screen.screen_rect(button))
    p.click("discuss-done")
    assert p.screen.name == "play"
