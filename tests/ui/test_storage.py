"""User files: where they live, atomic writes, broken files set aside (pygame-free)."""

from __future__ import annotations

import json

from game.ui import storage


def test_home_follows_the_environment(home) -> None:
    assert storage.home() == home
    assert storage.save_path() == home / "autosave.json"


def test_settings_round_trip(home) -> None:
    s = storage.Settings(text_step=2, high_contrast=True, mode="opaque")
    storage.save_settings(s)
    back, msg = storage.load_settings()
    assert back == s and msg is None
    assert not list(home.glob(".*tmp"))  # the temporary file was renamed over the target


def test_broken_settings_fall_back_with_a_message(home) -> None:
    home.mkdir(parents=True)
    (home / "settings.json").write_text(json.dumps({"version": 1, "text_step": 99}))
    s, msg = storage.load_settings()
    assert s == storage.Settings() and "defaults" in msg
    assert list(home.glob("settings.json.broken-*"))


def test_save_for_another_story_is_set_aside(home) -> None:
    storage.write_save({"story": "abc", "scenario": "x", "intents": []})
    data, msg = storage.read_save("def")
    assert data is None and "story has changed" in msg
    assert not storage.save_path().exists()


def test_write_atomic_replaces_whole_file(tmp_path) -> None:
    p = tmp_path / "a" / "f.json"
    storage.write_atomic(p, "one")
    storage.write_atomic(p, "two")
    assert p.read_text() == "two" and [x.name for x in p.parent.iterdir()] == ["f.json"]
