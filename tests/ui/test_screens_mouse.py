"""Every desktop screen, reached with posted mouse clicks; asserts on pixels and engine state."""

from __future__ import annotations

import json

import pygame


def test_title_draws_its_buttons(launch) -> None:
    p = launch()
    assert p.screen.name == "title"
    for bid in ("new", "settings", "about", "quit"):
        assert p.drawn(bid)
    accent = p.app.theme.pal.accent
    r = p.rect("new")  # the primary button is filled with the accent colour
    assert p.pixel((r.x + 6, r.centery)) == accent


def test_mouse_through_a_whole_life(launch, home) -> None:
    p = launch()
    p.click("new")
    assert p.screen.name == "pick"
    p.click("life-courier")
    assert p.screen.name == "rulesets"
    p.click("rules-pilot-city")
    assert p.screen.name == "play" and p.app.session.view.scene == "day1"
    p.skip_reveal()
    p.click("choice-1")  # run the red light: the system breaks in with a slip
    assert p.app.session.state.choices == (1,)
    p.skip_reveal()
    assert p.screen.name == "play"
    slip = " ".join(p.screen.breakin.lines[0][0].split())
    assert slip.startswith("-5 \u00b7 Running a red light") and "REPORTED" in slip
    assert p.screen.meter.shown == 995  # the score has ticked down to its new value
    p.click("why")  # the full notice
    assert p.screen.name == "notice"
    texts = " ".join(w.label for w in p.screen.widgets())
    assert "Lost 5 points" in texts and "TRAFFIC-RED-LIGHT" not in texts
    p.click("ok")
    assert p.screen.name == "play"
    p.click("continue")
    p.skip_reveal()
    while p.screen.name == "notice":
        p.click("ok")
    assert p.app.session.view.scene == "court"
    p.click("choice-1")  # refuse to pay: on the debtors list
    p.skip_reveal()
    while p.screen.name == "notice":
        p.click("ok")
    assert p.app.session.view.scene == "station"
    # The train is a closed door: drawn in the blocked colours, and pressing it does nothing.
    door = p.rect("choice-1")
    assert p.pixel((door.centerx, door.bottom - 8)) == p.app.theme.pal.blocked
    p.click("choice-1")
    assert p.app.session.view.scene == "station"
    label = " ".join(p.screen.find("choice-1").details[0].lines)
    assert "debtors" in label and "RAIL-BAN" not in label  # transparent: the real reason
    p.click("choice-2")
    p.skip_reveal()
    while p.screen.name == "notice":
        p.click("ok")
    assert p.app.session.ended and p.app.session.view.ending == "banned"
    assert not (home / "autosave.json").exists()  # an ended game leaves no save
    p.click("debrief")
    assert p.screen.name == "debrief"
    p.click("whatif")
    assert p.screen.name == "whatif" and len(p.screen.outcomes) == 2
    p.click("back")
    p.click("sources")
    assert p.screen.name == "sources"
    assert any("Foreign Policy" in w.label for w in p.screen.widgets() if hasattr(w, "stack")
               for w in w.stack.items)
    p.click("back")
    p.click("ledger")
    assert p.screen.name == "ledger"
    p.click("entry-1")
    assert p.screen.open == {"entry-1"}
    p.click("back")
    p.click("print")  # the printable debrief, as an HTML file in the user's folder
    saved = list((home / "debriefs").glob("*.html"))
    assert len(saved) == 1 and "<html" in saved[0].read_text().lower()
    assert p.screen.find("print").text.startswith("Saved")
    p.click("again")
    assert p.screen.name == "pick"


def test_a_click_during_the_reveal_only_shows_the_text(launch) -> None:
    p = launch(scenario="courier", settle=False)
    p.app.tick()
    assert p.screen.revealing and p.screen.find("choice-1") is not None  # pinned below
    shown = sum(t.shown for t in p.screen.paras)
    assert 0 <= shown < sum(t.total for t in p.screen.paras)
    p.click("choice-1")  # a click while the text appears shows it all, and takes nothing
    assert not p.screen.revealing and p.app.session.state.choices == ()


def test_autosave_after_every_choice_and_resume(launch, home) -> None:
    p = launch()
    p.click("new")
    p.click("life-courier")
    p.click("rules-pilot-city")
    p.skip_reveal()
    p.click("choice-2")
    save = json.loads((home / "autosave.json").read_text())
    assert save["intents"] == [2] and save["scenario"] == "courier"
    p.app.close()
    q = launch()
    assert q.screen.find("continue") is not None
    q.click("continue")
    assert q.screen.name == "play" and q.app.session.state.choices == (2,)
    assert q.app.session.view.scene == "day2"


def test_broken_save_is_set_aside_with_a_message(launch, home) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "autosave.json").write_text("{not json")
    p = launch()
    assert "could not be resumed" in (p.app.message or "")
    assert p.screen.find("continue") is None
    assert list(home.glob("autosave.json.broken-*"))


def test_old_save_version_is_set_aside(launch, home) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "autosave.json").write_text(json.dumps({"version": 0, "scenario": "courier"}))
    p = launch()
    assert "another version" in p.app.message
    assert list(home.glob("autosave.json.broken-*"))


def test_settings_change_and_are_remembered(launch, home) -> None:
    p = launch()
    p.click("settings")
    body = p.app.theme.type_px("body")
    p.click("text-size")
    assert p.app.theme.type_px("body") > body
    p.click("contrast")
    assert p.app.theme.pal.name == "high-contrast"
    assert p.pixel((2, 2)) == (0, 0, 0)
    p.click("motion")
    p.click("mode")
    assert p.app.theme.opaque
    saved = json.loads((home / "settings.json").read_text())
    assert saved["text_step"] == 1 and saved["high_contrast"] and saved["reduced_motion"]
    assert saved["mode"] == "opaque"
    p.app.close()
    q = launch()
    assert q.app.theme.pal.name == "high-contrast" and q.app.theme.opaque


def test_opaque_mode_shows_only_the_notice(launch) -> None:
    p = launch(mode="opaque", scenario="courier")
    p.skip_reveal()
    p.click("choice-1")
    p.skip_reveal()
    slip = p.screen.breakin.lines[0][0]
    assert slip.startswith("-5") and "camera" not in slip and "REPORTED" not in slip
    p.click("why")
    assert p.screen.name == "notice"
    text = " ".join(w.label for w in p.screen.widgets())
    assert "Running a red light" not in text and "No reason was given" in text


def test_about_and_quit(launch) -> None:
    p = launch()
    p.click("about")
    assert p.screen.name == "about"
    p.click("back")
    p.click("quit")
    assert not p.app.running and p.app.status == 0


def test_window_close_quits_on_the_desktop(launch) -> None:
    p = launch()
    p.post(pygame.QUIT)
    assert not p.app.running
