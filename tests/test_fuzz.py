"""Fuzzing in CI: mutated stories and odd expressions give problems, never crashes.

`python -m game bench --fuzz 100000` runs the full campaigns (docs/benchmarks.md);
CI runs a smaller, fixed-seed share of them on every change.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from game.bench.fuzz import fuzz_expressions, fuzz_loader, write_story
from game.engine.load import load_story


def test_the_fuzz_story_is_a_valid_version_2_story() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        write_story(Path(tmp))
        story = load_story(Path(tmp))
    assert story.rulesets["city"].includes == ("court",)
    assert not story.rulesets["court"].scored


def test_mutated_stories_give_located_problems_and_play_without_crashing() -> None:
    found = fuzz_loader(1500, seed=7)
    assert found.crashes == [] and found.unlocated == []
    assert 0 < found.accepted < found.cases  # mutations both break and spare the story


def test_odd_expressions_parse_or_fail_cleanly_and_evaluate_without_crashing() -> None:
    found = fuzz_expressions(20_000, seed=7)
    assert found.crashes == [] and found.unlocated == []
    assert found.accepted > 1000


def test_bench_fuzz_prints_both_campaigns_as_json() -> None:
    out = subprocess.run([sys.executable, "-m", "game", "bench", "--fuzz", "30"],
                         capture_output=True, text=True, check=True).stdout
    data = json.loads(out)
    assert data["loader"]["cases"] == data["expressions"]["cases"] == 30
    assert data["loader"]["crashes"] == 0 and data["expressions"]["crashes"] == 0
