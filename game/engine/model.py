"""The narrative's data: story, scenarios, scenes, choices, observations (all frozen).

Built once by `game.engine.load`; past the loader nothing is checked again.
Expressions arrive parsed (`Expr`) and text arrives as `Template`s, so playing
never parses anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from game.engine.expr import Expr
from game.engine.text import Template
from game.rules.model import Ruleset, Source, Where

Value = int | bool | str


@dataclass(frozen=True, slots=True)
class Capability:
    id: str
    name: str
    default: bool


@dataclass(frozen=True, slots=True)
class Observation:
    """A behaviour the system may observe: always (chance 1.0) or with a seeded draw."""

    behaviour: str
    chance: float = 1.0
    seen_by: str | None = None


@dataclass(frozen=True, slots=True)
class Fact:
    """A card shown beside a scene: a real case behind the fiction."""

    text: str
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class Choice:
    position: int  # 1-based, as written in the file
    text: Template
    goto: str
    cond: Expr | None = None
    requires: tuple[str, ...] = ()
    observe: tuple[Observation, ...] = ()
    set: tuple[tuple[str, Value], ...] = ()
    add: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Scene:
    id: str
    text: Template
    choices: tuple[Choice, ...] = ()
    goto: str | None = None
    ending: Template | None = None
    observe: tuple[Observation, ...] = ()
    set: tuple[tuple[str, Value], ...] = ()
    add: tuple[tuple[str, int], ...] = ()
    discuss: Template | None = None
    facts: tuple[Fact, ...] = ()
    image: str | None = None
    where: Where | None = field(default=None, compare=False)

    @property
    def is_ending(self) -> bool:
        return self.ending is not None

    def successors(self) -> tuple[str, ...]:
        """Every scene id this scene can lead to, ignoring conditions."""
        if self.goto is not None:
            return (self.goto,)
        return tuple(c.goto for c in self.choices)


@dataclass(frozen=True, slots=True)
class Scenario:
    id: str
    title: str
    ruleset: str
    start: str
    scenes: dict[str, Scene]
    vars: dict[str, Value] = field(default_factory=dict)
    role: str = ""
    blurb: str = ""
    minutes: int | None = None  # estimated play time, for the scenario card
    short_of: str | None = None  # this is the short kiosk path of that scenario
    where: Where | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Story:
    """A whole story folder: catalogs, sources, rulesets and scenarios."""

    title: str
    behaviours: dict[str, str]
    capabilities: dict[str, Capability]
    sources: dict[str, Source]
    rulesets: dict[str, Ruleset]
    scenarios: dict[str, Scenario]
    root: Path
    checksum: str  # of every file in the folder: replay codes refuse another version
    behaviour_where: dict[str, Where] = field(default_factory=dict, compare=False)

    def scenario(self, sid: str) -> Scenario:
        return self.scenarios[sid]

    def ruleset(self, rid: str) -> Ruleset:
        return self.rulesets[rid]
