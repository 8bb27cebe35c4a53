"""Limits of the expression language: load errors, never a crash in play or a slow check."""

from __future__ import annotations

import pytest

from game.engine import check
from game.engine import expr as E
from game.rules.condition import Env

SCOPE = E.Scope({"money": E.INT, "score": E.INT, "tier": E.STR, "scored": E.BOOL},
                frozenset(E.FUNCTIONS), lambda _f, _a: None, "in scenarios")


@pytest.mark.parametrize("source,words", [
    ("(" * 123 + "true" + ")" * 123, "nested more than"),
    ("not " * 40 + "true", "nested more than"),
    ("not" + " not" * 600 + " true", "characters long"),
    ("-" * 40 + "money > 0", "nested more than"),
    ("+".join(["money"] * 300) + ">0", "more than 500 words"),
    ("money > " + "9" * 1500, "1,500 digits"),
    ("money > 0 and " * 200 + "true", "characters long"),
])
def test_pathological_expressions_are_errors_with_a_column(source, words) -> None:
    with pytest.raises(E.ExprError) as info:
        E.parse(source, SCOPE)
    assert words in info.value.message and info.value.column >= 0


def test_the_largest_allowed_sum_evaluates_without_exhausting_the_stack() -> None:
    source = " + ".join(["money"] * 240) + " > 0"
    parsed = E.parse(source, SCOPE)
    assert parsed.fn(Env({"money": 1})) is True


def test_a_condition_no_situation_satisfies_is_checked_in_bounded_tries(mini, monkeypatch) -> None:
    monkeypatch.setattr(check, "MAX_SITUATIONS", 50)
    ruleset = next(iter(mini.rulesets.values()))
    numbers = ", ".join(str(n) for n in range(200))
    behaviour = next(iter(mini.behaviours))
    scope = E.Scope({"score": E.INT, "tier": E.STR, "scored": E.BOOL},
                    frozenset({"count", "on_list"}), lambda _f, _a: None, "in rulesets")
    parsed = E.parse(f"count('{behaviour}') in ({numbers}) and count('{behaviour}') > 100000",
                     scope)
    calls = 0
    real = parsed.fn

    def counted(env):  # noqa: ANN001, ANN202
        nonlocal calls
        calls += 1
        return real(env)

    object.__setattr__(parsed, "fn", counted)
    assert check._can_hold(parsed, ruleset, set(), {behaviour}, None) is True  # no false alarm
    assert calls == check.MAX_SITUATIONS


def test_a_chain_longer_than_play_allows_is_a_warning_and_play_says_why(mini_dir) -> None:
    from game.engine.host import Life, LoopLimit
    from game.engine.load import load_story

    path = mini_dir / "scenarios" / "courier.yaml"
    text = path.read_text(encoding="utf-8")
    chain = "".join(f"  c{i}:\n    text: Step {i}.\n    goto: c{i + 1}\n" for i in range(10_050))
    chain += "  c10050:\n    ending: Far\n    text: Done.\n"
    path.write_text(text.replace("scenes:\n", "scenes:\n" + chain, 1)
                    .replace("start: day1", "start: c0"), encoding="utf-8")
    story = load_story(mini_dir)
    found = [str(w) for w in check.warnings(story) if "scene 'c0'" in str(w)]
    assert found and "run of more than 10,000 scenes" in found[0]
    life = Life.begin(story, "courier")
    with pytest.raises(LoopLimit) as info:
        while not life.ended:
            life.go_on()
    assert "loops" not in str(info.value) and "at most 10000 scenes" in str(info.value)
