"""Story format 2 load errors and warnings: each with its PATH:LINE and a message."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.engine.load import load_with_problems
from tests.engine.test_load_errors import edit, line_of

V2 = Path(__file__).parent.parent / "fixtures" / "v2"
TRIP = "scenarios/trip.yaml"
CITY = "rulesets/city.yaml"
COURT = "rulesets/court.yaml"


@pytest.fixture
def v2_dir(tmp_path: Path) -> Path:
    target = tmp_path / "v2"
    shutil.copytree(V2, target)
    return target


CASES = [
    # (file, old text, new text, line marker in the new file, words in the message)
    ("score without tiers", COURT, "lists:\n", "score: {start: 0}\nlists:\n", "score:",
     "has `score` but no `tiers`"),
    ("delta in a scoreless ruleset", COURT, "    add_to: debtors\n",
     "    add_to: debtors\n    delta: -10\n", "delta: -10", "keeps no score"),
    ("unknown include", CITY, "includes: [court]", "includes: [cuort]", "includes:",
     "unknown ruleset 'cuort'"),
    ("include that keeps a score", COURT, "lists:\n",
     "score: {start: 0}\ntiers: [{id: x, min: 0, label: X}]\nlists:\n", "includes:",
     "keeps a score"),
    ("include that includes", COURT, "lists:\n", "includes: [city]\nlists:\n", "includes:",
     "includes other rulesets itself"),
    ("duplicate list across layers", CITY, "  watched: {name: Watch list}",
     "  debtors: {name: Another list}", "includes:", "duplicate list id 'debtors' across layers"),
    ("duplicate rule across layers", CITY, "  - id: CITY-RED", "  - id: UNLIST", "includes:",
     "duplicate rule id 'UNLIST' across layers"),
    ("instead without requires", TRIP, "      - text: Walk\n",
     "      - text: Walk\n        instead: {text: No., goto: bus}\n", "instead: {text: No.",
     "needs `requires`"),
    ("empty goto list", TRIP, "    goto:\n      - {if: \"on_list('debtors')\", to: listed}\n"
     "      - {to: home}", "    goto: []", "goto: []", "empty list"),
    ("goto entry without if before the last", TRIP, "- {if: \"visited('bus')\", to: home}",
     "- {to: home}", "- {to: home}", "only the last goto entry"),
    ("last goto entry with if", TRIP, "      - {to: home}", "      - {if: \"true\", to: home}",
     '{if: "true", to: home}', "must have no `if`"),
    ("unknown scene in a goto entry", TRIP, "- {to: bus}", "- {to: bsu}", "{to: bsu}",
     "unknown scene 'bsu'"),
    ("bad condition in a goto entry", TRIP, "if: \"money < 10\"", "if: \"mony < 10\"",
     "mony < 10", "unknown name 'mony'"),
    ("paragraph without if", TRIP, "{if: \"on_list('debtors')\", text: Your name",
     "{text: Your name", "{text: Your name", "needs `if: condition`"),
    ("unknown name in a paragraph", TRIP, "with {money} yuan", "with {mony} yuan",
     "with {mony} yuan", "unknown name '{mony}'"),
    ("unknown key in instead", TRIP, "          add: {money: -5}",
     "          ad: {money: -5}", "ad: {money", "unknown key 'ad'"),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_each_v2_error_has_its_line_and_message(v2_dir: Path, case) -> None:
    _, rel, old, new, marker, words = case
    path = v2_dir / rel
    edit(path, old, new)
    story, problems = load_with_problems(v2_dir)
    errors = [p for p in problems if p.level == "error"]
    assert story is None, "the edit should make the story fail to load"
    hit = [p for p in errors if words in p.message]
    assert hit, [str(p) for p in errors]
    where = path if marker != "includes:" else v2_dir / CITY
    assert (Path(hit[0].path).name, hit[0].line) == (where.name, line_of(where, marker)), str(
        hit[0])
    assert str(hit[0]).startswith(f"{hit[0].path}:{hit[0].line}: error: ")


def test_a_duplicate_across_layers_names_both_files(v2_dir: Path) -> None:
    edit(v2_dir / CITY, "  - id: CITY-RED", "  - id: UNLIST")
    _, problems = load_with_problems(v2_dir)
    message = next(p.message for p in problems if "across layers" in p.message)
    assert "court.yaml:" in message and "city.yaml:" in message


def test_a_version_1_variable_named_scored_wins_with_a_warning(mini_dir: Path) -> None:
    courier = mini_dir / "scenarios/courier.yaml"
    edit(courier, "vars: {money: 300, late: 0, paid: false}",
         "vars: {money: 300, late: 0, paid: false, scored: 7}")
    edit(courier, 'if: "money >= 200"', 'if: "scored == 7"')
    story, problems = load_with_problems(mini_dir)
    assert story is not None, [str(p) for p in problems]
    warned = [p for p in problems if p.level == "warning" and "'scored'" in p.message]
    assert warned and warned[0].line == line_of(courier, "vars:")
    from game.engine.play import Choose, Context, start, step
    from game.engine.view import HIDDEN, OPEN

    ctx = Context.of(story, "courier")
    state, _ = start(ctx, 0)
    state, _ = step(ctx, state, Choose(1))
    from game.engine.play import Continue, choice_status

    state, _ = step(ctx, state, Continue())
    pay = ctx.scene(state).choices[1]
    assert choice_status(ctx, state, pay)[0] == OPEN != HIDDEN  # the variable, 7, not a bool


def test_scenes_reached_only_through_instead_or_a_branch_count_as_reached(v2_dir: Path) -> None:
    from game.engine.check import warnings
    from game.engine.load import load_story

    assert warnings(load_story(v2_dir)) == []  # "broke": only an instead's branch leads there
    trip = v2_dir / TRIP
    edit(trip, "            - {if: \"money < 10\", to: broke}\n", "")
    found = [str(p) for p in warnings(load_story(v2_dir))]
    assert found == [f"{trip}:{line_of(trip, '  broke:')}: warning: scene 'broke' is never "
                     "reached: no path from 'letter' leads to it"], found


ODD = [
    ("        goto: airport\n      - text: Pay it", "        goto: [1, {to: 2}, null]\n      - text: Pay it"),
    ("        goto: airport\n      - text: Pay it", "        goto: {to: bus}\n      - text: Pay it"),
    ("    text: The night bus is slow.\n",
     "    text: [1, true, [a], {if: 3, text: 4}, {if: 'x ==', text: y, z: 1}]\n"),
    ("    text: The night bus is slow.\n", "    text: null\n"),
    ("    text: The night bus is slow.\n", "    text: {if: 'true', text: x}\n"),
    ("        instead:\n", "        instead: 5\n        x_:\n"),
    ("      - {to: home}\n", "      - {if: 'true', to: [home]}\n"),
    ("          goto:\n            - {if:", "          goto: []\n          x_:\n            - {if:"),
]


@pytest.mark.parametrize("old, new", ODD, ids=[f"odd{i}" for i in range(len(ODD))])
def test_odd_v2_shapes_are_errors_with_lines_never_a_crash(v2_dir: Path, old: str,
                                                           new: str) -> None:
    edit(v2_dir / TRIP, old, new)
    story, problems = load_with_problems(v2_dir)
    assert story is None
    errors = [p for p in problems if p.level == "error"]
    assert errors and all(p.path.endswith("trip.yaml") and p.line > 1 for p in errors), [
        str(p) for p in errors]
