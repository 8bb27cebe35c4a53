"""The subcommands of CLI.md: each reads its arguments, calls the engine, prints."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.cli.errors import StoryInvalid, UsageError

if TYPE_CHECKING:  # the model's import waits until after the window's first frame
    from game.engine.model import Story


def load(folder: Path) -> Story:
    """Load the story (compiled, when unchanged) or print its errors on stderr and exit 1."""
    from game.storycache import StoryErrors, load_story

    if not folder.is_dir():
        raise UsageError(f"no story folder at {folder}")
    try:
        return load_story(folder)
    except StoryErrors as err:
        for problem in err.problems:
            if problem.level == "error":
                print(problem, file=sys.stderr)
        raise StoryInvalid from None


def dump(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def scenario_id(story: Story, sid: str | None) -> str:
    from game.engine.expr import nearest

    if sid is None:
        return next(iter(sorted(story.scenarios)))
    if sid not in story.scenarios:
        near = nearest(sid, story.scenarios)
        hint = f"did you mean '{near}'?" if near else "known: " + ", ".join(sorted(story.scenarios))
        raise UsageError(f"unknown scenario '{sid}' ({hint})")
    return sid


def ruleset_id(story: Story, rid: str | None, scenario: str | None = None) -> str:
    from game.engine.expr import nearest

    if rid is None:
        if scenario is None:
            raise UsageError("name a ruleset with --ruleset")
        return story.scenarios[scenario].ruleset
    if rid not in story.rulesets:
        near = nearest(rid, story.rulesets)
        hint = f"did you mean '{near}'?" if near else "known: " + ", ".join(sorted(story.rulesets))
        raise UsageError(f"unknown ruleset '{rid}' ({hint})")
    return rid


def positions(text: str) -> tuple[int, ...]:
    text = text.strip()
    if not text:
        return ()
    try:
        out = tuple(int(part) for part in text.split(","))
    except ValueError:
        raise UsageError(f"--choices takes positions separated by commas, like 1,2,1; "
                         f"got {text!r}") from None
    if any(p < 1 for p in out):
        raise UsageError("choice positions start at 1")
    return out


# -- run ------------------------------------------------------------------------------

def run(args: argparse.Namespace) -> int:
    from game.analysis import Playthrough, replay
    from game.codes import encode
    from game.engine.play import PlayError

    story = load(args.story)
    sid = scenario_id(story, args.scenario)
    pt = Playthrough(sid, ruleset_id(story, args.ruleset, sid), args.seed, positions(args.choices))
    if pt.seed < 0:
        raise UsageError("--seed must be 0 or more")
    try:
        outcome = replay(story, pt, strict=True)
    except PlayError as exc:
        raise UsageError(str(exc)) from None
    data = run_json(story, outcome, encode(story, pt))
    if args.json:
        dump(data)
    else:
        from game.cli.printout import print_playthrough

        print_playthrough(story, outcome, data["code"])
    return 0


def run_json(story: Story, outcome: Any, code: str) -> dict[str, Any]:
    state = outcome.state
    ruleset = story.rulesets[state.ruleset]
    scored = getattr(ruleset, "scored", True)  # version 2: a ruleset may keep no score
    return {
        "scenario": state.scenario, "ruleset": state.ruleset, "seed": state.seed,
        "code": code, "ending": outcome.ending, "ending_title": outcome.ending_title,
        "score": state.standing.score if scored else None,
        "tier": ruleset.tier_of(state.standing.score).id if scored else None,
        "lists": [lid for lid in ruleset.lists if lid in state.standing.lists],
        "active": list(state.standing.active), "path": list(state.path),
        "ledger": [e.as_json(scored) for e in state.ledger],
        "blocked": [d.as_json() for d in outcome.blocked],
        "refusals": [r.as_json() for r in outcome.life.refusals],
    }


# -- simulate, validate, rules, graph, schema -----------------------------------------

def simulate(args: argparse.Namespace) -> int:
    from game.analysis import simulate as sim

    story = load(args.story)
    sid = scenario_id(story, args.scenario)
    rid = ruleset_id(story, args.ruleset, sid)
    if args.runs < 1:
        raise UsageError("--runs must be 1 or more")
    if args.seed < 0:
        raise UsageError("--seed must be 0 or more")
    data = sim(story, sid, rid, args.runs, args.seed, whatif=args.whatif)
    if args.json:
        dump(data)
    else:
        from game.cli.printout import print_simulation

        print_simulation(story, data)
    return 0


def validate(args: argparse.Namespace) -> int:
    from game.engine.check import warnings
    from game.engine.load import load_with_problems

    if not args.story.is_dir():
        raise UsageError(f"no story folder at {args.story}")
    story, problems = load_with_problems(args.story)
    if story is not None:
        problems = sorted(set(problems) | set(warnings(story)),
                          key=lambda p: (p.path, p.line, p.message))
    for problem in problems:
        print(problem)
    errors = sum(p.level == "error" for p in problems)
    found = len(problems) - errors
    print(f"{args.story}: {errors} error{'s' * (errors != 1)}, "
          f"{found} warning{'s' * (found != 1)}", file=sys.stderr)
    return 1 if errors else 0


def rules(args: argparse.Namespace) -> int:
    from game.rules.explain import rules_json

    story = load(args.story)
    ids = [ruleset_id(story, args.ruleset)] if args.ruleset else list(story.rulesets)
    data = rules_json(story, ids)
    if args.json:
        dump(data)
    else:
        from game.cli.printout import print_rules

        print_rules(story, ids)
    return 0


def graph(args: argparse.Namespace) -> int:
    from game.cli.graph import dot

    story = load(args.story)
    sys.stdout.write(dot(story, scenario_id(story, args.scenario)))
    return 0


def schema(args: argparse.Namespace) -> int:
    from game.engine.schema import json_schema

    dump(json_schema())
    return 0


# -- front ends ---------------------------------------------------------------------

def text(args: argparse.Namespace) -> int:
    from game.cli.terminal import play_in_terminal

    story = load(args.story)
    sid = scenario_id(story, args.scenario) if args.scenario else None
    rid = ruleset_id(story, args.ruleset) if args.ruleset else None
    if args.seed < 0:
        raise UsageError("--seed must be 0 or more")
    return play_in_terminal(story, sid, rid, args.mode, args.seed)


def has_display() -> bool:
    """An explicit SDL_VIDEODRIVER counts as a display (`dummy` in tests)."""
    if os.environ.get("SDL_VIDEODRIVER"):
        return True
    if sys.platform.startswith(("win", "darwin")):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def play(args: argparse.Namespace) -> int:
    """The window opens first and loads the story once (the App checks --scenario,
    --ruleset and the kiosk config against it); the terminal fallback loads it here."""
    autoplay = positions(args.autoplay) if args.autoplay is not None else None
    if not args.story.is_dir():
        raise UsageError(f"no story folder at {args.story}")
    if not has_display() and args.kiosk and autoplay is None:
        # A kiosk must not fall back to a terminal nobody sees: fail, so that its
        # supervisor (systemd, cage) restarts it once the screen is there.
        raise UsageError("kiosk mode needs a display, and none was found "
                         "(is DISPLAY or WAYLAND_DISPLAY set?)")
    if not has_display():
        if autoplay is not None or args.screenshots is not None:
            os.environ["SDL_VIDEODRIVER"] = "dummy"  # headless screenshots need no screen
        else:
            print("No display found: starting the terminal game instead "
                  "(`python -m game text`).", file=sys.stderr)
            return play_in_terminal_default(load(args.story), args)
    try:
        from game.ui.app import run as run_window
        from game.ui.options import PlayOptions
    except ImportError as exc:  # pragma: no cover - a broken install
        raise UsageError(f"the window cannot start: {exc}") from None
    options = PlayOptions(
        story=args.story, fullscreen=args.fullscreen, kiosk=args.kiosk,
        classroom=args.classroom, kiosk_config=args.kiosk_config, mode=args.mode,
        scenario=args.scenario, ruleset=args.ruleset, lang=args.lang, autoplay=autoplay,
        screenshots=args.screenshots, size=_size(args.size))
    from game.ui.app import NoDisplay

    try:
        return run_window(options)
    except NoDisplay:
        if args.kiosk:  # exit non-zero, so that the kiosk's supervisor tries again
            raise UsageError("kiosk mode needs a display, and the one named by DISPLAY "
                             "did not open") from None
        print("The display could not be opened: starting the terminal game instead "
              "(`python -m game text`).", file=sys.stderr)
        return play_in_terminal_default(load(args.story), args)


def play_in_terminal_default(story: Story, args: argparse.Namespace) -> int:
    from game.cli.terminal import play_in_terminal

    if args.scenario is not None:
        scenario_id(story, args.scenario)
    if args.ruleset is not None:
        ruleset_id(story, args.ruleset)
    return play_in_terminal(story, args.scenario, args.ruleset, args.mode or "transparent", 0)


def _size(text: str | None) -> tuple[int, int] | None:
    if text is None:
        return None
    try:
        w, h = (int(x) for x in text.lower().split("x"))
    except ValueError:
        raise UsageError(f"--size takes WIDTHxHEIGHT, like 1280x720; got {text!r}") from None
    if w < 320 or h < 240:
        raise UsageError("--size must be at least 320x240")
    return w, h


# -- reports, bench, kiosk ------------------------------------------------------------

def report(args: argparse.Namespace) -> int:
    from game.analysis import Playthrough
    from game.codes import CodeError, decode
    from game.engine.play import PlayError
    from game.reports.debrief import write_report

    story = load(args.story)
    if args.code:
        try:
            pt = decode(story, args.code)
        except CodeError as exc:
            raise UsageError(str(exc)) from None
    elif args.scenario:
        sid = scenario_id(story, args.scenario)
        pt = Playthrough(sid, ruleset_id(story, args.ruleset, sid), args.seed,
                         positions(args.choices))
    else:
        raise UsageError("report needs --code CODE, or --scenario ID with --choices")
    if args.name is not None:
        try:
            args.name.encode("utf-8")
        except UnicodeEncodeError:  # bytes that are not UTF-8 on the command line
            raise UsageError("--name is not valid text (UTF-8)") from None
    try:
        write_report(story, pt, args.output, name=args.name)  # replays strictly
    except PlayError as exc:
        raise UsageError(str(exc)) from None
    except OSError as exc:
        raise UsageError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


def handouts(args: argparse.Namespace) -> int:
    from game.reports.handouts import write_handouts

    story = load(args.story)
    try:
        written = write_handouts(story, args.output)
    except OSError as exc:
        raise UsageError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    print(f"wrote {len(written)} pages to {args.output} (open index.html to print them)",
          file=sys.stderr)
    return 0


def class_report(args: argparse.Namespace) -> int:
    from game.reports.class_summary import render_class_report
    from game.reports.debrief import write_atomic

    story = load(args.story)
    from game.reports.codefile import CodeFileError, read_code_lines

    try:
        lines = read_code_lines(args.codes)
    except CodeFileError as exc:
        raise UsageError(str(exc)) from None
    html, problems = render_class_report(story, lines, str(args.codes))
    for problem in problems:
        print(problem, file=sys.stderr)
    try:
        write_atomic(args.output, html)
    except OSError as exc:
        raise UsageError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


def bench(args: argparse.Namespace) -> int:
    from game.bench.engine import run_bench

    return run_bench(args)


def serve(args: argparse.Namespace) -> int:
    from game.web.serve import main_serve

    return main_serve(args)


def kiosk_pin(args: argparse.Namespace) -> int:
    from game.ui.kiosk.config import main_hash_pin

    return main_hash_pin([])
