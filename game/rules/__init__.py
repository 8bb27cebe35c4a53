"""The rules layer: how observed behaviour becomes standing, and why. Pure and
self-contained: it imports nothing from the rest of the game (a test proves it).

It owns the rulesets' data (`model`: Ruleset combined with its layers, Rule,
Consequence, Tier, Source, Fidelity, ConsequenceKind), what a condition sees
and a compiled condition (`condition`: Env, Expr; the engine's `expr` parses
text into them), the one code that changes a score and writes the ledger
(`score`: Standing, begin, apply, capability_open), the ledger itself
(`ledger`: LedgerEntry), and rulesets as plain data (`explain`: rules_json).
Names below load on first use.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_WHERE = {
    "Ruleset": "model", "Rule": "model", "Consequence": "model",
    "ConsequenceKind": "model", "Fidelity": "model", "Source": "model", "Tier": "model",
    "NO_TIER": "model", "Env": "condition", "Expr": "condition",
    "Standing": "score", "begin": "score", "apply": "score", "capability_open": "score",
    "LedgerEntry": "ledger", "signed": "ledger", "rules_json": "explain",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'game.rules' has no attribute {name!r}")
    return getattr(import_module(f"game.rules.{_WHERE[name]}"), name)
