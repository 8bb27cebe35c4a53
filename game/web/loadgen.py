"""The web load benchmark (`python -m game bench --web`): a class playing at once.

Starts `python -m game serve` in a child process on 127.0.0.1 on a free port
(one uvicorn worker: one core), starts a class, and sends simulated students at
it from this process with a small keep-alive HTTP client on asyncio: each
student joins with the code, starts a life, follows a random choice link on
each page, reads the debrief at the end and starts again; once in the run the
teacher opens a vote and every student votes; the teacher's page listens to its
live stream throughout. Two phases, each bounded in time and in requests, then
the server is stopped:

- a class: N students, each clicking every `think` seconds on average
  (the goal: 35 students at a p95 under 50 ms);
- saturation: students clicking with no pause at all, which gives the most
  requests per second one process serves, hence how many students one core
  holds at a stated reading pace.

Only 127.0.0.1 is ever contacted.
"""

from __future__ import annotations

import asyncio
import os
import random
import re
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HOST = "127.0.0.1"  # never anything else
_LINK = re.compile(r'<a class="(?:choice|btn try|btn primary big)" href="(/life/[^"]+)"')
_DEBRIEF = re.compile(r'href="(/debrief/[^"]+)"')


class Conn:
    """One keep-alive HTTP/1.1 connection to the local server (a browser tab)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None
        self.cookie = ""

    async def request(self, method: str, path: str, body: str = "") -> tuple[int, dict, str]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(HOST, self.port)
        head = [f"{method} {path} HTTP/1.1", f"Host: {HOST}:{self.port}"]
        if self.cookie:
            head.append(f"Cookie: {self.cookie}")
        if method == "POST":
            head += ["Content-Type: application/x-www-form-urlencoded",
                     f"Content-Length: {len(body.encode())}"]
        self.writer.write(("\r\n".join(head) + "\r\n\r\n" + body).encode())
        await self.writer.drain()
        assert self.reader is not None
        status_line = await self.reader.readline()
        status = int(status_line.split()[1])
        headers: dict[str, str] = {}
        while True:
            line = (await self.reader.readline()).decode("latin-1").strip()
            if not line:
                break
            name, _, value = line.partition(":")
            headers[name.lower()] = value.strip()
            if name.lower() == "set-cookie":
                self.cookie = value.strip().split(";")[0]
        n = int(headers.get("content-length", "0"))
        text = (await self.reader.readexactly(n)).decode("utf-8", "replace") if n else ""
        return status, headers, text

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    lives: int = 0
    votes: int = 0

    def figures(self, seconds: float) -> dict[str, Any]:
        lat = sorted(self.latencies)
        n = len(lat)
        return {
            "requests": n, "errors": self.errors, "seconds": round(seconds, 2),
            "requests_per_second": round(n / seconds, 1) if seconds else 0,
            "p50_ms": round(1000 * lat[n // 2], 2) if n else None,
            "p95_ms": round(1000 * lat[min(n - 1, int(n * 0.95))], 2) if n else None,
            "p99_ms": round(1000 * lat[min(n - 1, int(n * 0.99))], 2) if n else None,
            "max_ms": round(1000 * lat[-1], 2) if n else None,
            "lives_finished": self.lives, "votes": self.votes,
        }


class Run:
    """One phase: students until the deadline or the request budget runs out."""

    def __init__(self, port: int, code: str, teacher: str, lives: int, rulesets: int,
                 seconds: float, budget: int, think: float, seed: int) -> None:
        self.port, self.code, self.teacher = port, code, teacher
        self.lives, self.rulesets = lives, rulesets
        self.deadline = time.monotonic() + seconds
        self.budget = budget
        self.think = think
        self.rng = random.Random(seed)
        self.tally = Tally()
        self.vote_open = False

    def going(self) -> bool:
        return time.monotonic() < self.deadline and len(self.tally.latencies) < self.budget

    async def timed(self, conn: Conn, method: str, path: str,
                    body: str = "") -> tuple[int, dict, str]:
        t0 = time.perf_counter()
        status, headers, text = await conn.request(method, path, body)
        took = time.perf_counter() - t0
        self.tally.latencies.append(took)

        if status >= 400:
            self.tally.errors += 1
        return status, headers, text

    async def pause(self) -> None:
        if self.think > 0:
            await asyncio.sleep(self.rng.uniform(0.5, 1.5) * self.think)

    async def student(self, n: int) -> None:
        conn = Conn(self.port)
        voted = False
        if self.think > 0:  # a class arrives over a couple of seconds, not in one instant
            await asyncio.sleep(self.rng.uniform(0, 2 * self.think))
        try:
            await self.timed(conn, "POST", "/join", f"code={self.code}&nick=s{n}")
            while self.going():
                status, headers, _ = await self.timed(
                    conn, "GET", f"/start?l={self.rng.randrange(self.lives)}"
                    f"&r={self.rng.randrange(self.rulesets)}")
                page = headers.get("location", "/")
                while self.going():
                    await self.pause()
                    if self.vote_open and not voted:
                        await self.timed(conn, "POST", "/class/vote", "choice=1")
                        voted = True
                        self.tally.votes += 1
                        continue
                    status, _, html = await self.timed(conn, "GET", page)
                    found = _LINK.findall(html)
                    if not found:
                        debrief = _DEBRIEF.search(html)
                        if debrief:
                            await self.pause()
                            await self.timed(conn, "GET", debrief.group(1).replace("&amp;", "&"))
                            self.tally.lives += 1
                        break
                    page = self.rng.choice(found).replace("&amp;", "&")
        finally:
            conn.close()

    async def listen(self) -> None:
        """The teacher's page: its live stream stays open, its updates are read."""
        reader, writer = await asyncio.open_connection(HOST, self.port)
        writer.write(f"GET {self.teacher}/events HTTP/1.1\r\nHost: {HOST}\r\n\r\n".encode())
        await writer.drain()
        try:
            while self.going():
                try:
                    await asyncio.wait_for(reader.read(65536), timeout=0.5)
                except TimeoutError:
                    pass
        finally:
            writer.close()

    async def vote_halfway(self, seconds: float) -> None:
        await asyncio.sleep(seconds / 2)
        conn = Conn(self.port)
        await conn.request("POST", f"{self.teacher}/do", "act=vote-open")
        conn.close()
        self.vote_open = True

    async def go(self, students: int, seconds: float) -> dict[str, Any]:
        t0 = time.monotonic()
        tasks = [asyncio.create_task(self.student(i)) for i in range(students)]
        tasks += [asyncio.create_task(self.listen()),
                  asyncio.create_task(self.vote_halfway(seconds))]
        await asyncio.wait(tasks, timeout=seconds + 10)
        for t in tasks:
            t.cancel()
        return self.tally.figures(time.monotonic() - t0)


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def _serve(story: Path, port: int) -> subprocess.Popen:
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    proc = subprocess.Popen([sys.executable, "-m", "game", "--story", str(story), "serve",
                             "--host", HOST, "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((HOST, port), timeout=0.2):
                return proc
        except OSError:
            if proc.poll() is not None:
                break
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError("the web server did not start")


async def warm_up(port: int, teacher: str) -> None:
    """One student's whole life and the teacher's page, so templates are compiled and
    lazy imports done before anything is timed (a class's first minute does the same)."""
    conn = Conn(port)
    await conn.request("GET", f"{teacher}/live")
    _, headers, _ = await conn.request("GET", "/start?l=0&r=0")
    page = headers.get("location", "/")
    for _ in range(200):
        _, _, html = await conn.request("GET", page)
        found = _LINK.findall(html)
        if not found:
            debrief = _DEBRIEF.search(html)
            if debrief:
                await conn.request("GET", debrief.group(1).replace("&amp;", "&"))
            break
        page = found[0].replace("&amp;", "&")
    conn.close()


async def _class(port: int) -> tuple[str, str]:
    conn = Conn(port)
    status, headers, _ = await conn.request("POST", "/teach", "l=0&r=own")
    conn.close()
    teacher = headers["location"]
    return teacher.split("/")[2], teacher


def _cpu(pid: int) -> float | None:
    try:
        import psutil

        t = psutil.Process(pid).cpu_times()
        return t.user + t.system
    except Exception:  # noqa: BLE001 - psutil is optional (the bench extra)
        return None


def phase(port: int, pid: int, students: int, seconds: float, think: float,
          budget: int, story_counts: tuple[int, int], seed: int) -> dict[str, Any]:
    async def go() -> dict[str, Any]:
        code, teacher = await _class(port)
        await warm_up(port, teacher)
        run = Run(port, code, teacher, story_counts[0], story_counts[1], seconds, budget,
                  think, seed)
        return await run.go(students, seconds)

    cpu0 = _cpu(pid)
    out = asyncio.run(go())
    cpu1 = _cpu(pid)
    out.update(students=students, think_seconds=think)
    if cpu0 is not None and cpu1 is not None:
        out["server_cpu_share"] = round((cpu1 - cpu0) / out["seconds"], 2)
    return out


def web_figures(story: Path | None = None, quick: bool = False,
                sizes: tuple[int, ...] = (35, 100, 175),  # a class holds 200 seats at most
                reading_seconds: float = 10.0) -> dict[str, Any]:
    """The class phases (growing classes), then saturation, against a fresh server;
    the server is stopped whatever happens."""
    from game.engine.load import load_story
    from game.paths import bundled_story

    folder = story or bundled_story()
    loaded = load_story(folder)
    counts = (len(loaded.scenarios), len(loaded.rulesets))
    port = free_port()
    proc = _serve(folder, port)
    try:
        seconds = 4.0 if quick else 12.0
        classes = [phase(port, proc.pid, n, seconds, 1.0, 20_000, counts, i)
                   for i, n in enumerate(sizes[:1] if quick else sizes)]
        saturation = phase(port, proc.pid, 20 if quick else 50, 3.0 if quick else 8.0, 0.0,
                           50_000, counts, 99)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
    held = [c["students"] for c in classes if c["p95_ms"] is not None and c["p95_ms"] < 50
            and not c["errors"]]
    share = saturation.get("server_cpu_share")
    rps = saturation["requests_per_second"]
    return {
        "class": classes[0], "classes": classes, "saturation": saturation,
        "reading_seconds": reading_seconds,
        # A simulated student clicks every second; a real one reads a scene for about
        # `reading_seconds`, so each simulated student stands for that many real ones.
        "students_held_at_p95_50ms": int(max(held, default=0) * reading_seconds),
        "server_ms_per_request": round(1000 * share / rps, 2) if share and rps else None,
    }


def print_figures(f: dict[str, Any]) -> None:
    for c in f["classes"]:
        print(f"web, {c['students']} students clicking every ~{c['think_seconds']:.0f} s: "
              f"{c['requests_per_second']} req/s, p50 {c['p50_ms']} ms, p95 {c['p95_ms']} ms, "
              f"p99 {c['p99_ms']} ms, {c['errors']} errors, {c['lives_finished']} lives "
              f"finished, {c['votes']} votes")
    s = f["saturation"]
    print(f"web, saturation ({s['students']} students, no pause): {s['requests_per_second']} "
          f"req/s, p50 {s['p50_ms']} ms, p95 {s['p95_ms']} ms, server CPU "
          f"{s.get('server_cpu_share', '?')} of a core, {f['server_ms_per_request']} ms of "
          "server CPU a request")
    print(f"web, students one server process holds at p95 under 50 ms, reading a scene "
          f"every {f['reading_seconds']:.0f} s: at least {f['students_held_at_p95_50ms']}")


def main_bench(args: Any) -> int:
    """`python -m game bench --web [--quick] [--json]`."""
    import json

    figures = web_figures(getattr(args, "story", None), quick=args.quick)
    if args.json:
        sys.stdout.write(json.dumps({"web": figures}, indent=2) + "\n")
    else:
        print_figures(figures)
    return 0
