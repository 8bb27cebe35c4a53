"""The player's pages through Starlette's TestClient: every route, both modes, notices,
closed doors and refusals, the debrief, escaping, and friendly errors."""

from __future__ import annotations

import re

from game.codes import decode
from tests.web.conftest import links, start_life

AT_STATION = "/life/0-1-0-1_1"  # ran the red light, went on, refused to pay: on the debtors list
ENGINE_WORDS = ("TRAFFIC-RED-LIGHT", "COURT-DEFAULT", "RAIL-BAN", "BIKE-PERK", "pilot-city",
                "day1", "day2", "Traceback", "PlayError", "scene '", "travel.high_speed_rail")


def no_engine_words(html: str) -> None:
    for word in ENGINE_WORDS:
        assert word not in html, word


def test_home_lists_the_lives_escaped_and_offers_to_join(client):
    r = client.get("/")
    assert r.status_code == 200
    assert "The Courier &lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in r.text
    assert "<script>alert" not in r.text
    assert 'href="/begin/0"' in r.text
    assert 'action="/join"' in r.text
    no_engine_words(r.text)


def test_begin_offers_every_ruleset_with_its_fidelity_and_both_modes(client):
    r = client.get("/begin/0")
    assert r.status_code == 200
    assert "Pilot city points" in r.text and "Credit bureau" in r.text
    assert "this life's own" in r.text
    assert "Invented for the game" in r.text and "Reported by credible journalism" in r.text
    assert 'name="m" value="o"' in r.text and 'name="m" value="t"' in r.text
    assert client.get("/begin/7").status_code == 404


def test_start_puts_the_life_in_the_address_and_rejects_nonsense(client):
    assert start_life(client, "t") == "/life/0-1-0-?m=t"
    assert start_life(client, "anything") == "/life/0-1-0-?m=o"
    assert client.get("/start?l=5&r=0").status_code == 400
    assert client.get("/start?l=x&r=0").status_code == 400
    assert client.get("/start?l=-1&r=0").status_code == 400


def test_a_life_can_be_played_to_its_end_by_following_links(client):
    address = start_life(client, "o")
    for _ in range(20):
        html = client.get(address).text
        if "See what happened, and why" in html:
            break
        address = (links(html, "choice") or links(html, "btn primary big"))[-1]
    else:
        raise AssertionError("no ending reached")
    # waited, paid the fine (back above 1050), so the bike without deposit opened
    assert "The end" in html and "Roaming freely" in html
    assert "Who decided what it cost?" in html  # the ending's discussion prompt
    debrief = client.get(address.replace("/life/", "/debrief/"))
    assert debrief.status_code == 200
    code = re.search(r'<p class="replay">([^<]+)</p>', debrief.text).group(1)
    pt = decode(client.app.state.web.story, code)
    assert (pt.scenario, pt.ruleset, pt.choices) == ("courier", "pilot-city", (2, 2, 3))


def test_transparent_notice_explains_the_change(client):
    html = client.get("/life/0-1-0-1?m=t").text
    assert "Your score changed: 1000 to 995" in html
    assert "Lost 5 points: Running a red light" in html
    assert "Seen by: traffic camera" in html
    assert "Reported by credible journalism" in html
    assert 'href="https://example.org/fp"' in html and 'rel="noopener noreferrer"' in html
    # the rule's reason carries a script payload: shown as text, never as markup
    assert "Ran a red light. &lt;script&gt;alert(&#39;reason&#39;)&lt;/script&gt;" in html
    no_engine_words(html)


def test_opaque_notice_says_only_what_the_citizen_is_told(client):
    html = client.get("/life/0-1-0-1_1?m=o").text
    assert "Your credit record has been updated." in html
    assert "No reason was given." in html
    assert "Your score is now 895; your tier: Warning." in html
    assert "Did not pay a court judgment" not in html
    assert "Seen by" not in html


def test_closed_doors_show_why_and_the_one_with_instead_can_be_tried(client):
    opaque = client.get(f"{AT_STATION}?m=o").text
    assert "Ticket purchase failed." in opaque  # the consequence's notice
    assert "Listed debtors may not buy" not in opaque
    transparent = client.get(f"{AT_STATION}?m=t").text
    assert "Listed debtors may not buy high-speed rail tickets." in transparent
    assert "Documented: official documents" in transparent
    assert "Only a privilege opens this" in transparent  # the bike: closed by default
    # the train (instead) is pressable; the bike (no instead) is not
    tries = links(transparent, "try")
    assert tries == ["/life/0-1-0-1_11?m=t"]
    assert "&lt;img src=x onerror=alert(1)&gt;" in transparent
    refused = client.get(tries[0]).text
    assert "Refused" in refused
    assert "&lt;script&gt;alert(&#39;refusal&#39;)&lt;/script&gt;" in refused
    assert "The slow way" in refused


def test_the_mode_switch_keeps_the_same_life(client):
    html = client.get(f"{AT_STATION}?m=o").text
    assert f'href="{AT_STATION}?m=t"' in html
    assert "What the system tells you" in html
    assert "What really happens" in client.get(f"{AT_STATION}?m=t").text


def test_continue_scene_offers_one_continue_link(client):
    html = client.get("/life/0-1-0-1?m=o").text
    assert 'id="go-on"' in html and 'href="/life/0-1-0-1_?m=o"' in html
    assert "What do you do?" not in html


def test_a_bad_address_is_a_friendly_404_without_engine_words(client):
    for bad in ("/life/0-1-0-9", "/life/0-1-0-_", "/life/9-9-0-", "/life/zzz",
                "/life/0-1-0-" + "1" * 2000, "/debrief/0-1-0-1", "/print/0-1-0-",
                "/nowhere"):
        r = client.get(bad)
        assert r.status_code in (404, 414), bad
        assert "Sorry" in r.text or "too long" in r.text
        no_engine_words(r.text)


def test_debrief_shows_the_what_if_doors_notices_and_code(client):
    html = client.get("/debrief/0-1-0-1_11?m=o").text
    assert "The same choices, other rules" in html
    assert html.count('<li class="wi') == 2  # both rulesets
    assert "as you played" in html
    assert "Doors that closed" in html and "you tried it" in html
    assert "Everything the system recorded" in html
    assert "Lost 100 points: Not paying a court judgment" in html
    assert re.search(r'class="replay">RF-[0-9A-Z-]+<', html)
    assert "<svg" in html  # the score chart
    no_engine_words(html)


def test_printable_debrief_is_the_report_with_its_own_csp(client):
    r = client.get("/print/0-1-0-1_12")
    assert r.status_code == 200
    csp = r.headers["content-security-policy"]
    assert "script-src" not in csp and "default-src 'none'" in csp
    assert "<script" not in r.text.lower()


def test_every_page_carries_the_strict_csp_and_no_referrer(client):
    for path in ("/", "/begin/0", f"{AT_STATION}?m=t", "/debrief/0-1-0-1_12", "/join",
                 "/teach", "/nowhere"):
        r = client.get(path)
        csp = r.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp, path
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert r.headers["referrer-policy"] == "no-referrer"
        assert r.headers["x-content-type-options"] == "nosniff"
        assert "<script>" not in r.text  # no inline script anywhere
        assert not re.search(r'(src|href)="(https?:)?//', r.text.replace(
            'href="https://example.org/fp"', "")), path  # nothing loaded from elsewhere


def test_fonts_and_static_files_are_served_here(client):
    r = client.get("/fonts/NotoSans-Regular.ttf")
    assert r.status_code == 200 and r.headers["content-type"] == "font/ttf"
    assert client.get("/fonts/../../etc/passwd").status_code == 404
    assert client.get("/fonts/other.ttf").status_code == 404
    css = client.get("/static/app.css")
    assert css.status_code == 200 and "/fonts/NotoSans-Regular.ttf" in css.text
    assert "http" not in css.text  # no font or picture from another server
    assert client.get("/static/app.js").status_code == 200


def test_request_sizes_are_bounded(client):
    r = client.post("/join", content=b"code=" + b"A" * 20000,
                    headers={"content-type": "application/x-www-form-urlencoded"})
    assert r.status_code == 413
    assert "too large" in r.text
    r = client.get("/?" + "x" * 5000)
    assert r.status_code == 414


def test_an_unexpected_error_shows_a_sentence_not_a_traceback(client, monkeypatch):
    from game.web import scene

    def broken(*args, **kwargs):
        raise RuntimeError("engine internals: scene 'day1' rule TRAFFIC-RED-LIGHT")

    monkeypatch.setattr(scene, "scene", broken)
    r = client.get(f"{AT_STATION}?m=t")
    assert r.status_code == 500
    assert "Something went wrong" in r.text
    no_engine_words(r.text)


def test_a_replay_code_opens_its_debrief(client):
    debrief = client.get("/debrief/0-1-0-1_11?m=o").text
    code = re.search(r'class="replay">([^<]+)<', debrief).group(1)
    r = client.get("/code", params={"c": code.lower()}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/debrief/0-1-0-1_11"
    assert client.get("/code").status_code == 200
    bad = client.get("/code", params={"c": "RF-0000-0000"})
    assert bad.status_code == 400 and 'class="problem"' in bad.text
    no_engine_words(bad.text)
    cut = client.get("/code", params={"c": _code_of(client, (1,))})  # stops before an ending
    assert cut.status_code == 400 and "cannot be played to an ending" in cut.text


def _code_of(client, choices: tuple[int, ...]) -> str:
    from game.codes import encode
    from game.engine.host import Playthrough

    return encode(client.app.state.web.story, Playthrough("courier", "pilot-city", 0, choices))


def test_scene_pictures_are_served_from_the_story_and_only_those(client):
    html = client.get("/life/0-1-0-?m=o").text
    assert '<img class="picture" src="/pictures/red-light.svg" alt=""' in html
    r = client.get("/pictures/red-light.svg")
    assert r.status_code == 200 and r.headers["content-type"].startswith("image/svg+xml")
    assert "script-src" not in r.headers["content-security-policy"]
    for bad in ("/pictures/other.svg", "/pictures/..%2Fstory.yaml", "/pictures/story.yaml"):
        assert client.get(bad).status_code == 404, bad
