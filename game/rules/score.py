"""apply(): the only code that changes a score, and the only writer of ledger entries.

Given a ruleset (combined with its layers), a standing and one observed
behaviour, fire every rule with that `on` whose `if` holds (layers first, then
in file order), clamp, change lists, re-evaluate consequences, and explain each
firing in a ledger entry (STORY-FORMAT.md, "What happens, in order", steps 5
and 6). Under a ruleset that keeps no score the score stays 0 and the tier ''.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

from game.rules.condition import Env
from game.rules.ledger import LedgerEntry
from game.rules.model import Consequence, Rule, Ruleset

_NO_COUNTS: Mapping[str, int] = MappingProxyType({})


class Standing(NamedTuple):
    """Where a citizen stands under one ruleset: score, lists, active consequences, counts.

    A NamedTuple (immutable, cheap to build): a new one is made at every firing.
    """

    score: int
    tier: str  # the tier id of the score, kept so it is computed once per change
    lists: frozenset[str] = frozenset()
    active: tuple[str, ...] = ()  # consequence ids, in file order
    # behaviour -> times observed: a read-only view of a private copy, so no two
    # standings ever share a dict that could change under them.
    counts: Mapping[str, int] = _NO_COUNTS


def begin(ruleset: Ruleset) -> Standing:
    """The standing at the start: the starting score, no lists, consequences evaluated."""
    start = ruleset.score.start
    standing = Standing(start, ruleset.tier_of(start).id)
    return Standing(start, standing.tier, active=active_consequences(ruleset, standing))


def env_of(ruleset: Ruleset, standing: Standing) -> Env:
    return Env(_NO_VARS, standing.lists, standing.counts, (), None, standing.score,
               standing.tier, ruleset.scored)


_NO_VARS: Mapping[str, object] = MappingProxyType({})


def active_consequences(ruleset: Ruleset, standing: Standing) -> tuple[str, ...]:
    env = env_of(ruleset, standing)
    return tuple(c.id for c in ruleset.consequences if c.when.fn(env))


def apply(ruleset: Ruleset, standing: Standing, behaviour: str, scene: str, step: int,
          seen_by: str | None = None) -> tuple[Standing, tuple[LedgerEntry, ...]]:
    """Handle one observed behaviour; return the new standing and its ledger entries.

    `step` is the step number the first entry takes; `seen_by` is the
    observation's own witness, which overrides each rule's.
    """
    counts = dict(standing.counts)
    counts[behaviour] = counts.get(behaviour, 0) + 1
    standing = Standing(standing.score, standing.tier, standing.lists, standing.active,
                        MappingProxyType(counts))
    entries: list[LedgerEntry] = []
    for rule in ruleset.rules_on(behaviour):
        if rule.cond is not None and not rule.cond.fn(env_of(ruleset, standing)):
            continue
        standing, entry = _fire(ruleset, standing, rule, scene, step + len(entries), seen_by)
        entries.append(entry)
    if not entries:
        standing, entry = _record(ruleset, standing, behaviour, scene, step, seen_by)
        entries.append(entry)
    return standing, tuple(entries)


def _fire(ruleset: Ruleset, standing: Standing, rule: Rule, scene: str, step: int,
          seen_by: str | None) -> tuple[Standing, LedgerEntry]:
    after = ruleset.score.clamp(standing.score + rule.delta)
    tier = ruleset.tier_of(after).id
    lists = standing.lists
    if rule.add_to is not None:
        lists = lists | {rule.add_to}
    if rule.remove_from is not None:
        lists = lists - {rule.remove_from}
    env = Env(_NO_VARS, lists, standing.counts, (), None, after, tier, ruleset.scored)
    active = tuple(c.id for c in ruleset.consequences if c.when.fn(env))
    # Positional: this runs at every firing, and keywords cost a third more here.
    entry = LedgerEntry(
        step, scene, rule.on, rule.id, rule.delta, standing.score, after, tier, rule.reason,
        seen_by or rule.seen_by, rule.fidelity, rule.sources, _started(standing.active, active),
        _started(active, standing.active), ruleset.notice)
    return Standing(after, tier, lists, active, standing.counts), entry


def _record(ruleset: Ruleset, standing: Standing, behaviour: str, scene: str, step: int,
            seen_by: str | None) -> tuple[Standing, LedgerEntry]:
    """An observation no rule scores: recorded all the same, with no points."""
    active = active_consequences(ruleset, standing)
    entry = LedgerEntry(
        step=step, scene=scene, behaviour=behaviour, rule=None, delta=0,
        before=standing.score, after=standing.score, tier=standing.tier,
        reason=f"Recorded; no rule of {ruleset.name} {_verb(ruleset)} it.", seen_by=seen_by,
        fidelity=None, sources=(), started=_started(standing.active, active),
        ended=_started(active, standing.active), notice="")
    return Standing(standing.score, standing.tier, standing.lists, active, standing.counts), entry


def _verb(ruleset: Ruleset) -> str:
    # A ruleset that keeps no score does not "score" anything: it lists.
    return "scores" if ruleset.scored else "acts on"


def _started(before: tuple[str, ...], after: tuple[str, ...]) -> tuple[str, ...]:
    if before == after:  # the usual case: nothing started or ended
        return ()
    return tuple(c for c in after if c not in before)


def capability_open(ruleset: Ruleset, active: tuple[str, ...], capability: str,
                    default: bool) -> tuple[bool, tuple[Consequence, ...]]:
    """Whether a capability is open, and the active restrictions that close it.

    A block always wins; a capability closed by default opens only through an
    active privilege that grants it.
    """
    blockers = tuple(c for c in ruleset.consequences
                     if c.id in active and capability in c.blocks)
    if blockers:
        return False, blockers
    if default:
        return True, ()
    granted = any(c.id in active and capability in c.grants for c in ruleset.consequences)
    return granted, ()
