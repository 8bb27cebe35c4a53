"""The class summary: many replay codes, one anonymous page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.analysis import Playthrough
from game.codes import encode
from game.engine.load import load_story
from game.reports.class_summary import render_class_report

STORY = Path(__file__).resolve().parent / "report" / "story"

WALK = Playthrough("courier", "points", 0, (1, 1, 3))  # ends "Going nowhere", 895
BIKE = Playthrough("courier", "points", 0, (2, 2, 2))  # ends "Roaming freely", 1030
TRAIN = Playthrough("courier", "points", 0, (2, 2, 1))  # ends "Roaming freely", 1030
COURT = Playthrough("courier", "court", 0, (1, 1, 3))  # played under the court rules


@pytest.fixture(scope="module")
def story():
    return load_story(STORY)


def table_after(html: str, heading: str) -> str:
    return re.search(rf"<h3>{heading}</h3>.*?</table>", html, flags=re.S).group()


def cells(row: str) -> list[str]:
    return [" ".join(re.sub(r"<[^>]+>", " ", c).split())
            for c in re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)]


def rows(table: str) -> list[list[str]]:
    body = table.split("<tbody>", 1)[1]
    return [cells(r) for r in re.findall(r"<tr[^>]*>(.*?)</tr>", body, flags=re.S)]


def test_counts_by_ending(story) -> None:
    codes = [encode(story, p) for p in (WALK, BIKE, TRAIN, BIKE, COURT)]
    html, problems = render_class_report(story, codes)
    assert problems == []
    table = rows(table_after(html, "How it ended"))
    assert [r[:2] for r in table] == [["Roaming freely", "3"], [table[1][0], "2"]]
    assert table[1][0].startswith("Going nowhere")
    assert table[0][2] == "60%"
    under = rows(table_after(html, "The same choices under each set of rules"))
    # Most played ruleset first; the two bike rides cannot be taken under the court rules.
    assert under[0][0].startswith("Points town")
    assert under[0][1].startswith("Roaming freely: 3 Going nowhere")
    assert under[0][1].endswith(": 2")
    assert under[1][0].startswith("Court list only")
    assert under[1][1].startswith("Roaming freely: 1 Going nowhere")
    assert under[1][1].endswith(": 2 could not go on (a choice was closed): 2")
    assert "Codes handed in: <b>5</b>" in html


def test_blank_and_bad_lines_are_reported_with_their_numbers_and_skipped(story) -> None:
    good = encode(story, BIKE)
    i = 8  # a letter in the middle, not the last one (which holds padding bits)
    mistyped = good[:i] + ("Z" if good[i] != "Z" else "Y") + good[i + 1:]
    impossible = encode(story, Playthrough("courier", "court", 0, (2, 2, 2)))
    lines = [good, "", "   ", "Ann Smith's code", mistyped, impossible, good + "\n"]
    html, problems = render_class_report(story, lines)
    assert [p.split(":")[0] for p in problems] == ["2", "3", "4", "5", "6"]
    assert problems[0] == "2: warning: blank line, skipped"
    assert "is not used in codes" in problems[2]
    assert "mistyped" in problems[3]
    assert "cannot be replayed" in problems[4] and "choice 2 is not open" in problems[4]
    assert "Codes handed in: <b>2</b>" in html and "Lines skipped: <b>5</b>" in html
    assert "Ann" not in html  # a skipped line's text never reaches the page
    assert "<li>line 2: blank line, skipped</li>" in html


def test_problems_name_the_file_when_told(story) -> None:
    _, problems = render_class_report(story, ["", encode(story, WALK)], source="codes.txt")
    assert problems == ["codes.txt:1: warning: blank line, skipped"]


def test_the_choices_the_class_made_at_each_scene(story) -> None:
    codes = [encode(story, p) for p in (WALK, BIKE, TRAIN, BIKE)]
    html, _ = render_class_report(story, codes)
    table = rows(table_after(html, "The choices the class made"))
    by_choice = {r[-4]: (r[-3], r[-1]) for r in table}  # text -> (took it, found closed)
    assert by_choice["1. Run the red light"] == ("1", "")
    assert by_choice["2. Wait, and help an old man cross"] == ("3", "")
    assert by_choice["2. Pay the 200"] == ("3", "")
    assert by_choice["1. Take the fast train"] == ("1", "1")  # the one on the list found it closed
    assert by_choice["2. Rent a bike with no deposit"] == ("2", "1")  # closed for the walker
    assert by_choice["3. Walk"] == ("1", "")
    assert "reached by 4" in html


def test_score_distributions_per_ruleset(story) -> None:
    codes = [encode(story, p) for p in (WALK, BIKE, TRAIN, WALK, WALK)]
    html, _ = render_class_report(story, codes)
    heading = "Where the class stood under each set of rules"
    table = rows(table_after(html, heading))
    points, court = table
    assert points[0].startswith("Points town") and points[1:4] == ["895", "895", "1030"]
    assert "<svg" in table_after(html, heading)
    # A ruleset that keeps no score shows no figure of it: only the lists it keeps.
    assert court[0].startswith("Court list only")
    assert "1 could not go on" in court[0]  # the bike ride
    assert court[1:] == ["Keeps lists, not points: 3 of 5 ended on a list."]  # did not pay


def test_the_rules_that_fired_most(story) -> None:
    codes = [encode(story, p) for p in (WALK, BIKE, TRAIN, WALK, WALK)]
    html, _ = render_class_report(story, codes)
    table = rows(table_after(html, "The rules that fired most"))
    assert table[0][0].startswith("Not paying a court judgment")
    assert table[1][0].startswith("Running a red light")
    assert table[0][-2:] == ["3", "3"]  # times fired, students
    assert {r[0].split(" Points")[0].split(" Court")[0] for r in table} == {
        "Not paying a court judgment", "Running a red light", "Helping a stranger",
        "Paying a court judgment"}
    assert "COURT-DEFAULT" not in html and "RAIL-BAN" not in html  # words, never ids
    # Points only under rules that keep a score; a list rule says what it does to lists.
    court_walk = Playthrough("courier", "court", 0, WALK.choices)
    html, _ = render_class_report(story, codes + [encode(story, court_walk)])
    table = rows(table_after(html, "The rules that fired most"))
    listing = next(r for r in table if "Court list only" in r[0] and "Not paying" in r[0])
    assert listing[2] == "puts on List of dishonest judgment debtors" and "points" not in listing[2]
    red = next(r for r in table if r[0].startswith("Running a red light"))
    assert red[2] == "\u22125 points"


def test_no_code_at_all_still_makes_a_page(story) -> None:
    html, problems = render_class_report(story, ["", "nonsense"])
    assert len(problems) == 2
    assert "No replay code could be read" in html


def test_the_page_is_escaped_and_self_contained(story) -> None:
    html, _ = render_class_report(story, [encode(story, WALK)])
    assert "<script" not in html.lower()
    assert "Going nowhere &lt;script&gt;" in html
    assert not re.search(r'(src|href)="(?!#)', html)  # no outside links or loads at all
