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
    assert p.app.session.state.choices == () and p.screen.tally.votes == {1: 2, 2: 1}
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
    assert p.screen.name == "reveal" and p.app.theme.opaque  # the staged reveal first
    p.click("reveal-go")  # "Show it all", then "Play on, seeing everything"
    p.click("reveal-go")
    assert p.screen.name == "play"
    assert not p.app.theme.opaque and p.screen.find("reveal") is None


def test_the_reveal_is_staged_told_before_real(launch) -> None:
    p = launch(classroom=True, mode="opaque", scenario="courier")
    p.skip_reveal()
    p.key(pygame.K_a, "a")
    p.key(pygame.K_RETURN)  # run the red light: a record the citizen is barely told of
    p.key(pygame.K_r, "r")
    scr = p.screen
    assert scr.name == "reveal" and scr.stage <= 1
    first = scr.pane.items[1]
    assert first.left is not None and first.right is None  # what you were told, alone
    p.advance(1.0)
    first = p.screen.pane.items[1]
    assert first.right is not None and "Running a red light" in first.right.text
    assert "TRAFFIC" not in first.right.text


def test_votes_can_be_typed_as_counts_and_drawn_as_bars(launch) -> None:
    from game.ui.screens.vote import VoteChart

    p = launch(classroom=True, scenario="courier")
    p.skip_reveal()
    for key, ch in ((pygame.K_a, "a"), (pygame.K_1, "1"), (pygame.K_2, "2"),
                    (pygame.K_b, "b"), (pygame.K_3, "3")):
        p.key(key, ch)
    assert p.screen.tally.votes == {1: 12, 2: 3} and p.screen.leader() == 1
    a, b = p.screen.find("choice-1"), p.screen.find("choice-2")
    assert a.votes == 1.0 and b.votes == 3 / 12  # each choice carries its bar
    p.app.surface = pygame.display.set_mode((1920, 2160))  # a tall screen: the chart too
    p.app.relayout()
    chart = next(w for w in p.screen.widgets() if isinstance(w, VoteChart))
    assert chart.bars == [("A", 12), ("B", 3)] and chart.leader == "A"
    p.click("vote-undo")  # back to before the B
    assert p.screen.tally.votes == {1: 12, 2: 0}


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
