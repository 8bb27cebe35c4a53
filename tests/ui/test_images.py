"""Scene pictures in the text column: fitted to it, phone screens in a phone, choices
never pushed off screen."""

from __future__ import annotations

import pygame
import pytest

from game.ui.widgets.picture import Framed


def with_image(mini_dir, name: str, scene: str = "day1") -> None:  # noqa: ANN001
    (mini_dir / "images").mkdir(exist_ok=True)
    if name.endswith(".svg"):
        (mini_dir / "images" / name).write_text(
            '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20">'
            '<rect width="40" height="20" fill="#0d5c63"/></svg>')
    else:
        surf = pygame.Surface((180, 320) if name.startswith("phone-") else (400, 200))
        surf.fill((13, 92, 99))
        pygame.image.save(surf, str(mini_dir / "images" / name))
    f = mini_dir / "scenarios" / "courier.yaml"
    f.write_text(f.read_text().replace(f"  {scene}:\n", f"  {scene}:\n    image: {name}\n", 1))


@pytest.fixture(autouse=True)
def _fresh_art_cache():  # noqa: ANN202
    from game.ui import art

    art.clear_cache()
    yield
    art.clear_cache()


def test_a_png_scene_picture_is_drawn_in_the_column(launch, mini_dir) -> None:
    with_image(mini_dir, "red.png")
    p = launch(story_dir=mini_dir, scenario="courier")
    p.skip_reveal()
    pics = [w for w in p.screen.pane.items if isinstance(w, Framed)]
    assert len(pics) == 1 and not pics[0].phone
    r = p.screen.pane.screen_rect(pics[0])
    got = p.pixel((r.centerx, r.y + pics[0].surf.get_height() // 2))
    assert all(abs(a - b) <= 6 for a, b in zip(got, (13, 92, 99), strict=True))


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (800, 480)])
def test_a_picture_scales_with_the_window_and_never_hides_the_choices(launch, mini_dir,
                                                                       size) -> None:
    with_image(mini_dir, "plan.svg")
    p = launch(story_dir=mini_dir, scenario="courier", size=size)
    p.skip_reveal()
    pic = next(w for w in p.screen.pane.items if isinstance(w, Framed))
    assert pic.surf.get_width() > 40  # scaled up from its 40 px to the column
    assert pic.rect.h <= p.screen.pane.view.h * 0.5
    for c in p.app.session.view.visible_choices:  # every choice wholly on screen, unscrolled
        assert p.screen.is_visible(p.screen.find(f"choice-{c.position}"))


def test_a_phone_picture_is_drawn_inside_a_phone(launch, mini_dir) -> None:
    with_image(mini_dir, "phone-app.png")
    p = launch(story_dir=mini_dir, scenario="courier")
    p.skip_reveal()
    pic = next(w for w in p.screen.pane.items if isinstance(w, Framed))
    assert pic.phone and pic.surf.get_height() > pic.surf.get_width()  # portrait
    r = p.screen.pane.screen_rect(pic)
    body_left = r.centerx - pic.surf.get_width() // 2 - pic.bezel // 2
    assert p.pixel((body_left, r.y + pic.rect.h // 2)) == p.app.theme.pal.ink  # the bezel


def test_a_broken_picture_leaves_the_room_to_the_text(launch, mini_dir) -> None:
    f = mini_dir / "scenarios" / "courier.yaml"
    f.write_text(f.read_text().replace("  day1:\n", "  day1:\n    image: broken.png\n", 1))
    (mini_dir / "images").mkdir(exist_ok=True)
    (mini_dir / "images" / "broken.png").write_bytes(b"not a picture")
    p = launch(story_dir=mini_dir, scenario="courier")
    p.skip_reveal()
    assert not [w for w in p.screen.pane.items if isinstance(w, Framed)]
