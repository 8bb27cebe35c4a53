"""One test per kind of story error or warning: message and line number."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine.check import warnings
from game.engine.load import load_with_problems


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str, last: bool = False) -> int:
    found = [i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if needle in line]
    assert found, needle
    return found[-1] if last else found[0]


def only_error(folder: Path, words: str = "") -> tuple[str, int, str]:
    """The error whose message has `words`; every error must be in that one file."""
    story, problems = load_with_problems(folder)
    errors = [p for p in problems if p.level == "error"]
    assert story is None and errors
    assert len({p.path for p in errors}) == 1 and len(errors) <= 2, [str(p) for p in errors]
    p = next((p for p in errors if words in p.message), errors[0])
    return Path(p.path).name, p.line, p.message


COURIER = "scenarios/courier.yaml"
PILOT = "rulesets/pilot-city.yaml"

CASES = [
    # (file, old text, new text, line marker in the new file, words in the message)
    ("malformed", COURIER, "choices:\n      - text: Run", "choices:\n      - text: [Run",
     "observe: traffic.red_light", "flow sequence that began at line 15"),
    ("unknown key", COURIER, "    choices:\n      - text: Refuse", "    choces:\n      - text: Refuse",
     "choces:", "unknown key 'choces'"),
    ("unknown key hint", COURIER, "        goto: station\n      - text: Pay",
     "        gotoo: station\n      - text: Pay", "gotoo:", "did you mean 'goto'"),
    ("wrong type", PILOT, "delta: -5", "delta: lots", "delta: lots", "whole number"),
    ("bool words", "story.yaml", "default: true}", "default: yes}", "default: yes",
     "true or false"),
    ("missing key", PILOT, "    seen_by: traffic camera\n", "", "id: TRAFFIC-RED-LIGHT",
     "missing required key 'seen_by'"),
    ("bad id", COURIER, "scenario: courier", "scenario: Courier!", "scenario:", "bad scenario id"),
    ("bad rule id", PILOT, "id: TRAFFIC-RED-LIGHT", "id: traffic-red", "id: traffic-red",
     "bad rule id"),
    ("duplicate id", PILOT, "id: COURT-PAID", "id: COURT-DEFAULT", "- id: COURT-DEFAULT",
     "duplicate rule id 'COURT-DEFAULT'"),
    ("duplicate key", COURIER, "role: Delivery rider, 24", "role: a\nrole: b", "role: b",
     "duplicate key 'role'"),
    ("unknown scene", COURIER, "goto: court", "goto: cuort", "goto: cuort",
     "unknown scene 'cuort' (did you mean 'court'?)"),
    ("unknown behaviour", COURIER, "observe: traffic.red_light", "observe: traffic.red_lite",
     "observe: traffic.red_lite", "unknown behaviour 'traffic.red_lite'"),
    ("unknown capability", COURIER, "requires: travel.high_speed_rail",
     "requires: travel.high_speed_rale", "requires: travel.high", "unknown capability"),
    ("unknown list", PILOT, "add_to: debtors", "add_to: debtorz", "add_to: debtorz",
     "unknown list 'debtorz'"),
    ("unknown source", PILOT, "sources: [spc-2015]\n  - id: COURT-PAID",
     "sources: [spc-2051]\n  - id: COURT-PAID", "spc-2051", "unknown source 'spc-2051'"),
    ("unknown ruleset", COURIER, "ruleset: pilot-city", "ruleset: pilot-cty",
     "ruleset: pilot-cty", "unknown ruleset 'pilot-cty' (did you mean 'pilot-city'?)"),
    ("unknown image", COURIER, "    text: You are home.", "    image: home.png\n    text: You are home.",
     "image: home.png", "no image file 'home.png'"),
    ("expression syntax", COURIER, 'if: "money >= 200"', 'if: "money >= "', "if:",
     "expected a value"),
    ("expression name", COURIER, 'if: "money >= 200"', 'if: "mony >= 200"', "if:",
     "unknown name 'mony' (did you mean 'money'?)"),
    ("expression function", PILOT, "when: \"on_list('debtors')\"", "when: \"visited('x')\"",
     "visited", "cannot be used in rulesets"),
    ("expression type", COURIER, 'if: "money >= 200"', "if: \"money >= 'lots'\"", "if:",
     "needs a number"),
    ("text name", COURIER, "You have {money} yuan", "You have {mony} yuan", "{mony}",
     "unknown name '{mony}'"),
    ("missing fidelity", PILOT, "    fidelity: reported\n    sources: [fp-2018]\n  - id: COURT-DEFAULT",
     "    sources: [fp-2018]\n  - id: COURT-DEFAULT", "id: TRAFFIC-RED-LIGHT",
     "missing required key 'fidelity'"),
    ("bad fidelity", PILOT, "fidelity: reported\nsources", "fidelity: verified\nsources",
     "fidelity: verified", "must be one of"),
    ("sources required", PILOT, "    fidelity: reported\n    sources: [fp-2018]\n  - id: COURT-DEFAULT",
     "    fidelity: reported\n  - id: COURT-DEFAULT", "    fidelity: reported\n",
     "needs sources"),
    ("tiers order", PILOT, "{id: c, min: 600", "{id: c, min: 990", "{id: c, min: 990",
     "strictly falling"),
    ("tag", COURIER, "title: The Courier", "title: !!python/object:os.system The Courier",
     "title:", "explicit YAML tags (!!python/object:os.system)"),
    ("anchor", COURIER, "role: Delivery rider, 24", "role: &r Delivery rider", "role:",
     "anchors (&r)"),
    ("alias", COURIER, "blurb: Seven days on a scooter.", "blurb: *r", "blurb:", "aliases (*r)"),
    ("two exits", COURIER, "    text: A letter from the court.",
     "    text: A letter from the court.\n    ending: Too soon", "day2:", "exactly one of"),
    ("undeclared variable", COURIER, "add: {late: 1}", "add: {lateness: 1}", "add: {lateness",
     "unknown variable 'lateness'"),
    ("variable type", COURIER, "set: {paid: true}", "set: {paid: 3}", "set: {paid",
     "holds true or false"),
    ("chance range", COURIER, "chance: 0.5", "chance: 5", "chance: 5", "from 0 to 1"),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_each_error_kind_names_file_line_and_cause(mini_dir: Path, case: tuple) -> None:
    _, rel, old, new, marker, words = case
    path = mini_dir / rel
    edit(path, old, new)
    name, line, message = only_error(mini_dir, words)
    assert name == Path(rel).name
    assert words in message
    last = case[0].startswith("duplicate")
    assert line == line_of(path, marker.splitlines()[0] or marker, last), message


def test_invalid_utf8_reports_its_line(mini_dir: Path) -> None:
    path = mini_dir / COURIER
    raw = path.read_bytes().replace(b"Seven days", b"Seven \xff days")
    path.write_bytes(raw)
    name, line, message = only_error(mini_dir)
    assert (name, line) == ("courier.yaml", 4) and "UTF-8" in message


def test_file_over_one_mebibyte_is_refused(mini_dir: Path) -> None:
    path = mini_dir / COURIER
    path.write_text(path.read_text() + "#" * (1024 * 1024), encoding="utf-8")
    name, line, message = only_error(mini_dir)
    assert name == "courier.yaml" and line == 1 and "1 MiB" in message


def test_every_problem_of_the_folder_is_reported_at_once(mini_dir: Path) -> None:
    edit(mini_dir / COURIER, "goto: court", "goto: nowhere")
    edit(mini_dir / PILOT, "delta: -5", "delta: lots")
    _, problems = load_with_problems(mini_dir)
    assert {Path(p.path).name for p in problems if p.level == "error"} == {
        "courier.yaml", "pilot-city.yaml"}


def test_problem_lines_read_path_line_error(mini_dir: Path) -> None:
    edit(mini_dir / COURIER, "goto: court", "goto: nowhere")
    _, problems = load_with_problems(mini_dir)
    text = str(problems[0])
    assert text.startswith(str(mini_dir / COURIER) + ":")
    assert ": error: unknown scene 'nowhere'" in text


def warn(folder: Path) -> list[str]:
    story, problems = load_with_problems(folder)
    assert story is not None, [str(p) for p in problems]
    return [p.message for p in warnings(story)]


def test_warning_unreachable_scene(mini_dir: Path) -> None:
    edit(mini_dir / COURIER, "  banned:\n", "  lost:\n    text: Nobody comes here.\n"
         "    goto: banned\n  banned:\n")
    assert any("scene 'lost' is never reached" in w for w in warn(mini_dir))


def test_warning_no_ending_reachable(mini_dir: Path) -> None:
    edit(mini_dir / COURIER, "      - text: Take the slow bus\n        goto: banned",
         "      - text: Take the slow bus\n        goto: loop\n")
    edit(mini_dir / COURIER, "  free:\n", "  loop:\n    text: Round and round.\n"
         "    goto: loop\n  free:\n")
    assert any("no ending can be reached from scene 'loop'" in w for w in warn(mini_dir))


def test_warning_behaviour_never_observed_and_rule_never_fires(mini_dir: Path) -> None:
    edit(mini_dir / COURIER, "observe: traffic.red_light", "add: {late: 2}")
    found = warn(mini_dir)
    assert any("'traffic.red_light' is never observed" in w for w in found)
    assert any("rule TRAFFIC-RED-LIGHT can never fire" in w for w in found)


def test_warning_consequence_can_never_be_active(mini_dir: Path) -> None:
    edit(mini_dir / PILOT, 'when: "score >= 1050"', 'when: "score >= 5000"')
    assert any("BIKE-PERK can never become active" in w for w in warn(mini_dir))


def test_the_mini_story_has_no_problems(mini_dir: Path) -> None:
    assert warn(mini_dir) == []
