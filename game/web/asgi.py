"""The app for uvicorn's own command line and for `serve --workers N`.

Each worker process builds its app from the environment, so every worker of a
school server serves the same story from the same class store:

    ROAM_FREELY_STORY=/path/to/story ROAM_FREELY_STORE=redis://127.0.0.1:6379/0 \\
    uvicorn --factory game.web.asgi:app_from_env --workers 4 --proxy-headers

ROAM_FREELY_STORY defaults to the bundled story; ROAM_FREELY_STORE to memory
(only right for one worker); ROAM_FREELY_JOIN_URL is the address printed on
the teacher's page for students (e.g. https://roam.school.example), when the
browser's own address is not the one students should type.
"""

from __future__ import annotations

import os
from pathlib import Path

from starlette.applications import Starlette


def app_from_env() -> Starlette:
    from game.engine.load import load_story
    from game.paths import bundled_story
    from game.web.app import create_app
    from game.web.store import open_store

    folder = os.environ.get("ROAM_FREELY_STORY")
    story = load_story(Path(folder) if folder else bundled_story())
    store = open_store(os.environ.get("ROAM_FREELY_STORE") or None)
    return create_app(story, store, join_base=os.environ.get("ROAM_FREELY_JOIN_URL") or None)
