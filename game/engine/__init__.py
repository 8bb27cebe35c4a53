"""The engine: story folders in, playthroughs out. Pure: no pygame, no printing, no files
written (it reads story folders only).

It owns the story format (reading YAML with lines, checking shape and
references, building the frozen model: `load`, `shapes`, `schema`,
`shape_errors`, `build_rules`, `build_scenes`, `problems`, `yamlread`), the
expression language (`expr`), `{name}` text (`text`), play (`play`: `start`,
`step`, `takeable`), what the player sees (`view`), what a step did (`events`),
the warnings of `validate` (`check`), the story identity behind replay codes
(`identity`), and the one object every front end drives (`host`: `Life`).

Imports go one way: the engine uses the rules layer (`game.rules`), never the
reverse, and nothing outside `game.engine` and `game.rules` (a test walks the
imports). The names below are loaded on first use, so importing one engine
module never pulls in the loader; and the loader imports pydantic only for a
file whose shape is wrong.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_WHERE = {
    "Story": "model", "Scenario": "model", "Scene": "model", "Choice": "model",
    "load_story": "load", "load_with_problems": "load", "StoryErrors": "problems",
    "Problem": "problems",
    "Context": "play", "State": "play", "Choose": "play", "Continue": "play",
    "PlayError": "play", "LoopLimit": "play", "ChoiceStatus": "play", "start": "play",
    "step": "play", "takeable": "play",
    "View": "view", "ChoiceView": "view", "StandingView": "view", "present": "view",
    "Refused": "events",
    "Life": "host", "Beat": "host", "Playthrough": "host", "Stop": "host",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'game.engine' has no attribute {name!r}")
    return getattr(import_module(f"game.engine.{_WHERE[name]}"), name)
