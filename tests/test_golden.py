"""Golden transcripts: the small story's playthroughs, reviewed once, kept byte for byte."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

GOLDEN = sorted((Path(__file__).parent / "golden").glob("mini-*.json"))
MINI = Path(__file__).parent / "fixtures" / "mini"


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "game", "--story", str(MINI), *args],
                          capture_output=True, text=True, encoding="utf-8")


@pytest.mark.parametrize("golden", GOLDEN, ids=[g.stem for g in GOLDEN])
def test_run_json_matches_the_reviewed_transcript(golden: Path) -> None:
    # file names read mini-SCENARIO-RULESET-sSEED-CHOICES.json
    scenario_ruleset, seed, choices = golden.stem.removeprefix("mini-").rsplit("-", 2)
    scenario, ruleset = scenario_ruleset.split("-", 1)
    out = run_cli("run", "--scenario", scenario, "--ruleset", ruleset, "--seed", seed[1:],
                  "--choices", ",".join(choices), "--json")
    assert out.returncode == 0, out.stderr
    assert out.stdout == golden.read_text(encoding="utf-8")
