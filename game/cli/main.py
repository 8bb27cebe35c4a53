"""The command line of CLI.md: argument parsing and dispatch to the subcommands.

Every error is one line on stderr, `error: ...`: exit 2 for bad usage or bad
input, 1 for a story that fails validation. No traceback reaches a user.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from game.cli.errors import StoryInvalid, UsageError
from game.paths import bundled_story


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{message} (see `{self.prog} --help`)")


def _story_arg(p: argparse.ArgumentParser, default: object = argparse.SUPPRESS) -> None:
    # Subcommands SUPPRESS their default so `--story` before the command survives.
    p.add_argument("--story", type=Path, default=default, metavar="DIR",
                   help="the story folder (default: the bundled story)")


def _seed(p: argparse.ArgumentParser) -> None:
    p.add_argument("--seed", type=int, default=0, help="random seed (default 0)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m game", description="Roam Freely: a week in a pilot "
                     "city whose scoring system watches, scores, restricts and rewards.")
    _story_arg(parser, None)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        _story_arg(p)
        return p

    p = add("play", "the desktop game in a window")
    p.add_argument("--fullscreen", action="store_true")
    p.add_argument("--kiosk", action="store_true", help="museum kiosk mode (docs/kiosk.md)")
    p.add_argument("--kiosk-config", type=Path, default=None, metavar="FILE")
    p.add_argument("--classroom", action="store_true", help="projector mode (docs/teachers.md)")
    p.add_argument("--mode", choices=["opaque", "transparent"], default=None)
    p.add_argument("--scenario", default=None)
    p.add_argument("--ruleset", default=None)
    p.add_argument("--lang", default=None, metavar="CODE")
    p.add_argument("--autoplay", default=None, metavar="1,2,1")
    p.add_argument("--screenshots", type=Path, default=None, metavar="DIR")
    p.add_argument("--size", default=None, metavar="WxH", help="window size, e.g. 1920x1080")

    p = add("text", "the whole game in a terminal (screen readers, ssh)")
    p.add_argument("--scenario", default=None)
    p.add_argument("--ruleset", default=None)
    p.add_argument("--mode", choices=["opaque", "transparent"], default="transparent")
    _seed(p)

    p = add("run", "play the given choice positions and print the playthrough")
    p.add_argument("--scenario", required=True)
    p.add_argument("--choices", default="", metavar="1,2,1")
    p.add_argument("--ruleset", default=None)
    _seed(p)
    p.add_argument("--json", action="store_true")

    p = add("simulate", "N random playthroughs, for balance and coverage")
    p.add_argument("--scenario", required=True)
    p.add_argument("--ruleset", default=None)
    p.add_argument("--runs", type=int, default=1000)
    _seed(p)
    p.add_argument("--whatif", action="store_true",
                   help="also replay each life's choices under every other ruleset")
    p.add_argument("--json", action="store_true")

    add("validate", "check the story folder")

    p = add("rules", "every rule and consequence, explained")
    p.add_argument("--ruleset", default=None)
    p.add_argument("--json", action="store_true")

    p = add("graph", "the scenario's scene graph in Graphviz DOT")
    p.add_argument("--scenario", required=True)

    add("schema", "the JSON Schema of story files, for editors")

    p = add("report", "the printable debrief of one playthrough (HTML)")
    p.add_argument("--code", default=None)
    p.add_argument("--scenario", default=None)
    p.add_argument("--choices", default="", metavar="1,2,1")
    p.add_argument("--ruleset", default=None)
    _seed(p)
    p.add_argument("--name", default=None, help="the player's name (optional; anonymous if absent)")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.html")

    p = add("class-report", "a class summary from a file of replay codes (HTML)")
    p.add_argument("codes", type=Path, metavar="CODES.txt")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.html")

    p = add("handouts", "the teacher pack: printable handouts made from the story (HTML)")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="DIR")

    p = add("serve", "browser play and the live class over the network (docs/web.md)")
    p.add_argument("--host", default="127.0.0.1", help="0.0.0.0 lets the class join")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--store", default=None, metavar="URL",
                   help="where live classes are kept: memory (default) or redis://...")
    p.add_argument("--workers", type=int, default=1,
                   help="worker processes (more than one needs --store redis://...)")

    p = add("bench", "the performance figures of docs/benchmarks.md")
    p.add_argument("--json", action="store_true")
    p.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke test")
    p.add_argument("--engine-only", action="store_true", help="skip the window figures")
    p.add_argument("--soak", type=int, default=0, metavar="N",
                   help="also run N scripted kiosk visitors (1000 takes about 5 minutes)")
    p.add_argument("--web", action="store_true",
                   help="only the web figures: a class playing at once against serve")
    p.add_argument("--fuzz", type=int, default=0, metavar="N",
                   help="only fuzzing: N mutated stories and N expressions (crash counts)")

    add("kiosk-pin", "print the hash of a kiosk admin PIN, for the kiosk config")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")  # type: ignore[union-attr]
    try:
        args = build_parser().parse_args(argv)
        return _dispatch(args)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except StoryInvalid:
        return 1
    except KeyboardInterrupt:
        print("", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - the last net: no traceback reaches a user
        if os.environ.get("ROAM_FREELY_DEBUG"):
            raise
        print(f"error: unexpected problem ({type(exc).__name__}: {exc}); set "
              "ROAM_FREELY_DEBUG=1 to see the details, and please report it", file=sys.stderr)
        return 1


def _dispatch(args: argparse.Namespace) -> int:
    from game.cli import commands

    table: dict[str | None, Callable[[argparse.Namespace], int]] = {
        None: commands.play, "play": commands.play, "text": commands.text,
        "run": commands.run, "simulate": commands.simulate, "validate": commands.validate,
        "rules": commands.rules, "graph": commands.graph, "schema": commands.schema,
        "report": commands.report, "class-report": commands.class_report,
        "handouts": commands.handouts,
        "bench": commands.bench, "serve": commands.serve, "kiosk-pin": commands.kiosk_pin,
    }
    if args.command is None:
        # `python -m game` alone: the game with its defaults.
        args = build_parser().parse_args(["play"] + (["--story", str(args.story)]
                                                     if args.story else []))
    if args.story is None:
        args.story = bundled_story()
    return table[args.command](args)
