"""The same game with the keyboard alone, and with touch alone (0-1 finger coordinates)."""

from __future__ import annotations

import pygame


def tab_to(p, bid: str, limit: int = 40) -> None:  # noqa: ANN001
    """Press Tab until `bid` has the (visible) focus."""
    for _ in range(limit):
        f = p.screen.focus
        if f is not None and f.id == bid and p.screen.focus_visible:
            return
        p.key(pygame.K_TAB)
    raise AssertionError(f"Tab never reached {bid} on {p.screen.name}")


def test_keyboard_alone_reaches_every_screen(launch) -> None:
    p = launch()
    tab_to(p, "settings")
    p.key(pygame.K_RETURN)
    assert p.screen.name == "settings"
    p.key(pygame.K_ESCAPE)
    tab_to(p, "new")
    p.key(pygame.K_RETURN)
    assert p.screen.name == "pick"
    p.key(pygame.K_1, "1")
    assert p.screen.name == "rulesets"  # live under: the life's own rules come first
    p.key(pygame.K_RETURN)
    assert p.screen.name == "play"
    p.skip_reveal()
    p.key(pygame.K_1, "1")  # the number keys pick a visible choice
    assert p.app.session.state.choices == (1,)
    p.skip_reveal()
    assert p.screen.name == "play" and p.screen.find("why") is not None  # the slip
    p.key(pygame.K_w, "w")  # Why? opens the full notice
    assert p.screen.name == "notice"
    p.key(pygame.K_RETURN)  # OK has the focus
    p.skip_reveal()
    p.key(pygame.K_RETURN)  # Enter with nothing focused: Continue
    p.skip_reveal()
    if p.screen.name == "notice":
        p.key(pygame.K_RETURN)
        p.skip_reveal()
    assert p.app.session.view.scene == "court"
    p.key(pygame.K_l, "l")
    assert p.screen.name == "ledger"
    tab_to(p, "entry-1")
    p.key(pygame.K_SPACE, " ")
    assert "entry-1" in p.screen.open
    p.key(pygame.K_ESCAPE)
    tab_to(p, "choice-1")
    p.key(pygame.K_RETURN)  # refuse to pay: the court lists you
    p.key(pygame.K_RETURN)
    p.skip_reveal()
    assert p.app.session.view.scene == "station"
    train = p.app.session.view.choices[0]
    assert train.status == "blocked" and not train.can_try  # closed, with no refusal to play
    taken = p.app.session.state.choices
    p.key(pygame.K_1, "1")  # a closed door: nothing happens
    p.skip_reveal()
    assert p.app.session.view.scene == "station" and p.app.session.state.choices == taken
    p.key(pygame.K_2, "2")  # the slow bus is open
    p.skip_reveal()
    assert p.app.session.ended
    p.key(pygame.K_RETURN)
    assert p.screen.name == "debrief"
    for target in ("whatif", "sources", "ledger"):
        tab_to(p, target)
        p.key(pygame.K_RETURN)
        assert p.screen.name == target
        p.key(pygame.K_ESCAPE)
        assert p.screen.name == "debrief"


def test_touch_alone_reaches_every_screen(launch) -> None:
    p = launch()
    p.tap("new")
    p.tap("life-courier")
    p.tap("rules-pilot-city")
    assert p.screen.name == "play"
    if p.screen.revealing:
        p.tap_at((640, 360))
    p.tap("choice-2")
    assert p.app.session.state.choices == (2,)
    p.skip_reveal()
    if p.screen.name == "notice":
        p.tap("ok")
    p.tap("continue")
    while p.screen.name == "notice":
        p.tap("ok")
    p.skip_reveal()
    p.tap("choice-2")
    while p.screen.name == "notice":
        p.tap("ok")
    p.skip_reveal()
    p.tap("choice-2")
    p.skip_reveal()
    while p.screen.name == "notice":
        p.tap("ok")
    assert p.app.session.ended
    p.tap("debrief")
    for target in ("whatif", "sources", "ledger"):
        p.tap(target)
        assert p.screen.name == target
        p.tap("back")
    p.tap("ledger")
    p.tap("entry-1")
    assert p.screen.open


def test_a_drag_scrolls_and_does_not_press(launch) -> None:
    p = launch(size=(800, 500))
    p.app.settings.text_step = 3
    p.app.relayout()
    p.tap("about")
    pane = p.screen.pane
    assert pane.max_scroll > 0
    w, h = p.app.surface.get_size()
    x, y0 = pane.view.centerx, pane.view.bottom - 20
    kw = dict(touch_id=1, finger_id=0, dx=0.0, dy=0.0, pressure=1.0)
    pygame.event.post(pygame.event.Event(pygame.FINGERDOWN, x=x / w, y=y0 / h, **kw))
    for y in range(y0, y0 - 200, -20):
        pygame.event.post(pygame.event.Event(pygame.FINGERMOTION, x=x / w, y=y / h, **kw))
    pygame.event.post(pygame.event.Event(pygame.FINGERUP, x=x / w, y=(y0 - 200) / h, **kw))
    p.app.tick()
    assert pane.scroll > 0 and p.screen.name == "about"


def test_mouse_events_synthesised_from_touch_are_ignored(launch) -> None:
    p = launch()
    r = p.rect("new")
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=r.center, button=1,
                                         touch=True))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=r.center, button=1,
                                         touch=True))
    p.app.tick()
    assert p.screen.name == "title"
