"""`python -m game bench`: the figures of docs/benchmarks.md, measured on this machine.

Engine figures: load + validate of generated stories (1k / 5k / 20k scenes,
3 choices a scene, one condition and one observation each), random play in
microseconds per choice taken with the rules layer firing, and `simulate`
throughput on the bundled story. Window figures come from `game.ui.window_bench`.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BEHAVIOURS = 10
PER_FILE = 1000  # scenes per scenario file, to stay well under the 1 MiB limit


def generate(folder: Path, scenes: int) -> Path:
    """Write a story folder of `scenes` scenes split into scenarios of PER_FILE."""
    (folder / "rulesets").mkdir(parents=True)
    (folder / "scenarios").mkdir()
    behaviours = "\n".join(f"  b.x{i}: Behaviour {i}" for i in range(BEHAVIOURS))
    (folder / "story.yaml").write_text(
        f"title: Generated\nbehaviours:\n{behaviours}\ncapabilities:\n"
        "  c.open: {name: Something open, default: true}\n", encoding="utf-8")
    (folder / "sources.yaml").write_text(
        "sources:\n  gen: {title: Generated, outlet: Bench, date: '2026'}\n", encoding="utf-8")
    rules = "\n".join(
        f"  - {{id: R{i}, on: b.x{i}, delta: {1 if i % 2 else -1}, "
        + ("if: \"score > 10\", " if i % 3 == 0 else "")
        + "reason: Generated., seen_by: bench, fidelity: reported, sources: [gen]}"
        for i in range(BEHAVIOURS))
    (folder / "rulesets" / "gen.yaml").write_text(
        "ruleset: gen\nname: Generated\nfidelity: dramatized\nscore: {start: 1000}\n"
        "tiers:\n  - {id: hi, min: 1000, label: High}\n  - {id: lo, min: 0, label: Low}\n"
        f"rules:\n{rules}\nconsequences:\n"
        "  - {id: LOW, kind: restriction, when: \"score < 1\", blocks: [c.open], explain: x,"
        " fidelity: dramatized}\n", encoding="utf-8")
    for part in range(0, scenes, PER_FILE):
        count = min(PER_FILE, scenes - part)
        lines = [f"scenario: g{part // PER_FILE}", "title: Generated", "ruleset: gen",
                 "start: s0", "vars: {n: 0}", "scenes:"]
        for i in range(count - 1):
            choices = ", ".join(
                f"{{text: Choice {k}, if: \"n >= 0\", observe: b.x{(i + k) % BEHAVIOURS}, "
                f"goto: s{min(i + 1 + k, count - 1)}}}" for k in range(3))
            lines.append(f"  s{i}: {{text: Scene {i}. You walk on., choices: [{choices}]}}")
        lines.append(f"  s{count - 1}: {{text: The end., ending: Done}}")
        name = folder / "scenarios" / f"g{part // PER_FILE}.yaml"
        name.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _load_and_check(folder: Path) -> float:
    from game.engine.check import warnings
    from game.engine.load import load_with_problems

    t0 = time.process_time()
    story, problems = load_with_problems(folder)
    assert story is not None, problems[:3]
    warnings(story)
    return time.process_time() - t0


def load_figures(sizes: list[int], repeats: int = 3) -> dict[str, Any]:
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            folder = generate(Path(tmp) / f"s{n}", n)
            times = [_load_and_check(folder) for _ in range(repeats)]
            out[str(n)] = {"seconds_median": round(statistics.median(times), 4),
                           "microseconds_per_scene": round(statistics.median(times) / n * 1e6, 1)}
    return out


_EVENTS_ONLY = """
import sys
from pathlib import Path
import yaml
for f in sorted(Path(sys.argv[1]).rglob("*.yaml")):
    loader = yaml.CSafeLoader(f.read_text(encoding="utf-8"))
    try:
        while loader.get_event() is not None:
            pass
    finally:
        loader.dispose()
"""


def _child_cpu(cmd: list[str], env: dict[str, str]) -> float:
    """CPU seconds (user + system) of one whole child process."""
    import resource
    import subprocess

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    # check=True: a run that fails (a broken generated story) must not give a figure
    subprocess.run(cmd, env=env, capture_output=True, check=True, timeout=300)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def validate_vs_events(scenes: int = 5000, repeats: int = 7) -> dict[str, Any]:
    """`python -m game validate` on a generated story against a process that only pulls
    libyaml's events from the same files: CPU seconds of each whole process.

    The two are run in turns (validate, events, validate, ...), so a shared machine's
    changing load falls on both alike; `ratio` is of the medians, `ratio_best` of the
    least CPU time each needed (what is left when the noise is not).
    """
    import os

    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory() as pyc:
        folder = generate(Path(tmp) / "v", scenes)
        env = dict(os.environ, PYTHONPYCACHEPREFIX=pyc)
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: .pyc files exist
        validate = [sys.executable, "-m", "game", "--story", str(folder), "validate"]
        events = [sys.executable, "-c", _EVENTS_ONLY, str(folder)]
        _child_cpu(validate, env)  # warm-up: compiles the .pyc files
        v, e = [], []
        for _ in range(repeats):
            v.append(_child_cpu(validate, env))
            e.append(_child_cpu(events, env))
    return {"scenes": scenes, "validate_cpu_s": round(statistics.median(v), 3),
            "events_only_cpu_s": round(statistics.median(e), 3),
            "ratio": round(statistics.median(v) / statistics.median(e), 2),
            "ratio_best": round(min(v) / min(e), 2)}


def play_figures(choices_wanted: int, rounds: int = 5) -> dict[str, Any]:
    """Random play on a generated 1,000-scene scenario: µs per choice taken.

    Every choice fires a rule. Timed in `rounds` rounds of CPU time; the median
    round is the figure (a shared machine's noise shows in the spread).
    """
    import random

    from game.analysis import Tally, random_playthrough
    from game.engine.load import load_story
    from game.engine.play import Context

    with tempfile.TemporaryDirectory() as tmp:
        story = load_story(generate(Path(tmp) / "play", 1000))
    ctx = Context.of(story, "g0")
    per_choice, taken, fired, runs = [], 0, 0, 0
    chooser = random.Random(0)
    for _ in range(rounds):
        tally = Tally()
        t0 = time.process_time()
        while tally.choices_taken < choices_wanted // rounds:
            random_playthrough(ctx, runs, chooser, tally)
            runs += 1
        per_choice.append((time.process_time() - t0) / tally.choices_taken * 1e6)
        taken += tally.choices_taken
        fired += sum(tally.rules.values())
    return {"choices": taken, "playthroughs": runs,
            "microseconds_per_choice": round(statistics.median(per_choice), 2),
            "microseconds_per_choice_range": [round(min(per_choice), 2),
                                              round(max(per_choice), 2)],
            "rule_firings": fired}


def simulate_figures(runs: int) -> dict[str, Any]:
    from game.analysis import simulate
    from game.engine.load import load_story
    from game.paths import bundled_story

    story = load_story(bundled_story())
    out = {}
    for sid in sorted(story.scenarios):
        t0 = time.process_time()
        simulate(story, sid, None, runs, 0)
        out[sid] = round(runs / (time.process_time() - t0))
    return {"runs": runs, "playthroughs_per_second": out}


def run_bench(args: argparse.Namespace) -> int:
    if getattr(args, "web", False):  # the web load benchmark (game/web/loadgen.py)
        from game.web.loadgen import main_bench

        return main_bench(args)
    if getattr(args, "fuzz", 0):  # the loader and expression fuzzing (game/bench/fuzz.py)
        from game.bench.fuzz import fuzz

        found = fuzz(args.fuzz)
        sys.stdout.write(json.dumps(found, indent=2) + "\n")
        return 0
    sizes = [200, 1000] if args.quick else [1000, 5000, 20000]
    figures: dict[str, Any] = {
        "python": sys.version.split()[0],
        "load_and_validate": load_figures(sizes, 1 if args.quick else 3),
        "validate_vs_libyaml_events": validate_vs_events(1000 if args.quick else 5000,
                                                         1 if args.quick else 7),
        "random_play": play_figures(5_000 if args.quick else 100_000),
        "simulate": simulate_figures(50 if args.quick else 1000),
    }
    if not args.engine_only:
        figures["window"] = _window_figures(args.quick)
    if args.soak:
        from game.ui.window_bench import kiosk_soak

        figures["kiosk_soak"] = kiosk_soak(args.soak)
    if args.json:
        sys.stdout.write(json.dumps(figures, indent=2) + "\n")
    else:
        _print(figures)
    return 0


def _window_figures(quick: bool) -> dict[str, Any]:
    try:
        from game.ui.window_bench import window_figures
    except ImportError as exc:
        return {"skipped": f"window benchmark unavailable: {exc}"}
    try:
        return window_figures(quick=quick)
    except TypeError:
        return window_figures()


def _print(figures: dict[str, Any]) -> None:
    print(f"Python {figures['python']}")
    for n, f in figures["load_and_validate"].items():
        print(f"load + validate {int(n):>6,} scenes: {f['seconds_median']:.3f} s "
              f"({f['microseconds_per_scene']} us/scene)")
    r = figures["validate_vs_libyaml_events"]
    print(f"validate {r['scenes']:,} scenes as a process: {r['validate_cpu_s']:.3f} s CPU, "
          f"{r['ratio']}x a process that only pulls libyaml events "
          f"({r['events_only_cpu_s']:.3f} s; {r['ratio_best']}x comparing each one's best run)")
    p = figures["random_play"]
    print(f"random play: {p['microseconds_per_choice']} us per choice "
          f"({p['choices']:,} choices, {p['rule_firings']:,} rule firings)")
    for sid, rate in figures["simulate"]["playthroughs_per_second"].items():
        print(f"simulate {sid}: {rate:,} playthroughs/s")
    for part in ("window", "kiosk_soak"):
        for key, value in figures.get(part, {}).items():
            print(f"{part.replace('_', ' ')} {key}: {value}")
