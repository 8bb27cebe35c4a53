"""The live class summary: the same figures as `python -m game class-report`.

The finished lives of a class are their replay codes; they go through
`game.reports.class_summary` unchanged (the same replays, the same counts), so the
teacher's page, the exported page and the command line always agree. The
figures are cached per class version: a live page re-renders often, the
class changes rarely.
"""

from __future__ import annotations

from typing import Any

from game.engine.model import Story
from game.reports.class_summary import read_codes, render_class_report, scenario_summary
from game.web.classroom import ClassRoom


def codes(seats: dict[str, dict[str, Any]]) -> list[str]:
    """One code per seat that finished a life (its latest), in a stable order."""
    return sorted(s["done"] for s in seats.values() if s.get("done"))


async def of_class(web: Any, room: ClassRoom, seats: dict[str, dict[str, Any]]
                   ) -> list[dict[str, Any]]:
    lines = codes(seats)
    key = f"summary:{room.code}"
    cached = web.cache.get(key)
    if cached is not None and cached[0] == lines:
        return cached[1]
    result = figures(web.story, lines)
    if len(web.cache) > 500:  # classes come and go; never let the cache grow without end
        web.cache.clear()
    web.cache[key] = (lines, result)
    return result


def figures(story: Story, lines: list[str]) -> list[dict[str, Any]]:
    """Per life played: endings as played, where the same choices end under every ruleset,
    and the scores each ruleset would have given."""
    students, _ = read_codes(story, lines)
    out = []
    for sid in story.scenarios:
        mine = [s for s in students if s.playthrough.scenario == sid]
        if mine:
            out.append(scenario_summary(story, sid, mine))
    return out


def export(story: Story, seats: dict[str, dict[str, Any]]) -> str:
    """The class-report page for the class's codes (no line numbers, no names)."""
    html, _ = render_class_report(story, codes(seats))
    return html
