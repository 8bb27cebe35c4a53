"""The life's face on the crossing's screen, in the browser as in the window."""

from __future__ import annotations

import json

import pytest

from game.engine.host import Life
from game.engine.load import load_story
from game.paths import bundled_story
from game.web.app import create_app
from game.web.scene import face


@pytest.fixture(scope="module")
def bundled():
    return load_story(bundled_story())


def test_the_face_lies_on_the_screen_the_picture_leaves_for_it(bundled) -> None:
    slots = json.loads((bundled_story() / "images" / "slots.json").read_text())
    x, y, w, h = slots["crossing-screen.svg"]["face"]
    on = face(Life.begin(bundled, "rider"), "crossing-screen.svg")
    assert on == {"src": "/pictures/face-rider.svg", "x": f"{100 * x:.2f}%",
                  "y": f"{100 * y:.2f}%", "width": f"{100 * w:.2f}%",
                  "height": f"{100 * h:.2f}%"}
    # A kiosk's short path shows the face of the life it shortens.
    assert face(Life.begin(bundled, "rider-short"), "crossing-screen.svg")["src"] == \
        "/pictures/face-rider.svg"
    # A picture with no screen in it gets no face.
    assert face(Life.begin(bundled, "rider"), "street-crossing.svg") is None


def test_the_faces_are_served_and_nothing_else_of_the_folder(bundled) -> None:
    from starlette.testclient import TestClient  # imported late, as in conftest.py

    with TestClient(create_app(bundled)) as client:
        got = client.get("/pictures/face-rider.svg")
        assert got.status_code == 200 and got.headers["content-type"].startswith("image/svg")
        assert client.get("/pictures/slots.json").status_code == 404
        assert client.get("/pictures/README.md").status_code == 404
