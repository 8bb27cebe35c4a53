"""A playthrough: its state, `step()` and what the player sees now (`present()`).

`start()` and `step()` follow STORY-FORMAT.md, "What happens, in order", to the
letter. Both are pure: they return a new `State` and the events that happened.
Front ends read `present(...)` and send intents (`Choose`, `Continue`); the
engine never calls them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from game.engine.events import (
    ChoiceTaken,
    ConsequenceEnded,
    ConsequenceStarted,
    EndingReached,
    Event,
    Recorded,
    SceneEntered,
)
from game.engine.expr import Env
from game.engine.model import Choice, Observation, Scenario, Scene, Story, Value
from game.rules import score as rules
from game.rules.ledger import LedgerEntry
from game.rules.model import Ruleset

SCENE_CAP = 10_000  # a goto-only loop stops the playthrough after this many scenes


class PlayError(Exception):
    """An intent that cannot be carried out: the message says why, in the player's words."""


class LoopLimit(PlayError):
    """The playthrough entered more than SCENE_CAP scenes."""


@dataclass(frozen=True, slots=True)
class Choose:
    position: int  # 1-based, as written in the file


@dataclass(frozen=True, slots=True)
class Continue:
    pass


Intent = Choose | Continue


@dataclass(frozen=True, slots=True)
class State:
    """Every changing fact of one playthrough. Names content by id, so it serialises."""

    scenario: str
    ruleset: str
    seed: int
    scene: str
    vars: dict[str, Value]
    standing: rules.Standing
    ledger: tuple[LedgerEntry, ...] = ()
    path: tuple[str, ...] = ()
    choices: tuple[int, ...] = ()  # positions taken, in order
    visited: frozenset[str] = frozenset()
    rng: tuple[Any, ...] | None = field(default=None, repr=False)  # None: no draw yet
    ended: bool = False


@dataclass(frozen=True, slots=True)
class Context:
    """The story, scenario and ruleset a playthrough runs in (read-only)."""

    story: Story
    scenario: Scenario
    ruleset: Ruleset

    @classmethod
    def of(cls, story: Story, scenario: str, ruleset: str | None = None) -> Context:
        sc = story.scenarios[scenario]
        return cls(story, sc, story.rulesets[ruleset or sc.ruleset])

    def scene(self, state: State) -> Scene:
        return self.scenario.scenes[state.scene]


def start(ctx: Context, seed: int = 0) -> tuple[State, list[Event]]:
    """Step 1: variables and score take their initial values, then the start scene is entered."""
    state = State(scenario=ctx.scenario.id, ruleset=ctx.ruleset.id, seed=seed,
                  scene=ctx.scenario.start, vars=dict(ctx.scenario.vars),
                  standing=rules.begin(ctx.ruleset))
    events: list[Event] = [ConsequenceStarted(c) for c in state.standing.active]
    state = _enter(ctx, state, ctx.scenario.start, events)
    return state, events


def step(ctx: Context, state: State, intent: Intent) -> tuple[State, list[Event]]:
    """Carry out one intent; raise PlayError when it is not possible now."""
    if state.ended:
        raise PlayError(f"the playthrough has ended at '{state.scene}'")
    scene = ctx.scene(state)
    events: list[Event] = []
    if isinstance(intent, Continue):
        if scene.goto is None:
            raise PlayError(f"scene '{scene.id}' has choices: pick one to go on")
        return _enter(ctx, state, scene.goto, events), events
    choice = _open_choice(ctx, state, scene, intent.position)
    events.append(ChoiceTaken(scene.id, choice.position))
    state = _replace(state, choices=state.choices + (choice.position,))
    state = _apply(ctx, state, choice.set, choice.add, choice.observe, scene.id, events)
    return _enter(ctx, state, choice.goto, events), events


def _open_choice(ctx: Context, state: State, scene: Scene, position: int) -> Choice:
    if not scene.choices:
        raise PlayError(f"scene '{scene.id}' has no choices: continue instead")
    if not 1 <= position <= len(scene.choices):
        raise PlayError(f"scene '{scene.id}': there is no choice {position} "
                        f"(it has {len(scene.choices)})")
    choice = scene.choices[position - 1]
    status, blockers = choice_status(ctx, state, choice)
    if status == "hidden":
        raise PlayError(f"scene '{scene.id}': choice {position} is not open "
                        f"(hidden: its condition `{choice.cond.source if choice.cond else ''}`"
                        " is false)")
    if status == "blocked":
        why = [f"{cap} closed by default" if not by else ", ".join(c.id for c in by)
               for cap, by in blockers]
        raise PlayError(f"scene '{scene.id}': choice {position} is not open "
                        f"(blocked by {'; '.join(why)})")
    return choice


def _enter(ctx: Context, state: State, scene_id: str, events: list[Event]) -> State:
    """Step 2: entering applies `set`, then `add`, then `observe`."""
    if len(state.path) >= SCENE_CAP:
        raise LoopLimit(f"stopped after {SCENE_CAP} scenes: scene '{scene_id}' loops "
                        "through `goto` with no way out")
    scene = ctx.scenario.scenes[scene_id]
    state = _replace(state, scene=scene_id, path=state.path + (scene_id,),
                     visited=state.visited | {scene_id})
    events.append(SceneEntered(scene_id))
    state = _apply(ctx, state, scene.set, scene.add, scene.observe, scene_id, events)
    if scene.ending is not None:
        state = _replace(state, ended=True)
        events.append(EndingReached(scene_id, scene.ending.fill(values(ctx, state))))
    return state


def _apply(ctx: Context, state: State, sets: tuple[tuple[str, Value], ...],
           adds: tuple[tuple[str, int], ...], observe: tuple[Observation, ...],
           scene_id: str, events: list[Event]) -> State:
    if sets or adds:
        new_vars = dict(state.vars)
        new_vars.update(sets)
        for name, amount in adds:
            new_vars[name] = new_vars[name] + amount
        state = _replace(state, vars=new_vars)
    for obs in observe:
        state = _observe(ctx, state, obs, scene_id, events)
    return state


def _observe(ctx: Context, state: State, obs: Observation, scene_id: str,
             events: list[Event]) -> State:
    """Step 4: a chance below 1 takes exactly one draw; chance 1 takes none."""
    if obs.chance < 1.0:
        rng = random.Random()
        if state.rng is None:
            rng.seed(state.seed)
        else:
            rng.setstate(state.rng)
        draw = rng.random()
        state = _replace(state, rng=rng.getstate())
        if not draw < obs.chance:
            return state
    standing, entries = rules.apply(ctx.ruleset, state.standing, obs.behaviour,
                                    scene=scene_id, step=len(state.ledger) + 1,
                                    seen_by=obs.seen_by)
    for entry in entries:
        events.append(Recorded(entry))
        events.extend(ConsequenceStarted(c) for c in entry.started)
        events.extend(ConsequenceEnded(c) for c in entry.ended)
    return _replace(state, standing=standing, ledger=state.ledger + entries)


def _replace(state: State, **changes: Any) -> State:
    # dataclasses.replace is several times slower than this, and step() is hot.
    fields = {name: getattr(state, name) for name in State.__slots__}
    fields.update(changes)
    return State(**fields)


# -- what the player sees -------------------------------------------------------------

def env(ctx: Context, state: State) -> Env:
    """The names and functions a scenario expression sees now."""
    values: dict[str, Any] = dict(state.vars)
    values["score"] = state.standing.score
    values["tier"] = ctx.ruleset.tier_of(state.standing.score).id
    return Env(values, state.standing.lists, state.standing.counts, state.visited,
               lambda cap: capability(ctx, state, cap)[0])


def values(ctx: Context, state: State) -> dict[str, Any]:
    """What `{name}` may interpolate: the variables plus score, tier and tier_label."""
    tier = ctx.ruleset.tier_of(state.standing.score)
    out: dict[str, Any] = dict(state.vars)
    out.update(score=state.standing.score, tier=tier.id, tier_label=tier.label)
    return out


def capability(ctx: Context, state: State, cap: str) -> tuple[bool, tuple[Any, ...]]:
    """Whether a capability is open now, and the active restrictions that close it."""
    default = ctx.story.capabilities[cap].default
    return rules.capability_open(ctx.ruleset, state.standing.active, cap, default)


def choice_status(ctx: Context, state: State, choice: Choice,
                  e: Env | None = None) -> tuple[str, list[tuple[str, tuple[Any, ...]]]]:
    """'open', 'hidden' (its `if` is false) or 'blocked' with (capability, blockers) pairs."""
    if choice.cond is not None and not choice.cond.fn(e or env(ctx, state)):
        return "hidden", []
    closed = []
    for cap in choice.requires:
        is_open, by = capability(ctx, state, cap)
        if not is_open:
            closed.append((cap, by))
    return ("blocked" if closed else "open"), closed


def open_positions(ctx: Context, state: State) -> list[int]:
    """The positions of the choices the player may take now."""
    e = env(ctx, state)
    return [c.position for c in ctx.scene(state).choices
            if choice_status(ctx, state, c, e)[0] == "open"]
