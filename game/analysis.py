"""Playthroughs as data: replay one (under its own or another ruleset), compare
rulesets ("what if"), and simulate many random ones for balance and coverage.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from game.engine.model import Story
from game.engine.play import (
    Choose,
    Context,
    Continue,
    LoopLimit,
    PlayError,
    State,
    choice_status,
    env,
    open_positions,
    start,
    step,
    values,
)


@dataclass(frozen=True, slots=True)
class Playthrough:
    """A life as data: scenario, ruleset, seed and the positions chosen, in order."""

    scenario: str
    ruleset: str
    seed: int = 0
    choices: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Door:
    """A choice shown disabled on the path: one closed capability and what closed it."""

    scene: str
    choice: int
    capability: str
    by: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        return {"scene": self.scene, "choice": self.choice, "capability": self.capability,
                "by": list(self.by)}


@dataclass(frozen=True, slots=True)
class Outcome:
    """Where a playthrough ends up under one ruleset."""

    playthrough: Playthrough
    state: State
    ending: str | None
    ending_title: str | None
    blocked: tuple[Door, ...] = ()
    blocked_at: str | None = None  # why the given choices could not all be taken
    taken: int = 0  # how many of the given choices were taken
    stopped: str | None = None  # the next choice was "hidden", "blocked" or "missing" here


def _auto_continue(ctx: Context, state: State) -> State:
    while not state.ended and ctx.scene(state).goto is not None:
        state, _ = step(ctx, state, Continue())
    return state


def doors(ctx: Context, state: State) -> list[Door]:
    """The blocked doors of the scene the player stands in now."""
    out: list[Door] = []
    e = env(ctx, state)
    for choice in ctx.scene(state).choices:
        status, closed = choice_status(ctx, state, choice, e)
        if status == "blocked":
            out.extend(Door(state.scene, choice.position, cap, tuple(c.id for c in by))
                       for cap, by in closed)
    return out


def replay(story: Story, pt: Playthrough, ruleset: str | None = None,
           strict: bool = False) -> Outcome:
    """Play the given choices under `ruleset` (default: the playthrough's own).

    Scenes without choices are continued automatically. With `strict`, a choice
    that is not open raises PlayError (as `run` needs); otherwise the replay stops
    there and `blocked_at` says why (as "what if" needs). LoopLimit always raises.
    """
    real = Playthrough(pt.scenario, ruleset or pt.ruleset, pt.seed, pt.choices)
    ctx = Context.of(story, real.scenario, real.ruleset)
    state, _ = start(ctx, real.seed)
    state = _auto_continue(ctx, state)
    found: list[Door] = []
    blocked_at = stopped = None
    taken = 0
    for position in real.choices:
        if state.ended:
            raise PlayError(f"the playthrough reached the ending '{state.scene}' before "
                            f"choice {position}: too many choices given")
        found.extend(doors(ctx, state))
        try:
            state, _ = step(ctx, state, Choose(position))
        except LoopLimit:
            raise
        except PlayError as exc:
            if strict:
                raise
            blocked_at, stopped = str(exc), _why_not(ctx, state, position)
            break
        taken += 1
        state = _auto_continue(ctx, state)
    if state.ended is False and blocked_at is None:
        found.extend(doors(ctx, state))
    scene = ctx.scene(state)
    title = None
    if state.ended and scene.ending is not None:
        title = scene.ending.fill(values(ctx, state))
    return Outcome(real, state, state.scene if state.ended else None, title,
                   tuple(found), blocked_at, taken, stopped)


def _why_not(ctx: Context, state: State, position: int) -> str:
    choices = ctx.scene(state).choices
    if not 1 <= position <= len(choices):
        return "missing"
    return choice_status(ctx, state, choices[position - 1])[0]


def what_if(story: Story, pt: Playthrough) -> list[Outcome]:
    """The same choices under every ruleset of the story, the playthrough's own first."""
    order = [pt.ruleset] + [r for r in story.rulesets if r != pt.ruleset]
    return [replay(story, pt, r) for r in order]


@dataclass
class Tally:
    """What `simulate` counts over many random playthroughs."""

    endings: Counter[str | None] = field(default_factory=Counter)
    scores: list[int] = field(default_factory=list)
    rules: Counter[str] = field(default_factory=Counter)
    consequences: Counter[str] = field(default_factory=Counter)
    visited: set[str] = field(default_factory=set)
    choices_taken: int = 0


def random_playthrough(ctx: Context, seed: int, chooser: random.Random,
                       tally: Tally) -> State:
    """One playthrough choosing uniformly among the open choices, counted into `tally`."""
    state, _ = start(ctx, seed)
    ever_active = set(state.standing.active)
    ending: str | None = None
    try:
        while not state.ended:
            scene = ctx.scene(state)
            if scene.goto is not None:
                state, _ = step(ctx, state, Continue())
            else:
                options = open_positions(ctx, state)
                if not options:
                    break
                state, _ = step(ctx, state, Choose(chooser.choice(options)))
                tally.choices_taken += 1
            ever_active.update(state.standing.active)
        if state.ended:
            ending = state.scene
    except LoopLimit:
        pass
    tally.endings[ending] += 1
    tally.scores.append(state.standing.score)
    tally.rules.update(e.rule for e in state.ledger if e.rule is not None)
    tally.consequences.update(ever_active)
    tally.visited.update(state.path)
    return state


def simulate(story: Story, scenario: str, ruleset: str | None = None, runs: int = 1000,
             seed: int = 0) -> dict[str, Any]:
    """N random playthroughs: playthrough i has seed `seed + i`; one chooser seeded `seed`."""
    ctx = Context.of(story, scenario, ruleset)
    chooser = random.Random(seed)
    tally = Tally()
    for i in range(runs):
        random_playthrough(ctx, seed + i, chooser, tally)
    return summary(ctx, runs, seed, tally)


def summary(ctx: Context, runs: int, seed: int, tally: Tally) -> dict[str, Any]:
    scores = sorted(tally.scores)
    score = ({"min": scores[0], "median": scores[(len(scores) - 1) // 2], "max": scores[-1]}
             if scores else {"min": None, "median": None, "max": None})
    endings = {("null" if k is None else k): v for k, v in tally.endings.items()}
    return {
        "scenario": ctx.scenario.id, "ruleset": ctx.ruleset.id, "runs": runs, "seed": seed,
        "endings": dict(sorted(endings.items())),
        "score": score,
        "rules": {r.id: tally.rules[r.id] for r in ctx.ruleset.rules if tally.rules[r.id]},
        "consequences": {c.id: tally.consequences[c.id] for c in ctx.ruleset.consequences
                         if tally.consequences[c.id]},
        "unvisited": [s for s in ctx.scenario.scenes if s not in tally.visited],
    }
