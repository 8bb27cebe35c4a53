"""Nothing an engineer writes reaches a player: every life under every ruleset, in both
modes, through the window (every string drawn) and the terminal game (every line said),
scanned for the story's ids and for engine wording."""

from __future__ import annotations

import re
from functools import lru_cache

import pytest

from game.engine.host import Life
from game.engine.load import load_story
from game.paths import bundled_story

# Engine and programmer wording a player must never read.
ENGINE = re.compile(r"closed by default|on_list\(|\bcan\(|python -m|"
                    r"Traceback|PlayError|KeyError|\bNone\b(?!\.| of)|\.ya?ml\b|\.json\b|\.svg\b|"
                    r"\{[a-z_]+\}|\berror:|scenario '|ruleset '|scene '")


@lru_cache(maxsize=1)
def story():  # noqa: ANN201
    return load_story(bundled_story())


@lru_cache(maxsize=1)
def id_pattern() -> re.Pattern[str]:
    """Every id of the story that cannot be mistaken for an ordinary word: rule and
    consequence ids, dotted behaviour and capability ids, and any scene, scenario,
    ruleset, list or tier id with a dash, an underscore or a digit in it."""
    st = story()
    ids: set[str] = set(st.behaviours) | set(st.capabilities)
    ids |= set(st.scenarios) | set(st.rulesets)
    for rs in st.rulesets.values():
        ids |= {r.id for r in rs.rules} | {c.id for c in rs.consequences}
        ids |= set(rs.lists) | {t.id for t in rs.tiers}
    for sc in st.scenarios.values():
        ids |= set(sc.scenes)
    wordlike = re.compile(r"^[a-z]+$")
    risky = sorted((i for i in ids if not wordlike.match(i) and len(i) > 2), key=len,
                   reverse=True)
    return re.compile(r"(?<![\w.-])(" + "|".join(map(re.escape, risky)) + r")(?![\w-])")


def leaks(strings: set[str]) -> list[str]:
    ids, out = id_pattern(), []
    for s in strings:
        if ENGINE.search(s) or ids.search(s):
            out.append(s)
    return sorted(out)[:10]


def lives() -> list[tuple[str, str]]:
    st = story()
    return [(sc, rs) for sc in st.scenarios for rs in st.rulesets]


# -- the window ----------------------------------------------------------------------

@pytest.fixture
def window(launch, monkeypatch):  # noqa: ANN001, ANN201
    """A window that records every string it draws (reduced motion: no waiting)."""
    from game.ui import gfx, storage

    shown: set[str] = set()
    real = gfx.render

    def render(text, f, colour):  # noqa: ANN001, ANN202
        shown.add(text)
        return real(text, f, colour)

    monkeypatch.setattr(gfx, "render", render)
    storage.save_settings(storage.Settings(reduced_motion=True))
    p = launch(story_dir=bundled_story())
    return p, shown


def _draw(p) -> None:  # noqa: ANN001
    p.app.dirty = True
    p.app.tick()


def _walk_window(p, scenario: str, ruleset: str) -> None:  # noqa: ANN001
    from game.ui.screens.debrief import DebriefScreen
    from game.ui.screens.ledger import LedgerScreen
    from game.ui.screens.sources import SourcesScreen
    from game.ui.screens.whatif import WhatIfScreen

    app = p.app
    app.start_game(scenario, ruleset)
    for _ in range(200):
        _draw(p)
        while app.screen.name != "play":  # a notice, a day's summary, a refusal
            if app.screen.name == "refusal":
                app.screen.shown_reason = True
                app.screen.layout()
                _draw(p)
            app.pop()
            _draw(p)
        scr = app.screen
        if scr.find("why") is not None:
            scr.why()
            _draw(p)
            app.pop()
        life = app.session.life
        if life.ended:
            break
        if life.can_go_on:
            scr.cont()
        else:
            scr.choose(life.takeable()[-1])  # the last: often a closed door to try
    for screen in (DebriefScreen(app), WhatIfScreen(app), SourcesScreen(app)):
        app.push(screen)
        _draw(p)
        app.pop()
    ledger = LedgerScreen(app)
    ledger.open = {f"entry-{e.step}" for e in app.session.life.ledger}
    app.push(ledger)
    _draw(p)
    app.pop()


@pytest.mark.parametrize("mode", ["transparent", "opaque"])
def test_the_window_never_shows_an_id(window, mode) -> None:  # noqa: ANN001
    p, shown = window
    p.app.settings.mode = mode
    p.app.relayout()
    for scenario, ruleset in lives():
        _walk_window(p, scenario, ruleset)
    assert len(shown) > 500  # it really played: thousands of strings were drawn
    assert leaks(shown) == []


# -- the terminal game -----------------------------------------------------------------

def _walk_terminal(scenario: str, ruleset: str, mode: str, said: list[str],
                   monkeypatch: pytest.MonkeyPatch) -> None:
    from game.cli import terminal as term

    lives_made: list[Life] = []

    class Watched(Life):
        @classmethod
        def begin(cls, *a, **kw):  # noqa: ANN002, ANN003, ANN206
            life = Life.begin(*a, **kw)
            lives_made.append(life)
            return life

    monkeypatch.setattr(term, "Life", Watched)
    asked = [0]

    def ask(prompt: str) -> str:
        asked[0] += 1
        life = lives_made[-1]
        if asked[0] % 7 == 0:  # now and then: the standing and the ledger
            return "s" if asked[0] % 14 else "l"
        if "continue" in prompt.lower():
            return ""
        return str(life.takeable()[-1])

    t = term.Terminal(story(), mode, ask=ask, say=said.append)
    assert t.play(scenario, ruleset, 0) == 0


@pytest.mark.parametrize("mode", ["transparent", "opaque"])
def test_the_terminal_game_never_says_an_id(mode, monkeypatch) -> None:  # noqa: ANN001
    said: list[str] = []
    for scenario, ruleset in lives():
        _walk_terminal(scenario, ruleset, mode, said, monkeypatch)
    lines = {line for block in said for line in block.splitlines()}
    assert len(lines) > 200
    assert leaks(lines) == []


def test_the_scan_catches_an_id() -> None:
    st = story()
    rule = next(r.id for rs in st.rulesets.values() for r in rs.rules)
    assert leaks({f"Lost 5 points ({rule})", "Closed by default", "closed by default",
                  "A quiet day"}) == sorted([f"Lost 5 points ({rule})", "closed by default"])
