"""Every scenario of the bundled story makes a debrief and a class summary."""

from __future__ import annotations

import random

import pytest

from game.analysis import Playthrough, Tally, random_playthrough
from game.classreport import render_class_report
from game.codes import encode
from game.engine.load import load_story
from game.engine.play import Context
from game.paths import bundled_story
from game.report import render_report


@pytest.fixture(scope="module")
def bundled():
    return load_story(bundled_story())


def lives(story, per_scenario: int = 3) -> list[Playthrough]:
    out = []
    chooser = random.Random(7)
    for sid in story.scenarios:
        ctx = Context.of(story, sid)
        for seed in range(per_scenario):
            state = random_playthrough(ctx, seed, chooser, Tally())
            out.append(Playthrough(sid, ctx.ruleset.id, seed, state.choices))
    return out


def test_each_scenario_renders_a_debrief_with_all_its_notices(bundled) -> None:
    for pt in lives(bundled, per_scenario=2):
        html = render_report(bundled, pt)
        assert html.count('<article class="notice') >= 1 or "recorded nothing" in html
        assert html.count("<tr class=") == len(bundled.rulesets)  # the what-if rows
        assert "<script" not in html.lower()


def test_the_bundled_story_makes_a_class_summary(bundled) -> None:
    codes = [encode(bundled, pt) for pt in lives(bundled)]
    html, problems = render_class_report(bundled, codes)
    assert problems == []
    assert f"Codes handed in: <b>{len(codes)}</b>" in html
    for scenario in bundled.scenarios.values():
        assert f'id="h-{scenario.id}"' in html
