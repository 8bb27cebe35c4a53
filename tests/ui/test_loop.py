"""The loop: idle means no redraw and no busy turn; resize and F11 survive mid-animation."""

from __future__ import annotations

import subprocess
import sys

import pygame


def test_idle_loop_draws_nothing(launch) -> None:
    p = launch()
    frames = p.app.frames
    for _ in range(100):
        p.clock.now += 0.05
        assert p.app.tick() is False  # not busy: the real loop sleeps 50 ms
    assert p.app.frames == frames


def test_title_moves_briefly_then_rests(launch) -> None:
    p = launch(settle=False)
    assert p.app.tick() is True  # the cameras turn once
    p.advance(2.0)
    assert p.app.tick() is False


def test_text_reveal_animates_until_done(launch) -> None:
    p = launch(scenario="courier", settle=False)
    p.app.tick()
    busy = [p.app.tick() for _ in range(3)]
    assert p.screen.revealing or not any(busy)
    p.advance(10)
    assert not p.screen.revealing and p.app.tick() is False


def test_resize_mid_animation(launch) -> None:
    p = launch(scenario="courier", settle=False)
    p.app.tick()
    p.clock.now += 0.1
    p.app.tick()
    assert p.screen.revealing
    pygame.display.set_mode((1920, 1080), pygame.RESIZABLE)
    p.post(pygame.VIDEORESIZE, size=(1920, 1080), w=1920, h=1080)
    assert p.app.theme.scale == 1.5
    assert p.screen.revealing  # the reveal goes on at the new size
    p.advance(5)
    assert p.screen.find("choice-1").rect.w > 800
    pygame.display.set_mode((700, 450), pygame.RESIZABLE)
    p.post(pygame.VIDEORESIZE, size=(700, 450), w=700, h=450)
    p.settle()
    p.click("choice-2")
    assert p.app.session.state.choices == (2,)


def test_resize_during_a_transition(launch) -> None:
    p = launch(settle=False)
    p.settle()
    p.click_at(p.rect("new").center)  # starts a cross-fade
    pygame.display.set_mode((1024, 600), pygame.RESIZABLE)
    p.post(pygame.VIDEORESIZE, size=(1024, 600), w=1024, h=600)
    p.settle()
    assert p.app.transition is None and p.screen.name == "pick"


def test_f11_toggles_full_screen(launch, home) -> None:
    p = launch()
    p.key(pygame.K_F11)
    assert p.app.settings.fullscreen
    p.key(pygame.K_F11)
    assert not p.app.settings.fullscreen


def test_importing_the_ui_package_does_not_import_pygame() -> None:
    code = "import sys, game.ui, game.ui.options, game.ui.storage, game.ui.theme, " \
           "game.ui.words, game.ui.kiosk.idle, game.ui.session; print('pygame' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


def test_reduced_motion_has_no_transitions_and_no_reveal(launch, home) -> None:
    from game.ui import storage

    storage.save_settings(storage.Settings(reduced_motion=True))
    p = launch(settle=False)
    assert p.app.tick() is False  # no title intro either
    p.click_at(p.rect("new").center)
    assert p.app.transition is None
    p.click("life-courier")
    p.click("rules-pilot-city")
    assert not p.screen.revealing and p.screen.find("choice-1") is not None
    p.app.tick()
    p.click("choice-1")  # the slip is stamped and the score shown at once: nothing moves
    assert p.screen.find("why") is not None and p.screen.slip.stamp_k == 1.0
    assert p.screen.meter.shown == p.app.session.view.standing.score
    assert p.screen.meter.lift is None and p.app.tick() is False


def test_an_unexpected_error_is_logged_not_shown(home, monkeypatch, capsys) -> None:
    from game.ui import app as appmod
    from game.ui.options import PlayOptions
    from tests.ui.conftest import MINI

    def boom(self) -> bool:  # noqa: ANN001
        raise RuntimeError("simulated fault")

    monkeypatch.setattr(appmod.App, "tick", boom)
    assert appmod.run(PlayOptions(story=MINI, size=(640, 400))) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: the game stopped unexpectedly") and "Traceback" not in err
    assert "simulated fault" in (home / "logs" / "crash.log").read_text()
