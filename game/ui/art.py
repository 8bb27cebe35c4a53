"""Pictures: the story's scene art and faces, fitted to a size and cached; the procedural skyline.

`picture(name, size)` loads story/images/NAME (SVG, PNG or JPEG) fitted inside `size`
keeping its aspect ratio; a missing or broken file gives a plain placeholder of that
size, never an error. `face(scenario_id, size)` is a life's face (a short path uses the
face of the life it shortens); `slot(name)` and `with_face(...)` put the player's face
into the crossing screen. Surfaces are cached per (file, size): a 1920x1080 SVG takes
tens of milliseconds to render, a frame has 4.
"""

from __future__ import annotations

import math
import random
from functools import lru_cache
from pathlib import Path
from typing import Any

import pygame

from game.picture_slots import FACE_SLOT, face_name, images_dir, read_slots, slot
from game.ui.theme import Palette, blend, hex_rgb

PLACEHOLDER = hex_rgb("#e9e3d6")  # a quiet sand card where a picture could not be drawn
_CACHE_SIZE = 12  # about 100 MB of 1920x1080 surfaces at most: the kiosk runs all day


def picture(name: str, size: tuple[int, int], story: Any = None) -> pygame.Surface:
    """The picture fitted inside `size` (aspect ratio kept), or a placeholder of `size`."""
    w, h = max(1, int(size[0])), max(1, int(size[1]))
    surf = _load(images_dir(story) / name, w, h)
    return surf if surf is not None else placeholder((w, h))


def has_picture(name: str, story: Any = None) -> bool:
    """Whether the picture exists and draws (loads it once at a small size)."""
    return _load(images_dir(story) / name, 64, 64) is not None


def placeholder(size: tuple[int, int]) -> pygame.Surface:
    surf = pygame.Surface(size)
    surf.fill(PLACEHOLDER)
    return surf


def is_placeholder(surf: pygame.Surface) -> bool:
    """Whether `surf` is one plain placeholder colour (checked on a coarse grid)."""
    w, h = surf.get_size()
    return all(tuple(surf.get_at((x * (w - 1) // 8, y * (h - 1) // 8)))[:3] == PLACEHOLDER
               for x in range(9) for y in range(9))


@lru_cache(maxsize=_CACHE_SIZE)
def _load(path: Path, w: int, h: int) -> pygame.Surface | None:
    try:
        if path.suffix.lower() == ".svg":
            img = pygame.image.load_sized_svg(str(path), (w, h))
        else:
            img = pygame.image.load(str(path))
    except (pygame.error, OSError, ValueError):
        return None
    iw, ih = img.get_size()
    if iw < 1 or ih < 1:
        return None
    k = min(w / iw, h / ih)
    fitted = (max(1, min(w, round(iw * k))), max(1, min(h, round(ih * k))))
    if fitted != (iw, ih):
        if img.get_bitsize() not in (24, 32):  # smoothscale needs 24 or 32 bits per pixel
            deep = pygame.Surface(img.get_size(), pygame.SRCALPHA, 32)
            deep.blit(img, (0, 0))
            img = deep
        img = pygame.transform.smoothscale(img, fitted)
    return img.convert_alpha() if pygame.display.get_surface() is not None else img


def clear_cache() -> None:
    """Forget every loaded picture (tests; a story reloaded from disk)."""
    _load.cache_clear()
    read_slots.cache_clear()
    _with_face.cache_clear()


# -- faces -------------------------------------------------------------------------------

def face(scenario_id: str, size: tuple[int, int], story: Any = None) -> pygame.Surface:
    """The life's face fitted in `size` (a placeholder if that life has no face)."""
    return picture(face_name(scenario_id, story), size, story)


def slot_rect(name: str, drawn: pygame.Rect, kind: str = FACE_SLOT,
              story: Any = None) -> pygame.Rect | None:
    """Where the slot lies on screen when picture `name` is drawn at `drawn`."""
    frac = slot(name, kind, story)
    if frac is None:
        return None
    x, y, w, h = frac
    return pygame.Rect(drawn.x + round(x * drawn.w), drawn.y + round(y * drawn.h),
                       round(w * drawn.w), round(h * drawn.h))


def with_face(name: str, size: tuple[int, int], scenario_id: str,
              story: Any = None) -> pygame.Surface:
    """Picture `name` with the life's face drawn into its face slot (cached; do not draw on it)."""
    return _with_face(images_dir(story), name, max(1, int(size[0])), max(1, int(size[1])),
                      face_name(scenario_id, story))


@lru_cache(maxsize=2)
def _with_face(folder: Path, name: str, w: int, h: int, face_file: str) -> pygame.Surface:
    base = _load(folder / name, w, h)
    if base is None:
        return placeholder((w, h))
    frac = read_slots(folder).get(name, {}).get(FACE_SLOT)
    if frac is None:
        return base
    bw, bh = base.get_size()
    target = pygame.Rect(round(frac[0] * bw), round(frac[1] * bh), round(frac[2] * bw),
                         round(frac[3] * bh))
    portrait = _load(folder / face_file, max(1, target.w), max(1, target.h))
    out = base.copy()
    if portrait is not None:
        out.blit(portrait, portrait.get_rect(center=target.center))
    return out


def skyline(surf: pygame.Surface, rect: pygame.Rect, pal: Palette, phase: float = 1.0,
            seed: int = 7) -> None:
    """Buildings with lit windows along the bottom of `rect`, and camera lenses on poles.

    `phase` in [0, 1] sweeps the cameras' gaze (1.0 is the resting pose).
    """
    rng = random.Random(seed)
    far = blend(pal.bg, pal.accent, 0.18)
    near = blend(pal.bg, pal.accent, 0.42)
    lit = blend(pal.bg, pal.focus, 0.55)
    unit = max(4, rect.w // 60)
    for layer, colour, hmax in ((0, far, 0.95), (1, near, 0.7)):
        x = rect.x - rng.randint(0, unit * 3)
        while x < rect.right:
            w = rng.randint(3, 7) * unit
            h = round(rect.h * rng.uniform(0.25, hmax))
            b = pygame.Rect(x, rect.bottom - h, w, h)
            pygame.draw.rect(surf, colour, b)
            if layer == 1:
                for wy in range(b.top + unit, b.bottom - unit, unit * 2):
                    for wx in range(b.left + unit // 2, b.right - unit, unit * 2):
                        if rng.random() < 0.35:
                            pygame.draw.rect(surf, lit, (wx, wy, unit, unit))
            x += w + rng.randint(0, unit)
    for i in range(3):  # camera poles: the system is watching
        cx = rect.x + rect.w * (0.2 + 0.3 * i)
        top = rect.bottom - rect.h * (0.75 + 0.08 * (i % 2))
        pygame.draw.line(surf, pal.ink, (cx, rect.bottom), (cx, top), max(2, unit // 2))
        angle = math.radians(-20 + 40 * math.sin(phase * math.pi * (1 + i * 0.3)))
        body = pygame.Rect(0, 0, unit * 3, unit * 1.6)
        body.center = (cx + math.cos(angle) * unit * 1.5, top + math.sin(angle) * unit)
        pygame.draw.rect(surf, pal.ink, body, border_radius=unit // 3)
        lens = (body.right if math.cos(angle) >= 0 else body.left, body.centery)
        pygame.draw.circle(surf, pal.focus, lens, max(2, unit * 0.6))
