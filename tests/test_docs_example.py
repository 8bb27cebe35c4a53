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
