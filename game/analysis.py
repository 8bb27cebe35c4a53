"""Playthroughs as data, on top of the host (`game.engine.host.Life`): replay one,
simulate many random ones for balance and coverage, and compare rulesets by the
same choices ("what if", in `game.whatif`).
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from game.engine.host import Door, Life, LoopLimit, PlayError, Playthrough, Stop
from game.engine.model import Story
from game.engine.play import Context, State

__all__ = ["Door", "Outcome", "Playthrough", "Tally", "random_playthrough", "replay",
           "simulate", "what_if"]

CANNOT = ("hidden", "blocked", "missing", "no-choice")  # a Stop.why that is a real stop


@dataclass(frozen=True, slots=True)
class Outcome:
    """Where a playthrough ends up under one ruleset: the replayed life and its stop."""

    life: Life
    stop: Stop | None = None
    given: tuple[int, ...] = ()  # the positions the replay was given

    @property
    def playthrough(self) -> Playthrough:
        """The playthrough replayed: the given positions, under this ruleset."""
        s = self.life.state
        return Playthrough(s.scenario, s.ruleset, s.seed, self.given)

    @property
    def state(self) -> State:
        return self.life.state

    @property
    def ending(self) -> str | None:
        return self.life.ending

    @property
    def ending_title(self) -> str | None:
        return self.life.ending_title

    @property
    def blocked(self) -> tuple[Door, ...]:
        """Every closed door shown on the path."""
        return self.life.doors

    @property
    def stopped(self) -> str | None:
        """Why the next position could not be taken: "hidden", "blocked" or "missing"."""
        return self.stop.why if self.stop is not None and self.stop.why in CANNOT else None

    @property
    def blocked_at(self) -> str | None:
        """The engine's sentence for a stop (command line only, never for a player)."""
        return self.stop.message if self.stopped else None

    @property
    def taken(self) -> int:
        return self.stop.taken if self.stop is not None else len(self.given)


def replay(story: Story, pt: Playthrough, ruleset: str | None = None,
           strict: bool = False) -> Outcome:
    """Play the given positions under `ruleset` (default: the playthrough's own).

    With `strict`, a position that cannot be taken raises PlayError (as `run`
    needs); otherwise the replay stops there and the Outcome says why. Positions
    left over after an ending raise PlayError; the scene cap raises LoopLimit.
    """
    life, stop = Life.replay(story, pt, ruleset)
    if stop is not None:
        if stop.why == "loop":
            raise LoopLimit(stop.message)
        if strict or stop.why == "ended":
            raise PlayError(stop.message)
    return Outcome(life, stop, pt.choices)


def what_if(story: Story, pt: Playthrough, own: Life | None = None) -> list[Any]:
    """The same choices under every ruleset, the playthrough's own first (Comparisons)."""
    from game.whatif import compare

    return compare(story, pt, own)


# -- simulate -----------------------------------------------------------------------

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
    """One playthrough choosing uniformly among the takeable choices, counted into `tally`."""
    life = Life.begin(ctx.story, ctx.scenario.id, ctx.ruleset.id, seed, history=False)
    return _count(life, life.wander(chooser)[0], tally)


def _count(life: Life, ever_active: set[str], tally: Tally) -> State:
    state = life.state
    tally.endings[life.ending] += 1
    tally.scores.append(state.standing.score)
    tally.rules.update(e.rule for e in state.ledger if e.rule is not None)
    tally.consequences.update(ever_active)
    tally.visited.update(state.path)
    tally.choices_taken += len(state.choices)
    return state


def simulate(story: Story, scenario: str, ruleset: str | None = None, runs: int = 1000,
             seed: int = 0, whatif: bool = False) -> dict[str, Any]:
    """N random playthroughs: playthrough i has seed `seed + i`; one chooser seeded `seed`.

    With `whatif`, each life's positions are replayed under every other ruleset
    (CLI.md version 2, `simulate --whatif`).
    """
    ctx = Context.of(story, scenario, ruleset)
    chooser = random.Random(seed)
    tally = Tally()
    lives: list[tuple[Playthrough, str | None]] = []  # what --whatif replays
    for i in range(runs):
        life = Life.begin(story, scenario, ctx.ruleset.id, seed + i, history=False)
        _count(life, life.wander(chooser)[0], tally)
        if whatif:
            lives.append((life.playthrough, life.ending))
    data = summary(ctx, runs, seed, tally)
    if whatif:
        from game.whatif import whatif_summary

        data["whatif"] = whatif_summary(story, ctx.ruleset.id, lives)
    return data


def summary(ctx: Context, runs: int, seed: int, tally: Tally) -> dict[str, Any]:
    scores = sorted(tally.scores)
    score: dict[str, Any] | None = (
        {"min": scores[0], "median": scores[(len(scores) - 1) // 2], "max": scores[-1]}
        if scores else {"min": None, "median": None, "max": None})
    if not ctx.ruleset.scored:  # CLI.md v2: null only for a ruleset that keeps no score
        score = None
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
