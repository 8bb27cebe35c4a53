"""A story's identity for replay codes: a digest of what changes play, and only that.

STORY-FORMAT.md, "Replay codes survive text edits", lists what counts: ids,
`start`, `vars`, `includes`, every condition, `goto` and its entries, `requires`,
`instead`'s effects and `goto`, observations (behaviour and chance), `set`,
`add`, a rule's `on`, `delta`, `add_to`, `remove_from`, a consequence's kind,
`blocks` and `grants`, the score range, tier ids and `min`, capability
defaults; and the order of choices, goto entries, rules and consequences.
Prose, sources, images, the order of mapping keys and the order of scenes do
not count. Built from the loaded model (never from file bytes), so a typo fix
keeps every code valid.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from game.engine.model import Choice, Goto, Instead, Observation, Scenario, Scene, Story
from game.rules.condition import Expr
from game.rules.model import Ruleset


def story_identity(story: Story) -> str:
    """The story's identity, computed from the loaded model on first use and kept.

    Kept in the story's `identity` field: the story is frozen, and its identity
    is a pure function of it, so filling the field once changes nothing else.
    """
    if not story.identity:
        object.__setattr__(story, "identity", identity(story))
    return story.identity


def folder_checksum(story: Story) -> str:
    """The digest of every file in the story's folder (replay codes from before version 2).

    Read only when such a code is decoded: it reads every byte under the folder.
    """
    if not story.checksum:
        from game.engine.load import checksum

        object.__setattr__(story, "checksum", checksum(story.root))
    return story.checksum


def identity(story: Story) -> str:
    """The hex digest of the story's play-relevant structure."""
    shape = {
        "behaviours": sorted(story.behaviours),
        "capabilities": sorted((c.id, c.default) for c in story.capabilities.values()),
        "rulesets": {rid: _ruleset(r) for rid, r in story.rulesets.items()},
        "scenarios": {sid: _scenario(s) for sid, s in story.scenarios.items()},
    }
    text = json.dumps(shape, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _cond(expr: Expr | None) -> str | None:
    return None if expr is None else expr.source.strip()


def _ruleset(r: Ruleset) -> dict[str, Any]:
    # Only the ruleset's own parts: its layers count through their own entry.
    own = r.id
    return {
        "includes": list(r.includes),
        "score": [r.score.start, r.score.min, r.score.max] if r.scored else None,
        "tiers": [[t.id, t.min] for t in r.tiers],
        "lists": sorted(lid for lid in r.lists if r.layer_of_list(lid) == own),
        "rules": [[x.id, x.on, _cond(x.cond), x.delta, x.add_to, x.remove_from]
                  for x in r.rules if x.layer in ("", own)],
        "consequences": [[c.id, str(c.kind), _cond(c.when), list(c.blocks), list(c.grants)]
                         for c in r.consequences if c.layer in ("", own)],
    }


def _scenario(s: Scenario) -> dict[str, Any]:
    return {
        "start": s.start,
        "vars": sorted([name, type(v).__name__, v] for name, v in s.vars.items()),
        "scenes": {sid: _scene(scene) for sid, scene in s.scenes.items()},
    }


def _scene(scene: Scene) -> dict[str, Any]:
    paragraphs = [] if not isinstance(scene.text, tuple) else sorted(
        {c for c in (_cond(p.cond) for p in scene.text) if c is not None})
    return {
        "ending": scene.ending is not None,
        "goto": _goto(scene.goto),
        "effects": _effects(scene.set, scene.add, scene.observe),
        "paragraphs": paragraphs,
        "choices": [_choice(c) for c in scene.choices],
    }


def _choice(c: Choice) -> list[Any]:
    return [_cond(c.cond), list(c.requires), _effects(c.set, c.add, c.observe),
            _goto(c.goto), _instead(c.instead)]


def _instead(i: Instead | None) -> list[Any] | None:
    return None if i is None else [_effects(i.set, i.add, i.observe), _goto(i.goto)]


def _effects(sets: tuple[tuple[str, Any], ...], adds: tuple[tuple[str, int], ...],
             observe: tuple[Observation, ...]) -> list[Any]:
    # set and add are mappings (their order never matters); observations are a
    # list, and their order decides the order of the seeded draws.
    return [sorted([k, type(v).__name__, v] for k, v in sets), sorted(adds),
            [[o.behaviour, o.chance] for o in observe]]


def _goto(goto: Goto | None) -> Any:
    if goto is None or type(goto) is str:
        return goto
    return [[_cond(b.cond), b.to] for b in goto]  # type: ignore[union-attr]
