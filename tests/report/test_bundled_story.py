"""Every life of the bundled story, under every ruleset, makes a debrief and a class
summary a player and a teacher can read: words, never the engine's ids; lists, never
a score, under rules that keep none; every closed door that was tried, with its answer.
"""

from __future__ import annotations

import random
import re
from html.parser import HTMLParser

import pytest
from markupsafe import escape

from game.codes import encode
from game.engine.host import Life
from game.engine.load import load_story
from game.engine.model import Story
from game.paths import bundled_story
from game.reports.class_summary import render_class_report
from game.reports.debrief import render_report
from game.whatif import compare

LIVES_EACH = 2  # random lives per scenario and ruleset


@pytest.fixture(scope="module")
def bundled() -> Story:
    return load_story(bundled_story())


@pytest.fixture(scope="module")
def lives(bundled: Story) -> list[Life]:
    """A few random finished lives of every scenario under every ruleset."""
    out = []
    chooser = random.Random(7)
    for sid in bundled.scenarios:
        for rid in bundled.rulesets:
            for seed in range(LIVES_EACH):
                life = Life.begin(bundled, sid, rid, seed)
                life.wander(chooser)
                out.append(life)
    return out


@pytest.fixture(scope="module")
def pages(bundled: Story, lives: list[Life]) -> list[tuple[Life, str]]:
    return [(life, render_report(bundled, life.playthrough)) for life in lives]


class Visible(HTMLParser):
    """What a reader can see or hear: text (SVG titles too), and attribute values a
    browser shows (tooltips) or reads aloud. Style sheets are skipped."""

    SHOWN = ("title", "alt", "aria-label", "placeholder", "value")

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._style = 0

    def handle_starttag(self, tag, attrs):  # noqa: ANN001
        self._style += tag == "style"
        self.parts += [v for k, v in attrs if k in self.SHOWN and v]

    def handle_endtag(self, tag):  # noqa: ANN001
        self._style -= tag == "style"

    def handle_data(self, data):  # noqa: ANN001
        if not self._style:
            self.parts.append(data)


def visible(html: str) -> str:
    parser = Visible()
    parser.feed(html)
    return "\n".join(parser.parts)


def engine_ids(story: Story) -> dict[str, str]:
    """The story's ids that could only be an id if they showed up on a page.

    Many ids are ordinary words ("a" is a tier, "hotel" a scene, "court" a scene),
    and a page full of prose must be free to use them. So only these count: ids
    with a dash, dot or underscore ("pilot-city", "traffic.red_light", "end_refused"),
    ids written in UPPER-CASE ("RAIL-BAN", and any all-caps id longer than one letter),
    and scene ids with a digit ("act1_close"). Rules, consequences, tiers, lists,
    behaviours, capabilities, rulesets, scenarios and scenes are all collected.
    """
    found: dict[str, str] = {}

    def add(kind: str, ident: str) -> None:
        if re.search(r"[-._\d]", ident) or (ident.isupper() and len(ident) > 1):
            found[ident] = kind

    for rs in story.rulesets.values():
        add("ruleset", rs.id)
        for rule in rs.rules:
            add("rule", rule.id)
        for c in rs.consequences:
            add("consequence", c.id)
        for tier in rs.tiers:
            add("tier", tier.id)
        for list_id in rs.lists:
            add("list", list_id)
    for b in story.behaviours:
        add("behaviour", b)
    for c in story.capabilities:
        add("capability", c)
    for sc in story.scenarios.values():
        add("scenario", sc.id)
        for scene in sc.scenes:
            add("scene", scene)
    return found


def id_pattern(ids: dict[str, str]) -> re.Pattern[str]:
    # A whole token only: "rail-smokers" is not found inside "no-rail-smokers", and an id
    # at the end of a sentence ("... pilot-city.") still counts.
    alternatives = "|".join(sorted(map(re.escape, ids), key=len, reverse=True))
    return re.compile(rf"(?<![\w.\-])({alternatives})(?![\w\-]|\.\w)")


def leaks(text: str, pattern: re.Pattern[str], ids: dict[str, str]) -> list[str]:
    return [f"{ids[m.group(1)]} id {m.group(1)!r} in …{text[max(0, m.start() - 50):m.end() + 30]}…"
            for m in pattern.finditer(text)]


def test_the_id_scan_finds_an_id_when_there_is_one(bundled: Story) -> None:
    # Without this, the scan below could pass because it matches nothing at all.
    ids = engine_ids(bundled)
    pattern = id_pattern(ids)
    assert {"rule", "consequence", "tier", "list", "behaviour", "capability", "ruleset",
            "scene"} <= set(ids.values())
    assert leaks("Blocked by RAIL-BAN.", pattern, ids)
    assert leaks("<b>(scene act1_close)</b>", pattern, ids)
    assert not leaks("a high-speed rail ticket; on a list", pattern, ids)


def test_no_engine_id_reaches_the_debrief_or_the_class_summary(bundled, pages) -> None:
    ids = engine_ids(bundled)
    pattern = id_pattern(ids)
    found = []
    for life, html in pages:
        found += [f"{life.playthrough.scenario}/{life.playthrough.ruleset}: {x}"
                  for x in leaks(visible(html), pattern, ids)]
    codes = [encode(bundled, life.playthrough) for life, _ in pages]
    summary, problems = render_class_report(bundled, codes)
    assert problems == []
    found += [f"class summary: {x}" for x in leaks(visible(summary), pattern, ids)]
    assert not found, "\n".join(found[:20])


def _section(html: str, heading_id: str) -> str:
    return re.search(rf'<section aria-labelledby="{heading_id}">.*?</section>', html,
                     flags=re.S).group()


def test_rules_that_keep_no_score_show_lists_never_a_score_or_tier(bundled, pages) -> None:
    scoreless = {rid for rid, rs in bundled.rulesets.items() if not rs.scored}
    assert scoreless, "the bundled story has a ruleset that keeps no score"
    tiers = {t.label for rs in bundled.rulesets.values() for t in rs.tiers}
    checked = 0
    for life, html in pages:
        cards = re.findall(r'<article class="wi[^"]*">(.*?)</article>', html, flags=re.S)
        names = [life.story.rulesets[r].name for r in bundled.rulesets]
        assert len(cards) == len(names)
        for card in cards:  # every life's what-if: no figure on a scoreless ruleset's card
            if any(f"<b>{escape(bundled.rulesets[r].name)}</b>" in card for r in scoreless):
                assert "keeps lists, not points" in card
                assert not re.search(r"\d+ points", card)
        if life.playthrough.ruleset not in scoreless:
            continue
        checked += 1
        outcome = visible(re.search(r'<section class="outcome".*?</section>', html,
                                    flags=re.S).group())
        assert "Score" not in outcome and "Tier" not in outcome
        assert "What it keeps" in outcome and "lists of names, not points" in outcome
        own = visible(_section(html, "h-chart") + _section(html, "h-notices"))
        assert not re.search(r"\d+ points|[+\u2212]\d+|\d+ \u2192 \d+|Tier", own), own[:400]
        assert not any(label in own for label in tiers - {""})
    assert checked == len(scoreless) * len(bundled.scenarios) * LIVES_EACH


def test_every_refusal_is_in_the_doors_section_with_its_answer(bundled, pages) -> None:
    tried = 0
    for life, html in pages:
        doors = _section(html, "h-doors")
        for refusal in life.refusals:
            tried += 1
            assert '<tr class="tried">' in doors and "You tried it." in doors
            if refusal.text:  # the answer as the player saw it
                assert str(escape(refusal.text)) in doors
    assert tried >= 5, "random play tries some closed doors"


def test_what_if_says_in_words_where_the_same_choices_part(bundled, pages) -> None:
    for life, html in pages[::7]:  # a sample: each comparison replays the life five times
        section = _section(html, "h-whatif")
        for c in compare(bundled, life.playthrough, life):
            assert f"<b>{escape(c.ruleset.name)}</b>" in section
            if not c.own:
                assert str(escape(c.sentence)) in section


def test_the_bundled_story_makes_a_class_summary(bundled, lives) -> None:
    codes = [encode(bundled, life.playthrough) for life in lives[::3]]
    html, problems = render_class_report(bundled, codes)
    assert problems == []
    assert f"Codes handed in: <b>{len(codes)}</b>" in html
    for sid in {life.playthrough.scenario for life in lives[::3]}:
        assert f'id="h-{sid}"' in html
