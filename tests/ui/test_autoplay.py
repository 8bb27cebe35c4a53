"""`play --autoplay ... --screenshots DIR` through the real loop, and PNGs of every screen."""

from __future__ import annotations

import pygame

from game.ui.app import run
from game.ui.options import PlayOptions
from tests.ui.conftest import MINI


def test_autoplay_saves_every_screen(home, tmp_path) -> None:
    shots = tmp_path / "shots"
    assert run(PlayOptions(story=MINI, autoplay=[1, 1, 2], screenshots=shots,
                           size=(1280, 720))) == 0
    names = [p.name for p in sorted(shots.glob("*.png"))]
    for part in ("title", "pick", "play-01-day1", "notice", "debrief", "whatif", "sources",
                 "ledger"):
        assert any(part in n for n in names), (part, names)
    img = pygame.image.load(str(shots / names[0]))
    assert img.get_size() == (1280, 720)


def test_autoplay_stops_on_a_closed_choice(home, tmp_path, capsys) -> None:
    # refuse to pay, then the train: blocked by RAIL-BAN
    assert run(PlayOptions(story=MINI, autoplay=[1, 1, 1], size=(800, 600))) == 1
    assert "choice 1 is blocked" in capsys.readouterr().err


def test_autoplay_classroom_and_kiosk(home, tmp_path) -> None:
    assert run(PlayOptions(story=MINI, autoplay=[2, 2, 2], classroom=True,
                           screenshots=tmp_path / "c", size=(1280, 720))) == 0
    assert run(PlayOptions(story=MINI, autoplay=[2, 2, 2], kiosk=True,
                           screenshots=tmp_path / "k", size=(1280, 720))) == 0
    names = " ".join(p.name for p in (tmp_path / "k").glob("*.png"))
    assert "attract" in names and "debrief" in names
    assert not (home / "autosave.json").exists()


def test_autoplay_follows_the_same_path_as_run_when_choices_are_below_the_fold(
        home, tmp_path) -> None:
    # The last choice of a scene often sits below the fold at 1280x720 (or is a closed
    # door you may try): autoplay must scroll to it without using up a position.
    from game.engine.host import Life
    from game.engine.load import load_story
    from game.paths import bundled_story

    life = Life.begin(load_story(bundled_story()), "shop")
    while not life.ended:
        if life.can_go_on:
            life.go_on()
        else:
            life.choose(life.takeable()[-1])
    shots = tmp_path / "shots"
    assert run(PlayOptions(story=bundled_story(), scenario="shop",
                           autoplay=list(life.playthrough.choices), screenshots=shots,
                           size=(1280, 720))) == 0
    names = [p.name for p in sorted(shots.glob("*.png"))]
    assert any(n.endswith(f"-{life.ending}.png") for n in names), names
