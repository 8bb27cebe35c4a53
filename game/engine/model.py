"""The narrative's data: story, scenarios, scenes, choices, observations (all frozen).

Built once by `game.engine.load`; past the loader nothing is checked again.
Expressions arrive parsed (`Expr`) and text arrives as `Template`s, so playing
never parses anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from game.engine.expr import Expr
from game.engine.text import Template
from game.rules.model import Ruleset, Source, Where

# A goto-only loop stops the playthrough after this many scenes; kept here, with the
# scenes, so `check` warns about long runs without importing the player.
SCENE_CAP = 10_000

Value = int | bool | str


class Branch(NamedTuple):
    """One entry of a branching `goto`: taken when `cond` holds (None: always)."""

    cond: Expr | None
    to: str


# Where a scene, choice or `instead` leads: a scene id, or branches tried in order
# (the last one has no condition). Kept a plain str in the usual case: play
# tests `type(goto) is str` and goes on with no evaluation.
Goto = str | tuple[Branch, ...]


def targets(goto: Goto | None) -> tuple[str, ...]:
    """Every scene a `goto` can lead to, ignoring conditions, in order."""
    if goto is None:
        return ()
    if type(goto) is str:
        return (goto,)
    return tuple(b.to for b in goto)  # type: ignore[union-attr]


class Paragraph(NamedTuple):
    """One paragraph of a scene's text given as a list: shown when `cond` holds."""

    cond: Expr | None
    text: Template


# A scene's text: one template (version 1), or paragraphs with conditions.
SceneText = Template | tuple[Paragraph, ...]


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
class Instead:
    """What trying a closed choice does: its own effects and `goto`, and the refusal text."""

    text: Template
    goto: Goto
    observe: tuple[Observation, ...] = ()
    set: tuple[tuple[str, Value], ...] = ()
    add: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Choice:
    position: int  # 1-based, as written in the file
    text: Template
    goto: Goto
    cond: Expr | None = None
    requires: tuple[str, ...] = ()
    observe: tuple[Observation, ...] = ()
    set: tuple[tuple[str, Value], ...] = ()
    add: tuple[tuple[str, int], ...] = ()
    instead: Instead | None = None  # only with `requires`: a closed door can be tried

    def successors(self) -> tuple[str, ...]:
        """Every scene taking (or trying) this choice can lead to, ignoring conditions."""
        out = targets(self.goto)
        if self.instead is not None:
            out += tuple(t for t in targets(self.instead.goto) if t not in out)
        return out


@dataclass(frozen=True, slots=True)
class Scene:
    id: str
    text: SceneText
    choices: tuple[Choice, ...] = ()
    goto: Goto | None = None
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
            return targets(self.goto)
        out: list[str] = []
        for c in self.choices:  # the usual choice, a plain goto, without the general path
            if type(c.goto) is str and c.instead is None:
                out.append(c.goto)
            else:
                out.extend(c.successors())
        return tuple(out)


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
    # Of every file in the folder: what replay codes from before version 2 check. Read
    # through game.engine.identity.folder_checksum, which fills it on first use, so a
    # start never reads every byte of the folder (pictures, or a stray large file).
    checksum: str = field(default="", compare=False)
    behaviour_where: dict[str, Where] = field(default_factory=dict, compare=False)
    # Of what changes play only; filled on first use by game.engine.identity.story_identity
    # (new replay codes check it). Empty until then: read it through that function.
    identity: str = field(default="", compare=False)

    def scenario(self, sid: str) -> Scenario:
        return self.scenarios[sid]

    def ruleset(self, rid: str) -> Ruleset:
        return self.rulesets[rid]
