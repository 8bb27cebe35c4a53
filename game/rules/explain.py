"""Rulesets as plain data: every rule and consequence with its reason, data
source, fidelity and resolved sources (the `rules` command, the reports)."""

from __future__ import annotations

from typing import Any

from game.engine.model import Story
from game.rules.model import Consequence, Rule, Ruleset, Source


def _sources(sources: tuple[Source, ...]) -> list[dict[str, str | None]]:
    return [s.as_json() for s in sources]


def rule_json(rule: Rule) -> dict[str, Any]:
    # Exactly the keys of CLI.md; `if`, add_to and remove_from show in the text listing.
    return {"id": rule.id, "on": rule.on, "delta": rule.delta,
            "reason": rule.reason, "seen_by": rule.seen_by, "fidelity": str(rule.fidelity),
            "sources": _sources(rule.sources)}


def consequence_json(c: Consequence) -> dict[str, Any]:
    return {"id": c.id, "kind": c.kind, "when": c.when.source, "blocks": list(c.blocks),
            "grants": list(c.grants), "notice": c.notice, "explain": c.explain,
            "fidelity": str(c.fidelity), "sources": _sources(c.sources)}


def ruleset_json(r: Ruleset) -> dict[str, Any]:
    return {
        "ruleset": r.id, "name": r.name, "summary": r.summary, "fidelity": str(r.fidelity),
        "sources": _sources(r.sources),
        "score": {"start": r.score.start, "min": r.score.min, "max": r.score.max},
        "tiers": [{"id": t.id, "min": t.min, "label": t.label} for t in r.tiers],
        "lists": [{"id": lid, "name": name} for lid, name in r.lists.items()],
        "rules": [rule_json(x) for x in r.rules],
        "consequences": [consequence_json(c) for c in r.consequences],
    }


def rules_json(story: Story, ids: list[str]) -> dict[str, Any]:
    return {"rulesets": [ruleset_json(story.rulesets[i]) for i in ids]}
