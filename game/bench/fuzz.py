"""Fuzzing the loader and the expression language: `python -m game bench --fuzz N`.

Two campaigns, each of N cases, each deterministic for its seed:

- **loader**: a small, valid story folder (written here, so an installed game
  can run it) is mutated byte by byte and with YAML fragments, then loaded.
  Every outcome must be a story or a list of `PATH:LINE:` problems; a story that
  loads is then played (random lives under every ruleset), and must not crash.
- **expressions**: expressions built from the grammar, with pathological ones
  mixed in (deep parentheses, long `not` chains, long sums, huge numbers, stray
  characters), are parsed in a scenario's scope; every one must parse or give an
  ExprError with a message, and a parsed one must evaluate on random states.

A "crash" is any other exception. Pure: no pygame, no network; only temporary
files under the system's temp folder, removed afterwards.
"""

from __future__ import annotations

import random
import re
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

STORY = {
    "story.yaml": """\
title: Fuzz
behaviours:
  traffic.red_light: Running a red light
  court.judgment_unpaid: Not paying a court judgment
  court.judgment_paid: Paying a court judgment
capabilities:
  travel.high_speed_rail: {name: Buy a high-speed rail ticket, default: true}
  rent.bike_without_deposit: {name: Rent a bike with no deposit, default: false}
""",
    "sources.yaml": """\
sources:
  src-a: {title: A report, outlet: A paper, date: 2018-06-05, url: https://example.org/a}
""",
    "rulesets/court.yaml": """\
ruleset: court
name: Court list
fidelity: documented
sources: [src-a]
lists:
  debtors: {name: List of debtors}
rules:
  - id: COURT-LIST
    on: court.judgment_unpaid
    if: "not on_list('debtors')"
    add_to: debtors
    reason: The court listed a debtor.
    seen_by: court records
    fidelity: documented
    sources: [src-a]
  - id: COURT-PAID
    on: court.judgment_paid
    remove_from: debtors
    reason: Paid, so off the list.
    seen_by: court records
    fidelity: documented
    sources: [src-a]
consequences:
  - id: RAIL-BAN
    kind: restriction
    when: "on_list('debtors')"
    blocks: [travel.high_speed_rail]
    notice: Ticket purchase failed.
    explain: Listed debtors may not buy high-speed rail tickets.
    fidelity: documented
    sources: [src-a]
""",
    "rulesets/city.yaml": """\
ruleset: city
name: City points
fidelity: reported
sources: [src-a]
includes: [court]
score: {start: 1000, min: 0, max: 1300}
tiers:
  - {id: a, min: 1000, label: Trustworthy}
  - {id: c, min: 0, label: Warning}
rules:
  - id: CITY-RED
    on: traffic.red_light
    delta: -50
    reason: A camera saw a red light.
    seen_by: traffic camera
    fidelity: reported
    sources: [src-a]
consequences:
  - id: BIKE-PERK
    kind: privilege
    when: "score >= 1000 and not on_list('debtors')"
    grants: [rent.bike_without_deposit]
    explain: High scorers rent bikes with no deposit.
    fidelity: reported
    sources: [src-a]
""",
    "scenarios/day.yaml": """\
scenario: day
title: A day
ruleset: city
start: street
vars: {money: 300, late: 0}
scenes:
  street:
    text:
      - The light is red.
      - {if: "scored", text: "Your score is {score}."}
    choices:
      - text: Run it
        observe: traffic.red_light
        goto: court
      - text: Wait
        add: {late: 1}
        goto: court
  court:
    text: The court orders you to pay.
    choices:
      - text: Refuse
        observe: court.judgment_unpaid
        goto: station
      - text: Pay
        if: "money >= 200"
        add: {money: -200}
        observe: court.judgment_paid
        goto: station
  station:
    text: You want to go home. You have {money}.
    choices:
      - text: Take the train
        requires: travel.high_speed_rail
        instead:
          text: The machine says the purchase failed.
          goto: bus
        goto: home
      - text: Rent a bike
        requires: rent.bike_without_deposit
        goto: home
      - text: Walk
        goto:
          - {if: "on_list('debtors')", to: bus}
          - {to: home}
  bus:
    ending: The slow way
    text: The bus takes all night.
  home:
    ending: Home
    text: You are home.
""",
}

NASTY = ["", ":", "- ", "{", "}", "[", "]", "&a ", "*a", "!!python/object:os.system ", "\t",
         "'", '"', "#", "\n", "  ", "on", "yes", "~", "1e9", "-1", "{x}", "{{", "%", "(",
         "if: \"(\"", "goto: x", "\xff", "\u00e9", "\u2028", "\x00", "\x0c", "<script>",
         "9" * 40, "[" * 80, "- " * 60, "instead:", "includes: [city]", "score: 0",
         "goto: [{to: home}]", "text: [{if: x, text: y}]"]
WORDS = ["money", "late", "score", "tier", "scored", "x", "on_list('debtors')",
         "can('travel.high_speed_rail')", "count('traffic.red_light')", "visited('court')",
         "true", "false", "0", "1", "200", "'a'", "tier_label"]
OPS = ["and", "or", "==", "!=", "<", "<=", ">", ">=", "+", "-", "*", "in", "not in"]
_LOCATED = re.compile(r".+:\d+: (error|warning): \S")


@dataclass
class Campaign:
    """What one fuzzing campaign found."""

    name: str
    cases: int = 0
    accepted: int = 0  # loaded (or parsed) without problems
    crashes: list[str] = field(default_factory=list)  # unexpected exceptions, first lines
    unlocated: list[str] = field(default_factory=list)  # messages without PATH:LINE
    seconds: float = 0.0

    def as_json(self) -> dict[str, object]:
        return {"cases": self.cases, "accepted": self.accepted, "crashes": len(self.crashes),
                "unlocated": len(self.unlocated), "seconds": round(self.seconds, 2),
                "first_crashes": self.crashes[:5], "first_unlocated": self.unlocated[:5]}


def write_story(folder: Path) -> None:
    for rel, text in STORY.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(text, encoding="utf-8")


def _mutate(raw: bytes, rng: random.Random) -> bytes:
    out = bytearray(raw)
    for _ in range(rng.randint(1, 4)):
        at = rng.randint(0, len(out))
        piece = (rng.choice(NASTY).encode("utf-8", "surrogatepass") if rng.random() < 0.6
                 else bytes([rng.randint(0, 255)]))
        kind = rng.random()
        if kind < 0.4:
            out[at:at] = piece
        elif kind < 0.7:
            del out[at:at + rng.randint(1, 20)]
        else:
            out[at:at + len(piece)] = piece
    return bytes(out)


def _play_everything(story: object, rng: random.Random) -> None:
    """A few random lives of every scenario under every ruleset: none may crash."""
    from game.engine.host import Life
    from game.engine.play import PlayError

    for sid in story.scenarios:  # type: ignore[attr-defined]
        for rid in story.rulesets:  # type: ignore[attr-defined]
            life = Life.begin(story, sid, rid, rng.randint(0, 99))
            try:
                for _ in range(200):
                    if life.ended:
                        break
                    if life.view.can_continue:
                        life.go_on()
                        continue
                    options = life.takeable()
                    if not options:
                        break
                    life.choose(rng.choice(options))
            except PlayError:
                pass  # the scene cap: a story may loop; that is a story problem, not a crash


def _scratch() -> str | None:
    """A memory-backed folder where there is one: the loader fuzz writes a file a case."""
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() else None


def fuzz_loader(cases: int, seed: int = 0) -> Campaign:
    from game.engine.load import load_with_problems

    rng = random.Random(seed)
    found = Campaign("loader")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="roam-fuzz-", dir=_scratch()) as tmp:
        base = Path(tmp) / "base"
        write_story(base)
        files = sorted(STORY)
        originals = {rel: (base / rel).read_bytes() for rel in files}
        for _ in range(cases):
            rel = rng.choice(files)
            (base / rel).write_bytes(_mutate(originals[rel], rng))
            folder = base
            found.cases += 1
            try:
                story, problems = load_with_problems(folder)
                for p in problems:
                    if not _LOCATED.match(str(p)) or "\n" in str(p):
                        found.unlocated.append(str(p)[:200])
                if story is not None:
                    found.accepted += not any(p.level == "error" for p in problems)
                    _play_everything(story, rng)
            except Exception as exc:  # noqa: BLE001 - counting crashes is the point
                found.crashes.append(_first_line(exc, rel))
            (base / rel).write_bytes(originals[rel])
    found.seconds = time.perf_counter() - started
    return found


def _expression(rng: random.Random, depth: int = 0) -> str:
    roll = rng.random()
    if roll < 0.05:  # the pathological shapes that once crashed
        shape = rng.randrange(5)
        n = rng.choice([10, 130, 1000, 3000])
        return ["(" * n + "1" + ")" * n + " > 0", "not " * n + "true",
                " + ".join(["1"] * n) + " > 0", "9" * rng.choice([20, 5000]) + " > 1",
                "money in (" + ", ".join(str(k) for k in range(n)) + ")"][shape]
    if roll < 0.10:
        return "".join(rng.choice("()'\"+-*<>=!, abcxyz019_.\x00\t") for _ in range(20))
    if depth > 3 or roll < 0.45:
        return rng.choice(WORDS)
    if roll < 0.55:
        return f"not {_expression(rng, depth + 1)}"
    if roll < 0.65:
        return f"({_expression(rng, depth + 1)})"
    op = rng.choice(OPS)
    if op in ("in", "not in"):
        items = ", ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4)))
        return f"{_expression(rng, depth + 1)} {op} ({items})"
    return f"{_expression(rng, depth + 1)} {op} {_expression(rng, depth + 1)}"


def fuzz_expressions(cases: int, seed: int = 0) -> Campaign:
    from game.engine import expr as E
    from game.engine.load import load_story
    from game.rules.condition import Env

    rng = random.Random(seed)
    found = Campaign("expressions")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="roam-fuzz-") as tmp:
        write_story(Path(tmp))
        story = load_story(Path(tmp))
    names = {"money": E.INT, "late": E.INT, "score": E.INT, "tier": E.STR, "scored": E.BOOL}
    known = {"can": set(story.capabilities), "on_list": {"debtors"},
             "count": set(story.behaviours), "visited": set(story.scenarios["day"].scenes)}

    def check_arg(function: str, argument: str) -> str | None:
        return None if argument in known.get(function, ()) else f"unknown '{argument}'"

    scope = E.Scope(names, frozenset(E.FUNCTIONS), check_arg, "in scenarios")
    for _ in range(cases):
        source = _expression(rng)
        found.cases += 1
        try:
            parsed = E.parse(source, scope, rng.choice([E.BOOL, E.BOOL, E.INT]))
        except E.ExprError as exc:
            if not str(exc).strip():
                found.unlocated.append(source[:80])
            continue
        except Exception as exc:  # noqa: BLE001
            found.crashes.append(_first_line(exc, source[:60]))
            continue
        found.accepted += 1
        for _ in range(3):
            env = Env({"money": rng.randint(-10**6, 10**6), "late": rng.randint(0, 5)},
                      frozenset({"debtors"}) if rng.random() < 0.5 else frozenset(),
                      {"traffic.red_light": rng.randint(0, 3)}, ("street", "court"),
                      lambda _c: rng.random() < 0.5, rng.randint(0, 1300),
                      rng.choice(["a", "c", ""]), rng.random() < 0.5)
            try:
                parsed.fn(env)
            except Exception as exc:  # noqa: BLE001
                found.crashes.append(_first_line(exc, source[:60]))
                break
    scope.cache.clear()
    found.seconds = time.perf_counter() - started
    return found


def _first_line(exc: BaseException, where: str) -> str:
    last = traceback.extract_tb(exc.__traceback__)[-1:] or [None]
    at = f" at {Path(last[0].filename).name}:{last[0].lineno}" if last[0] else ""
    return f"{type(exc).__name__}{at} ({where!r}): {str(exc)[:120]}"


def fuzz(cases: int, seed: int = 0) -> dict[str, object]:
    """Both campaigns, as the JSON `bench --fuzz` prints."""
    return {"seed": seed, "loader": fuzz_loader(cases, seed).as_json(),
            "expressions": fuzz_expressions(cases, seed).as_json()}
