"""User files: where they live, atomic writes, broken files set aside (pygame-free)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from game.atomic import sweep_stale, write_atomic
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
    assert s == storage.Settings() and "standard settings" in msg
    assert list(home.glob("settings.json.broken-*"))


def test_save_for_another_story_is_set_aside(home) -> None:
    storage.write_save({"story": "abc", "scenario": "x", "intents": []})
    data, msg = storage.read_save("def")
    assert data is None and "story has changed" in msg
    assert not storage.save_path().exists()


def test_write_atomic_replaces_whole_file(tmp_path) -> None:
    p = tmp_path / "a" / "f.json"
    write_atomic(p, "one")
    write_atomic(p, "two")
    assert p.read_text() == "two" and [x.name for x in p.parent.iterdir()] == ["f.json"]


@pytest.mark.parametrize("edit", [{"text_step": 1.5}, {"fullscreen": "false"},
                                  {"high_contrast": 1}, {"mode": "Opaque"}, {"text_step": -1},
                                  {"text_step": True}])
def test_a_hand_edited_setting_of_the_wrong_kind_is_refused_not_guessed(home, edit) -> None:
    home.mkdir(parents=True)
    (home / "settings.json").write_text(json.dumps({"version": 1, **edit}))
    s, msg = storage.load_settings()
    assert s == storage.Settings()  # "false" did not turn full screen on
    assert "could not be read" in msg and "{" not in msg and "json" not in msg.lower()
    assert list(home.glob("settings.json.broken-*"))
    s, msg = storage.load_settings()  # the game starts again next time, quietly
    assert msg is None


@pytest.mark.parametrize("raw", ['{"version": 1, "story": "k", "scenario": "rider", '
                                 '"seed": 1e999, "intents": [1]}',
                                 '{"version": 1, "story": "k", "scenario": "rider", '
                                 '"intents": [1, "back"]}',
                                 '{"version": 1, "story": "k", "intents": []}'])
def test_a_broken_save_is_set_aside_with_a_sentence(home, raw) -> None:
    home.mkdir(parents=True)
    storage.save_path().write_text(raw)
    data, msg = storage.read_save("k")
    assert data is None and msg.startswith("Your saved game could not be resumed")
    assert not storage.save_path().exists()


def test_a_save_that_is_not_text_is_set_aside(home) -> None:
    home.mkdir(parents=True)
    storage.save_path().write_bytes(b"\xff\xfe{\x00")
    data, msg = storage.read_save("k")
    assert data is None and "could not be resumed" in msg


def test_temporary_files_of_killed_writes_are_swept_at_start(home) -> None:
    home.mkdir(parents=True)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()
    stale = home / f".autosave.json.{dead}.abc123.tmp"
    live = home / f".autosave.json.{os.getpid()}.def456.tmp"
    stale.write_text("{half")
    live.write_text("{being written")
    storage.load_settings()
    assert not stale.exists() and live.exists()
    assert sweep_stale(home) == []
