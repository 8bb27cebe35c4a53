"""The ledger: one explained entry per observation the rules layer handled.

Every change to a score is a `LedgerEntry`; there is no other path. An entry says
which rule fired (or that none did), who saw it, how many points, what it started
or ended, how true it is and where that fact comes from.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from game.rules.model import Fidelity, Source


def signed(n: int, minus: str = "-") -> str:
    """Points with their sign: +5, -5 (or a typographic minus, for print), 0."""
    if n > 0:
        return f"+{n}"
    if n < 0:
        return f"{minus}{-n}"
    return "0"


class LedgerEntry(NamedTuple):
    """One explained change. A NamedTuple rather than a frozen dataclass: just as
    immutable, and about five times cheaper to build, which matters in step()."""

    step: int  # 1-based, in order
    scene: str  # the scene entered, or the scene whose choice was taken
    behaviour: str
    rule: str | None  # None: observed and recorded, but no rule scored it
    delta: int  # the rule's delta (before clamping); before/after show what applied
    before: int
    after: int
    tier: str  # the tier after
    reason: str
    seen_by: str | None
    fidelity: Fidelity | None
    sources: tuple[Source, ...]
    started: tuple[str, ...]  # consequence ids that became active with this entry
    ended: tuple[str, ...]  # consequence ids that stopped with it
    notice: str = ""  # what an opaque system tells the citizen

    @property
    def applied(self) -> int:
        """The points actually applied, after clamping to the score range."""
        return self.after - self.before

    def as_json(self, scored: bool = True) -> dict[str, Any]:
        """The entry as in `run --json`; under a ruleset that keeps no score
        (`scored` False) delta, before, after and tier are null."""
        return {
            "step": self.step, "scene": self.scene, "behaviour": self.behaviour,
            "rule": self.rule, "delta": self.delta if scored else None,
            "before": self.before if scored else None,
            "after": self.after if scored else None,
            "tier": self.tier if scored else None, "reason": self.reason,
            "seen_by": self.seen_by,
            "fidelity": None if self.fidelity is None else str(self.fidelity),
            "sources": [s.id for s in self.sources],
            "started": list(self.started), "ended": list(self.ended),
        }
