"""The window's benchmark figures, for `python -m game bench` and docs/benchmarks.md.

`window_figures()`: start to first frame and to the title screen ready for
input (the real `python -m game play`, timed as a whole process, with and
without the compiled-story cache), frame time while text reveals at
1920x1080, idle CPU, RSS. `kiosk_soak(n)`: n scripted kiosk visits in one
process (real posted touch events, a fake clock), counting crashes and RSS drift.
All run on SDL's dummy video driver unless a display is already chosen.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

# The real command, `python -m game play`, run whole through runpy; the only
# addition is a wrapper on pygame's two display calls that notes the time of
# the first frame (the splash) and of the second (the title screen, drawn by
# the event loop: ready for input), then ends the process.
_REAL_PLAY = """
import os, sys, time, runpy
import pygame
marks = []
def mark(real):
    def shown(*a, **k):
        out = real(*a, **k)
        marks.append(time.time())
        if len(marks) == 2:
            cpu = time.process_time()  # CPU time of the whole process: robust to a busy machine
            sys.stdout.write(f"{marks[0]} {marks[1]} {cpu}\\n")
            sys.stdout.flush()
            os._exit(0)
        return out
    return shown
pygame.display.flip = mark(pygame.display.flip)
pygame.display.update = mark(pygame.display.update)
sys.argv = ["game"] + sys.argv[1:]
runpy.run_module("game", run_name="__main__", alter_sys=True)
"""

_IDLE = """
import sys, time, threading, os
from pathlib import Path
from game.engine.load import load_story
from game.ui.app import App
from game.ui.options import PlayOptions
story = load_story(Path(sys.argv[1]))
app = App(PlayOptions(story=story.root, size=(1920, 1080)), story)
def stop():
    time.sleep(float(sys.argv[2])); app.quit(0)
threading.Thread(target=stop, daemon=True).start()
print("ready", flush=True)
app.loop()
"""


def _env(home: str) -> dict[str, str]:
    root = str(Path(__file__).resolve().parents[2])
    env = dict(os.environ, ROAM_FREELY_HOME=home, PYGAME_HIDE_SUPPORT_PROMPT="1")
    env["PYTHONPATH"] = root + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _play_env(home: str, pycache: str, cache: bool) -> dict[str, str]:
    env = _env(home)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed game has its .pyc files
    env["PYTHONPYCACHEPREFIX"] = pycache
    env.pop("ROAM_FREELY_NO_CACHE", None)
    if not cache:
        env["ROAM_FREELY_NO_CACHE"] = "1"
    return env


def start_to_first_frame(story: Path, runs: int = 5
                         ) -> dict[str, list[tuple[float, float, float]]]:
    """(first frame, title ready, CPU seconds to title ready) from launching `python -m
    game play`, one triple per run, with the compiled-story cache ("cache") and without
    it ("no_cache").

    One warm-up run first compiles the .pyc files and fills the cache, as the
    first start of an installed game does; the runs then alternate.
    """
    out: dict[str, list[tuple[float, float, float]]] = {"cache": [], "no_cache": []}
    with tempfile.TemporaryDirectory() as home, tempfile.TemporaryDirectory() as pyc:
        def once(cache: bool) -> tuple[float, float, float]:
            t = time.time()
            r = subprocess.run([sys.executable, "-c", _REAL_PLAY, "--story", str(story), "play"],
                               env=_play_env(home, pyc, cache), capture_output=True, text=True,
                               check=True, timeout=120)
            a, b, cpu = r.stdout.strip().splitlines()[-1].split()
            return float(a) - t, float(b) - t, float(cpu)

        once(True)
        for _ in range(runs):
            out["cache"].append(once(True))
            out["no_cache"].append(once(False))
    return out


def idle_cpu(story: Path, warm: float = 3.0, span: float = 10.0) -> tuple[float, float]:
    """(CPU % of one core, RSS MB) of the title screen left alone, after a warm-up."""
    import psutil

    with tempfile.TemporaryDirectory() as home:
        proc = subprocess.Popen([sys.executable, "-c", _IDLE, str(story), str(warm + span + 1)],
                                env=_env(home), stdout=subprocess.PIPE, text=True)
        try:
            proc.stdout.readline()
            ps = psutil.Process(proc.pid)
            time.sleep(warm)
            c0, t0 = sum(ps.cpu_times()[:2]), time.monotonic()
            time.sleep(span)
            c1, t1 = sum(ps.cpu_times()[:2]), time.monotonic()
            rss = ps.memory_info().rss / 2**20
        finally:
            proc.wait(30)
    return 100 * (c1 - c0) / (t1 - t0), rss


def reveal_frames(story_dir: Path, frames: int = 600, cpu: bool = False) -> list[float]:
    """Milliseconds per loop turn at 1920x1080 while scene text reveals (every scene);
    with `cpu`, the process's CPU time per turn (what a busy machine hardly changes)."""
    from game.engine.load import load_story
    from game.ui.app import App
    from game.ui.options import PlayOptions

    story = load_story(story_dir)
    fake = [0.0]
    with tempfile.TemporaryDirectory() as home:
        os.environ["ROAM_FREELY_HOME"] = home
        sid = max(story.scenarios, key=lambda s: max(
            _text_length(sc.text) for sc in story.scenarios[s].scenes.values()))
        app = App(PlayOptions(story=story.root, size=(1920, 1080), scenario=sid), story,
                  clock=lambda: fake[0], sleep=lambda s: None)
        times: list[float] = []
        scr = app.screen
        while len(times) < frames:
            if not scr.revealing:  # start the reveal again, as on entering a scene
                scr.revealing, scr.shown, scr.t_last = True, 0.0, None
                scr.layout()
            fake[0] += 1 / 60
            clock = time.process_time if cpu else time.perf_counter
            t = clock()
            app.tick()
            times.append((clock() - t) * 1000)
        app.close()
    return times


def _text_length(text) -> int:  # noqa: ANN001 - a Template, or v2 conditional paragraphs
    if isinstance(text, tuple):
        return sum(len(p.text.source) for p in text)
    return len(text.source)


def breakin_frames(story_dir: Path, frames: int = 600) -> tuple[list[float], list[float]]:
    """(wall ms, CPU ms) per loop turn at 1920x1080 while the system breaks in: the
    score ticking, the delta rising, the slip stamped (restarted as each one ends)."""
    from game.engine.load import load_story
    from game.ui.app import App
    from game.ui.options import PlayOptions

    story = load_story(story_dir)
    fake = [0.0]
    with tempfile.TemporaryDirectory() as home:
        os.environ["ROAM_FREELY_HOME"] = home
        sid = next((s for s, sc in story.scenarios.items()
                    if story.rulesets[sc.ruleset].keeps_score), next(iter(story.scenarios)))
        app = App(PlayOptions(story=story.root, size=(1920, 1080), scenario=sid), story,
                  clock=lambda: fake[0], sleep=lambda s: None)
        scr = app.screen
        for _ in range(400):  # play on until a step that brings a slip
            scr.finish_reveal()
            while app.screen is not scr:
                app.pop()
            life = app.session.life
            if scr.breakin.has_slip or life.ended:
                break
            scr.cont() if life.can_go_on else scr.choose(life.takeable()[0])
        entries = list(scr.breakin.entries)
        wall: list[float] = []
        cpu: list[float] = []
        while len(wall) < frames:
            b = scr.breakin
            if not b.started or not (b.tick.running or b.lift.running):
                scr.breakin, scr.moving = scr._breakin(entries), False
            fake[0] += 1 / 60
            t, c = time.perf_counter(), time.process_time()
            app.tick()
            wall.append((time.perf_counter() - t) * 1000)
            cpu.append((time.process_time() - c) * 1000)
            while app.screen is not scr:
                app.pop()
        app.close()
    return wall, cpu


def _spread(ms: list[float]) -> dict:
    s = sorted(ms)
    return {"median": round(statistics.median(s), 2), "p99": round(s[int(len(s) * 0.99) - 1], 2),
            "max": round(s[-1], 2), "frames": len(s)}


def window_figures(story: Path | None = None, quick: bool = False) -> dict:
    """The four figures of the window's benchmark (see docs/benchmarks.md).

    `quick` (for a smoke test) takes fewer runs and a shorter idle window.
    """
    from game import paths

    story = Path(story or paths.bundled_story())
    starts = start_to_first_frame(story, runs=2 if quick else 7)
    frames = sorted(reveal_frames(story, frames=120 if quick else 600))
    cpu, rss = idle_cpu(story, warm=2.0 if quick else 3.0, span=3.0 if quick else 10.0)
    b_wall, b_cpu = breakin_frames(story, frames=120 if quick else 600)
    r_cpu = reveal_frames(story, frames=120 if quick else 600, cpu=True)

    def figure(pairs: list[tuple[float, float, float]], i: int) -> dict:
        return {"median": round(statistics.median(p[i] for p in pairs), 3),
                "runs": [round(p[i], 3) for p in pairs]}

    return {
        "start_to_first_frame_s": figure(starts["cache"], 0),
        "start_to_title_ready_s": figure(starts["cache"], 1),
        "start_to_title_ready_no_cache_s": figure(starts["no_cache"], 1),
        "title_ready_cpu_s": figure(starts["cache"], 2),
        "title_ready_cpu_no_cache_s": figure(starts["no_cache"], 2),
        "reveal_frame_ms_1920x1080": {
            "median": round(statistics.median(frames), 2),
            "p99": round(frames[int(len(frames) * 0.99) - 1], 2),
            "max": round(frames[-1], 2), "frames": len(frames)},
        "reveal_frame_cpu_ms_1920x1080": _spread(r_cpu),
        "breakin_frame_ms_1920x1080": _spread(b_wall),
        "breakin_frame_cpu_ms_1920x1080": _spread(b_cpu),
        "idle_cpu_percent": round(cpu, 2),
        "rss_mb": round(rss, 1),
    }


# -- the kiosk soak -----------------------------------------------------------------------

def _rss_mb() -> float:
    import psutil

    return psutil.Process().memory_info().rss / 2**20


def kiosk_soak(sessions: int = 1000, story: Path | None = None, seed: int = 0) -> dict:
    """`sessions` scripted kiosk visits in one process: random open choices, posted touches.

    Every 10th visitor walks away mid-story, so the idle warning and the reset run
    too. Returns crashes (recovered faults plus any escaping exception), RSS at the
    start (after 20 warm-up visits) and at the end, and the drift between them.
    """
    from dataclasses import replace

    from game import paths
    from game.engine.load import load_story
    from game.ui.app import App
    from game.ui.kiosk.config import default_kiosk_config
    from game.ui.options import PlayOptions

    story_dir = Path(story or paths.bundled_story())
    st = load_story(story_dir)
    rng = random.Random(seed)
    fake = [0.0]
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ROAM_FREELY_HOME"] = str(Path(tmp) / "home")
        cfg = replace(default_kiosk_config(), log_dir=str(Path(tmp) / "logs"))
        app = App.__new__(App)
        app._kiosk_config = lambda: cfg
        App.__init__(app, PlayOptions(story=story_dir, kiosk=True, size=(1280, 720)), st,
                     clock=lambda: fake[0], sleep=lambda s: None)
        soak = _SoakDriver(app, rng)
        app.driver = soak
        escaped, t0 = 0, time.perf_counter()
        soak.warm_at = min(20, max(1, sessions // 5))
        while soak.visits <= sessions:  # the visit after the last one measures the end
            try:
                fake[0] += 0.05
                app.tick()
            except Exception:  # noqa: BLE001 - counted: a crash the kiosk did not absorb
                escaped += 1
                app.kiosk.to_attract()
        warm_rss, end_rss = soak.rss[soak.warm_at], soak.rss[sessions + 1]
        stuck = soak.inner.error
        files = [p for p in Path(tmp, "home").rglob("*") if p.is_file()] \
            if Path(tmp, "home").exists() else []
        result = {
            "sessions": sessions, "completed": soak.completed, "idle_resets": soak.walked,
            "crashes": app.kiosk.crashes + escaped, "driver_error": stuck,
            "rss_mb_start": round(warm_rss or end_rss, 1), "rss_mb_end": round(end_rss, 1),
            "rss_drift_mb": round(end_rss - (warm_rss or end_rss), 2),
            "visitor_files_written": len(files),
            "seconds": round(time.perf_counter() - t0, 1),
        }
        app.close()
    return result


class _SoakDriver:
    """Wraps the autoplay driver: random open choices, some visitors walk away."""

    def __init__(self, app, rng: random.Random) -> None:  # noqa: ANN001
        from game.ui.autoplay import Driver

        self.inner = Driver(app, [], None)
        self.inner.pick = lambda v: rng.choice(
            [c.position for c in v.visible_choices if c.status == "open"])
        self.inner.on_attract = self.on_attract
        self.app, self.rng = app, rng
        self.visits = self.completed = self.walked = 0
        self.leaving = False
        self.steps = 0
        self.rss: dict[int, float] = {}
        self.warm_at = 20

    def on_attract(self, scr) -> None:  # noqa: ANN001
        self.rss[self.visits + 1] = _rss_mb()  # at the attract screen, after the reset
        if self.inner.finished_kiosk:
            self.completed += 1
        elif self.visits:
            self.walked += 1
        self.inner.finished_kiosk, self.inner.visited = False, set()
        self.visits += 1
        self.inner.turns = 0  # the driver's no-progress guard counts per visit here
        self.leaving = self.visits % 10 == 5
        self.steps = 0
        self.inner.tap(scr, "begin")

    def tick(self, busy: bool) -> None:
        self.steps += 1
        if self.leaving and self.steps > 40 and self.app.screen.name != "attract":
            return  # this visitor walked away: the idle timer must reset the kiosk
        self.inner.tick(busy)
