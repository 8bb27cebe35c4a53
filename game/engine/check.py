"""Warnings about a story that loads: unreachable scenes, dead ends, behaviours
no scenario observes, rules and consequences that can never fire.

Paths follow every branch of a branching `goto` and the `goto` of an
`instead` (a closed door that is tried leads there), ignoring conditions.

The "can never fire" check samples the situations a ruleset can reach (scores
at the bounds, the start, tier edges and every number the expression names;
every combination of the lists its rules can fill; small counts of observed
behaviours) and warns when the condition is false in all of them.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from game.engine.expr import Env, Expr
from game.engine.model import SCENE_CAP, Scenario, Story
from game.engine.problems import Problem
from game.rules.model import Ruleset, Where


def warnings(story: Story) -> list[Problem]:
    out: list[Problem] = []
    observed = observed_behaviours(story)
    for scenario in story.scenarios.values():
        out += scene_warnings(scenario)
    for bid, where in story.behaviour_where.items():
        if bid not in observed:
            out.append(_warn(where, f"behaviour '{bid}' is never observed by any scenario"))
    out += _layered_rule_warnings(story, observed)
    return out


def _layered_rule_warnings(story: Story, observed: set[str]) -> list[Problem]:
    """Rule warnings for every ruleset, combined with its layers.

    A layer's rule or consequence sits in its own ruleset and in every ruleset
    that includes it: it is warned about only when it can fire in none of them
    (a list it needs may be filled by an including ruleset).
    """
    found: dict[tuple[str, str], list[Problem]] = {}
    seen: dict[tuple[str, str], int] = {}
    for ruleset in story.rulesets.values():
        items = {(x.layer, x.id) for x in ruleset.rules} | {
            (c.layer, c.id) for c in ruleset.consequences}
        for key in items:
            seen[key] = seen.get(key, 0) + 1
        for problem, key in _rule_warnings(ruleset, observed):
            found.setdefault(key, []).append(problem)
    return [problems[0] for key, problems in found.items() if len(problems) == seen[key]]


def _warn(where: Where | None, message: str) -> Problem:
    return Problem(where.path if where else "?", where.line if where else 1, message, "warning")


def observed_behaviours(story: Story) -> set[str]:
    seen: set[str] = set()
    for scenario in story.scenarios.values():
        for scene in scenario.scenes.values():
            seen.update(o.behaviour for o in scene.observe)
            for choice in scene.choices:
                seen.update(o.behaviour for o in choice.observe)
                if choice.instead is not None:
                    seen.update(o.behaviour for o in choice.instead.observe)
    return seen


def successors(scenario: Scenario) -> dict[str, tuple[str, ...]]:
    """Each scene's successors, ignoring conditions: worked out once for both walks."""
    return {sid: scene.successors() for sid, scene in scenario.scenes.items()}


def reachable(scenario: Scenario, graph: dict[str, tuple[str, ...]] | None = None) -> set[str]:
    """Scenes some path from the start reaches, ignoring conditions."""
    graph = successors(scenario) if graph is None else graph
    seen = {scenario.start}
    todo = [scenario.start]
    while todo:
        for nxt in graph[todo.pop()]:
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def reaches_ending(scenario: Scenario,
                   graph: dict[str, tuple[str, ...]] | None = None) -> set[str]:
    """Scenes from which some ending can be reached, ignoring conditions."""
    graph = successors(scenario) if graph is None else graph
    back: dict[str, list[str]] = {sid: [] for sid in graph}
    for sid, nexts in graph.items():
        for nxt in nexts:
            back[nxt].append(sid)
    good = {sid for sid, s in scenario.scenes.items() if s.ending is not None}
    todo = list(good)
    while todo:
        for prev in back[todo.pop()]:
            if prev not in good:
                good.add(prev)
                todo.append(prev)
    return good


def scene_warnings(scenario: Scenario) -> list[Problem]:
    out = []
    graph = successors(scenario)
    reach, ends = reachable(scenario, graph), reaches_ending(scenario, graph)
    for sid, scene in scenario.scenes.items():
        if sid not in reach:
            out.append(_warn(scene.where, f"scene '{sid}' is never reached: no path from "
                             f"'{scenario.start}' leads to it"))
        elif sid not in ends:
            out.append(_warn(scene.where, f"no ending can be reached from scene '{sid}'"))
    out.extend(_long_chains(scenario))
    return out


def _long_chains(scenario: Scenario) -> list[Problem]:
    """Runs of scenes without choices longer than play allows (SCENE_CAP scenes)."""
    scenes = scenario.scenes
    length: dict[str, int] = {}  # scenes entered from here by Continue alone, capped
    for first in scenes:
        run: list[str] = []
        sid: str | None = first
        while sid is not None and sid not in length and len(run) <= SCENE_CAP:
            scene = scenes[sid]
            run.append(sid)
            sid = scene.goto if type(scene.goto) is str and not scene.choices else None
            if sid in run:  # a loop: the scene-cap message says so at play time
                sid = None
        tail = length.get(sid, 0) if sid is not None else 0
        for i, s in enumerate(reversed(run)):
            length[s] = min(tail + i + 1, SCENE_CAP + 1)
    continued = {o.goto for o in scenes.values() if type(o.goto) is str and not o.choices}
    starts = [s for s, n in length.items() if n > SCENE_CAP and s not in continued]
    return [_warn(scenes[s].where, f"scene '{s}' starts a run of more than {SCENE_CAP:,} "
                  "scenes without choices: play stops after that many scenes")
            for s in starts]


def rule_warnings(ruleset: Ruleset, observed: set[str]) -> list[Problem]:
    """The rules and consequences of one (combined) ruleset that can never fire."""
    return [problem for problem, _key in _rule_warnings(ruleset, observed)]


def _rule_warnings(ruleset: Ruleset, observed: set[str]) -> list[tuple[Problem, tuple[str, str]]]:
    out = []
    fillable = {r.add_to for r in ruleset.rules if r.add_to and r.on in observed}
    for rule in ruleset.rules:
        key = (rule.layer, rule.id)
        if rule.on not in observed:
            out.append((_warn(rule.where, f"rule {rule.id} can never fire: no scenario "
                              f"observes '{rule.on}'"), key))
        elif rule.cond is not None and not _can_hold(rule.cond, ruleset, fillable, observed,
                                                      rule.on):
            out.append((_warn(rule.where, f"rule {rule.id} can never fire: its condition "
                              f"`{rule.cond.source}` is false whatever happens"), key))
    for cons in ruleset.consequences:
        if not _can_hold(cons.when, ruleset, fillable, observed, None):
            out.append((_warn(cons.where, f"consequence {cons.id} can never become active: "
                              f"`{cons.when.source}` is false whatever happens"),
                        (cons.layer, cons.id)))
    return out


_NUMBER = re.compile(r"\d+")


# How many situations a condition is tried in before it is given the benefit of the
# doubt: a long `in (...)` list with several counts once made validation take 12 s.
MAX_SITUATIONS = 20_000


def _can_hold(expr: Expr, ruleset: Ruleset, fillable: set[str], observed: set[str],
              own: str | None) -> bool:
    """Whether some situation makes `expr` true; True too when none was found within
    MAX_SITUATIONS tries (a warning must never be a false alarm)."""
    if expr.constant is not None:
        return bool(expr.constant)
    tried = 0
    for env in _situations(expr, ruleset, fillable, observed, own):
        if expr.fn(env):
            return True
        tried += 1
        if tried >= MAX_SITUATIONS:
            return True
    return False


def _situations(expr: Expr, ruleset: Ruleset, fillable: set[str], observed: set[str],
                own: str | None) -> Iterator[Env]:
    numbers = {int(n) for n in _NUMBER.findall(expr.source)}
    rng = ruleset.score
    scores = {rng.min, rng.start} | {t.min for t in ruleset.tiers}
    scores |= {n + d for n in numbers for d in (-1, 0, 1)} | {-n for n in numbers}
    if rng.max is not None:
        scores.add(rng.max)
    else:
        scores.add(max(scores) + 1)
    scores = {rng.clamp(s) for s in scores}
    counted = [b for f, b in expr.calls if f == "count"]
    count_values = sorted({0, 1, 2, 3} | {n + d for n in numbers for d in (0, 1)})
    lists = sorted({arg for f, arg in expr.calls if f == "on_list"} & fillable)
    for score in sorted(scores):
        tier = ruleset.tier_of(score).id
        for chosen in _subsets(lists):
            for counts in _counts(counted, count_values, observed, own):
                yield Env({}, frozenset(chosen), counts, score=score, tier=tier,
                          scored=ruleset.scored)


def _subsets(items: list[str]) -> Iterator[tuple[str, ...]]:
    for n in range(min(len(items), 6) + 1):
        yield from itertools.combinations(items, n)


def _counts(counted: list[str], values: list[int], observed: set[str],
            own: str | None) -> Iterator[dict[str, int]]:
    names = sorted(set(counted))[:3]  # a few counts are enough; keeps the sample small
    choices = [([0] if b not in observed else [v for v in values if v >= (1 if b == own else 0)])
               for b in names]
    for combo in itertools.product(*choices):
        yield dict(zip(names, combo, strict=True))
