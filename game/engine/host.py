"""The host: one object that every front end drives (ink's Story, Yarn's Dialogue).

A `Life` is one playthrough in progress: the story, the scenario and the
ruleset in force, and the engine's immutable `State`. Front ends (the window,
the terminal game, the web app) and tools (`run`, `simulate`, the reports,
autoplay, the what-if comparison) all go through it: they read `life.view`,
ask `life.takeable()`, and send `life.choose(position)` or `life.go_on()`.
Nothing outside this module and `play.py` calls `play.start` or `play.step`
(a test proves it).

Pure: no pygame, no printing, no files. A playthrough is data
(`Playthrough`): saves, replay codes, reports and what-if all start from it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from game.engine import play
from game.engine.events import (
    ConsequenceEnded,
    ConsequenceStarted,
    EndingReached,
    Event,
    Recorded,
    Refused,
    SceneEntered,
)
from game.engine.identity import story_identity
from game.engine.model import Scenario, Scene, Story
from game.engine.play import Choose, Context, Continue, LoopLimit, PlayError, State
from game.engine.view import View, present
from game.rules.ledger import LedgerEntry
from game.rules.model import Ruleset

__all__ = ["Beat", "Door", "Life", "LoopLimit", "Misfit", "PlayError", "Playthrough",
           "Refusal", "Stop"]


@dataclass(frozen=True, slots=True)
class Playthrough:
    """A life as data: scenario, ruleset, seed and the positions chosen, in order."""

    scenario: str
    ruleset: str
    seed: int = 0
    choices: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Door:
    """A choice shown closed on the path: one closed capability and what closed it."""

    scene: str
    choice: int  # its position
    capability: str
    by: tuple[str, ...]  # consequence ids; empty: closed by default, nothing grants it

    def as_json(self) -> dict[str, Any]:
        return {"scene": self.scene, "choice": self.choice, "capability": self.capability,
                "by": list(self.by)}


# A closed door that was tried (`instead`): scene, choice (position), capability,
# by (the consequence ids that close it) and text (the `instead` text, filled in).
# The engine records it (play.State.refusals); the host hands it on as it is.
Refusal = Refused


@dataclass(frozen=True, slots=True)
class Stop:
    """Why `Life.replay` could not follow the given positions to their end.

    why: "hidden" (the choice's `if` is false), "blocked" (closed, no `instead`),
    "missing" (no such position), "no-choice" (a position given at a scene with
    none), "ended" (positions left over after an ending), or "loop" (the
    10,000-scene cap). `message` is the engine's sentence (for the command line,
    never for a player); `taken` counts the positions taken before the stop.
    """

    scene: str
    position: int | None
    why: str
    message: str
    taken: int


_CONTINUE = Continue()


class Misfit(PlayError):
    """A save that does not fit this story (another version, or damaged)."""


class Beat:
    """What one step did, for notices, sounds and animations (read lazily from its events)."""

    __slots__ = ("events",)

    def __init__(self, events: Iterable[Event]) -> None:
        self.events: Iterable[Event] = events  # as step() returned them; never changed

    @property
    def entries(self) -> tuple[LedgerEntry, ...]:
        """The ledger entries this step wrote, in order."""
        return tuple(e.entry for e in self.events if isinstance(e, Recorded))

    @property
    def started(self) -> tuple[str, ...]:
        """Consequence ids that came into force."""
        return tuple(e.consequence for e in self.events if isinstance(e, ConsequenceStarted))

    @property
    def ended(self) -> tuple[str, ...]:
        """Consequence ids that stopped being in force."""
        return tuple(e.consequence for e in self.events if isinstance(e, ConsequenceEnded))

    @property
    def scenes(self) -> tuple[str, ...]:
        """Scene ids entered by this step, in order."""
        return tuple(e.scene for e in self.events if isinstance(e, SceneEntered))

    @property
    def refusals(self) -> tuple[Refusal, ...]:
        """One per closed capability when this step tried a closed door (`instead`)."""
        return tuple(e for e in self.events if isinstance(e, Refused))

    @property
    def refusal(self) -> Refusal | None:
        """The (first) refusal of this step, or None when the door was open."""
        found = self.refusals
        return found[0] if found else None

    @property
    def ending(self) -> str | None:
        """The ending's id (its scene id) when this step reached one."""
        return next((e.scene for e in self.events if isinstance(e, EndingReached)), None)

    @property
    def ending_title(self) -> str | None:
        return next((e.title for e in self.events if isinstance(e, EndingReached)), None)

    def __repr__(self) -> str:
        return f"Beat({list(self.events)!r})"


class Life:
    """One playthrough in progress: the story, scenario and ruleset in force, and its state.

    Make one with `Life.begin`, `Life.restore` or `Life.replay`. Every step goes
    through `choose` or `go_on`; the state before a step is never changed.
    """

    __slots__ = ("story", "ctx", "_state", "_view", "_intents", "_stands", "_tried",
                 "opening", "_history")

    def __init__(self, story: Story, ctx: Context, state: State, events: list[Event],
                 history: bool = True) -> None:
        self.story = story
        self.ctx = ctx
        self._state = state
        self._view: View | None = None
        self._intents: list[int | str] = []  # an int per choice, "c" per Continue
        self._stands: list[State] = []  # every state that stood at a scene with choices
        self._tried: dict[int, tuple[Refusal, ...]] = {}  # choice index -> its refusals
        self.opening = Beat(events)  # what starting did (consequences in force from the start)
        # Without history (random play in bulk), no earlier state is kept alive: no
        # `stands` and no `doors`. Keeping every state would keep every ledger prefix.
        self._history = history
        self._note(state)

    # -- starting ----------------------------------------------------------------------

    @classmethod
    def begin(cls, story: Story, scenario: str, ruleset: str | None = None,
              seed: int = 0, history: bool = True) -> Life:
        """A new life at the start scene. KeyError for an unknown scenario or ruleset.

        `history=False` (for many random lives) keeps no earlier states, so the life
        has no `stands` and no `doors`; everything else is the same.
        """
        if scenario not in story.scenarios:
            raise KeyError(f"no scenario '{scenario}' in this story")
        if ruleset is not None and ruleset not in story.rulesets:
            raise KeyError(f"no ruleset '{ruleset}' in this story")
        ctx = Context.of(story, scenario, ruleset)
        state, events = play.start(ctx, seed)
        return cls(story, ctx, state, events, history)

    # -- what there is now -------------------------------------------------------------

    @property
    def scenario(self) -> Scenario:
        return self.ctx.scenario

    @property
    def ruleset(self) -> Ruleset:
        """The ruleset in force (its included layers combined into it)."""
        return self.ctx.ruleset

    @property
    def state(self) -> State:
        """The engine's immutable state now."""
        return self._state

    @property
    def scene(self) -> Scene:
        return self.ctx.scenario.scenes[self._state.scene]

    @property
    def view(self) -> View:
        """What the player sees now (computed once per step, on first use)."""
        if self._view is None:
            self._view = present(self.ctx, self._state)
        return self._view

    @property
    def ended(self) -> bool:
        return self._state.ended

    @property
    def ending(self) -> str | None:
        """The ending's id once the life has ended, else None."""
        return self._state.scene if self._state.ended else None

    @property
    def ending_title(self) -> str | None:
        scene = self.scene
        if not self._state.ended or scene.ending is None:
            return None
        return scene.ending.fill(play.values(self.ctx, self._state))

    @property
    def can_go_on(self) -> bool:
        """True on a scene with `goto` and no choices: the player continues."""
        return not self._state.ended and self.scene.goto is not None

    def takeable(self) -> list[int]:
        """Positions that can be taken now: the open choices, and (story format v2) the
        closed ones that have `instead`, whose taking plays the refusal."""
        if self._state.ended:
            return []
        return play.takeable(self.ctx, self._state)

    @property
    def playthrough(self) -> Playthrough:
        """This life as data (replay codes and reports use it)."""
        s = self._state
        return Playthrough(s.scenario, s.ruleset, s.seed, tuple(s.choices))

    @property
    def ledger(self) -> tuple[LedgerEntry, ...]:
        return self._state.ledger

    @property
    def path(self) -> tuple[str, ...]:
        """Every scene entered, in order (those passed with Continue too)."""
        return self._state.path

    @property
    def refusals(self) -> tuple[Refusal, ...]:
        """Every closed door that was tried, in order."""
        return self._state.refusals

    @property
    def doors(self) -> tuple[Door, ...]:
        """Every closed door shown on the path: one per closed capability, per showing."""
        out: list[Door] = []
        for state in self._stands:
            out.extend(_doors(self.ctx, state))
        return tuple(out)

    @property
    def stands(self) -> tuple[State, ...]:
        """Every state in which the life stood before choices, in order: the k-th is the
        state the k-th choice was taken from (the last one is now, if it stands at choices)."""
        return tuple(self._stands)

    def tried(self, k: int) -> tuple[Refusal, ...]:
        """The refusals of the k-th choice taken (0-based): empty when its door was open."""
        return self._tried.get(k, ())

    def view_at(self, state: State) -> View:
        """What the player saw in an earlier state of this life (one of `stands`)."""
        return present(self.ctx, state)

    @property
    def intents(self) -> tuple[int | str, ...]:
        """Every intent sent, in order: a position per choice, "c" per Continue."""
        return tuple(self._intents)

    # -- stepping ----------------------------------------------------------------------

    def choose(self, position: int) -> Beat:
        """Take the choice at `position`; PlayError (why, in words) when it cannot be taken."""
        state, events = play.step(self.ctx, self._state, Choose(position))
        self._intents.append(position)
        self._after(state)
        return Beat(events)

    def go_on(self) -> Beat:
        """Continue on a scene with `goto` and no choices."""
        state, events = play.step(self.ctx, self._state, _CONTINUE)
        self._intents.append("c")
        self._after(state)
        return Beat(events)

    def _after(self, state: State) -> None:
        # Kept lean: random play (simulate) runs it once per step.
        self._state = state
        self._view = None
        if state.refused:  # the refusals of this very step (a closed door tried)
            self._tried[len(state.choices) - 1] = state.refused
        self._note(state)

    def _note(self, state: State) -> None:
        if self._history and not state.ended and self.ctx.scenario.scenes[state.scene].choices:
            self._stands.append(state)

    def wander(self, chooser: Any) -> tuple[set[str], bool]:
        """Play on to the end, choosing uniformly (`chooser.choice`) among the takeable
        choices and continuing where there are none (`simulate`, kiosk soaks).

        Returns the consequences ever in force, and whether the life was cut short
        (no choice could be taken, or the scene cap).
        """
        ever = set(self._state.standing.active)
        ctx, scenes = self.ctx, self.ctx.scenario.scenes
        step, takeable, intents = play.step, play.takeable, self._intents
        note = self._note if self._history else None
        self._view = None
        state = self._state
        try:
            # The bookkeeping of `_after`, inlined: this loop is simulate's inner loop.
            while not state.ended:
                scene = scenes[state.scene]
                if scene.goto is not None and not scene.choices:
                    state, _ = step(ctx, state, _CONTINUE)
                    intents.append("c")
                else:
                    options = takeable(ctx, state)
                    if not options:
                        return ever, True
                    position = chooser.choice(options)
                    state, _ = step(ctx, state, Choose(position))
                    intents.append(position)
                self._state = state
                if state.refused:
                    self._tried[len(state.choices) - 1] = state.refused
                if note is not None:
                    note(state)
                ever.update(state.standing.active)
        except LoopLimit:
            return ever, True
        return ever, False

    def go_on_while_you_can(self) -> None:
        """Continue through every scene without choices (LoopLimit at the scene cap)."""
        while self.can_go_on:
            self.go_on()

    # -- saving ------------------------------------------------------------------------

    def save(self) -> dict[str, Any]:
        """A JSON-able record of this life; `Life.restore` lands on the very same screen."""
        s = self._state
        # The play identity: a typo fixed in the story keeps a save as valid as a code.
        return {"story": story_identity(self.story), "scenario": s.scenario, "ruleset": s.ruleset,
                "seed": s.seed, "intents": list(self._intents)}

    @classmethod
    def restore(cls, story: Story, data: dict[str, Any]) -> Life:
        """The life a save describes; Misfit (in words) when it does not fit this story."""
        try:
            life = cls.begin(story, data["scenario"], data.get("ruleset"),
                             int(data.get("seed", 0)))
            for it in data["intents"]:
                if it == "c":
                    life.go_on()
                elif isinstance(it, int) and not isinstance(it, bool):
                    life.choose(it)
                else:
                    raise ValueError(it)
        except (KeyError, ValueError, TypeError, PlayError) as exc:
            raise Misfit("it does not fit this version of the story") from exc
        life.opening = Beat(())
        return life

    # -- replaying ---------------------------------------------------------------------

    @classmethod
    def replay(cls, story: Story, playthrough: Playthrough, ruleset: str | None = None,
               history: bool = True) -> tuple[Life, Stop | None]:
        """The same positions under `ruleset` (default: the playthrough's own).

        Scenes without choices are continued. A closed door with `instead` is
        taken as a player would take it (the refusal plays). The replay stops,
        and says where and why, at a position it cannot take, at positions left
        over after an ending, or at the scene cap.
        """
        life = cls.begin(story, playthrough.scenario, ruleset or playthrough.ruleset,
                         playthrough.seed, history)
        taken = 0
        try:
            life.go_on_while_you_can()
            for position in playthrough.choices:
                if life.ended:
                    return life, Stop(life.state.scene, position, "ended",
                                      f"the playthrough reached the ending '{life.state.scene}'"
                                      f" before choice {position}: too many choices given",
                                      taken)
                try:
                    life.choose(position)
                except LoopLimit:
                    raise
                except PlayError as exc:
                    return life, Stop(life.state.scene, position, life._why_not(position),
                                      str(exc), taken)
                taken += 1
                life.go_on_while_you_can()
        except LoopLimit as exc:
            return life, Stop(life.state.scene, None, "loop", str(exc), taken)
        return life, None

    def _why_not(self, position: int) -> str:
        choices = self.scene.choices
        if not choices:
            return "no-choice"
        if not 1 <= position <= len(choices):
            return "missing"
        return play.choice_status(self.ctx, self._state, choices[position - 1])[0]

    def __repr__(self) -> str:
        s = self._state
        return (f"Life({s.scenario!r}, {s.ruleset!r}, seed={s.seed}, at {s.scene!r}, "
                f"choices={s.choices!r})")


def _doors(ctx: Context, state: State) -> list[Door]:
    """The closed doors of the scene the life stands in, in that state."""
    out: list[Door] = []
    e = play.env(ctx, state)
    for choice in ctx.scene(state).choices:
        status, closed = play.choice_status(ctx, state, choice, e)
        if status is play.BLOCKED:
            out.extend(Door(state.scene, choice.position, cap, tuple(c.id for c in by))
                       for cap, by in closed)
    return out
