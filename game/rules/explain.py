"""Rulesets as plain data: every rule and consequence with its reason, data
source, fidelity and resolved sources (the `rules` command, the reports).

A ruleset appears combined with the layers it includes: each rule, list and
consequence names its `layer`, the ruleset whose file declares it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from game.rules.model import Consequence, Rule, Ruleset, Source


class HasRulesets(Protocol):
    """Anything that holds rulesets by id (a Story): the rules layer needs no more."""

    @property
    def rulesets(self) -> Mapping[str, Ruleset]: ...


def _sources(sources: tuple[Source, ...]) -> list[dict[str, str | None]]:
    return [s.as_json() for s in sources]


def rule_json(rule: Rule, layer: str | None = None) -> dict[str, Any]:
    # The keys of CLI.md; `if`, add_to and remove_from show in the text listing.
    return {"id": rule.id, "on": rule.on, "delta": rule.delta,
            "reason": rule.reason, "seen_by": rule.seen_by, "fidelity": str(rule.fidelity),
            "sources": _sources(rule.sources), "layer": rule.layer or layer}


def consequence_json(c: Consequence, layer: str | None = None) -> dict[str, Any]:
    return {"id": c.id, "kind": str(c.kind), "when": c.when.source, "blocks": list(c.blocks),
            "grants": list(c.grants), "notice": c.notice, "explain": c.explain,
            "fidelity": str(c.fidelity), "sources": _sources(c.sources),
            "layer": c.layer or layer}


def ruleset_json(r: Ruleset) -> dict[str, Any]:
    score = ({"start": r.score.start, "min": r.score.min, "max": r.score.max}
             if r.scored else None)
    return {
        "ruleset": r.id, "name": r.name, "summary": r.summary, "fidelity": str(r.fidelity),
        "sources": _sources(r.sources), "includes": list(r.includes),
        "score": score,
        "tiers": [{"id": t.id, "min": t.min, "label": t.label} for t in r.tiers],
        "lists": [{"id": lid, "name": name, "layer": r.layer_of_list(lid)}
                  for lid, name in r.lists.items()],
        "rules": [rule_json(x, r.id) for x in r.rules],
        "consequences": [consequence_json(c, r.id) for c in r.consequences],
    }


def rules_json(story: HasRulesets, ids: list[str]) -> dict[str, Any]:
    return {"rulesets": [ruleset_json(story.rulesets[i]) for i in ids]}
