"""The class store: one contract, two backends. The Redis backend runs against a real
redis-server that the test starts on a free localhost port (and stops)."""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import time

import pytest

from game.web.store import MemoryStore, check_url, open_store
from tests.web.conftest import Clock, free_port, teacher

REDIS = shutil.which("redis-server")


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    if REDIS is None:
        pytest.skip("redis-server is not installed (Debian package redis-server)")
    port = free_port()
    folder = tmp_path_factory.mktemp("redis")
    # No persistence at all: nothing about a class may reach a disk.
    proc = subprocess.Popen([REDIS, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                             "--appendonly", "no", "--dir", str(folder)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    import redis

    client = redis.Redis(host="127.0.0.1", port=port)
    deadline = time.monotonic() + 10
    while True:
        try:
            client.ping()
            break
        except redis.exceptions.ConnectionError:
            if time.monotonic() > deadline or proc.poll() is not None:
                proc.kill()
                pytest.fail("redis-server did not start")
            time.sleep(0.05)
    client.close()
    yield f"redis://127.0.0.1:{port}/0"
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(params=["memory", "redis"])
def make_store(request):
    """A function returning a fresh store of each kind (Redis: an emptied database)."""
    made = []

    def make():
        if request.param == "memory":
            return MemoryStore()
        url = request.getfixturevalue("redis_url")
        store = open_store(url)
        made.append(store)
        return store

    if request.param == "redis":
        url = request.getfixturevalue("redis_url")
        import redis

        redis.Redis.from_url(url).flushdb()
    yield make


def run(coro):
    return asyncio.run(coro)


def test_contract(make_store):
    async def go():
        store = make_store()
        later = time.time() + 600
        assert await store.get("k") is None
        await store.put("k", "v", later)
        assert await store.get("k") == "v"
        assert await store.add("k", "other", later) is False
        assert await store.get("k") == "v"
        assert await store.add("fresh", "1", later) is True
        await store.hput("h", "a", "1", later)
        await store.hput("h", "b", "2", later)
        await store.hput("h", "a", "3", later)
        assert await store.hall("h") == {"a": "3", "b": "2"}
        assert await store.hget("h", "b") == "2" and await store.hget("h", "z") is None
        assert await store.hcount("h") == 2 and await store.hcount("none") == 0
        assert [await store.bump("n", later) for _ in range(3)] == [1, 2, 3]
        assert await store.count_keys("h") == 1
        await store.drop("k", "h", "missing")
        assert await store.get("k") is None and await store.hall("h") == {}
        await store.close()

    run(go())


def test_keys_expire_at_their_time(make_store):
    async def go():
        store = make_store()
        soon = time.time() + 1
        await store.put("k", "v", soon)
        await store.hput("h", "a", "1", soon)
        assert await store.get("k") == "v"
        await asyncio.sleep(2.1)
        assert await store.get("k") is None
        assert await store.hall("h") == {}
        await store.close()

    run(go())


def test_memory_store_follows_its_clock():
    clock = Clock()
    store = MemoryStore(clock)

    async def go():
        await store.put("k", "v", clock.now + 10)
        clock.now += 9
        assert await store.get("k") == "v"
        clock.now += 2
        assert await store.get("k") is None

    run(go())


def test_store_urls_are_checked():
    check_url(None)
    check_url("memory")
    check_url("redis://127.0.0.1:6379/0")
    with pytest.raises(ValueError, match="memory"):
        check_url("postgres://x")


def test_two_workers_share_a_class_through_redis(redis_url, story):
    """Two app instances (as two uvicorn workers would be) over one Redis: a student who
    joins and votes through one is counted on the teacher's page served by the other."""
    from starlette.testclient import TestClient

    from game.web.app import create_app

    one, two = (create_app(story, open_store(redis_url)) for _ in range(2))
    with TestClient(one) as teacher_client, TestClient(two) as student:
        link = teacher(teacher_client)
        code = link.split("/")[2]
        assert student.post("/join", data={"code": code, "nick": "Ana"},
                            follow_redirects=False).status_code == 303
        teacher_client.post(link + "/do", data={"act": "vote-open"})
        assert student.post("/class/vote", data={"choice": "2"},
                            follow_redirects=False).status_code == 303
        html = teacher_client.get(link + "/live").text
        assert 'id="joined">1<' in html and "Ana" in html
        assert 'class="bar-n">1<' in html
        teacher_client.post(link + "/do", data={"act": "end"})
        assert student.get("/class", follow_redirects=False).headers["location"] == "/join"
        import redis

        assert not [k for k in redis.Redis.from_url(redis_url).keys("*") if code.encode() in k]
