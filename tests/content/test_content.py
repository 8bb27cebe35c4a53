"""Content tests for the bundled rulesets: the folder validates, the court list
is a scoreless layer, the rulesets decide differently, and every label matches
facts.md (shared/research/facts.md). Headless; each test can fail on its own.

Run: pytest tests/content
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from game.engine.check import warnings
from game.engine.load import load_with_problems
from tests.content.helpers import RULESETS, STORY, items_of, raw, story

# Sources whose outlet is an official body (court, State Council, ministry,
# regulator, standards body, city government, a legislature's published law):
# the only ones that can back a `documented` label.
OFFICIAL = frozenset({
    "state-council-2014-outline", "spc-2017-debtor-list", "spc-2015-high-consumption",
    "spc-2019-civilized-enforcement",
    "guofa-2016-33", "guobanfa-2019-35", "guobanfa-2020-49", "mou-2016-a-taxpayers",
    "ndrc-2018-trains", "cac-2019-draft", "ndrc-2021-catalogue", "ndrc-2023-order-58",
    "gb-32100-2015", "rongcheng-measures", "suzhou-2016-bikes",
    "register-ew-2005", "zpo-882b", "state-dept-passport-support", "usc-26-7345",
    "fcra-15-usc-1681", "cfpb-2023-03",
})

# Sources that make the popular account's claims (the seed and the reports it
# relies on). A contested rumour item must cite one.
CLAIM_SOURCES = frozenset({
    "rationalwiki-scs", "abc-2018-09-19", "rollingstone-glixel", "asiaone-2019-11-28",
    "euchamber-2019-08-28", "cgtn-2018-07-16",
})

# Labels pinned from facts.md (the row in the comment); changing one needs a new source.
PINNED = {
    ("court-list", "COURT-LIST-DEBTOR"): "documented",      # inf-court
    ("court-list", "COURT-PAID-OFF-LIST"): "documented",    # getoff
    ("court-list", "RAIL-BAN"): "documented",               # pun-travel
    ("court-list", "FLIGHT-BAN"): "documented",             # pun-travel
    ("court-list", "HIGH-SPENDING-BAN"): "documented",      # pun-property, pun-school
    ("court-list", "JOINT-PUNISHMENT"): "documented",       # pun-credit-jobs
    ("court-list", "SMOKING-TRAIN-BAN"): "documented",      # inf-smoking
    ("court-list", "DEBTOR-RINGBACK"): "reported",          # ringtone (some courts)
    ("court-list", "PUBLIC-SHAMING"): "reported",           # pun-shame (some courts)
    ("court-list", "COURT-NAMING-CAMPAIGN"): "reported",    # ringtone, pun-shame
    ("court-list", "PARENT-LISTED-UNIVERSITY"): "reported", # pun-school (the 2018 case)
    ("court-list", "PARENT-LISTED-FEES"): "documented",     # pun-school (SPC Art. 3)
    ("court-list", "COURT-APOLOGY-INSINCERE"): "reported",  # inf-criticism (case)
    ("court-list", "ONLINE-DRAFT-BLACKLIST"): "contested",  # inf-fakenews
    ("pilot-city", "CITY-JAYWALK-SCREEN"): "reported",      # pun-screens
    ("pilot-city", "CITY-HEATING-DISCOUNT"): "reported",    # rew-energy
    ("pilot-city", "CITY-LOAN-TERMS"): "dramatized",        # rew-interest; 1,030 is invented
    ("sesame", "SESAME-GAMES"): "contested",                # inf-games
    ("sesame", "SESAME-LOAN-REPAID"): "dramatized",         # amounts invented
    ("sesame", "SESAME-LOAN-MISSED"): "dramatized",         # amounts invented
    ("sesame", "SESAME-DEPOSIT-FREE-BIKES"): "reported",    # rew-deposit
    ("sesame", "SESAME-VISA"): "reported",                  # rew-travel
    ("rumour", "RUMOUR-TAXES"): "contested",                # rew-tax
    ("credit-bureau", "BUREAU-PASSPORT-KEPT"): "documented",     # w-passport-support/-tax
    ("credit-bureau", "BUREAU-JUDGMENT-REGISTERED"): "documented",  # w-register-ew/-de
}

# Rules and consequences that depict a myth of facts.md section 3 ("label DRAM if used").
MYTHS_DRAMATIZED = {
    ("rumour", "RUMOUR-RED-LIGHT"), ("rumour", "RUMOUR-JAYWALK"),              # m-ai
    ("rumour", "RUMOUR-VIDEO-GAMES"), ("rumour", "RUMOUR-HOUSEHOLD"),          # m-shopping
    ("rumour", "RUMOUR-CRITICISM"),                                            # m-politics
    ("rumour", "RUMOUR-SCHOOL-THRESHOLD"), ("rumour", "RUMOUR-FAMILY-SCORE"),  # m-threshold
    ("rumour", "RUMOUR-TRAVEL-BAN"), ("rumour", "RUMOUR-NO-CREDIT-NO-JOBS"),   # m-lowscore
    ("rumour", "RUMOUR-PROPERTY"), ("rumour", "RUMOUR-SHAME"),                 # m-lowscore
    ("rumour", "RUMOUR-PERKS"), ("rumour", "RUMOUR-BUSINESS-PERKS"),           # m-score
    ("rumour", "RUMOUR-BLACKLIST-BANS"),                                       # m-score
}

# Score thresholds that are real (facts.md): every other threshold must say it is the game's.
REAL_THRESHOLDS = {("sesame", 650), ("sesame", 750), ("pilot-city", 1050)}


def item(rid: str, iid: str):
    found = [it for _, it in items_of(story().ruleset(rid), own=False) if it.id == iid]
    assert found, f"{rid} {iid} is missing"
    return found[0]


def texts(it) -> str:
    return " ".join(t for t in (getattr(it, "reason", ""), getattr(it, "explain", "")) if t)


# ---------------------------------------------------------------- the folder

def test_validates_with_no_errors_and_no_warnings():
    loaded, problems = load_with_problems(STORY)
    assert [str(p) for p in problems] == []
    assert loaded is not None
    assert [str(p) for p in warnings(loaded)] == []


def test_the_five_rulesets_exist():
    assert set(story().rulesets) == set(RULESETS)


# ----------------------------------------------------- the court list is a layer

def test_court_list_keeps_no_score_and_includes_nothing():
    rs = story().ruleset("court-list")
    data = raw("rulesets", "court-list")
    assert not rs.scored
    assert "score" not in data and "tiers" not in data and not data.get("includes")
    assert all(r.delta == 0 for r in rs.rules)


def test_pilot_city_and_sesame_sit_on_the_court_list_and_the_others_do_not():
    s = story()
    for rid in ("pilot-city", "sesame"):
        rs = s.ruleset(rid)
        assert rs.includes == ("court-list",), rid
        assert {"debtors", "firm-debtors", "parent-listed"} <= set(rs.lists), rid
        assert rs.layer_of_list("debtors") == "court-list"
    for rid in ("rumour", "credit-bureau"):
        assert s.ruleset(rid).includes == () and "debtors" not in s.ruleset(rid).lists


def test_being_listed_is_decided_by_court_rules():
    rs = story().ruleset("court-list")
    adders = {r.on for r in rs.rules if r.add_to == "debtors"}
    assert {"court.judgment_unpaid", "court.assets_hidden", "court.apology_rejected"} <= adders
    assert any(r.on == "court.judgment_paid" and r.remove_from == "debtors" for r in rs.rules)
    # Losing a case lists no one (inf-court).
    assert all(not r.add_to for r in rs.rules if r.on == "court.judgment_lost")


def test_a_company_listing_does_not_list_its_representative():
    # SPC 2015 Art. 3: the representative is barred from high spending, not listed.
    rs = story().ruleset("court-list")
    firm = [r for r in rs.rules if r.on == "court.firm_judgment_unpaid"]
    assert firm and all(r.add_to == "firm-debtors" for r in firm)
    joint = item("court-list", "JOINT-PUNISHMENT")
    assert "firm-debtors" not in joint.when.source


def test_some_court_practices_need_a_court_that_runs_them():
    # Ringback tones and public shaming are what *some* courts do: never for every debtor.
    for cid in ("DEBTOR-RINGBACK", "PUBLIC-SHAMING"):
        c = item("court-list", cid)
        assert "naming-court" in c.when.source, cid
        assert c.fidelity != "documented", cid


def test_no_documented_item_describes_what_only_some_do():
    bad = []
    for rs in story().rulesets.values():
        for kind, it in items_of(rs):
            if it.fidelity == "documented" and re.search(
                    r"\b(some|one|a few) (courts?|cities|county|counties|city)\b", texts(it), re.I):
                bad.append(f"{rs.id} {kind} {it.id}")
    assert bad == []


# ------------------------------------------------------- the rulesets decide

def caps_closed_or_opened(rid: str) -> set[str]:
    rs = story().ruleset(rid)
    return {cap for c in rs.consequences for cap in (*c.blocks, *c.grants)}


def test_each_ruleset_moves_doors_the_others_do_not():
    mine = {rid: caps_closed_or_opened(rid) for rid in RULESETS}
    for a in RULESETS:
        for b in RULESETS:
            assert a == b or mine[a] != mine[b], f"{a} and {b} move the same doors"
    for rid in ("pilot-city", "sesame", "rumour", "credit-bureau"):
        own = {cap for c in story().ruleset(rid).consequences if c.layer == rid
               for cap in (*c.blocks, *c.grants)}
        assert own - mine["court-list"], f"{rid} adds no door of its own"
    assert "rent.flat" in mine["credit-bureau"] - mine["court-list"]
    assert "travel.flight" in mine["court-list"] - mine["credit-bureau"]


def test_credit_bureau_compares_like_with_like():
    rs = story().ruleset("credit-bureau")
    assert "judgment-register" in rs.lists
    closed = {cap for c in rs.consequences for cap in c.blocks}
    assert {"rent.flat", "job.credit_checked", "insurance.standard_rate", "loan.new"} <= closed
    # An unpaid judgment in the West closes no travel; it is registered and searched.
    assert not closed & {"travel.flight", "travel.high_speed_rail", "travel.train"}
    on_unpaid = {r.id: r for r in rs.rules_on("court.judgment_unpaid")}
    assert on_unpaid["BUREAU-JUDGMENT-REGISTERED"].add_to == "judgment-register"
    kept = {s.id for s in on_unpaid["BUREAU-PASSPORT-KEPT"].sources}
    assert {"state-dept-passport-support", "usc-26-7345"} <= kept
    cited = {src.id for _, it in items_of(rs) for src in it.sources}
    assert {"register-ew-2005", "registry-trust", "zpo-882b", "fcra-15-usc-1681"} <= cited


def test_the_red_light_costs_points_only_when_the_ticket_comes():
    rs = story().ruleset("pilot-city")
    assert all(r.delta == 0 for r in rs.rules_on("traffic.red_light"))
    assert [r.delta for r in rs.rules_on("traffic.ticket_received")] == [-5]


def test_the_jaywalking_screen_scores_nothing():
    r = item("pilot-city", "CITY-JAYWALK-SCREEN")
    assert r.delta == 0 and r.add_to == "screen-jaywalkers"


# ------------------------------------------------------------------ fidelity

def test_documented_items_cite_an_official_source():
    bad = []
    for rs in story().rulesets.values():
        for kind, it in items_of(rs):
            ids = {src.id for src in it.sources}
            if it.fidelity == "documented" and not ids & OFFICIAL:
                bad.append(f"{rs.id} {kind} {it.id} cites only {sorted(ids)}")
    assert bad == []


def test_every_item_has_fidelity_and_sources_where_needed():
    bad = [f"{rs.id} {it.id}" for rs in story().rulesets.values() for _, it in items_of(rs)
           if it.fidelity in ("documented", "reported", "contested") and not it.sources]
    assert bad == []


def test_rumour_is_dramatized_with_its_score_moving_rules():
    rs = story().ruleset("rumour")
    assert rs.fidelity == "dramatized"
    for _, it in items_of(rs):
        assert it.fidelity in ("contested", "dramatized"), it.id
        if getattr(it, "delta", 0) and it.id != "RUMOUR-TAXES":
            assert it.fidelity == "dramatized", it.id
        if it.fidelity == "contested":
            assert {s.id for s in it.sources} & CLAIM_SOURCES, f"{it.id} names no claim"


def test_no_documented_rule_moves_a_score():
    # Every point size in this story is a local scheme's (reported) or the game's.
    bad = [f"{rs.id} {r.id}" for rs in story().rulesets.values() for _, r in items_of(rs)
           if getattr(r, "delta", 0) and r.fidelity == "documented"]
    assert bad == []


def test_rumour_lost_case_blacklists_as_it_says():
    r = item("rumour", "RUMOUR-LOST-CASE")
    assert "blacklist" in r.reason and r.add_to == "blacklist"


def test_no_score_threshold_alone_is_a_documented_ban():
    # m-lowscore, m-threshold: a score alone never triggers a documented ban.
    for rs in story().rulesets.values():
        for c in rs.consequences:
            if "score" in c.when.source and c.kind == "restriction":
                assert c.fidelity != "documented", f"{rs.id} {c.id}"


def test_invented_thresholds_say_so():
    bad = []
    for rid in ("pilot-city", "sesame", "credit-bureau"):
        for _, c in items_of(story().ruleset(rid)):
            if not hasattr(c, "when"):
                continue
            for n in map(int, re.findall(r"score\s*[<>]=?\s*(\d+)", c.when.source)):
                said = re.search(r"the game's|invented", c.explain)
                if (rid, n) not in REAL_THRESHOLDS and not said:
                    bad.append(f"{rid} {c.id} ({n})")
    assert bad == []


def test_perks_cite_sources_about_that_perk():
    # Hotel deposits were once backed by visa stories only.
    hotel = {s.id for s in item("sesame", "SESAME-DEPOSIT-FREE-HOTELS").sources}
    assert "cgtn-2017-06-09" not in hotel and "chinadaily-2017-11-20" in hotel
    # Penalty repair is not court-list restoration.
    repair = {s.id for s in item("court-list", "CREDIT-REPAIR").sources}
    assert "spc-2025-enforcement" not in repair and "ndrc-2023-order-58" in repair


def test_listing_terms_follow_the_ground():
    # SPC 2017 Art. 2: refusing to pay has no fixed term; other grounds carry two years.
    refuse = item("court-list", "COURT-LIST-DEBTOR").reason
    assert "two years" not in refuse and "until the judgment is performed" in refuse
    assert "two years" in item("court-list", "COURT-HIDDEN-ASSETS").reason
    for path in (STORY / "rulesets").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"normally lasts? (two|2) years", text, re.I), path.name


def test_pinned_labels_match_facts_md():
    bad = [f"{rid} {iid}: {item(rid, iid).fidelity} != {label}"
           for (rid, iid), label in PINNED.items() if item(rid, iid).fidelity != label]
    assert bad == []


def test_myths_are_dramatized():
    bad = [f"{rid} {iid}" for rid, iid in MYTHS_DRAMATIZED if item(rid, iid).fidelity != "dramatized"]
    assert bad == []


def test_every_behaviour_means_something_under_two_rulesets():
    s = story()
    for b in s.behaviours:
        under = [rs.id for rs in s.rulesets.values()
                 if any(r.layer == rs.id for r in rs.rules_on(b))]
        assert len(under) >= 2, f"{b} has rules only under {under}"


# ------------------------------------------------------------------ seed map

SEED_MAP = Path(__file__).with_name("seed_map.yaml")

REQUIRED_SEED_ITEMS = [
    "Traffic tickets", "Smoking", "video games", "fake news", "Criticising",
    "Defaulting on court judgments", "Travel bans", "financial credit", "government jobs",
    "top schools", "cinema", "big screens", "Loans and property", "travel privileges",
    "hotels", "inspections", "fast-tracked approvals", "energy bills", "without a deposit",
    "interest rates", "tax breaks", "people and for companies", "performing the judgment",
    "Sesame Credit", "face recognition", "phone apps", "internet use",
    "hotel, train and plane", "government records",
]


def seed_items():
    return yaml.safe_load(SEED_MAP.read_text(encoding="utf-8"))["items"]


def test_every_seed_item_is_mapped():
    names = [i["item"] for i in seed_items()]
    for needle in REQUIRED_SEED_ITEMS:
        assert any(needle.lower() in n.lower() for n in names), needle


def test_seed_map_points_at_real_rules_and_honest_labels():
    for entry in seed_items():
        assert entry["depicted_by"], entry["item"]
        for ref in entry["depicted_by"]:
            found = item(ref["ruleset"], ref["id"])
            if entry["myth"] and ref["ruleset"] == "rumour":
                assert found.fidelity in ("contested", "dramatized"), ref
