"""present(): what the player sees now, as plain frozen data for every front end.

The window, the terminal and the reports all draw from a `View`; none of them
evaluates a condition or a rule itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.model import Fact
from game.engine.play import Context, State, capability, choice_status, env, values
from game.rules.ledger import LedgerEntry
from game.rules.model import Consequence, Tier

OPEN, HIDDEN, BLOCKED = "open", "hidden", "blocked"


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
    status: str  # OPEN, HIDDEN or BLOCKED
    closed: tuple[Closed, ...] = ()

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

    @property
    def visible_choices(self) -> tuple[ChoiceView, ...]:
        return tuple(c for c in self.choices if c.status != HIDDEN)


def present(ctx: Context, state: State) -> View:
    """The view of the current scene: text filled in, every choice with its status."""
    scene = ctx.scene(state)
    vals = values(ctx, state)
    text = scene.text.fill(vals)
    e = env(ctx, state)
    choices = tuple(_choice_view(ctx, state, c, vals, e) for c in scene.choices)
    return View(
        scenario=ctx.scenario.id, scenario_title=ctx.scenario.title,
        ruleset=ctx.ruleset.id, ruleset_name=ctx.ruleset.name, scene=scene.id,
        text=text, paragraphs=paragraphs(text), choices=choices,
        can_continue=scene.goto is not None,
        ending=scene.id if scene.ending is not None else None,
        ending_title=scene.ending.fill(vals) if scene.ending is not None else None,
        discuss=scene.discuss.fill(vals) if scene.discuss is not None else None,
        facts=scene.facts, image=scene.image, standing=standing_view(ctx, state),
        ledger=state.ledger, notice=ctx.ruleset.notice)


def _choice_view(ctx: Context, state: State, choice, vals, e) -> ChoiceView:  # noqa: ANN001
    status, closed = choice_status(ctx, state, choice, e)
    caps = ctx.story.capabilities
    return ChoiceView(choice.position, choice.text.fill(vals), status,
                      tuple(Closed(cap, caps[cap].name, by) for cap, by in closed))


def standing_view(ctx: Context, state: State) -> StandingView:
    """Score, tier, lists, active consequences and every capability's state now."""
    st = state.standing
    lists = tuple((lid, name) for lid, name in ctx.ruleset.lists.items() if lid in st.lists)
    active = tuple(c for c in ctx.ruleset.consequences if c.id in st.active)
    caps = []
    for cap in ctx.story.capabilities.values():
        is_open, by = capability(ctx, state, cap.id)
        caps.append(CapabilityView(cap.id, cap.name, is_open, by, cap.default))
    return StandingView(st.score, ctx.ruleset.tier_of(st.score), lists, active, tuple(caps))


def paragraphs(text: str) -> tuple[str, ...]:
    """Split scene text on blank lines; single newlines inside a paragraph become spaces."""
    out = []
    for block in text.strip().split("\n\n"):
        joined = " ".join(line.strip() for line in block.splitlines() if line.strip())
        if joined:
            out.append(joined)
    return tuple(out)
