"""Scene illustrations from the story folder (PNG and SVG), fitted to the text column."""

from __future__ import annotations

import pygame

from game.ui.images import Picture


def with_image(mini_dir, name: str) -> None:  # noqa: ANN001
    (mini_dir / "images").mkdir()
    if name.endswith(".svg"):
        (mini_dir / "images" / name).write_text(
            '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20">'
            '<rect width="40" height="20" fill="#0d5c63"/></svg>')
    else:
        surf = pygame.Surface((400, 200))
        surf.fill((13, 92, 99))
        pygame.image.save(surf, str(mini_dir / "images" / name))
    f = mini_dir / "scenarios" / "courier.yaml"
    f.write_text(f.read_text().replace("  day1:\n", f"  day1:\n    image: {name}\n", 1))


def test_a_png_scene_image_is_drawn(launch, mini_dir) -> None:
    with_image(mini_dir, "red.png")
    p = launch(story_dir=mini_dir, scenario="courier")
    p.skip_reveal()
    pics = [w for w in p.screen.pane.items if isinstance(w, Picture)]
    assert len(pics) == 1 and pics[0].rect.w == 400  # never scaled up past its size
    r = p.screen.pane.screen_rect(pics[0])
    assert p.pixel(r.center) == (13, 92, 99)


def test_an_svg_scene_image_scales_to_the_column(launch, mini_dir) -> None:
    with_image(mini_dir, "plan.svg")
    p = launch(story_dir=mini_dir, scenario="courier")
    p.skip_reveal()
    pic = next(w for w in p.screen.pane.items if isinstance(w, Picture))
    assert pic.rect.w > 40
