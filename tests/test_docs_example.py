"""The worked example in docs/story-format.md loads and plays as the guide says."""

from __future__ import annotations

import re
from pathlib import Path

from game.analysis import Playthrough, replay
from game.engine.check import warnings
from game.engine.load import load_with_problems
from game.engine.view import BLOCKED, HIDDEN

DOC = Path(__file__).parent.parent / "docs" / "story-format.md"


def write_example(folder: Path) -> Path:
    text = DOC.read_text(encoding="utf-8")
    section = text.split("## A worked example", 1)[1].split("\n## ", 1)[0]
    files = re.findall(r"`([\w/.-]+\.yaml)`[^`]*?```yaml\n(.*?)```", section, re.S)
    assert [name for name, _ in files] == ["story.yaml", "sources.yaml",
                                           "rulesets/points.yaml", "scenarios/evening.yaml"]
    for name, body in files:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(body, encoding="utf-8")
    return folder


def test_the_worked_example_plays_as_described(tmp_path: Path) -> None:
    story, problems = load_with_problems(write_example(tmp_path))
    assert story is not None and problems == [], [str(p) for p in problems]
    assert warnings(story) == []
    out = replay(story, Playthrough("evening", "points", 0, (1, 1, 2)), strict=True)
    assert [(e.rule, e.before, e.after) for e in out.state.ledger] == [
        ("RED-LIGHT", 1000, 995), ("DEBT", 995, 945)]
    assert out.state.standing.lists == frozenset({"debtors"})
    assert out.ending == "late" and out.blocked[0].by == ("RAIL-BAN",)

    from game.engine.play import Choose, Context, start, step
    from game.engine.view import present

    ctx = Context.of(story, "evening")
    state, _ = start(ctx, 0)
    state, _ = step(ctx, state, Choose(1))
    assert present(ctx, state).choices[1].status == HIDDEN  # "Pay it" with 100 yuan
    state, _ = step(ctx, state, Choose(1))
    train = present(ctx, state).choices[0]
    assert train.status == BLOCKED and train.notices == ("Ticket purchase failed.",)


def write_v2_example(folder: Path) -> Path:
    text = DOC.read_text(encoding="utf-8")
    section = text.split("## Worked example, version 2", 1)[1].split("\n## ", 1)[0]
    files = re.findall(r"`([\w/.-]+\.yaml)`[^`]*?```yaml\n(.*?)```", section, re.S)
    assert [name for name, _ in files] == ["story.yaml", "sources.yaml", "rulesets/court.yaml",
                                           "rulesets/points.yaml", "scenarios/trip.yaml"]
    for name, body in files:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(body, encoding="utf-8")
    return folder


def test_the_version_2_example_plays_as_described(tmp_path: Path) -> None:
    from game.engine.events import Refused
    from game.engine.play import Choose, Context, Continue, start, step, takeable
    from game.engine.view import present
    from game.rules.explain import rules_json

    story, problems = load_with_problems(write_v2_example(tmp_path))
    assert story is not None and problems == [], [str(p) for p in problems]
    assert warnings(story) == []

    def play(ruleset: str, *positions: int):
        ctx = Context.of(story, "trip", ruleset)
        state, events = start(ctx, 0)
        seen = []
        for p in positions:
            state, events = step(ctx, state, Choose(p))
            seen.append(present(ctx, state))
            while not state.ended and ctx.scene(state).goto is not None:
                state, _ = step(ctx, state, Continue())
        return ctx, state, seen

    # under the court: listed, the ticket door tried and refused, home listed
    ctx, state, seen = play("court", 2)
    view = present(ctx, state)
    assert view.paragraphs[-1].startswith("Your name is on the court's list")
    assert view.choices[0].can_try and takeable(ctx, state) == [1, 2]
    ctx, state, seen = play("court", 2, 1)
    assert seen[-1].refusal == Refused("station", 1, "travel.high_speed_rail", ("RAIL-BAN",),
                                       'The machine says "Ticket purchase failed." It does '
                                       "not say why.")
    assert state.scene == "listed" and [e.rule for e in state.ledger] == ["LISTED", None]
    assert present(ctx, state).paragraphs[-1] == "No one gave you a score. A list was enough."
    assert not present(ctx, state).standing.scored

    # under the points: the court layer fires first, then the city's points
    ctx, state, _ = play("points", 2, 1)
    assert [(e.rule, e.before, e.after) for e in state.ledger] == [
        ("LISTED", 1000, 1000), ("POINTS-DEBT", 1000, 950), ("POINTS-TRIED", 950, 940)]
    assert state.scene == "listed" and len(state.refusals) == 1
    assert present(ctx, state).paragraphs[-1] == (
        "Your score is 940 now: the list and the points together.")
    assert [r["layer"] for r in rules_json(story, ["points"])["rulesets"][0]["rules"]] == [
        "court", "court", "points", "points"]

    # paying keeps the door open; walking after paying ends late
    assert play("court", 1, 1)[1].scene == "home" and play("points", 1, 2)[1].scene == "late"
