"""A life in the address bar: the web player's whole game state is its URL.

A token names the life, the ruleset, the seed and every step taken so far,
e.g. `4-2-0-12_1__2` (scenario 4 and ruleset 2 in sorted order, seed 0, then
choice 1, choice 2, continue, choice 1, continue, continue, choice 2). The
server keeps nothing per player: each page replays the token through the
engine host (a few hundred microseconds), so the back button, a reload, a
second worker or a restarted server all land on the same screen. Each choice
is a plain link to the token one step longer, which works without JavaScript.

Tokens carry indices, not ids, so no id reaches the address bar; positions
1..35 are one base-36 letter, larger ones `(NN)`, a continue is `_`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from game.engine.host import Beat, Life, PlayError
from game.engine.model import Story

MAX_TOKEN = 1500  # characters: far longer than any life in the bundled story
_TOKEN = re.compile(r"(\d{1,3})-(\d{1,3})-(\d{1,6})-((?:[1-9a-z_]|\(\d{1,4}\))*)")
_STEP = re.compile(r"[1-9a-z_]|\((\d{1,4})\)")
GO_ON = "_"


class BadToken(ValueError):
    """The address does not name a life of this story (mistyped, or another version)."""


@dataclass(frozen=True, slots=True)
class Where:
    """A decoded token: which life, under which rules, and the steps taken."""

    scenario: str
    ruleset: str
    seed: int
    steps: tuple[int | str, ...]  # a position per choice, "_" per continue


def token(story: Story, scenario: str, ruleset: str, seed: int,
          steps: tuple[int | str, ...] | list[int | str]) -> str:
    """The token of a life (inverse of `read`)."""
    si, ri = sorted(story.scenarios).index(scenario), sorted(story.rulesets).index(ruleset)
    return f"{si}-{ri}-{seed}-" + "".join(_step(s) for s in steps)


def _step(step: int | str) -> str:
    if step == GO_ON or step == "c":
        return GO_ON
    n = int(step)
    return _base36(n) if 1 <= n <= 35 else f"({n})"


def _base36(n: int) -> str:
    return "0123456789abcdefghijklmnopqrstuvwxyz"[n]


def read(story: Story, text: str) -> Where:
    """Decode a token; BadToken when it does not fit this story."""
    if len(text) > MAX_TOKEN:
        raise BadToken("too long")
    m = _TOKEN.fullmatch(text)
    if not m:
        raise BadToken("not a life address")
    scenarios, rulesets = sorted(story.scenarios), sorted(story.rulesets)
    si, ri = int(m.group(1)), int(m.group(2))
    if si >= len(scenarios) or ri >= len(rulesets):
        raise BadToken("no such life or rules")
    steps: list[int | str] = []
    for part in _STEP.finditer(m.group(4)):
        s = part.group(0)
        steps.append(GO_ON if s == GO_ON else int(part.group(1) or s, 36 if not part.group(1)
                                                   else 10))
    return Where(scenarios[si], rulesets[ri], int(m.group(3)), tuple(steps))


def walk(story: Story, where: Where) -> tuple[Life, Beat | None]:
    """The life a token names, and what its last step did (None before the first step).

    BadToken when a step cannot be taken (a hidden or closed door, a continue
    where there are choices): the address was edited or the story changed.
    """
    life = Life.begin(story, where.scenario, where.ruleset, where.seed)
    beat: Beat | None = None
    try:
        for s in where.steps:
            beat = life.go_on() if s == GO_ON else life.choose(int(s))
    except PlayError as exc:  # LoopLimit included
        raise BadToken("a step cannot be taken") from exc
    return life, beat


def extend(story: Story, where: Where, step: int | str) -> str:
    """The token one step further on."""
    return token(story, where.scenario, where.ruleset, where.seed, where.steps + (step,))
