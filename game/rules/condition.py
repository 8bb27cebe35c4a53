"""What a condition sees while playing (`Env`) and a compiled condition (`Expr`).

Both the rules layer (a rule's `if`, a consequence's `when`) and the scenarios
(`if`, branching `goto`, conditional paragraphs) evaluate conditions, so these
two types live here, below both: `game.engine.expr` parses text into an
`Expr`; the rules layer only calls `expr.fn(env)` and never parses.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

_NOTHING: Mapping[str, int] = {}


def _never(_capability: str) -> bool:
    return False


class Env:
    """What an expression can see: names, lists, counts, capabilities, visits, score."""

    __slots__ = ("values", "lists", "counts", "visited", "can", "score", "tier", "scored")

    def __init__(self, values: Mapping[str, Any], lists: frozenset[str] = frozenset(),
                 counts: Mapping[str, int] | None = None,
                 visited: frozenset[str] | tuple[str, ...] = frozenset(),
                 can: Callable[[str], bool] | None = None, score: int = 0,
                 tier: str = "", scored: bool = True) -> None:
        self.values = values  # the scenario's variables
        self.lists = lists
        self.counts = counts if counts is not None else _NOTHING
        self.visited = visited
        self.can = can or _never
        # score, tier and scored are kept apart from the variables so that
        # building an Env never copies a dict (it happens several times a step).
        self.score = score
        self.tier = tier
        self.scored = scored  # False under a ruleset that keeps no score


@dataclass(frozen=True, eq=False)
class Expr:
    """A parsed, type-checked expression: `fn(env)` gives its value."""

    source: str
    fn: Callable[[Env], Any] = field(repr=False)
    type: str = "bool"
    calls: tuple[tuple[str, str], ...] = ()  # (function, argument) pairs, for analysis
    names: frozenset[str] = frozenset()
    constant: Any = None  # the value when the expression names nothing (else None)

    def __call__(self, env: Env) -> Any:
        return self.fn(env)
