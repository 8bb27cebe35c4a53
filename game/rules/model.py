"""The rules layer's data: rulesets, rules, consequences, tiers and sources (all frozen).

A ruleset knows nothing of scenes: it turns observed behaviours into score
changes, list changes and active consequences. The loader builds these objects;
past it, nothing is validated again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from game.rules.condition import Expr


class Fidelity(StrEnum):
    """How true a rule or consequence is, and what kind of source backs it."""

    DOCUMENTED = "documented"
    REPORTED = "reported"
    CONTESTED = "contested"
    DRAMATIZED = "dramatized"

    @property
    def needs_sources(self) -> bool:
        return self is not Fidelity.DRAMATIZED

    @property
    def meaning(self) -> str:
        """What the label means, in the words every front end shows."""
        return _MEANINGS[self]


_MEANINGS = {
    Fidelity.DOCUMENTED: "official documents, court or government data",
    Fidelity.REPORTED: "reported by credible journalism",
    Fidelity.CONTESTED: "widely reported, disputed by experts",
    Fidelity.DRAMATIZED: "invented for the game",
}


class ConsequenceKind(StrEnum):
    """What a consequence does to capabilities while active."""

    RESTRICTION = "restriction"  # closes the capabilities in `blocks`
    PRIVILEGE = "privilege"  # opens the capabilities in `grants`


@dataclass(frozen=True, slots=True)
class Where:
    """A place in a story file, for warnings and errors: path and 1-based line."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True, slots=True)
class Source:
    """One citation from sources.yaml."""

    id: str
    title: str
    outlet: str
    date: str
    url: str | None = None

    def as_json(self) -> dict[str, str | None]:
        return {"id": self.id, "title": self.title, "outlet": self.outlet,
                "date": self.date, "url": self.url}


@dataclass(frozen=True, slots=True)
class Tier:
    id: str
    min: int
    label: str


# The tier of a ruleset that keeps no score: `tier` reads '' and `{tier_label}`
# reads "no score" (STORY-FORMAT.md, version 2). Never listed among its tiers.
NO_TIER = Tier("", 0, "no score")


@dataclass(frozen=True, slots=True)
class ScoreRange:
    start: int
    min: int = 0
    max: int | None = None

    def clamp(self, value: int) -> int:
        if value < self.min:
            return self.min
        if self.max is not None and value > self.max:
            return self.max
        return value


@dataclass(frozen=True, slots=True)
class Rule:
    """How one observed behaviour changes the standing, and why."""

    id: str
    on: str
    reason: str
    seen_by: str
    fidelity: Fidelity
    sources: tuple[Source, ...]
    delta: int = 0
    cond: Expr | None = None
    add_to: str | None = None
    remove_from: str | None = None
    where: Where | None = field(default=None, compare=False)
    layer: str = ""  # the id of the ruleset whose file declares it


@dataclass(frozen=True, slots=True)
class Consequence:
    """A restriction or privilege, active while its `when` holds."""

    id: str
    kind: ConsequenceKind
    when: Expr
    explain: str
    fidelity: Fidelity
    sources: tuple[Source, ...]
    blocks: tuple[str, ...] = ()
    grants: tuple[str, ...] = ()
    notice: str = ""
    where: Where | None = field(default=None, compare=False)
    layer: str = ""  # the id of the ruleset whose file declares it


@dataclass(frozen=True, slots=True)
class Ruleset:
    """One way of turning behaviour into standing, combined with the layers it includes.

    `rules`, `consequences` and `lists` are the combined ones: the included
    rulesets' first, in `includes` order, then its own (each item's `layer`
    names the ruleset it comes from). A ruleset that keeps no score has
    `scored` False, no tiers and a score range of [0, 0].
    """

    id: str
    name: str
    fidelity: Fidelity
    sources: tuple[Source, ...]
    score: ScoreRange
    tiers: tuple[Tier, ...]
    rules: tuple[Rule, ...] = ()
    consequences: tuple[Consequence, ...] = ()
    lists: dict[str, str] = field(default_factory=dict)  # list id -> name, in file order
    summary: str = ""
    notice: str = ""
    where: Where | None = field(default=None, compare=False)
    scored: bool = True  # False: the ruleset keeps lists and consequences only
    includes: tuple[str, ...] = ()  # the rulesets layered under it, in order
    list_layers: dict[str, str] = field(default_factory=dict, compare=False)  # list -> ruleset
    by_on: dict[str, tuple[Rule, ...]] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        # Index rules by behaviour once, so firing is a dict lookup per observation.
        index: dict[str, list[Rule]] = {}
        for rule in self.rules:
            index.setdefault(rule.on, []).append(rule)
        object.__setattr__(self, "by_on", {k: tuple(v) for k, v in index.items()})

    def tier_of(self, score: int) -> Tier:
        """The highest tier whose `min` the score reaches (the last tier otherwise).

        NO_TIER for a ruleset that keeps no score.
        """
        for tier in self.tiers:
            if score >= tier.min:
                return tier
        return self.tiers[-1] if self.tiers else NO_TIER

    @property
    def keeps_score(self) -> bool:
        """False for a ruleset that keeps only lists: it keeps no score, or (version 1)
        no rule ever moves the score."""
        return self.scored and any(rule.delta for rule in self.rules)

    def layer_of_list(self, list_id: str) -> str:
        """The id of the ruleset that declares a list (its own id for its own lists)."""
        return self.list_layers.get(list_id, self.id)

    def rules_on(self, behaviour: str) -> tuple[Rule, ...]:
        """The rules with this `on`, in file order."""
        return self.by_on.get(behaviour, ())
