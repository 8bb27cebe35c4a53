"""Kiosk mode: attract, idle warning and reset, nothing kept, the lock, admin exit, recovery."""

from __future__ import annotations

import pygame

from game.ui.kiosk.idle import CornerHold, IdleTimer, touch_target_px


def walk_in(p) -> None:  # noqa: ANN001
    """A visitor touches the attract screen and picks the first life."""
    assert p.screen.name == "attract"
    p.tap_at((p.app.surface.get_width() // 2, p.app.surface.get_height() // 3))
    if p.screen.name == "pick":
        p.tap(p.screen.lives and f"life-{p.screen.lives[0]}")
    assert p.screen.name == "play"
    p.skip_reveal()


def test_touch_targets_from_dpi() -> None:
    assert touch_target_px(10, 44, 96) == 44  # 10 mm at 96 dpi is 38 px: the 44 px floor
    assert touch_target_px(10, 44, 141) == 56  # a 15.6-inch 1080p panel
    assert touch_target_px(10, 44, 300) == 118


def test_idle_timer_phases() -> None:
    t = IdleTimer(40, 20, last=0)
    assert t.phase(39.9) == "idle-ok" and t.phase(40) == "warning" and t.phase(60) == "reset"
    assert t.remaining(45) == 15
    hold = CornerHold(5, 100)
    hold.press((10, 10), 0)
    assert not hold.fired(4.9) and hold.fired(5.0)
    hold.press((300, 10), 0)
    assert not hold.fired(10)


def test_headless_kiosk_screens_come_out_at_the_size_asked_for(launch, fast_kiosk,
                                                                 tmp_path) -> None:
    # SDL's dummy driver has one full-screen mode, 1024x768: screenshots for the
    # museum's staff (`--kiosk --size 1920x1080 --screenshots DIR`) must not be that.
    p = launch(kiosk=True, kiosk_cfg=fast_kiosk(tmp_path), size=(1920, 1080))
    assert p.app.settings.fullscreen
    assert p.app.surface.get_size() == (1920, 1080)


def test_kiosk_starts_full_screen_at_attract_with_big_targets(launch, fast_kiosk, tmp_path) -> None:
    p = launch(kiosk=True, kiosk_cfg=fast_kiosk(tmp_path, dpi=141.0))
    assert p.screen.name == "attract"
    assert p.app.settings.fullscreen and p.app.touch_px == 56
    assert p.app.theme.target >= 56
    assert p.app.theme.type_px("body") >= round(24 * 141 / 72)  # 24 pt at this DPI
    frames = p.app.frames
    p.advance(1.0)
    assert p.app.frames > frames  # the attract loop moves


def test_idle_warning_then_full_reset_keeps_nothing(launch, fast_kiosk, tmp_path, home) -> None:
    p = launch(kiosk=True, kiosk_cfg=fast_kiosk(tmp_path))
    walk_in(p)
    p.tap(p.screen.focusables()[-1].id if False else "choice-1")
    assert p.app.session.state.choices == (1,)
    p.advance(2.1)
    assert p.screen.name == "still-there"
    p.tap_at((5 + p.app.surface.get_width() // 2, 40))  # one touch anywhere dismisses it
    assert p.screen.name in ("play", "notice")
    p.advance(2.1)
    assert p.screen.name == "still-there"
    p.advance(3.1)
    assert p.screen.name == "attract" and p.app.session is None
    assert not home.exists() or not any(home.rglob("*.json"))  # no save, no settings
    assert not (tmp_path / "logs" / "kiosk.log").exists() or \
        "courier" not in (tmp_path / "logs" / "kiosk.log").read_text()


def test_the_lock_ignores_quit_escape_and_close(launch, fast_kiosk, tmp_path) -> None:
    p = launch(kiosk=True, kiosk_cfg=fast_kiosk(tmp_path))
    walk_in(p)
    for ev in (pygame.QUIT, pygame.WINDOWCLOSE):
        p.post(ev)
    p.key(pygame.K_ESCAPE)
    p.key(pygame.K_F4, mod=pygame.KMOD_ALT)
    p.key(pygame.K_F11)
    assert p.app.running and p.screen.name in ("play", "notice")
    assert p.app.settings.fullscreen


def test_admin_exit_needs_the_corner_hold_and_the_pin(launch, fast_kiosk, tmp_path) -> None:
    p = launch(kiosk=True, kiosk_cfg=fast_kiosk(tmp_path))
    p.tap_at((5, 5), hold=2.0)  # too short
    assert p.screen.name != "keypad"
    p.tap_at((5, 5), hold=5.1)
    assert p.screen.name == "keypad"
    for d in "1111":
        p.tap(f"key-{d}")
    p.tap("key-OK")
    assert p.app.running and "not right" in p.screen.error
    for d in "2468":
        p.tap(f"key-{d}")
    p.tap("key-OK")
    assert not p.app.running and p.app.status == 0


def test_kiosk_path_short_debrief_then_attract(launch, fast_kiosk, tmp_path) -> None:
    p = launch(kiosk=True, kiosk_cfg=fast_kiosk(tmp_path, idle_seconds=600))
    walk_in(p)
    for pos in (2, None, 2, 2):
        while p.screen.name == "notice":
            p.tap("ok")
        p.skip_reveal()
        p.tap("continue" if pos is None else f"choice-{pos}")
    while p.screen.name == "notice":
        p.tap("ok")
    p.skip_reveal()
    p.tap("debrief")
    assert p.screen.name == "debrief" and p.screen.short
    assert p.screen.find("whatif") is None
    p.tap("done")
    assert p.screen.name == "attract" and p.app.session is None


def test_a_crash_is_logged_and_the_kiosk_returns_to_attract(launch, fast_kiosk, tmp_path,
                                                            monkeypatch) -> None:
    p = launch(kiosk=True, kiosk_cfg=fast_kiosk(tmp_path, idle_seconds=600))
    walk_in(p)

    def boom(*a, **k) -> None:  # noqa: ANN002, ANN003
        raise RuntimeError("simulated fault")

    monkeypatch.setattr(type(p.app.session), "choose", boom)
    p.tap("choice-1")
    assert p.screen.name == "attract" and p.app.kiosk.crashes == 1
    assert "simulated fault" in (tmp_path / "logs" / "kiosk.log").read_text()
    monkeypatch.undo()
    walk_in(p)


def test_a_bad_kiosk_config_is_refused_with_its_lines(home, tmp_path, capsys) -> None:
    from game.ui.app import run
    from game.ui.options import PlayOptions
    from tests.ui.conftest import MINI

    cfg = tmp_path / "kiosk.yaml"
    from game.ui.kiosk.config import hash_pin

    cfg.write_text(f"lives: [courierr]\npin_hash: '{hash_pin('2468', iterations=1000)}'\n")
    assert run(PlayOptions(story=MINI, kiosk=True, kiosk_config=cfg)) == 2
    err = capsys.readouterr().err
    assert f"{cfg}:1: error:" in err and "courier" in err


def test_an_unknown_scenario_is_one_error_line(home, capsys) -> None:
    from game.ui.app import run
    from game.ui.options import PlayOptions
    from tests.ui.conftest import MINI

    assert run(PlayOptions(story=MINI, scenario="nope")) == 2
    assert capsys.readouterr().err.startswith("error: no scenario 'nope'")


def test_kiosk_offers_the_short_versions(launch, fast_kiosk, tmp_path, mini_dir) -> None:
    short = mini_dir / "scenarios" / "courier-short.yaml"
    text = (mini_dir / "scenarios" / "courier.yaml").read_text()
    short.write_text(text.replace("scenario: courier", "scenario: courier-short\n"
                                  "short_of: courier\nminutes: 3", 1))
    from game.engine.load import load_story

    story = load_story(mini_dir)
    if getattr(story.scenarios["courier-short"], "short_of", None) != "courier":
        import pytest

        pytest.skip("this engine has no short_of yet")
    p = launch(story_dir=mini_dir, kiosk=True, kiosk_cfg=fast_kiosk(tmp_path))
    assert p.app.kiosk.lives() == ["courier-short"]
    p.tap("begin")
    assert p.app.session.state.scenario == "courier-short"  # one life: straight in


def test_the_attract_loop_shows_the_game_in_ten_seconds(launch, fast_kiosk, tmp_path) -> None:
    p = launch(kiosk=True, kiosk_cfg=fast_kiosk(tmp_path))
    scr = p.screen
    seen, busy = set(), False
    for _ in range(200):  # ten seconds of the idle loop's 50 ms turns
        p.clock.now += 0.05
        busy = busy or p.app.tick()
        seen.add(scr.beat())
    assert seen == {0, 1, 2, 3, 4}  # crossing, flash, score, refusal, the claim
    assert not busy  # paced by the idle loop's sleep, never a busy 60 fps


def test_the_attract_loop_rests_on_the_claim_with_reduced_motion(launch, fast_kiosk,
                                                                 tmp_path) -> None:
    p = launch(kiosk=True, kiosk_cfg=fast_kiosk(tmp_path))
    p.app.settings.reduced_motion = True
    p.app.relayout()
    from game.ui.screens.attract import AttractScreen

    p.app.show(AttractScreen(p.app), animate=False)
    frames = p.app.frames
    p.advance(3.0)
    assert p.screen.beat() == 4 and p.app.frames <= frames + 1
