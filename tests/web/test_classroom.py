"""The live class through TestClient: the teacher's key, joining, rate limits, the vote,
the reveal, the class summary, the end of a class and its twelve-hour limit."""

from __future__ import annotations

import re

from game.reports.class_summary import render_class_report
from game.web.classroom import LIFETIME
from game.web.seats import COOKIE
from tests.web.conftest import links, start_life, teacher


def join(client, code: str, nick: str = "") -> int:
    r = client.post("/join", data={"code": code, "nick": nick}, follow_redirects=False)
    return r.status_code


def code_of(link: str) -> str:
    return link.split("/")[2]


def live(client, link: str) -> str:
    r = client.get(link + "/live")
    assert r.status_code == 200
    return r.text


def counts(html: str) -> list[int]:
    return [int(n) for n in re.findall(r'class="bar-n">(\d+)<', html)]


def test_a_class_starts_with_a_short_code_qr_and_secret_teacher_link(client):
    link = teacher(client)
    _, _, code, key = link.split("/")
    assert re.fullmatch(r"[A-HJKMNP-Z2-9]{6}", code)
    assert len(key) >= 20
    page = client.get(link)
    assert page.status_code == 200
    assert f">{code}<" in page.text
    assert f"/join/{code}" in page.text
    assert "<svg" in page.text and 'class="segno"' in page.text  # the QR code, inline
    assert page.headers["cache-control"] == "no-store"


def test_teacher_actions_need_the_key(client):
    link = teacher(client)
    code = code_of(link)
    for path in (f"/teach/{code}/wrong", f"/teach/{code}/wrong/live",
                 f"/teach/{code}/wrong/summary", f"/teach/{code}/wrong/events"):
        assert client.get(path).status_code == 403, path
    r = client.post(f"/teach/{code}/wrong/do", data={"act": "reveal"})
    assert r.status_code == 403
    assert "not valid" in r.text
    assert 'data-reveal="0"' not in client.get(link).text  # the teacher has no seat
    assert "Reveal: show everyone" in live(client, link)  # nothing was revealed


def test_students_join_with_the_code_alone_and_get_an_anonymous_seat(client, new_client):
    link = teacher(client)
    code = code_of(link)
    student = new_client()
    r = student.post("/join", data={"code": f" {code[:3].lower()}-{code[3:]} "},
                     follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/class"
    cookie = r.headers["set-cookie"]
    assert cookie.startswith(f"{COOKIE}={code}.")
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie.replace("Strict", "strict")
    page = student.get("/class")
    assert f"Class <b>{code}</b>" in page.text
    assert re.search(r'id="joined">1<', live(client, link))


def test_nicknames_are_escaped_everywhere(client, new_client):
    link = teacher(client)
    student = new_client()
    assert join(student, code_of(link), "<svg onload=alert(1)>") == 303
    for html in (live(client, link), client.get(link).text, student.get("/class").text,
                 student.get("/").text):
        assert "<svg onload" not in html
        assert "&lt;svg onload=alert(1)&gt;" in html


def test_wrong_codes_are_rate_limited_per_address(client, new_client, clock):
    link = teacher(client)
    code = code_of(link)
    student = new_client()
    for _ in range(10):
        r = student.post("/join", data={"code": "ZZZZZZ"})
        assert r.status_code == 400
        assert "No class has that code" in r.text
    r = student.post("/join", data={"code": code})  # even the right code waits now
    assert r.status_code == 429
    assert "Too many wrong codes" in r.text
    clock.now += 301  # the next window
    assert join(student, code) == 303


def test_starting_classes_is_rate_limited(client):
    for _ in range(20):
        teacher(client)
    r = client.post("/teach", data={"l": "0", "r": "1"})
    assert r.status_code == 429


def test_the_class_vote_counts_each_seat_once(client, new_client):
    link = teacher(client)
    code = code_of(link)
    students = [new_client() for _ in range(3)]
    for s in students:
        assert join(s, code) == 303
    assert "Open a class vote" in live(client, link)
    assert client.post(link + "/do", data={"act": "vote-open"},
                       follow_redirects=False).status_code == 303
    page = students[0].get("/class").text
    assert "What should we do?" in page and "Run the red light" in page
    for s, choice in zip(students, ("1", "2", "2"), strict=True):
        assert s.post("/class/vote", data={"choice": choice},
                      follow_redirects=False).status_code == 303
    students[0].post("/class/vote", data={"choice": "2"})  # a changed mind replaces the vote
    html = live(client, link)
    assert counts(html) == [0, 3]
    assert "The class is voting: 3 votes" in html
    assert students[1].post("/class/vote", data={"choice": "7"}).status_code == 400
    client.post(link + "/do", data={"act": "vote-close"})
    students[1].post("/class/vote", data={"choice": "1"})  # too late: not counted
    html = live(client, link)
    assert counts(html) == [0, 3] and "The vote is closed" in html
    assert "The vote is closed" in students[2].get("/class").text
    # the teacher takes the class's choice; the projector moves on
    client.post(link + "/do", data={"act": "take-2"})
    html = live(client, link)
    assert "A letter from the court." in html and ">Continue<" in html
    client.post(link + "/do", data={"act": "continue"})
    assert "The court orders you to pay." in live(client, link)
    assert client.post(link + "/do", data={"act": "take-9"}).status_code == 400
    assert client.post(link + "/do", data={"act": "nonsense"}).status_code == 400


def test_the_reveal_switches_every_student_to_transparent(client, new_client):
    link = teacher(client)
    student = new_client()
    join(student, code_of(link))
    address = start_life(student, "t")  # asks for transparent: the class says opaque
    opaque = student.get(address.replace("0-1-0-", "0-1-0-1")).text
    assert "What the system tells you" in opaque and "Seen by" not in opaque
    assert "Show what really happens" not in opaque  # no switch of one's own in a class
    client.post(link + "/do", data={"act": "reveal"})
    revealed = student.get(address.replace("0-1-0-", "0-1-0-1").replace("m=t", "m=o")).text
    assert "What really happens" in revealed and "Seen by: traffic camera" in revealed
    assert 'data-reveal="1"' in revealed


def play_to_end(student, steps: str) -> None:
    student.get("/start?l=0&r=1")
    html = student.get(f"/life/0-1-0-{steps}?m=o").text
    assert "See what happened" in html


def test_finished_lives_feed_the_class_summary_like_class_report(client, new_client, story):
    link = teacher(client)
    code = code_of(link)
    assert "No one has finished a life yet" in live(client, link)
    paths = ["1_12", "2_23", "1_11"]
    for steps in paths:
        s = new_client()
        join(s, code)
        play_to_end(s, steps)
    html = live(client, link)
    assert re.search(r'<span class="n" id="finished">3<', html)
    assert "The slow way" in html and "Roaming freely" in html
    assert "Credit bureau" in html  # the same choices under the other rules
    export = client.get(link + "/summary")
    assert export.headers["content-disposition"].startswith("attachment")
    codes = sorted(re.search(r'class="replay">([^<]+)<', new_client().get(
        f"/debrief/0-1-0-{p}").text).group(1) for p in paths)
    assert export.text == render_class_report(story, codes)[0]


def test_ending_a_class_forgets_everything(client, new_client, app):
    link = teacher(client)
    code = code_of(link)
    student = new_client()
    join(student, code, "Kim")
    client.post(link + "/do", data={"act": "vote-open"})
    student.post("/class/vote", data={"choice": "1"})
    store = app.state.web.store
    assert any(code in k for k in store._data)
    r = client.post(link + "/do", data={"act": "end"})
    assert "The class has ended" in r.text
    assert not any(code in k for k in store._data)
    assert client.get(link).status_code == 403
    assert student.get("/class", follow_redirects=False).headers["location"] == "/join"
    assert join(new_client(), code) == 400


def test_a_class_is_dropped_after_twelve_hours(client, new_client, clock, app):
    link = teacher(client)
    code = code_of(link)
    student = new_client()
    join(student, code)
    clock.now += LIFETIME - 5
    assert client.get(link).status_code == 200
    clock.now += 10
    assert client.get(link).status_code == 403
    assert student.get("/class", follow_redirects=False).status_code == 303
    assert join(new_client(), code) == 400
    app.state.web.store.sweep()
    assert not any(code in k for k in app.state.web.store._data)


def test_a_student_outside_a_class_cannot_vote_or_listen(client):
    assert client.post("/class/vote", data={"choice": "1"}).status_code == 403
    assert client.get("/class/events").status_code == 403
    assert client.get("/class", follow_redirects=False).headers["location"] == "/join"


def test_join_page_prefills_the_code_from_the_qr_address(client):
    link = teacher(client)
    code = code_of(link)
    html = client.get(f"/join/{code.lower()}").text
    assert f'value="{code}"' in html
    assert 'name="nick"' in html
    assert links(html, "btn") == []  # a form to press, not a link


def test_a_class_can_take_the_lifes_own_rules_or_others(client):
    own = client.post("/teach", data={"l": "0", "r": "own"})
    assert "Pilot city points" in own.text  # the courier's own rules
    other = client.post("/teach", data={"l": "0", "r": "0"})
    assert "Credit bureau" in other.text
    assert client.post("/teach", data={"l": "0", "r": "9"}).status_code == 400
    assert client.post("/teach", data={"l": "-1", "r": "own"}).status_code == 400


def test_in_a_class_the_debrief_waits_for_the_reveal(client, new_client):
    link = teacher(client)
    student = new_client()
    join(student, code_of(link))
    held = student.get("/debrief/0-1-0-1_12").text
    assert "Your teacher will reveal what really happened" in held
    assert "Your credit record has been updated." in held
    assert "Did not pay a court judgment" not in held
    assert "The same choices, other rules" not in held
    assert re.search(r'class="replay">RF-', held)
    client.post(link + "/do", data={"act": "reveal"})
    shown = student.get("/debrief/0-1-0-1_12").text
    assert "Did not pay a court judgment" in shown
    assert "The same choices, other rules" in shown


def test_the_counts_follow_students_from_playing_to_finished_and_back(client, new_client):
    link = teacher(client)
    student = new_client()
    join(student, code_of(link))

    def playing_finished() -> tuple[int, int]:
        html = live(client, link)
        n = [int(x) for x in re.findall(r'<span class="n"[^>]*>(\d+)<', html)]
        return n[1], n[2]

    assert playing_finished() == (0, 0)
    student.get("/start?l=0&r=1")
    assert playing_finished() == (1, 0)
    student.get("/life/0-1-0-1_12?m=o")
    assert playing_finished() == (0, 1)
    student.get("/start?l=0&r=0")  # another life: playing again, the last one still counts
    assert playing_finished() == (1, 1)
    # before the reveal the printable debrief (which explains everything) waits too
    r = student.get("/print/0-1-0-1_12", follow_redirects=False)
    assert r.status_code == 303
    assert "/print/" not in student.get("/debrief/0-1-0-1_12").text


def test_the_memory_store_sweeps_old_keys_as_it_writes(clock):
    import asyncio

    from game.web.store import MemoryStore

    store = MemoryStore(clock)

    async def go():
        for i in range(300):
            await store.bump(f"rf:rate:join:10.0.0.{i}:1", clock.now + 300)
        clock.now += 301
        for i in range(300):
            await store.bump(f"rf:rate:join:10.0.1.{i}:2", clock.now + 300)

    asyncio.run(go())
    assert len(store._data) <= 300


def test_leaving_a_class_drops_the_seat_cookie(client, new_client):
    link = teacher(client)
    student = new_client()
    join(student, code_of(link))
    assert "Class <b>" in student.get("/").text
    r = student.post("/class/leave", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/"
    assert f"{COOKIE}=" in r.headers["set-cookie"] and "Max-Age=0" in r.headers["set-cookie"]
    assert "Class <b>" not in student.get("/").text
