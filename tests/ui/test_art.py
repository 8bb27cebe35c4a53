"""Scene pictures and faces: every picture draws, fits its box, and the player's face lands
in the crossing screen's slot; a missing or broken file never takes the game down."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import pygame
import pytest

from game.ui import art

STORY = Path(__file__).resolve().parents[2] / "story"
IMAGES = STORY / "images"
PICTURES = sorted(p.name for p in IMAGES.iterdir() if p.suffix in (".svg", ".png", ".jpg"))
FACES = ("rider", "shop", "parent", "student", "teen")


@pytest.fixture(autouse=True)
def fresh_cache():  # noqa: ANN201
    art.clear_cache()
    yield
    art.clear_cache()


def colours(surf: pygame.Surface, step: int = 8) -> Counter:
    w, h = surf.get_size()
    return Counter(tuple(surf.get_at((x, y)))[:3] for x in range(0, w, step)
                   for y in range(0, h, step))


def test_there_are_enough_pictures_and_every_face() -> None:
    scenes = [n for n in PICTURES if not n.startswith("face-")]
    assert len(scenes) >= 20
    for life in FACES:
        assert f"face-{life}.svg" in PICTURES


@pytest.mark.parametrize("name", PICTURES)
def test_every_picture_really_draws_a_picture(name: str) -> None:
    surf = art.picture(name, (640, 360))
    assert not art.is_placeholder(surf)
    counts = colours(surf)
    assert len(counts) >= 8, "a flat picture: shapes missing (an unsupported SVG feature?)"
    # no single colour (sky, wall, or a grey that nanosvg gives for colours it cannot read)
    # covers nearly everything
    assert counts.most_common(1)[0][1] < 0.8 * sum(counts.values())


@pytest.mark.parametrize("name", [n for n in PICTURES if n.endswith(".svg")])
def test_pictures_use_only_what_the_svg_loader_draws(name: str) -> None:
    text = (IMAGES / name).read_text(encoding="utf-8")
    for banned in ("<text", "<use", "<pattern", "<mask", "clip-path", "<filter", "rgba(",
                   "hsl(", "currentColor"):
        assert banned not in text, f"{name}: {banned} is dropped by pygame's SVG loader"
    for value in re.findall(r'(?:fill|stroke)="([^"]+)"', text):
        assert value == "none" or re.fullmatch(r"#[0-9a-f]{6}", value), f"{name}: {value}"


def picture_names_in_story() -> set[str]:
    names = set()
    for f in STORY.rglob("*.yaml"):
        names |= set(re.findall(r"^\s*image:\s*['\"]?([^'\"\s#]+)", f.read_text(encoding="utf-8"),
                                re.M))
    return names


def test_every_picture_the_story_names_exists_and_loads() -> None:
    missing = sorted(n for n in picture_names_in_story() if not art.has_picture(n))
    assert missing == []


@pytest.mark.parametrize(("name", "box", "expected"), [
    ("street-crossing.svg", (800, 800), (800, 450)),
    ("street-crossing.svg", (1920, 400), (711, 400)),
    ("face-rider.svg", (300, 200), (200, 200)),
    ("phone-refused.svg", (900, 800), (450, 800)),
])
def test_pictures_fit_their_box_and_keep_their_shape(name: str, box: tuple[int, int],
                                                     expected: tuple[int, int]) -> None:
    w, h = art.picture(name, box).get_size()
    assert abs(w - expected[0]) <= 1 and abs(h - expected[1]) <= 1  # rounding of the renderer
    assert w <= box[0] and h <= box[1] and (w == box[0] or h == box[1])


def test_a_png_is_fitted_too(tmp_path: Path) -> None:
    (tmp_path / "images").mkdir()
    img = pygame.Surface((400, 100))
    img.fill((13, 92, 99))
    pygame.image.save(img, str(tmp_path / "images" / "wide.png"))
    surf = art.picture("wide.png", (200, 200), SimpleNamespace(root=tmp_path))
    assert surf.get_size() == (200, 50)
    assert tuple(surf.get_at((100, 25)))[:3] == (13, 92, 99)


def test_a_missing_or_broken_picture_is_a_plain_placeholder(tmp_path: Path) -> None:
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "broken.svg").write_text("<svg this is not svg")
    (tmp_path / "images" / "broken.png").write_bytes(b"\x89PNG not really")
    story = SimpleNamespace(root=tmp_path)
    for name in ("nowhere.svg", "broken.svg", "broken.png"):
        surf = art.picture(name, (320, 180), story)
        assert surf.get_size() == (320, 180) and art.is_placeholder(surf)
        assert not art.has_picture(name, story)


def test_a_short_path_shows_the_face_of_its_full_life() -> None:
    story = SimpleNamespace(root=STORY, scenarios={
        "shop": SimpleNamespace(short_of=None), "shop-short": SimpleNamespace(short_of="shop")})
    short = art.face("shop-short", (120, 120), story)
    full = art.face("shop", (120, 120), story)
    other = art.face("rider", (120, 120), story)
    assert not art.is_placeholder(short)
    assert pygame.image.tobytes(short, "RGBA") == pygame.image.tobytes(full, "RGBA")
    assert pygame.image.tobytes(short, "RGBA") != pygame.image.tobytes(other, "RGBA")


@pytest.mark.parametrize("name", ["crossing-screen.svg", "cinema.svg"])
def test_the_big_screens_show_your_face_in_their_slot(name: str) -> None:
    size = (1280, 720)
    plain = art.picture(name, size)
    slot = art.slot_rect(name, plain.get_rect())
    assert slot is not None and slot.w > 100 and plain.get_rect().contains(slot)
    mine = art.with_face(name, size, "student")
    theirs = art.with_face(name, size, "rider")
    portrait = art.face("student", slot.size)
    # the slot is empty in the plain picture and holds the face once composited
    empty = colours(plain.subsurface(slot), 6)
    assert empty.most_common(1)[0][1] > 0.97 * sum(empty.values())
    centre = portrait.get_rect(center=slot.center)
    assert mine.get_at(centre.center) == portrait.get_at(portrait.get_rect().center)
    assert len(colours(mine.subsurface(slot), 6)) > 6
    assert pygame.image.tobytes(mine, "RGB") != pygame.image.tobytes(theirs, "RGB")
    # outside the slot nothing changed
    assert mine.get_at((10, 10)) == plain.get_at((10, 10))


def test_no_slot_json_means_no_slot(tmp_path: Path) -> None:
    assert art.slot("crossing-screen.svg", story=SimpleNamespace(root=tmp_path)) is None
    assert art.slot("street-crossing.svg") is None


def test_the_committed_pictures_are_what_the_drawing_code_draws(tmp_path: Path) -> None:
    """Pictures are edited in tools/scenes_*.py, never by hand: a hand edit would be lost."""
    tools = STORY.parent / "tools" / "draw_scenes.py"
    done = subprocess.run([sys.executable, str(tools), str(tmp_path)], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    drawn = {p.name: p.read_text(encoding="utf-8") for p in tmp_path.iterdir()}
    committed = {n: (IMAGES / n).read_text(encoding="utf-8") for n in drawn}
    assert [n for n in drawn if drawn[n] != committed[n]] == []
    assert sorted(n for n in PICTURES if n.endswith(".svg")) == sorted(
        n for n in drawn if n.endswith(".svg"))


@pytest.mark.parametrize("name", ["crossing-screen.svg", "cinema.svg"])
def test_the_play_screen_puts_your_face_in_every_picture_with_a_slot(name: str) -> None:
    from game.ui.widgets.picture import load_picture

    story = SimpleNamespace(root=STORY, scenarios={})
    app = SimpleNamespace(story=story, session=SimpleNamespace(
        view=SimpleNamespace(scenario="shop")))
    shown = load_picture(app, name, (640, 360))
    assert shown is not None
    mine = art.with_face(name, (640, 360), "shop", story)
    assert pygame.image.tobytes(shown, "RGB") == pygame.image.tobytes(mine, "RGB")
    assert pygame.image.tobytes(shown, "RGB") != pygame.image.tobytes(
        art.picture(name, (640, 360), story), "RGB")
