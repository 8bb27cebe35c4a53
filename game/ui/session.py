"""One playthrough as the window holds it: a thin skin over the host's `Life`.

pygame-free. It forwards intents to `game.engine.host.Life` and reads its view;
it never decides anything the engine decides. The screens use the names below
(`view`, `state`, `ctx`, `fresh`, `choose`, `cont`, ...); new code may use
`session.life` directly.
"""

from __future__ import annotations

from typing import Any

from game.engine.events import Event
from game.engine.host import Beat, Life, Playthrough, Refusal
from game.engine.model import Story
from game.engine.play import Context, State
from game.engine.view import View
from game.rules.ledger import LedgerEntry


class Session:
    """A playthrough in progress in the window.

    Attributes:
        life: the host object every front end drives.
        beat: what the last step did (its ledger entries feed the notice card).
    """

    def __init__(self, story: Story, life: Life) -> None:
        self.story = story
        self.life = life
        self.beat: Beat = life.opening

    @classmethod
    def new(cls, story: Story, scenario: str, ruleset: str | None = None,
            seed: int = 0) -> Session:
        return cls(story, Life.begin(story, scenario, ruleset, seed))

    # -- what the screens read ----------------------------------------------------------

    @property
    def ctx(self) -> Context:
        return self.life.ctx

    @property
    def state(self) -> State:
        return self.life.state

    @property
    def view(self) -> View:
        return self.life.view

    @property
    def fresh(self) -> list[LedgerEntry]:
        """The ledger entries the last step wrote (for the notice card)."""
        return list(self.beat.entries)

    @property
    def refusal(self) -> Refusal | None:
        """The refusal of the last step, when it tried a closed door."""
        return self.beat.refusal

    @property
    def intents(self) -> list[Any]:
        return list(self.life.intents)

    @property
    def ended(self) -> bool:
        return self.life.ended

    def playthrough(self) -> Playthrough:
        return self.life.playthrough

    # -- intents --------------------------------------------------------------------------

    def choose(self, position: int) -> list[Event]:
        self.beat = self.life.choose(position)
        return list(self.beat.events)

    def cont(self) -> list[Event]:
        self.beat = self.life.go_on()
        return list(self.beat.events)

    # -- saving ---------------------------------------------------------------------------

    def to_save(self) -> dict[str, Any]:
        return self.life.save()

    @classmethod
    def from_save(cls, story: Story, data: dict[str, Any]) -> Session:
        """The saved life, on the very same screen; Misfit (a PlayError) when it does not fit."""
        return cls(story, Life.restore(story, data))
