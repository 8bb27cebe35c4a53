"""present(): what the player sees now, as plain frozen data for every front end.

The window, the terminal and the reports all draw from a `View`; none of them
evaluates a condition or a rule itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.engine.events import Refused
from game.engine.expr import Env
from game.engine.model import Choice, Fact, Scene
from game.engine.play import (
    BLOCKED,
    HIDDEN,
    OPEN,
    ChoiceStatus,
    ClosedBy,
    Context,
    State,
    capability,
    env,
    statuses,
    values,
)
from game.rules.ledger import LedgerEntry
from game.rules.model import Consequence, Tier

__all__ = ["BLOCKED", "HIDDEN", "OPEN", "CapabilityView", "ChoiceStatus", "ChoiceView",
           "Closed", "StandingView", "View", "paragraphs", "present", "standing_view"]


@dataclass(frozen=True, slots=True)
class Closed:
    """One capability a choice requires that is closed now, and what closes it."""

    capability: str
    name: str
    by: tuple[Consequence, ...]  # empty: closed by default and no privilege grants it


@dataclass(frozen=True, slots=True)
class ChoiceView:
    position: int
    text: str
    status: ChoiceStatus  # OPEN, HIDDEN or BLOCKED
    closed: tuple[Closed, ...] = ()
    can_try: bool = False  # closed, but it has `instead`: show it closed AND pressable

    @property
    def notices(self) -> tuple[str, ...]:
        """What an opaque system tells the citizen about this closed door."""
        return tuple(c.notice for cl in self.closed for c in cl.by if c.notice)


@dataclass(frozen=True, slots=True)
class CapabilityView:
    id: str
    name: str
    open: bool
    by: tuple[Consequence, ...]
    default: bool


@dataclass(frozen=True, slots=True)
class StandingView:
    score: int
    tier: Tier
    lists: tuple[tuple[str, str], ...]  # (list id, list name)
    active: tuple[Consequence, ...]
    capabilities: tuple[CapabilityView, ...]
    scored: bool = True  # False: the ruleset keeps no score: show no score or tier, only lists


@dataclass(frozen=True, slots=True)
class View:
    scenario: str
    scenario_title: str
    ruleset: str
    ruleset_name: str
    scene: str
    text: str
    paragraphs: tuple[str, ...]
    choices: tuple[ChoiceView, ...]  # every choice, hidden ones too, in file order
    can_continue: bool
    ending: str | None  # the ending id (scene id) when this is an ending
    ending_title: str | None
    discuss: str | None
    facts: tuple[Fact, ...]
    image: str | None
    standing: StandingView
    ledger: tuple[LedgerEntry, ...]
    notice: str  # the ruleset's opaque notice
    refusal: Refused | None = None  # the closed door tried by the step just taken, if any

    @property
    def visible_choices(self) -> tuple[ChoiceView, ...]:
        return tuple(c for c in self.choices if c.status != HIDDEN)


def present(ctx: Context, state: State) -> View:
    """The view of the current scene: text filled in, every choice with its status."""
    scene = ctx.scene(state)
    vals = values(ctx, state)
    e = env(ctx, state)
    shown = _shown_text(scene, vals, e)
    choices = tuple(_choice_view(ctx, c, status, closed, vals)
                    for c, (status, closed) in zip(scene.choices, statuses(ctx, state),
                                                   strict=True))
    return View(
        scenario=ctx.scenario.id, scenario_title=ctx.scenario.title,
        ruleset=ctx.ruleset.id, ruleset_name=ctx.ruleset.name, scene=scene.id,
        text="\n\n".join(shown),
        paragraphs=tuple(p for block in shown for p in paragraphs(block)), choices=choices,
        can_continue=scene.goto is not None,
        ending=scene.id if scene.ending is not None else None,
        ending_title=scene.ending.fill(vals) if scene.ending is not None else None,
        discuss=scene.discuss.fill(vals) if scene.discuss is not None else None,
        facts=scene.facts, image=scene.image, standing=standing_view(ctx, state),
        ledger=state.ledger, notice=ctx.ruleset.notice,
        refusal=state.refused[0] if state.refused else None)


def _shown_text(scene: Scene, vals: dict[str, Any], e: Env) -> list[str]:
    """The scene's text as blocks: one template, or the paragraphs whose `if` holds now
    (after the scene's entry effects, which ran before the player stands here)."""
    if not isinstance(scene.text, tuple):
        return [scene.text.fill(vals)]
    return [p.text.fill(vals) for p in scene.text if p.cond is None or p.cond.fn(e)]


def _choice_view(ctx: Context, choice: Choice, status: ChoiceStatus, closed: ClosedBy,
                 vals: dict[str, Any]) -> ChoiceView:
    caps = ctx.story.capabilities
    return ChoiceView(choice.position, choice.text.fill(vals), status,
                      tuple(Closed(cap, caps[cap].name, by) for cap, by in closed),
                      status is BLOCKED and choice.instead is not None)


def standing_view(ctx: Context, state: State) -> StandingView:
    """Score, tier, lists, active consequences and every capability's state now."""
    st = state.standing
    lists = tuple((lid, name) for lid, name in ctx.ruleset.lists.items() if lid in st.lists)
    active = tuple(c for c in ctx.ruleset.consequences if c.id in st.active)
    caps = []
    for cap in ctx.story.capabilities.values():
        is_open, by = capability(ctx, state, cap.id)
        caps.append(CapabilityView(cap.id, cap.name, is_open, by, cap.default))
    return StandingView(st.score, ctx.ruleset.tier_of(st.score), lists, active, tuple(caps),
                        ctx.ruleset.scored)


def paragraphs(text: str) -> tuple[str, ...]:
    """Split scene text on blank lines; single newlines inside a paragraph become spaces."""
    out = []
    for block in text.strip().split("\n\n"):
        joined = " ".join(line.strip() for line in block.splitlines() if line.strip())
        if joined:
            out.append(joined)
    return tuple(out)
