"""The class summary: many replay codes in, one anonymous HTML page out.

Students hand in their replay codes (one a line). Each code is replayed through
the engine under its own ruleset and under every other ruleset of the story;
the page counts endings, the choices taken at each scene, the score each
ruleset would have given, and the rules that fired most. Codes carry no names,
and the page shows no line's text: a line a student typed more than a code
into is reported by its number only.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from game.analysis import Outcome, Playthrough, replay, what_if
from game.codes import CodeError, decode
from game.engine.model import Story
from game.engine.play import PlayError
from game.engine.view import BLOCKED, HIDDEN
from game.reports.debrief import environment, keeps_score, opening, walk
from game.rules.model import Rule, Ruleset

HIST_W, HIST_H, BINS = 300, 64, 10


@dataclass
class Student:
    """One accepted code: its playthrough and its outcomes under every ruleset."""

    line: int
    playthrough: Playthrough
    outcomes: list[Outcome]  # the playthrough's own ruleset first
    stops: list[Any] = field(default_factory=list)


def read_codes(story: Story, lines: list[str],
               source: str | None = None) -> tuple[list[Student], list[str]]:
    """Decode and replay each line; return the students and one problem per skipped line."""
    students: list[Student] = []
    problems: list[str] = []

    def skip(n: int, message: str) -> None:
        problems.append(f"{source}:{n}: warning: {message}" if source
                        else f"{n}: warning: {message}")

    for n, raw in enumerate(lines, start=1):
        text = raw.strip()
        if not text:
            skip(n, "blank line, skipped")
            continue
        try:
            pt = decode(story, text)
            own = replay(story, pt, strict=True).life  # the one replay of the life as played
            outcomes = what_if(story, pt, own)
            stops = walk(story, pt, own).stops
        except (CodeError, PlayError) as exc:  # LoopLimit is a PlayError
            skip(n, f"skipped: {_sentence(exc)}")
            continue
        students.append(Student(n, pt, outcomes, stops))
    return students, problems


def _on_page(problem: str, source: str | None) -> str:
    if source:
        problem = problem[len(source) + 1:]
    n, _, message = problem.partition(": warning: ")
    return f"line {n}: {message}"


def _sentence(exc: Exception) -> str:
    text = str(exc).strip()
    return text if isinstance(exc, CodeError) else f"its choices cannot be replayed ({text})."


def render_class_report(story: Story, lines: list[str],
                        source: str | None = None) -> tuple[str, list[str]]:
    """(HTML page, problems).

    Each problem is one skipped line, `N: warning: message`, or with `source`
    (the codes file's name) `SOURCE:N: warning: message`, ready for stderr.
    """
    students, problems = read_codes(story, lines, source)
    model = {
        "story": story.title, "read": len(lines), "accepted": len(students),
        "skipped": [_on_page(p, source) for p in problems],
        "scenarios": [scenario_summary(story, sid, [s for s in students
                                                    if s.playthrough.scenario == sid])
                      for sid in story.scenarios
                      if any(s.playthrough.scenario == sid for s in students)],
    }
    return environment().get_template("class_report.html.j2").render(c=model), problems


# -- one scenario's summary ------------------------------------------------------------------

def scenario_summary(story: Story, sid: str, students: list[Student]) -> dict[str, Any]:
    scenario = story.scenarios[sid]
    order = _ruleset_order(story, students)
    return {
        "id": sid, "title": scenario.title, "role": scenario.role, "n": len(students),
        "played_under": Counter(story.rulesets[s.playthrough.ruleset].name
                                for s in students).most_common(),
        "rulesets": [{"id": r, "name": story.rulesets[r].name} for r in order],
        "endings": endings_table(story, sid, students, order),
        "scenes": choices_by_scene(story, sid, students),
        "scores": [score_summary(story, r, students) for r in order],
        "rules": rules_fired(story, students),
    }


def _ruleset_order(story: Story, students: list[Student]) -> list[str]:
    # The rulesets the class played first (most played first), then the others.
    played = [r for r, _ in Counter(s.playthrough.ruleset for s in students).most_common()]
    return played + [r for r in story.rulesets if r not in played]


def _under(student: Student, ruleset: str) -> Outcome:
    return next(o for o in student.outcomes if o.playthrough.ruleset == ruleset)


def endings_table(story: Story, sid: str, students: list[Student],
                  order: list[str]) -> dict[str, Any]:
    """How many reached each ending as played; where the same choices lead under each ruleset."""
    scenes = story.scenarios[sid].scenes
    titles: dict[str | None, str] = {}
    as_played: Counter[str | None] = Counter()
    under: dict[str, Counter[str | None]] = {r: Counter() for r in order}
    for s in students:
        own = s.outcomes[0]
        as_played[own.ending] += 1
        titles.setdefault(own.ending, own.ending_title or "")
        for r in order:
            o = _under(s, r)
            key = o.ending if o.blocked_at is None else "\0stopped"
            under[r][key] += 1
            if o.ending is not None:
                titles.setdefault(o.ending, o.ending_title or o.ending)
    keys = [k for k in scenes if k in titles] + [k for k in titles if k not in scenes]
    if any(under[r]["\0stopped"] for r in order):
        keys.append("\0stopped")

    def label(k: str | None) -> str:
        return ("could not go on (a choice was closed)" if k == "\0stopped" else
                "no ending reached" if k is None else titles[k])

    n = len(students) or 1
    rows = [{"label": label(k), "played": as_played[k], "pct": round(100 * as_played[k] / n),
             "stopped": k == "\0stopped" or k is None} for k in keys]
    rows.sort(key=lambda row: (row["stopped"], -row["played"]))
    by_ruleset = [{"name": story.rulesets[r].name, "fidelity": str(story.rulesets[r].fidelity),
                   "counts": [(label(k), under[r][k]) for k in keys if under[r][k]]}
                  for r in order]
    return {"rows": [r for r in rows if r["played"]], "by_ruleset": by_ruleset}


def choices_by_scene(story: Story, sid: str, students: list[Student]) -> list[dict[str, Any]]:
    """Each scene with choices someone reached: who took which choice, who found it closed."""
    scenes = story.scenarios[sid].scenes
    reached: Counter[str] = Counter()
    taken: Counter[tuple[str, int]] = Counter()
    closed: Counter[tuple[str, int]] = Counter()
    text: dict[tuple[str, int], str] = {}
    stop_text: dict[str, str] = {}  # a scene's opening as first shown: its label (never its id)
    for s in students:
        for stop in s.stops:
            view = stop.view
            reached[view.scene] += 1
            stop_text.setdefault(view.scene, opening(view.paragraphs))
            for c in view.choices:
                if c.status == HIDDEN:
                    continue
                text.setdefault((view.scene, c.position), c.text)
                if c.status == BLOCKED:
                    closed[(view.scene, c.position)] += 1
            if stop.taken is not None:
                taken[(view.scene, stop.taken)] += 1
    out = []
    for scene_id, scene in scenes.items():
        if not reached[scene_id]:
            continue
        rows = []
        for choice in scene.choices:
            key = (scene_id, choice.position)
            if key not in text:
                continue  # hidden from everyone who got here
            rows.append({"position": choice.position, "text": text[key],
                         "taken": taken[key], "closed": closed[key],
                         "pct": round(100 * taken[key] / reached[scene_id])})
        out.append({"scene": stop_text.get(scene_id, "A scene"), "reached": reached[scene_id],
                    "choices": rows})
    return out


def score_summary(story: Story, ruleset: str, students: list[Student]) -> dict[str, Any]:
    """Final scores of the class's choices under one ruleset, with a small histogram."""
    rs = story.rulesets[ruleset]
    outcomes = [_under(s, ruleset) for s in students]
    scores = sorted(o.state.standing.score for o in outcomes)
    tiers = Counter(rs.tier_of(v).label for v in scores)
    return {
        "id": ruleset, "name": rs.name, "fidelity": str(rs.fidelity),
        "played": sum(1 for s in students if s.playthrough.ruleset == ruleset),
        "min": scores[0], "median": scores[(len(scores) - 1) // 2], "max": scores[-1],
        "start": rs.score.start,
        "stopped": sum(1 for o in outcomes if o.blocked_at is not None),
        "scored": keeps_score(rs),
        "listed": sum(1 for o in outcomes if o.state.standing.lists), "total": len(outcomes),
        "tiers": [(t.label, tiers[t.label]) for t in rs.tiers if tiers[t.label]],
        "hist": histogram(scores),
    }


def _list_words(rs: Ruleset, rule: Rule) -> str:
    """What a rule does to the lists, in words ("" when it touches none)."""
    if rule.add_to:
        return "puts on " + rs.lists.get(rule.add_to, "a list")
    if rule.remove_from:
        return "takes off " + rs.lists.get(rule.remove_from, "a list")
    return ""


def histogram(scores: list[int]) -> dict[str, Any] | None:
    """Bars for the inline SVG: BINS equal bins from the lowest to the highest score.

    None when every score is the same: there is no spread to draw.
    """
    lo, hi = scores[0], scores[-1]
    if lo == hi:
        return None
    width = max(1, -(-(hi - lo + 1) // BINS))
    counts = Counter((v - lo) // width for v in scores)
    bins = max(counts) + 1
    top = max(counts.values())
    bar_w = HIST_W / bins
    bars = []
    for i in range(bins):
        k = counts.get(i, 0)
        h = round((HIST_H - 14) * k / top, 1)
        bars.append({"x": round(i * bar_w + 1, 1), "w": round(bar_w - 2, 1),
                     "y": round(HIST_H - 14 - h, 1), "h": h, "k": k,
                     "from": lo + i * width, "to": lo + (i + 1) * width - 1})
    return {"w": HIST_W, "h": HIST_H, "bars": bars, "lo": lo, "hi": hi}


def rules_fired(story: Story, students: list[Student], most: int = 10) -> list[dict[str, Any]]:
    """The rules that fired most as played: times fired and how many students they touched."""
    times: Counter[tuple[str, str]] = Counter()
    people: Counter[tuple[str, str]] = Counter()
    for s in students:
        ledger = s.outcomes[0].state.ledger
        keys = [(s.playthrough.ruleset, e.rule) for e in ledger if e.rule is not None]
        times.update(keys)
        people.update(set(keys))
    rows = []
    for (rid, rule_id), k in sorted(times.items(), key=lambda kv: (-kv[1], kv[0])):
        rs = story.rulesets[rid]
        rule = next(r for r in rs.rules if r.id == rule_id)
        rows.append({"seen": story.behaviours.get(rule.on, "something a student did"),
                     "ruleset": rs.name, "times": k,
                     "students": people[(rid, rule_id)], "delta": rule.delta,
                     "scored": keeps_score(rs), "lists": _list_words(rs, rule),
                     "reason": rule.reason, "fidelity": str(rule.fidelity)})
    return rows[:most]
