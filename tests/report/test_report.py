"""The printable debrief: what a teacher or student reads on the page."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markupsafe import escape
from report_story import LISTED, PERK

from game.analysis import Playthrough, replay
from game.engine.play import PlayError
from game.reports.debrief import render_report, write_report


def notices(html: str) -> list[str]:
    """The HTML of each notice card, in order."""
    return re.findall(r'<article class="notice.*?</article>', html, flags=re.S)


def test_the_ending_is_shown(story) -> None:
    html = render_report(story, PERK)
    assert '<div class="big">Roaming freely</div>' in html


def test_a_playthrough_that_stops_early_says_so(story) -> None:
    html = render_report(story, Playthrough("courier", "points", 0, (1,)))
    assert "No ending reached" in html


def test_every_ledger_entry_is_a_notice_with_its_reason_and_sources(story) -> None:
    for pt in (LISTED, PERK, Playthrough("courier", "points", 3, (2, 2, 2))):
        html = render_report(story, pt)
        ledger = replay(story, pt).state.ledger
        cards = notices(html)
        assert len(cards) == len(ledger) > 0
        for entry, card in zip(ledger, cards, strict=True):
            assert f"Notice {entry.step}<" in card
            assert str(escape(entry.reason)) in card  # the rule's reason, in words
            assert ("recorded, no rule" in card) == (entry.rule is None)
            assert not entry.rule or entry.rule not in card  # never the rule's id
            for source in entry.sources:
                assert f'href="#src-{source.id}"' in card
                assert f'<li id="src-{source.id}">' in html
            if entry.seen_by:
                assert entry.seen_by in card


def test_notice_shows_points_reason_and_what_the_citizen_was_told(story) -> None:
    card = notices(render_report(story, LISTED))[1]
    assert "\u2212100" in card and "995 → 895" in card
    assert "Did not pay what the court ordered." in card
    assert "court enforcement records" in card
    assert "Your credit record has been updated." in card
    assert '<span class="badge documented"' in card
    # the consequence it set off, in words: what it closes
    assert "<b>Closed to you from now on: buy a high-speed rail ticket.</b>" in card
    for engine_id in ("COURT-DEFAULT", "RAIL-BAN", "day2", "court.judgment"):
        assert engine_id not in card


def test_a_record_with_no_rule_is_still_a_notice(story) -> None:
    pt = Playthrough("courier", "points", 3, (2, 2, 2))  # seed 3: the app shares the location
    ledger = replay(story, pt).state.ledger
    assert any(e.rule is None for e in ledger)
    card = next(c for c in notices(render_report(story, pt)) if "recorded, no rule" in c)
    assert "the delivery app" in card and "badge recorded" in card


def test_the_chart_is_inline_svg_with_a_marker_per_change(story) -> None:
    html = render_report(story, LISTED)
    figure = re.search(r"<figure>.*?</figure>", html, flags=re.S).group()
    assert "<svg" in figure and "<path d=\"M" in figure
    markers = re.findall(r'<g class="marker (\w+)"><title>([^<]*)</title>', figure)
    assert [m[1] for m in markers] == ["1: \u22125", "2: \u2212100"]
    assert [m[0] for m in markers] == ["change", "restriction"]
    assert "from 900: Relatively trustworthy" in figure  # the tier line it crossed


def test_the_doors_closed_on_the_path_and_why(story) -> None:
    html = render_report(story, LISTED)
    table = re.search(r'id="h-doors".*?</table>', html, flags=re.S).group()
    assert "Take the fast train" in table and "RAIL-BAN" not in table
    assert "Ticket purchase failed." in table  # what the citizen is told
    assert "People on the debtors list may not buy high-speed rail tickets." in table
    assert "Rent a bike with no deposit" in table
    assert "only a privilege opens this, and you held none that does" in table


def test_no_closed_doors_says_so(story) -> None:
    html = render_report(story, PERK)
    assert "No choice was closed to you on this path." in html


def whatif_cards(html: str) -> list[tuple[str, str]]:
    """(class, HTML) of each what-if card, in order."""
    section = re.search(r'id="h-whatif".*?</section>', html, flags=re.S).group()
    return re.findall(r'<article class="(wi[^"]*)">(.*?)</article>', section, flags=re.S)


def test_what_if_has_one_card_per_ruleset(story) -> None:
    cards = whatif_cards(render_report(story, LISTED))
    assert len(cards) == len(story.rulesets) == 2
    assert cards[0][0] == "wi played" and "Points town" in cards[0][1] and "895" in cards[0][1]
    assert cards[1][0] == "wi" and "Court list only" in cards[1][1]
    # the court keeps no score: its card says so and shows no figure of one
    assert "keeps lists, not points" in cards[1][1] and "points, from" not in cards[1][1]
    assert "List of dishonest judgment debtors" in cards[1][1]


def test_what_if_shows_where_other_rules_stop_the_same_choices(story) -> None:
    card = whatif_cards(render_report(story, PERK))[-1][1]  # no bike perk under the court
    assert "Court list only" in card and "Could not go on" in card
    assert ("“Rent a bike with no deposit” was closed under these rules" in card
            and "Only a privilege opens “Rent a bike with no deposit”, and this life held none "
            "that does." in card)
    assert "day3" not in card  # said in words, never with scene ids


def test_discussion_questions_met_first_then_the_others(story) -> None:
    html = render_report(story, PERK)
    questions = re.search(r'<ol class="questions">(.*?)</ol>', html, flags=re.S).group(1)
    items = re.findall(r'<li class="(met|other)">(.*?)</li>', questions, flags=re.S)
    assert [k for k, _ in items] == ["met", "met", "other"]
    assert items[0][1].startswith("Who decided that the letter mattered?")
    assert items[1][1].startswith("Would you have paid? Who set the price?")


def test_sources_are_listed_with_web_links_only(story) -> None:
    html = render_report(story, PERK)
    sources = re.search(r'<ol class="sources" id="sources">.*?</ol>', html, flags=re.S).group()
    assert 'href="https://example.org/court?list=1&amp;lang=en"' in sources
    assert "Journal of Tests" in sources  # a source with no url is still listed
    # A source whose url is not a web address is shown as text, never as a link.
    assert "javascript:" not in re.sub(r'<span class="url">[^<]*</span>', "", html)


class Resources(HTMLParser):
    """Every attribute that would make a browser fetch or go somewhere, with its context."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, dict]] = []
        self.found: list[tuple[str, str, str, bool]] = []  # tag, attr, value, in sources list

    def handle_starttag(self, tag, attrs):  # noqa: ANN001
        a = dict(attrs)
        in_sources = any(t == "ol" and d.get("id") == "sources" for t, d in self.stack)
        for name in ("src", "href", "xlink:href", "srcset", "action", "data", "poster"):
            if name in a:
                self.found.append((tag, name, a[name] or "", in_sources and
                                   "cite" in (a.get("class") or "").split()))
        if tag not in ("meta", "link", "br", "img", "input", "rect", "circle", "line", "path"):
            self.stack.append((tag, a))

    def handle_endtag(self, tag):  # noqa: ANN001
        while self.stack:
            if self.stack.pop()[0] == tag:
                break


@pytest.mark.parametrize("pt", [LISTED, PERK])
def test_nothing_is_loaded_from_outside(story, pt) -> None:
    html = render_report(story, pt, name="Ann")
    parser = Resources()
    parser.feed(html)
    for tag, attr, value, is_citation in parser.found:
        if value.startswith("#"):
            continue  # a link within the page
        assert (tag, attr) == ("a", "href") and is_citation, (tag, attr, value)
    assert "@import" not in html and "url(" not in html
    assert "<link" not in html and "<script" not in html.lower() and "<iframe" not in html
    assert "default-src 'none'" in html  # the page forbids scripts and remote loads


def test_a_script_in_a_name_or_the_story_is_only_text(story) -> None:
    name = "<script>document.title='PWNED'</script><img src=x onerror=alert(1)>"
    html = render_report(story, LISTED, name=name)
    assert "<script" not in html.lower() and "<img" not in html
    assert "&lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt;" in html  # the name
    assert "Going nowhere &lt;script&gt;" in html  # an ending title from the story
    assert "&lt;script&gt;document.title=&#39;PWNED-RULE&#39;" in html  # a rule's reason


def test_anonymous_unless_a_name_is_given(story) -> None:
    assert "Played by: <b>anonymous</b>" in render_report(story, PERK)
    assert "Played by: <b>anonymous</b>" in render_report(story, PERK, name="   ")
    named = render_report(story, PERK, name="Li Wei")
    assert "Played by: <b><bdi>Li Wei</bdi></b>" in named and "anonymous" not in named


def test_print_css_for_paper(story) -> None:
    html = render_report(story, PERK)
    assert "@page" in html and "@media print" in html
    assert "break-inside: avoid" in html and "page-break-inside: avoid" in html


def test_same_playthrough_same_bytes(story) -> None:
    assert render_report(story, LISTED, "A") == render_report(story, LISTED, "A")


def test_write_report_writes_the_page_and_leaves_no_temporary_file(story, tmp_path) -> None:
    out = tmp_path / "debrief.html"
    assert write_report(story, LISTED, out) == out
    assert out.read_text(encoding="utf-8") == render_report(story, LISTED)
    assert os.listdir(tmp_path) == ["debrief.html"]
    assert out.stat().st_mode & 0o044  # readable by others, like any saved page


def test_an_impossible_playthrough_writes_nothing(story, tmp_path: Path) -> None:
    out = tmp_path / "debrief.html"
    out.write_text("the previous report", encoding="utf-8")
    with pytest.raises(PlayError, match="choice 2 is not open"):
        write_report(story, Playthrough("courier", "points", 0, (1, 1, 2)), out)
    assert out.read_text(encoding="utf-8") == "the previous report"
    assert os.listdir(tmp_path) == ["debrief.html"]


def test_same_bytes_whatever_the_hash_seed(story) -> None:
    # Sets of strings iterate in another order under another PYTHONHASHSEED.
    script = ("import hashlib, sys; sys.path.insert(0, sys.argv[1]);"
              "from report_story import STORY, LISTED, PERK;"
              "from game.engine.load import load_story; from game.reports.debrief import render_report;"
              "s = load_story(STORY);"
              "print(hashlib.sha256((render_report(s, LISTED) + render_report(s, PERK))"
              ".encode()).hexdigest())")
    here = str(Path(__file__).resolve().parent)
    digests = set()
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        out = subprocess.run([sys.executable, "-c", script, here], env=env, check=True,
                             capture_output=True, text=True, cwd=Path(here).parent.parent)
        digests.add(out.stdout.strip())
    expected = hashlib.sha256((render_report(story, LISTED) + render_report(story, PERK))
                              .encode()).hexdigest()
    assert digests == {expected}
