"""`python -m game bench`: each figure is measured the way a user runs the game (no
timing is asserted here: figures go to docs/benchmarks.md)."""

from __future__ import annotations

from pathlib import Path

from game.bench.engine import play_figures, validate_vs_events

MINI = Path(__file__).parent / "fixtures" / "mini"


def test_start_up_is_timed_on_the_real_play_command() -> None:
    from game.ui.window_bench import start_to_first_frame

    runs = start_to_first_frame(MINI, runs=1)
    assert set(runs) == {"cache", "no_cache"}
    for first, title, cpu in runs["cache"] + runs["no_cache"]:
        assert 0 < first <= title < 60  # the splash comes first, then the title screen
        assert 0 < cpu < 60


def test_validate_is_set_against_a_process_that_only_reads_yaml_events() -> None:
    figure = validate_vs_events(scenes=200, repeats=1)
    assert figure["validate_cpu_s"] > 0 and figure["events_only_cpu_s"] > 0
    assert abs(figure["ratio"] - figure["validate_cpu_s"] / figure["events_only_cpu_s"]) < 0.1


def test_random_play_counts_every_choice_taken() -> None:
    figure = play_figures(500, rounds=1)
    assert figure["choices"] >= 500 and figure["rule_firings"] == figure["choices"]
    assert figure["microseconds_per_choice"] > 0
