"""One playthrough as the window holds it: engine state, the current view, new entries.

pygame-free. It only forwards intents to `game.engine.play.step` and reads
`present()`; it never decides anything the engine decides.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from game.engine.events import Event, Recorded
from game.engine.model import Story
from game.engine.play import Choose, Context, Continue, State, start, step
from game.engine.view import View, present
from game.rules.ledger import LedgerEntry


@dataclass
class Session:
    """A playthrough in progress.

    Attributes:
        story: the loaded story.
        ctx: scenario and ruleset in force.
        state: the engine's state now.
        view: `present(ctx, state)`, refreshed after every step.
        intents: every intent sent, in order ("c" for Continue, an int for Choose):
            what the autosave stores, so resuming lands on the very same screen.
        fresh: the ledger entries the last step wrote (for the notice card).
    """

    story: Story
    ctx: Context
    state: State
    view: View
    intents: list[Any] = field(default_factory=list)
    fresh: list[LedgerEntry] = field(default_factory=list)

    @classmethod
    def new(cls, story: Story, scenario: str, ruleset: str | None = None,
            seed: int = 0) -> Session:
        ctx = Context.of(story, scenario, ruleset)
        state, events = start(ctx, seed)
        s = cls(story, ctx, state, present(ctx, state))
        s.fresh = _entries(events)
        return s

    def choose(self, position: int) -> list[Event]:
        return self._step(Choose(position), position)

    def cont(self) -> list[Event]:
        return self._step(Continue(), "c")

    def _step(self, intent: Any, record: Any) -> list[Event]:
        self.state, events = step(self.ctx, self.state, intent)
        self.intents.append(record)
        self.view = present(self.ctx, self.state)
        self.fresh = _entries(events)
        return events

    @property
    def ended(self) -> bool:
        return self.state.ended

    def playthrough(self):  # noqa: ANN201 - game.analysis.Playthrough
        from game.analysis import Playthrough

        return Playthrough(self.state.scenario, self.state.ruleset, self.state.seed,
                           tuple(self.state.choices))

    def to_save(self) -> dict[str, Any]:
        return {"story": self.story.checksum, "scenario": self.state.scenario,
                "ruleset": self.state.ruleset, "seed": self.state.seed,
                "intents": list(self.intents)}

    @classmethod
    def from_save(cls, story: Story, data: dict[str, Any]) -> Session:
        """Replay a save's intents; raises KeyError/ValueError/PlayError when it does not fit."""
        s = cls.new(story, data["scenario"], data.get("ruleset"), int(data.get("seed", 0)))
        for it in data["intents"]:
            if it == "c":
                s.cont()
            elif isinstance(it, int) and not isinstance(it, bool):
                s.choose(it)
            else:
                raise ValueError(f"unknown step {it!r}")
        s.fresh = []
        return s


def _entries(events: list[Event]) -> list[LedgerEntry]:
    return [e.entry for e in events if isinstance(e, Recorded)]
