"""What `step()` reports: events in the past tense, for front ends to show.

Events are NamedTuples: immutable, and about half the cost of a frozen
dataclass to build (several are built at every step). Tell them apart with
`isinstance`, not by comparing two events of different kinds.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from game.rules.ledger import LedgerEntry


class SceneEntered(NamedTuple):
    scene: str


class ChoiceTaken(NamedTuple):
    scene: str
    position: int


class Recorded(NamedTuple):
    """The rules layer wrote a ledger entry (a score change, or a record with no points)."""

    entry: LedgerEntry


class ConsequenceStarted(NamedTuple):
    consequence: str


class ConsequenceEnded(NamedTuple):
    consequence: str


class Refused(NamedTuple):
    """A closed door was tried (a choice with `instead`): one per closed capability.

    An event, and also the record kept in `State.refusals`. `by` holds the
    active consequences that close the capability (empty: it is closed by
    default and no privilege grants it); `text` is the `instead` text as shown
    to the player, filled in after the `instead` block's own effects.
    """

    scene: str  # the scene of the choice
    choice: int  # its position, as written in the file
    capability: str
    by: tuple[str, ...]
    text: str = ""

    def as_json(self) -> dict[str, Any]:
        """As in `run --json`'s `refusals` (CLI.md, version 2)."""
        return {"scene": self.scene, "choice": self.choice, "capability": self.capability,
                "by": list(self.by)}


class EndingReached(NamedTuple):
    scene: str
    title: str


Event = (SceneEntered | ChoiceTaken | Recorded | ConsequenceStarted | ConsequenceEnded
         | Refused | EndingReached)
