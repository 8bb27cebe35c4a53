"""The compiled-story cache (game.storycache): hits skip the loader, changes rebuild,
a broken cache is ignored."""

from __future__ import annotations

import json

import pytest

from game import storycache
from game.analysis import simulate
from game.engine import load
from game.engine.host import Life
from game.engine.identity import story_identity


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("ROAM_FREELY_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("ROAM_FREELY_NO_CACHE", raising=False)
    return tmp_path / "home"


def _no_loader(monkeypatch) -> None:
    def refuse(_folder):  # noqa: ANN001, ANN202
        raise AssertionError("the loader ran although the story had not changed")

    monkeypatch.setattr(load, "load_story", refuse)


def test_an_unchanged_story_comes_from_the_cache_and_plays_the_same(home, mini_dir,
                                                                     monkeypatch) -> None:
    fresh = storycache.load_story(mini_dir)
    assert len(list((home / "cache").glob("*.pickle"))) == 1
    _no_loader(monkeypatch)
    cached = storycache.load_story(mini_dir)
    assert cached is not fresh and story_identity(cached) == story_identity(fresh)
    for ruleset in fresh.rulesets:
        a = simulate(fresh, "courier", ruleset, runs=60, seed=1, whatif=True)
        b = simulate(cached, "courier", ruleset, runs=60, seed=1, whatif=True)
        assert json.dumps(a) == json.dumps(b)
    life = Life.begin(cached, "courier")
    assert "1000" in life.view.text  # a template filled from the cached story


def test_a_changed_file_is_compiled_again(home, mini_dir, monkeypatch) -> None:
    storycache.load_story(mini_dir)
    scenario = mini_dir / "scenarios" / "courier.yaml"
    scenario.write_text(scenario.read_text(encoding="utf-8").replace(
        "A letter from the court.", "A second letter from the court."), encoding="utf-8")
    story = storycache.load_story(mini_dir)
    assert story.scenarios["courier"].scenes["day2"].text.source.startswith("A second")
    assert len(list((home / "cache").glob("*.pickle"))) == 1  # the old one is gone
    _no_loader(monkeypatch)
    again = storycache.load_story(mini_dir)
    assert again.scenarios["courier"].scenes["day2"].text.source.startswith("A second")


def test_a_broken_cache_is_ignored_and_rebuilt(home, mini_dir, monkeypatch) -> None:
    storycache.load_story(mini_dir)
    (cached,) = (home / "cache").glob("*.pickle")
    cached.write_bytes(b"\x80\x05 not a story")
    story = storycache.load_story(mini_dir)
    assert story.scenarios["courier"].start == "day1"
    _no_loader(monkeypatch)  # the rebuilt cache is whole again
    assert story_identity(storycache.load_story(mini_dir)) == story_identity(story)


def test_errors_still_come_as_path_line_lines(home, mini_dir) -> None:
    (mini_dir / "story.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    with pytest.raises(storycache.StoryErrors, match=r"story\.yaml:\d+: error"):
        storycache.load_story(mini_dir)
    assert not list((home / "cache").glob("*.pickle"))


def test_the_cache_can_be_turned_off(home, mini_dir, monkeypatch) -> None:
    monkeypatch.setenv("ROAM_FREELY_NO_CACHE", "1")
    storycache.load_story(mini_dir)
    assert not (home / "cache").exists()
