"""The UI test harness: a real App on the dummy video driver, a fake clock, and a Pilot
that posts real pygame events (mouse, touch with 0-1 coordinates, keys) and runs the loop."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402

MINI = Path(__file__).resolve().parent.parent / "fixtures" / "mini"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Pilot:
    """Drives an App like a player: every action is a posted event and one loop turn."""

    def __init__(self, app, clock: Clock) -> None:  # noqa: ANN001
        self.app, self.clock = app, clock

    @property
    def screen(self):  # noqa: ANN201
        return self.app.screen

    def settle(self, seconds: float = 3.0) -> None:
        """Let animations finish: advance the fake clock and run the loop."""
        for _ in range(int(seconds * 20)):
            self.clock.now += 0.05
            if not self.app.tick() and not self.app.dirty:
                break
        self.app.tick()

    def rect(self, bid: str) -> pygame.Rect:
        w = self.screen.find(bid)
        assert w is not None, f"no '{bid}' on {self.screen.name}: " \
            f"{[x.id for x in self.screen.focusables()]}"
        for _ in range(200):
            if self.screen.is_visible(w):
                break
            pane = self.screen.pane_of(w)  # the wheel over the pane that holds it
            assert pane is not None, f"'{bid}' is off the {self.screen.name} screen"
            self.post(pygame.MOUSEMOTION, pos=pane.view.center, rel=(0, 0), buttons=(0, 0, 0))
            up = self.screen.screen_rect(w).top < pane.view.top
            self.post(pygame.MOUSEWHEEL, x=0, y=1 if up else -1, precise_x=0.0,
                      precise_y=1.0 if up else -1.0, flipped=False)
        return self.screen.screen_rect(w)

    def post(self, etype: int, **kw) -> None:
        pygame.event.post(pygame.event.Event(etype, **kw))
        self.app.tick()

    def click(self, bid: str) -> None:
        pos = self.rect(bid).center
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
        self.app.tick()
        self.settle()

    def click_at(self, pos: tuple[int, int]) -> None:
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
        self.app.tick()
        self.settle()

    def tap(self, bid: str) -> None:
        self.tap_at(self.rect(bid).center)

    def tap_at(self, pos: tuple[int, int], hold: float = 0.0) -> None:
        w, h = self.app.surface.get_size()
        kw = dict(touch_id=1, finger_id=0, x=pos[0] / w, y=pos[1] / h, dx=0.0, dy=0.0,
                  pressure=1.0)
        pygame.event.post(pygame.event.Event(pygame.FINGERDOWN, **kw))
        self.app.tick()
        if hold:
            self.advance(hold)
        pygame.event.post(pygame.event.Event(pygame.FINGERUP, **kw))
        self.app.tick()
        self.settle()

    def key(self, key: int, unicode: str = "", mod: int = 0) -> None:
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod,
                                             unicode=unicode, scancode=0))
        self.app.tick()
        self.settle()

    def advance(self, seconds: float) -> None:
        """Let time pass with no input, one loop turn per 50 ms like the real idle loop."""
        end = self.clock.now + seconds
        while self.clock.now < end:
            self.clock.now = min(end, self.clock.now + 0.05)
            self.app.tick()

    def skip_reveal(self) -> None:
        if self.screen.name == "play" and self.screen.revealing:
            self.key(pygame.K_SPACE, " ")

    def pixel(self, pos: tuple[int, int]) -> tuple[int, int, int]:
        return tuple(self.app.surface.get_at(pos))[:3]

    def drawn(self, bid: str) -> bool:
        """Whether the widget's rectangle holds more than one colour (something was drawn)."""
        r = self.rect(bid).clip(self.app.surface.get_rect())
        sub = self.app.surface.subsurface(r)
        return len({tuple(sub.get_at((x, y))) for x in range(0, r.w, 3)
                    for y in range(0, r.h, 3)}) > 1


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    h = tmp_path / "home"
    monkeypatch.setenv("ROAM_FREELY_HOME", str(h))
    return h


@pytest.fixture
def launch(home: Path):  # noqa: ANN201
    """launch(story_dir=MINI, **PlayOptions fields) -> Pilot on a fresh App."""
    from game.engine.load import load_story
    from game.ui.app import App
    from game.ui.options import PlayOptions

    apps = []

    def start(story_dir: Path = MINI, settle: bool = True, **kw) -> Pilot:
        kw.setdefault("size", (1280, 720))
        story = load_story(story_dir)
        clock = Clock()
        kiosk_cfg = kw.pop("kiosk_cfg", None)
        app = App.__new__(App)
        if kiosk_cfg is not None:
            app._kiosk_config = lambda: kiosk_cfg  # a config object, no file needed
        App.__init__(app, PlayOptions(story=story_dir, **kw), story, clock=clock,
                     sleep=lambda s: None)
        apps.append(app)
        pilot = Pilot(app, clock)
        if settle:
            pilot.settle()
        return pilot

    yield start
    for app in apps:
        app.close()


@pytest.fixture
def fast_kiosk():  # noqa: ANN201
    """A kiosk config with short timeouts and a cheap PIN hash (PIN 2468)."""
    from game.ui.kiosk.config import default_kiosk_config, hash_pin

    def make(tmp: Path, **kw):  # noqa: ANN202
        base = dict(idle_seconds=2.0, warning_seconds=3.0, admin_hold_seconds=5.0,
                    pin_hash=hash_pin("2468", iterations=1000), log_dir=str(tmp / "logs"),
                    mode="opaque")
        base.update(kw)
        return replace(default_kiosk_config(), **base)

    return make
