"""What if, by the same choices (game.whatif) and `simulate --whatif`, on a small
story format 2 story: a court list that keeps no score bars listed debtors from
flying, and trying the closed flight plays a refusal."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.analysis import simulate
from game.engine.host import Door, Life, Playthrough
from game.engine.load import load_story
from game.whatif import compare

FILES = {
    "story.yaml": """\
title: Week
behaviours:
  court.unpaid: Not paying a court judgment
  court.paid: Paying a court judgment
capabilities:
  travel.flight: {name: Buy a plane ticket, default: true}
""",
    "sources.yaml": """\
sources:
  spc-2015: {title: Provisions on restricting high consumption, outlet: Court, date: 2015-07-22}
""",
    "rulesets/court-list.yaml": """\
ruleset: court-list
name: The court's list
fidelity: documented
sources: [spc-2015]
lists:
  debtors: {name: List of dishonest judgment debtors}
rules:
  - {id: COURT-LIST, on: court.unpaid, add_to: debtors, reason: An unpaid judgment.,
     seen_by: the court, fidelity: documented, sources: [spc-2015]}
consequences:
  - id: FLY-BAN
    kind: restriction
    when: "on_list('debtors')"
    blocks: [travel.flight]
    notice: Purchase failed.
    explain: The court list bars listed debtors from flying
    fidelity: documented
    sources: [spc-2015]
""",
    "rulesets/points.yaml": """\
ruleset: points
name: City points
fidelity: dramatized
score: {start: 1000}
tiers:
  - {id: a, min: 900, label: Good}
  - {id: b, min: 0, label: Poor}
rules:
  - {id: LATE, on: court.unpaid, delta: -50, reason: An unpaid judgment.,
     seen_by: the city, fidelity: dramatized}
  - {id: PAID, on: court.paid, delta: 10, reason: A paid judgment.,
     seen_by: the city, fidelity: dramatized}
""",
    "scenarios/week.yaml": """\
scenario: week
title: A week
ruleset: points
start: monday
scenes:
  monday:
    text: A letter from the court.
    choices:
      - {text: Pay the judgment, observe: court.paid, goto: tuesday}
      - {text: Leave it unpaid, observe: court.unpaid, goto: tuesday}
  tuesday:
    text: A free day.
    choices:
      - text: Fly to the coast
        requires: travel.flight
        instead:
          text: The booking page says "Purchase failed".
          goto: coach
        goto: away
      - text: Stay at home
        goto:
          - {if: "on_list('debtors')", to: letter}
          - {to: home}
  away:
    ending: A week by the sea
    text: Sand.
  coach:
    ending: A night on the coach
    text: The coach is slow.
  home:
    ending: At home
    text: Quiet.
  letter:
    ending: A letter about the list
    text: The court writes again.
""",
}


@pytest.fixture(scope="module")
def week_dir(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("week")
    for name, text in FILES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def week(week_dir):
    return load_story(week_dir)


def test_the_same_choices_part_where_a_rule_closes_a_door(week) -> None:
    pt = Playthrough("week", "points", 0, (2, 1))  # leave it unpaid, then fly
    own, other = compare(week, pt)
    assert own.own and own.ending == "away" and own.parted is None
    assert other.ruleset.id == "court-list" and other.ending == "coach"
    assert other.parted == 2 and other.stopped is None
    assert other.closed == (Door("tuesday", 1, "travel.flight", ("FLY-BAN",)),)
    assert other.opened == ()
    assert other.sentence == (
        'You tried “Fly to the coast”. The booking page says "Purchase failed". '
        "The court list bars listed debtors from flying. "
        "The week ends “A night on the coach” instead of “A week by the sea”.")
    for word in ("FLY-BAN", "COURT-LIST", "tuesday", "travel.flight", "debtors'"):
        assert word not in other.sentence


def test_lives_that_do_not_part_say_so(week) -> None:
    _, other = compare(week, Playthrough("week", "points", 0, (1, 1)))  # paid, flew
    assert other.same and other.ending == "away"
    assert "lead the same way" in other.sentence and "A week by the sea" in other.sentence


def test_a_branch_taken_because_of_a_list_is_said_in_words(week) -> None:
    _, other = compare(week, Playthrough("week", "points", 0, (2, 2)))  # unpaid, home
    assert other.ending == "letter" and other.parted == 2
    assert other.closed == (Door("tuesday", 1, "travel.flight", ("FLY-BAN",)),)
    assert other.sentence == (
        "After “Stay at home”, these rules sent the week another way. Here you were on "
        "the list of dishonest judgment debtors. The week ends “A letter about the list” "
        "instead of “At home”.")


def test_a_refusal_is_recorded_with_its_text(week) -> None:
    life, stop = Life.replay(week, Playthrough("week", "court-list", 0, (2, 1)))
    assert stop is None and life.ending == "coach"
    (r,) = life.refusals
    assert (r.scene, r.choice, r.capability, r.by) == ("tuesday", 1, "travel.flight",
                                                        ("FLY-BAN",))
    assert r.text == 'The booking page says "Purchase failed".'
    assert life.tried(1) == (r,) and life.tried(0) == ()


def test_simulate_whatif_counts_agree_with_the_story(week) -> None:
    data = simulate(week, "week", "points", runs=60, seed=4, whatif=True)
    own, w = data["endings"], data["whatif"]
    assert w["rulesets"] == ["court-list"] and w["stopped"] == {"court-list": 0}
    cl = w["endings"]["court-list"]
    # Under the court list an unpaid judgment turns the flight into the coach.
    assert "coach" not in own and cl.get("coach", 0) > 0
    assert cl.get("away", 0) + cl["coach"] == own["away"]
    assert cl.get("home", 0) + cl.get("letter", 0) == own["home"] and "letter" not in own
    assert w["differ"] == round((cl["coach"] + cl.get("letter", 0)) / 60 + 1e-9, 2)
    assert sum(cl.values()) == 60


def test_random_lives_also_try_closed_doors(week) -> None:
    # Under the court list alone, the coach is reached only by trying the closed flight.
    data = simulate(week, "week", "court-list", runs=40, seed=0)
    assert data["endings"].get("coach", 0) > 0 and data["score"] is None


def cli(story: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "game", "--story", str(story), *args],
                          capture_output=True, text=True, encoding="utf-8", input=stdin,
                          timeout=120)


def test_simulate_whatif_json_is_documented_and_byte_identical(week_dir) -> None:
    args = ("simulate", "--scenario", "week", "--runs", "30", "--seed", "2", "--whatif", "--json")
    a, b = cli(week_dir, *args), cli(week_dir, *args)
    assert a.returncode == 0, a.stderr
    assert a.stdout == b.stdout
    data = json.loads(a.stdout)
    assert list(data)[-1] == "whatif"
    assert list(data["whatif"]) == ["rulesets", "differ", "endings", "stopped"]
    other = cli(week_dir, *args[:-4], "--seed", "3", "--whatif", "--json")
    assert json.loads(other.stdout)["seed"] == 3


def test_run_json_lists_refusals_and_no_score_under_a_list(week_dir) -> None:
    out = cli(week_dir, "run", "--scenario", "week", "--ruleset", "court-list",
              "--choices", "2,1", "--json")
    data = json.loads(out.stdout)
    assert data["refusals"] == [{"scene": "tuesday", "choice": 1,
                                 "capability": "travel.flight", "by": ["FLY-BAN"]}]
    assert data["ending"] == "coach" and data["score"] is None and data["tier"] is None
    assert data["blocked"] == data["refusals"]


def test_the_terminal_game_says_a_refusal_in_words(week_dir) -> None:
    out = cli(week_dir, "text", "--scenario", "week", "--ruleset", "court-list",
              stdin="2\n1\n")
    assert out.returncode == 0, out.stderr
    text = out.stdout
    assert "1. [closed, you may try] Fly to the coast" in text
    assert 'The booking page says "Purchase failed".' in text
    assert "Why: The court list bars listed debtors from flying" in text
    assert "THE END: A night on the coach" in text
    assert "City points: score 950" in text  # the comparison: the flight under points
    assert "instead of “A night on the coach”" in text
    for word in ("FLY-BAN", "COURT-LIST", "tuesday", "Score", "tier"):
        assert word not in text.split("The same choices under every ruleset")[0]
