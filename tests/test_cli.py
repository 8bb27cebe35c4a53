"""The command line: exit codes, one-line errors, JSON shapes, determinism."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.engine.test_load_errors import edit

MINI = Path(__file__).parent / "fixtures" / "mini"


def cli(*args: str, story: Path = MINI, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "game", "--story", str(story), *args],
                          capture_output=True, text=True, encoding="utf-8", input=stdin,
                          timeout=120)


RUN_KEYS = ["scenario", "ruleset", "seed", "code", "ending", "ending_title", "score", "tier",
            "lists", "active", "path", "ledger", "blocked", "refusals"]
ENTRY_KEYS = ["step", "scene", "behaviour", "rule", "delta", "before", "after", "tier",
              "reason", "seen_by", "fidelity", "sources", "started", "ended"]


def test_run_json_has_the_documented_shape() -> None:
    out = cli("run", "--scenario", "courier", "--choices", "1,1,2", "--json")
    data = json.loads(out.stdout)
    assert list(data) == RUN_KEYS
    assert all(list(e) == ENTRY_KEYS for e in data["ledger"])
    assert data["blocked"] == [
        {"scene": "station", "choice": 1, "capability": "travel.high_speed_rail",
         "by": ["RAIL-BAN"]},
        {"scene": "station", "choice": 3, "capability": "rent.bike_without_deposit", "by": []}]
    assert data["lists"] == ["debtors"] and data["active"] == ["RAIL-BAN"]


def test_choices_stopping_before_an_ending_give_a_null_ending() -> None:
    data = json.loads(cli("run", "--scenario", "courier", "--choices", "1", "--json").stdout)
    assert data["ending"] is None and data["path"] == ["day1", "day2", "court"]


@pytest.mark.parametrize(("args", "words"), [
    (["run", "--scenario", "courier", "--choices", "1,1,1"],
     "error: scene 'station': choice 1 is not open (blocked by RAIL-BAN)"),
    (["run", "--scenario", "courier", "--choices", "1,1,2,1"], "error: the playthrough reached"),
    (["run", "--scenario", "courier", "--choices", "1,x"], "error: --choices takes positions"),
    (["run", "--scenario", "nobody"], "error: unknown scenario 'nobody'"),
    (["run", "--scenario", "courier", "--ruleset", "pilot"], "did you mean 'pilot-city'"),
    (["simulate", "--scenario", "courier", "--runs", "0"], "error: --runs must be 1 or more"),
    (["frobnicate"], "error: argument COMMAND: invalid choice"),
    (["run"], "error: the following arguments are required: --scenario"),
])
def test_bad_usage_is_one_line_and_exit_2(args: list[str], words: str) -> None:
    out = cli(*args)
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and words in out.stderr
    assert "Traceback" not in out.stderr and out.stdout == ""


def test_a_missing_story_folder_is_exit_2(tmp_path: Path) -> None:
    out = cli("validate", story=tmp_path / "nowhere")
    assert out.returncode == 2 and out.stderr.startswith("error: no story folder")


def test_a_broken_story_is_exit_1_with_path_line_errors(mini_dir: Path) -> None:
    edit(mini_dir / "scenarios/courier.yaml", "goto: court", "goto: nowhere")
    out = cli("run", "--scenario", "courier", story=mini_dir)
    assert out.returncode == 1 and out.stdout == ""
    assert out.stderr.startswith(f"{mini_dir}/scenarios/courier.yaml:")
    assert ": error: unknown scene 'nowhere'" in out.stderr
    out = cli("validate", story=mini_dir)
    assert out.returncode == 1 and ": error: unknown scene 'nowhere'" in out.stdout


def test_validate_prints_warnings_and_exits_0(mini_dir: Path) -> None:
    edit(mini_dir / "scenarios/courier.yaml", "observe: traffic.red_light", "add: {late: 2}")
    out = cli("validate", story=mini_dir)
    assert out.returncode == 0
    assert "story.yaml:3: warning: behaviour 'traffic.red_light' is never observed" in out.stdout


def test_simulate_json_is_documented_and_byte_identical() -> None:
    args = ("simulate", "--scenario", "courier", "--runs", "300", "--seed", "7", "--json")
    first, second = cli(*args), cli(*args)
    assert first.returncode == 0 and first.stdout == second.stdout
    data = json.loads(first.stdout)
    assert list(data) == ["scenario", "ruleset", "runs", "seed", "endings", "score", "rules",
                          "consequences", "unvisited"]
    assert sum(data["endings"].values()) == 300 and set(data["endings"]) == {"free", "banned"}
    assert data["score"]["min"] <= data["score"]["median"] <= data["score"]["max"]
    assert data["unvisited"] == []
    assert data["consequences"]["RAIL-BAN"] == data["rules"]["COURT-DEFAULT"]


def test_rules_json_resolves_every_source() -> None:
    data = json.loads(cli("rules", "--ruleset", "pilot-city", "--json").stdout)
    (rs,) = data["rulesets"]
    assert rs["ruleset"] == "pilot-city" and rs["score"] == {"start": 1000, "min": 0, "max": 1060}
    rule = rs["rules"][0]
    assert list(rule) == ["id", "on", "delta", "reason", "seen_by", "fidelity", "sources",
                          "layer"]  # CLI.md version 2: the layer each rule comes from
    assert rule["layer"] == "pilot-city" and rs["includes"] == []
    assert rule["sources"][0] == {"id": "fp-2018", "title": "Life inside China's social credit "
                                  "laboratory", "outlet": "Foreign Policy", "date": "2018-04-03",
                                  "url": "https://example.org/fp"}
    assert rs["consequences"][0]["blocks"] == ["travel.high_speed_rail"]
    assert rs["consequences"][0]["grants"] == []


def test_graph_is_dot_with_every_scene_and_choice() -> None:
    out = cli("graph", "--scenario", "courier").stdout
    assert out.startswith('digraph "courier" {') and out.rstrip().endswith("}")
    assert '"station" -> "free" [label="1. Take the high-speed train\\nrequires' in out
    assert out.count("->") == 1 + 2 + 1 + 2 + 3  # start arrow, choices, one continue


def test_schema_is_json_schema_for_each_file_kind() -> None:
    data = json.loads(cli("schema").stdout)
    assert set(data["files"]) == {"story", "sources", "ruleset", "scenario"}
    scene = data["files"]["scenario"]["$defs"]["SceneFile"]
    assert "text" in scene["required"] and scene["additionalProperties"] is False


def test_the_terminal_game_plays_to_an_ending_from_stdin() -> None:
    # scenario 1 (only one), default ruleset, then: run red light, continue, refuse,
    # try the closed train, take the bus.
    out = cli("text", stdin="1\n\n1\n\n1\n1\n2\n")
    assert out.returncode == 0, out.stderr
    text = out.stdout
    assert "1. [closed] Take the high-speed train" in text
    assert "Why: Listed debtors may not buy" in text
    assert "Now in force: Listed debtors may not buy" in text  # what refusing set off
    assert "That door is closed: Why: Listed debtors" in text
    for engine_word in ("RAIL-BAN", "COURT-DEFAULT", "TRAFFIC-RED-LIGHT", "not open (",
                        "station", "[day"):
        assert engine_word not in text  # no ids or engine messages reach a player
    assert "THE END: The slow way" in text
    assert "Score -100: 995 -> 895" in text
    assert "Replay code: RF-" in text


def test_the_terminal_game_in_opaque_mode_shows_only_notices() -> None:
    out = cli("text", "--mode", "opaque", "--scenario", "courier", "--ruleset", "pilot-city",
              stdin="1\n\n1\n")
    assert "Notice: Your credit record has been updated. Score: 995." in out.stdout
    assert "Ticket purchase failed." in out.stdout and "RAIL-BAN" not in out.stdout.split(
        "Ticket purchase failed.")[0].split("court")[-1]


def test_the_terminal_game_quits_quietly_at_end_of_input() -> None:
    out = cli("text", stdin="1\n")
    assert out.returncode == 0 and "Traceback" not in out.stderr


def test_with_no_display_the_game_starts_in_the_terminal() -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")}
    out = subprocess.run([sys.executable, "-m", "game", "--story", str(MINI)],
                         capture_output=True, text=True, encoding="utf-8", input="q\n",
                         env=env, timeout=60)
    assert out.returncode == 0
    assert "No display found: starting the terminal game instead" in out.stderr
    assert "Whose week will you live?" in out.stdout


def test_play_opens_the_window_first_and_loads_the_story_once(monkeypatch, capsys) -> None:
    import game.storycache
    import game.ui.app as app
    from game.cli import main

    order: list[str] = []
    real = game.storycache.load_story
    monkeypatch.setattr(app, "splash", lambda options: order.append("window"))
    monkeypatch.setattr(game.storycache, "load_story",
                        lambda folder: (order.append("load"), real(folder))[1])

    def no_app(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise app.AppError("stopped here by the test")

    monkeypatch.setattr(app, "App", no_app)
    assert main(["--story", str(MINI), "play"]) == 2
    assert order == ["window", "load"]
    assert "stopped here by the test" in capsys.readouterr().err
