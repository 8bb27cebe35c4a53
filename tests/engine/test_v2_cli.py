"""Story format 2 on the command line: refusals and scoreless nulls in `run --json`,
`"score": null` in `simulate --json` (CLI.md, version 2)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

V2 = Path(__file__).parent.parent / "fixtures" / "v2"


def cli(*args: str) -> dict:
    out = subprocess.run([sys.executable, "-m", "game", "--story", str(V2), *args],
                         capture_output=True, text=True, encoding="utf-8")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_run_json_lists_refusals_in_order_and_nulls_for_no_score() -> None:
    data = cli("run", "--scenario", "trip", "--choices", "1,1", "--json")
    assert data["refusals"] == [
        {"scene": "airport", "choice": 1, "capability": "travel.flight", "by": ["TRAVEL-BAN"]},
        {"scene": "airport", "choice": 1, "capability": "travel.rail", "by": ["TRAVEL-BAN"]}]
    assert data["score"] is None and data["tier"] is None
    assert all(e[k] is None for e in data["ledger"] for k in ("delta", "before", "after",
                                                               "tier"))
    assert data["ending"] == "listed" and data["path"] == ["letter", "airport", "bus", "listed"]
    # the refused door is also among the closed doors shown on the path
    assert {"scene": "airport", "choice": 1, "capability": "travel.flight",
            "by": ["TRAVEL-BAN"]} in data["blocked"]


def test_run_json_under_a_layered_ruleset_keeps_score_and_has_no_refusal_on_open_doors() -> None:
    data = cli("run", "--scenario", "trip", "--ruleset", "city", "--choices", "2,1", "--json")
    assert data["refusals"] == [] and data["ending"] == "home"
    assert isinstance(data["score"], int) and data["tier"] in ("good", "poor")
    assert all(isinstance(e["before"], int) for e in data["ledger"])


def test_simulate_json_gives_a_null_score_for_a_scoreless_ruleset() -> None:
    data = cli("simulate", "--scenario", "trip", "--runs", "20", "--json")
    assert data["score"] is None
    assert set(data["endings"]) <= {"home", "listed", "broke", "null"}


def test_rules_json_shows_layers_and_no_score() -> None:
    data = {r["ruleset"]: r for r in cli("rules", "--json")["rulesets"]}
    assert data["city"]["includes"] == ["court"] and data["court"]["includes"] == []
    assert data["court"]["score"] is None and data["court"]["tiers"] == []
    assert [x["layer"] for x in data["city"]["consequences"]] == ["court", "city"]
    assert data["city"]["lists"][0] == {"id": "debtors",
                                        "name": "List of dishonest judgment debtors",
                                        "layer": "court"}
