"""Web fixtures: the web test story (script payloads in its prose, a door with `instead`),
an app with a clock the test moves, clients, and a real server on a free localhost port."""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

STORY = Path(__file__).parent / "story"


def pytest_configure(config) -> None:  # noqa: ANN001
    # Starlette's TestClient still runs on httpx and says so on every import; it works.
    config.addinivalue_line("filterwarnings", "ignore:Using `httpx` with")


class Clock:
    """A clock the test moves by hand (class expiry, rate-limit windows)."""

    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="session")
def story():
    from game.engine.load import load_story

    return load_story(STORY)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def app(story, clock):
    from game.web.app import create_app
    from game.web.store import MemoryStore

    return create_app(story, MemoryStore(clock), clock=clock)


@pytest.fixture
def client(app):
    from starlette.testclient import TestClient

    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture
def new_client(app):
    """More browsers (students), each with its own cookies."""
    from starlette.testclient import TestClient

    made = []

    def make():
        c = TestClient(app, raise_server_exceptions=False)
        made.append(c)
        return c

    yield make
    for c in made:
        c.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Served:
    """A uvicorn server in a thread on 127.0.0.1 (stopped by the fixture)."""

    def __init__(self, app) -> None:  # noqa: ANN001
        import uvicorn

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning",
                                timeout_graceful_shutdown=1)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> Served:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture
def served(story) -> Iterator[Served]:
    from game.web.app import create_app

    with Served(create_app(story)) as s:
        yield s


# -- helpers shared by the tests ---------------------------------------------------------

def links(html: str, kind: str) -> list[str]:
    """The hrefs of links with the given class (choice, try, ...), unescaped."""
    found = re.findall(r'<a class="[^"]*\b' + kind + r'\b[^"]*" href="([^"]+)"', html)
    return [h.replace("&amp;", "&") for h in found]


def start_life(client, mode: str = "t", ruleset: int = 1) -> str:
    """Begin the courier's life under a ruleset (1: pilot-city) and return its address."""
    r = client.get(f"/start?l=0&r={ruleset}&m={mode}", follow_redirects=False)
    assert r.status_code == 303
    return r.headers["location"]


def teacher(client) -> str:
    r = client.post("/teach", data={"l": "0", "r": "1"}, follow_redirects=False)
    assert r.status_code == 303, r.text
    return r.headers["location"]
