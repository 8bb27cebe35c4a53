"""The rider's and the print shop's lives and their kiosk paths, played as a player
would: the first screen names the system in force, every door a ruleset can close
can be tried, the story's words about screens, ringtones, registers and listings
match the rules in force, and each life ends at least three ways under every ruleset.

What test_play.py already pins for every life (differ, stops, listing claims,
reading level, reachability) is not repeated here.
"""

from __future__ import annotations

import re

import pytest

from game.analysis import simulate
from tests.content.helpers import RULESETS, raw, story, walk

MINE = ("rider", "shop")
KIOSK = ("rider-short", "shop-short")
WALKS = 15

# Story words that assert something only the rules may decide, and what must hold
# in the player's standing when a paragraph says it.
CLAIMS = (
    (re.compile(r"your face fills the big screen", re.I),
     lambda lists, caps: "screen-jaywalkers" in lists),
    (re.compile(r"there was no ring|instead of a ring", re.I),
     lambda lists, caps: not caps["phone.plain_ringback"]),
    (re.compile(r"register of judgments", re.I),
     lambda lists, caps: "judgment-register" in lists),
    (re.compile(r"national blacklist", re.I),
     lambda lists, caps: "blacklist" in lists),
    (re.compile(r"list of dishonest judgment debtors", re.I),
     lambda lists, caps: bool({"debtors", "firm-debtors"} & lists)),
    (re.compile(r"fourth face is yours|your own face", re.I),
     lambda lists, caps: not caps["public.privacy"]),
)


def _standing(view):
    lists = {lid for lid, _ in view.standing.lists}
    caps = {c.id: c.open for c in view.standing.capabilities}
    return lists, caps


@pytest.mark.parametrize("ruleset", RULESETS)
@pytest.mark.parametrize("sid", MINE + KIOSK)
def test_the_first_screen_names_the_system_in_force(sid, ruleset):
    first = next(iter(walk(sid, ruleset, 0)))
    opening = first.paragraphs[0]
    assert opening.startswith("You live under a "), opening
    # A scoreless ruleset never shows a score; a scored one shows its number.
    if first.standing.scored:
        assert str(first.standing.score) in opening
    else:
        # ({score} left unguarded reads "no score" under a scoreless ruleset)
        assert "list" in opening and "no score" not in first.text


@pytest.mark.parametrize("ruleset", RULESETS)
@pytest.mark.parametrize("sid", MINE + KIOSK)
def test_words_about_screens_ringtones_and_lists_match_the_rules(sid, ruleset):
    bad = []
    for seed in range(WALKS):
        for view in walk(sid, ruleset, seed):
            lists, caps = _standing(view)
            for para in view.paragraphs:
                for pattern, holds in CLAIMS:
                    if pattern.search(para) and not holds(lists, caps):
                        bad.append(f"{view.scene}: {pattern.pattern}")
    assert sorted(set(bad)) == []


@pytest.mark.parametrize("sid", MINE + KIOSK)
def test_every_door_a_ruleset_can_close_can_be_tried(sid):
    # A `requires` choice without `instead` would stop replays under the rules that close it.
    scenes = raw("scenarios", sid)["scenes"]
    bare = [f"{k} #{i}" for k, sc in scenes.items()
            for i, ch in enumerate(sc.get("choices", []), 1)
            if ch.get("requires") and "instead" not in ch]
    assert bare == []


@pytest.mark.parametrize("sid", MINE + KIOSK)
def test_no_choice_is_hidden_by_an_if(sid):
    # Hidden choices would make the same positions untakeable under another ruleset;
    # these lives branch with goto lists instead.
    scenes = raw("scenarios", sid)["scenes"]
    assert [k for k, sc in scenes.items() for ch in sc.get("choices", []) if "if" in ch] == []


@pytest.mark.parametrize("sid", MINE)
def test_at_least_three_endings_under_every_ruleset(sid):
    for rid in RULESETS:
        endings = simulate(story(), sid, rid, runs=200)["endings"]
        assert len([e for e in endings if e != "null"]) >= 3, (rid, endings)


@pytest.mark.parametrize("sid", MINE)
def test_pictures_on_nine_scenes_in_ten(sid):
    scenes = story().scenario(sid).scenes.values()
    assert sum(1 for s in scenes if s.image) >= 0.9 * len(scenes)


@pytest.mark.parametrize("sid", KIOSK)
def test_kiosk_first_screen_is_short_and_a_door_closes_somewhere(sid):
    first = next(iter(walk(sid, story().scenario(sid).ruleset, 0)))
    assert len(first.text.split()) <= 80
    refused = {rid for rid in RULESETS for seed in range(10)
               for view in walk(sid, rid, seed) if view.refusal is not None}
    assert refused, "no ruleset ever closes a door on the kiosk path"


def test_the_shop_names_the_ground_and_its_term():
    # SPC 2017 provisions: refusing though able to pay has no fixed term; hiding
    # money and breaking a settlement carry two years; paying ends any listing.
    terms = {"refused": "no end date", "hidden": "two years", "broke": "two years"}
    seen = set()
    for seed in range(40):
        for view in walk("shop", "court-list", seed):
            text = view.text
            for ground, words in terms.items():
                if view.scene in ("listed", "broke_plan") and "debtors" in _standing(view)[0]:
                    if (ground == "refused" and "able to pay" in text) \
                            or (ground == "hidden" and "out of the court's reach" in text) \
                            or (ground == "broke" and view.scene == "broke_plan"):
                        assert words in text, (ground, text)
                        seen.add(ground)
            assert "normally lasts" not in text
    assert seen == set(terms)


def test_the_company_is_listed_with_its_representative_named():
    for seed in range(20):
        for view in walk("shop", "court-list", seed):
            if view.scene == "listed" and "firm-debtors" in _standing(view)[0]:
                assert "legal representative" in view.text
                return
    pytest.fail("no walk lists the company")
