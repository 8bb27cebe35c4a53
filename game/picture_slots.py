"""Where a scene picture shows the player's own face, and whose face: for every front end.

A story's `images/slots.json` names, for a picture, the part of it (x, y, width,
height, as fractions of the picture) that a front end fills with the life's face:
the crossing's big screen, the cinema's warning before the film. The faces are
`images/face-LIFE.svg`; a short (kiosk) path shows the face of the life it
shortens. The window draws the face into the picture (`game.ui.art`), the browser
lays it over the picture (`game.web.scene`). Pure: no pygame.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from game import paths

FACE_SLOT = "face"
Fractions = tuple[float, float, float, float]


def images_dir(story: Any = None) -> Path:
    """The images folder of `story` (anything with a `root`), else of the bundled story."""
    root = getattr(story, "root", None)
    return Path(root) / "images" if root else paths.bundled_story() / "images"


@lru_cache(maxsize=4)
def read_slots(folder: Path) -> dict[str, dict[str, Fractions]]:
    """Every picture's slots in `folder`; none when slots.json is missing or unreadable
    (a picture without its face is still a picture)."""
    try:
        data = json.loads((folder / "slots.json").read_text(encoding="utf-8"))
        return {name: {k: _fractions(r) for k, r in found.items()}
                for name, found in data.items()}
    except (OSError, ValueError, TypeError, AttributeError):
        return {}


def _fractions(r: Any) -> Fractions:
    x, y, w, h = (float(v) for v in r)
    return (x, y, w, h)


def slot(name: str, kind: str = FACE_SLOT, story: Any = None) -> Fractions | None:
    """The (x, y, w, h) fractions of picture `name` that a front end fills, if any."""
    return read_slots(images_dir(story)).get(name, {}).get(kind)


@lru_cache(maxsize=64)
def has_picture_file(folder: Path, name: str) -> bool:
    """Whether images/NAME exists (asked once per name: every web page would ask again)."""
    return (folder / name).is_file()


def face_name(scenario_id: str, story: Any = None) -> str:
    """The face picture of a life: face-LIFE.svg, where a short path names its full life."""
    scenarios = getattr(story, "scenarios", None) or {}
    scenario = scenarios.get(scenario_id)
    base = getattr(scenario, "short_of", None) or scenario_id
    return f"face-{base}.svg"
