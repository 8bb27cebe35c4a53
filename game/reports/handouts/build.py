"""Render the teacher pack into a folder: one HTML file per handout.

Everything story-specific (claims, labels, sources, doors, systems) is read from
the loaded story here; the templates only lay it out for paper.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from game.atomic import write_atomic
from game.engine.model import Story
from game.reports.handouts.claims import LABELS, MEANINGS, Claim, claims
from game.reports.handouts.vocabulary import WORDS
from game.rules.model import Consequence, ConsequenceKind, Fidelity, Ruleset

# file name -> (title, template); the order of the index page.
HANDOUTS: dict[str, tuple[str, str]] = {
    "lesson-plan.html": ("One-page lesson plan", "lesson_plan.html.j2"),
    "slides.html": ("Slides", "slides.html.j2"),
    "claim-cards.html": ("Claim card sort", "claim_cards.html.j2"),
    "claim-key.html": ("Claim card sort: answer key", "claim_key.html.j2"),
    "role-sheets.html": ("Role sheets", "role_sheets.html.j2"),
    "exit-quiz.html": ("Exit quiz", "exit_quiz.html.j2"),
    "exit-quiz-key.html": ("Exit quiz: answer key", "exit_quiz_key.html.j2"),
    "vocabulary.html": ("Vocabulary", "vocabulary.html.j2"),
}
OBJECTIVES = (
    "Trace a decision back to the rule, list or score behind it.",
    "Tell the record from the rumour: sort claims by how well they are supported.",
    "Compare rule systems: explain why the same choices end differently under each.",
    "Judge an explanation: say what a fair notice of a decision must contain.",
    "Argue a position: propose and defend rules of your own.",
)


@dataclass(frozen=True, slots=True)
class Question:
    objective: int  # 1-based, into OBJECTIVES
    ask: str
    answer: str
    lines: int = 2  # writing lines on the student's sheet


def _env() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.PackageLoader("game.reports.handouts", "templates"),
                              autoescape=True, undefined=jinja2.StrictUndefined,
                              trim_blocks=True, lstrip_blocks=True)


def _restrictions(story: Story) -> list[tuple[Ruleset, Consequence]]:
    return [(r, c) for r in story.rulesets.values() for c in r.consequences
            if c.kind is ConsequenceKind.RESTRICTION and c.layer in ("", r.id)]


def _cap_names(story: Story, caps: tuple[str, ...]) -> str:
    names = [story.capabilities[c].name.lower() for c in caps if c in story.capabilities]
    return ", ".join(names) or "a door"


def quiz(story: Story, cards: list[Claim]) -> list[Question]:
    """Two or three questions per objective, each with its key, from the story."""
    qs: list[Question] = []
    told = [(r, c) for r, c in _restrictions(story) if c.notice][:2]
    for r, c in told:
        qs.append(Question(1, f"Someone is told: “{c.notice}” Which system closed the door "
                           f"({_cap_names(story, c.blocks)}), and what was the real reason?",
                           f"The {r.name}. {c.explain}"))
    for card in cards[:3]:
        qs.append(Question(2, f"Label this claim documented, reported, contested or "
                           f"dramatized, and name the kind of source you would check: "
                           f"“{card.text}”",
                           f"{card.label}: {MEANINGS[card.fidelity]}. Source: "
                           + ("; ".join(f"{s.outlet}, {s.title}" for s in card.sources)
                              or "none: invented for the game") + "."))
    by_cap: dict[str, list[tuple[Ruleset, Consequence]]] = {}
    for r, c in _restrictions(story):
        for cap in c.blocks:
            by_cap.setdefault(cap, []).append((r, c))
    shared = sorted((v for v in by_cap.items() if len({r.id for r, _ in v[1]}) > 1),
                    key=lambda v: -len(v[1]))[:2]
    for cap, pairs in shared:
        name = story.capabilities[cap].name.lower()
        qs.append(Question(3, f"Name two systems in the game that can stop someone who wants "
                           f"to {name}, and say what triggers it in each.",
                           " ".join(f"The {r.name}: {c.explain}" for r, c in pairs[:3]), 3))
    notice = next((r.notice for r in story.rulesets.values() if r.notice), "")
    if notice:
        qs.append(Question(4, f"An opaque system tells you only: “{notice}” List three things "
                           "a fair notice would also tell you.",
                           "Any three of: which rule was applied; what was observed and who "
                           "supplied the data; how many points or which list; what it closes "
                           "or opens; how true the rule is and its source; how to contest it "
                           "and who decides the appeal.", 3))
    qs.append(Question(4, "Why does a notice that says only “your score is too low” not "
                       "count as an explanation?",
                       "It gives no specific reason, no data and no way to check or contest "
                       "it; US lending rules, for example, require the specific principal "
                       "reasons for a refusal."))
    qs.append(Question(5, "Write one rule a fair system could keep and one you would forbid, "
                       "with a reason for each.",
                       "Open answer. A strong answer states each rule clearly, gives a reason "
                       "about fairness, rights or the rule of law, names who decides and how "
                       "a person could appeal, and weighs one cost of its own rule.", 4))
    return qs


def context(story: Story, out_names: list[str] | None = None) -> dict[str, Any]:
    """What every template may use."""
    cards = claims(story)
    systems = [{"name": r.name, "summary": r.summary, "label": LABELS[r.fidelity],
                "scored": r.scored, "lists": list(r.lists.values())}
               for r in story.rulesets.values()]
    full = [s for s in story.scenarios.values() if not s.short_of]
    return {
        "title": story.title, "claims": cards, "labels": LABELS, "meanings": MEANINGS,
        "fidelities": list(Fidelity), "objectives": OBJECTIVES, "quiz": quiz(story, cards),
        "words": sorted(WORDS), "systems": systems, "lives": full,
        "doors": [{"system": r.name, "told": c.notice, "closes": _cap_names(story, c.blocks),
                   "explain": c.explain, "label": LABELS[c.fidelity]}
                  for r, c in _restrictions(story)],
        "handouts": [(name, title) for name, (title, _) in HANDOUTS.items()],
    }


def write_handouts(story: Story, folder: Path) -> list[Path]:
    """Write every handout and an index page into `folder`; return the paths written."""
    env = _env()
    ctx = context(story)
    written = []
    for name, (title, template) in HANDOUTS.items():
        html = env.get_template(template).render(page_title=title, **ctx)
        written.append(write_atomic(folder / name, html))
    written.append(write_atomic(folder / "index.html",
                                env.get_template("index.html.j2").render(page_title="Teacher pack",
                                                                          **ctx)))
    return written
