"""Scene illustrations from the story folder's images/ (PNG, JPEG or SVG), scaled to fit."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pygame

from game.ui.widgets.base import Widget


class Picture(Widget):
    def __init__(self, surf: pygame.Surface) -> None:
        self.surf = surf
        super().__init__(surf.get_width(), surf.get_height())

    def draw(self, surf: pygame.Surface, rect: pygame.Rect, state: str = "") -> None:
        surf.blit(self.surf, rect.topleft)


@lru_cache(maxsize=16)
def _load(path: Path, w: int, h: int) -> pygame.Surface | None:
    try:
        if path.suffix.lower() == ".svg":
            img = pygame.image.load_sized_svg(str(path), (w, h))
        else:
            img = pygame.image.load(str(path))
    except (pygame.error, OSError, FileNotFoundError):
        return None
    k = min(w / img.get_width(), h / img.get_height(), 1.0 if path.suffix != ".svg" else 9)
    size = (max(1, round(img.get_width() * k)), max(1, round(img.get_height() * k)))
    return pygame.transform.smoothscale(img.convert_alpha() if pygame.display.get_surface()
                                        else img, size)


def scene_image(story, name: str | None, w: int, h: int) -> Picture | None:  # noqa: ANN001
    """The scene's picture fitted in w x h, or None (no image, or it cannot be read)."""
    if not name or h < 40:
        return None
    surf = _load(Path(story.root) / "images" / name, w, h)
    return Picture(surf) if surf is not None else None
