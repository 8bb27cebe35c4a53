"""What `step()` reports: events in the past tense, for front ends to show."""

from __future__ import annotations

from dataclasses import dataclass

from game.rules.ledger import LedgerEntry


@dataclass(frozen=True, slots=True)
class SceneEntered:
    scene: str


@dataclass(frozen=True, slots=True)
class ChoiceTaken:
    scene: str
    position: int


@dataclass(frozen=True, slots=True)
class Recorded:
    """The rules layer wrote a ledger entry (a score change, or a record with no points)."""

    entry: LedgerEntry


@dataclass(frozen=True, slots=True)
class ConsequenceStarted:
    consequence: str


@dataclass(frozen=True, slots=True)
class ConsequenceEnded:
    consequence: str


@dataclass(frozen=True, slots=True)
class EndingReached:
    scene: str
    title: str


Event = (SceneEntered | ChoiceTaken | Recorded | ConsequenceStarted | ConsequenceEnded
         | EndingReached)
