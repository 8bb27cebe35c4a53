"""`python -m game serve`: its arguments, the address it prints, a real server process,
and the live stream (server-sent events) of the teacher's page."""

from __future__ import annotations

import ipaddress
import subprocess
import sys
import time

import httpx
import pytest

from game.cli import main
from game.web.serve import join_base, lan_addresses
from tests.web.conftest import STORY, free_port


@pytest.mark.parametrize("argv,words", [
    (["serve", "--port", "0"], "--port takes a number from 1 to 65535"),
    (["serve", "--store", "postgres://x"], "--store takes 'memory' or a redis://"),
    (["serve", "--workers", "3"], "several workers must share their classes"),
    (["serve", "--workers", "0"], "--workers takes a number of 1 or more"),
])
def test_bad_arguments_are_one_line_errors(argv, words, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and words in err and "Traceback" not in err


def test_a_broken_story_is_refused_before_serving(tmp_path, capsys):
    (tmp_path / "story.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    assert main(["--story", str(tmp_path), "serve", "--port", str(free_port())]) == 1
    assert "error" in capsys.readouterr().err


def test_the_join_address_is_a_lan_address_only_when_serving_the_network():
    assert join_base("127.0.0.1", 8000) is None
    base = join_base("0.0.0.0", 8123)
    addrs = lan_addresses()
    for a in addrs:
        ip = ipaddress.ip_address(a)
        assert not ip.is_loopback and not ip.is_unspecified
    assert base == (f"http://{addrs[0]}:8123" if addrs else None)


def test_serve_runs_on_localhost_and_says_where(tmp_path):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "game", "--story", str(STORY), "serve",
                             "--port", str(port)], stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/", timeout=1)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stderr.read()
                assert time.monotonic() < deadline, "serve did not answer"
                time.sleep(0.1)
        assert r.status_code == 200 and "Whose week will you live?" in r.text
        assert "server" not in r.headers  # no version banner
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=15)
    assert f"http://127.0.0.1:{port}/" in err
    assert "--host 0.0.0.0" in err  # how to let the class in


def _events(client: httpx.Client, url: str, n: int, headers: dict | None = None) -> list[dict]:
    """Read `n` server-sent events (pings skipped) from a stream."""
    out: list[dict] = []
    with client.stream("GET", url, headers=headers or {}) as r:
        assert r.headers["content-type"].startswith("text/event-stream")
        event: dict = {}
        for line in r.iter_lines():
            if not line:
                if "event" in event:
                    out.append(event)
                    if len(out) == n:
                        return out
                event = {}
                continue
            name, _, value = line.partition(":")
            event[name] = event.get(name, "") + value.strip()
    return out


def test_the_teacher_stream_sends_the_live_panel_and_resumes(served):
    with httpx.Client(base_url=served.url, timeout=10) as http:
        link = http.post("/teach", data={"l": "0", "r": "own"}).headers["location"]
        code = link.split("/")[2]
        first = _events(http, link + "/events", 1)[0]
        assert first["event"] == "live" and 'id="joined">0<' in first["data"]
        with httpx.Client(base_url=served.url, timeout=10) as student:
            student.post("/join", data={"code": code})
        # Resuming from the last id seen: the next event is the change, not a replay
        again = _events(http, link + "/events", 1, {"Last-Event-ID": first["id"]})[0]
        assert int(again["id"]) > int(first["id"])
        assert 'id="joined">1<' in again["data"]


def test_the_student_stream_says_when_the_vote_opens_and_the_class_ends(served):
    with httpx.Client(base_url=served.url, timeout=10) as http, \
            httpx.Client(base_url=served.url, timeout=10) as student:
        link = http.post("/teach", data={"l": "0", "r": "own"}).headers["location"]
        student.post("/join", data={"code": link.split("/")[2]})
        assert '"vote": 0' in _events(student, "/class/events", 1)[0]["data"]
        http.post(link + "/do", data={"act": "vote-open"})
        assert '"vote": 1' in _events(student, "/class/events", 1)[0]["data"]
        http.post(link + "/do", data={"act": "end"})
        assert student.get("/class/events").status_code == 403


def test_the_web_app_does_not_need_pygame():
    # A school server has no display and may have no SDL: the web app must not load pygame.
    code = ("import sys; import game.web.app, game.web.life_pages, game.web.teach, game.web.loadgen; "
            "print('pygame' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"
