"""Claims for the card sort: sentences from the story's rules and fact cards.

A claim is something a student can sort into documented, reported, contested or
dramatized, and check against a source. Consequences' explanations are written
as such sentences; a scoring rule becomes one ("Under the city points system,
running a red light costs 5 points."). Each keeps the rule's own fidelity and
sources. Fact cards carry no label of their own, so they are not used.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from game.engine.model import Story
from game.rules.model import Fidelity, Source

LABELS = {
    Fidelity.DOCUMENTED: "Documented",
    Fidelity.REPORTED: "Reported",
    Fidelity.CONTESTED: "Contested",
    Fidelity.DRAMATIZED: "Dramatized",
}
MEANINGS = {f: f.meaning for f in Fidelity}


@dataclass(frozen=True, slots=True)
class Claim:
    number: int
    text: str
    fidelity: Fidelity
    sources: tuple[Source, ...]
    where: str  # which system or life the claim comes from, in words

    @property
    def label(self) -> str:
        return LABELS[self.fidelity]


def _gather(story: Story) -> list[tuple[str, Fidelity, tuple[Source, ...], str]]:
    seen: set[str] = set()
    found: list[tuple[str, Fidelity, tuple[Source, ...], str]] = []

    def add(text: str, fidelity: Fidelity, sources: tuple[Source, ...], where: str) -> None:
        key = " ".join(text.lower().split())
        if len(key) >= 30 and key not in seen:  # short fragments make poor cards
            seen.add(key)
            found.append((" ".join(text.split()), fidelity, sources, where))

    for ruleset in story.rulesets.values():
        own = [x for x in (*ruleset.rules, *ruleset.consequences)
               if x.layer in ("", ruleset.id)]  # a layer's items once, under their own ruleset
        for item in own:
            if hasattr(item, "explain"):
                add(item.explain, item.fidelity, item.sources, ruleset.name)
            else:
                text = _rule_claim(story, ruleset, item)
                if text:
                    add(text, item.fidelity, item.sources, ruleset.name)
    return found


def _rule_claim(story: Story, ruleset, rule) -> str | None:  # noqa: ANN001
    """A scoring or listing rule as one sentence about the system."""
    doing = story.behaviours.get(rule.on, rule.on)
    doing = doing[:1].lower() + doing[1:]
    under = f"Under {_the(ruleset.name)}"
    if rule.delta:
        verb = "costs" if rule.delta < 0 else "earns"
        pts = abs(rule.delta)
        return f"{under}, {doing} {verb} {pts} point{'s' if pts != 1 else ''}."
    if rule.add_to:
        name = ruleset.lists.get(rule.add_to, "a list")
        return f"{under}, {doing} can put a person on {_the(name)}."
    return None


def _the(name: str) -> str:
    """`name` with "the" in front, unless it starts with an article already."""
    first = name.split(" ", 1)[0].lower()
    if first in ("the", "a", "an"):
        return name[:1].lower() + name[1:]
    return f"the {name}"


def claims(story: Story, most: int = 30, seed: int = 0) -> list[Claim]:
    """Up to `most` claims, labels mixed so neighbours do not give each other away.

    The order is shuffled with a fixed seed: the same story gives the same pack,
    and the key matches the cards.
    """
    found = _gather(story)
    by_label: dict[Fidelity, list] = {}
    for item in found:
        by_label.setdefault(item[1], []).append(item)
    picked: list = []
    while len(picked) < most and any(by_label.values()):  # round robin over the labels
        for label in Fidelity:
            if by_label.get(label) and len(picked) < most:
                picked.append(by_label[label].pop(0))
    random.Random(seed).shuffle(picked)
    return [Claim(n, text, fid, srcs, where)
            for n, (text, fid, srcs, where) in enumerate(picked, start=1)]
