"""Drawing primitives: the font cache, word wrapping, rounded boxes and small icons.

Icons are procedural (polygons and lines), so they scale to 4K and need no files.
Every icon that carries meaning is drawn next to a word: never colour alone.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pygame

from game import paths

FONT_FILES = {"regular": "NotoSans-Regular.ttf", "bold": "NotoSans-Bold.ttf",
              "italic": "NotoSans-Italic.ttf"}


def font_path(style: str) -> Path:
    return paths.assets() / "fonts" / FONT_FILES[style]


@lru_cache(maxsize=64)
def font(size: int, style: str = "regular") -> pygame.font.Font:
    """A Noto Sans face at `size` px (cached: the window re-layouts often, fonts are slow)."""
    path = font_path(style)
    return pygame.font.Font(str(path) if path.exists() else None, size)


@lru_cache(maxsize=4096)
def _word_width(f: pygame.font.Font, word: str) -> int:
    return f.size(word)[0]


def wrap(text: str, f: pygame.font.Font, width: int) -> list[str]:
    """Break `text` into lines no wider than `width` (a word longer than a line is split)."""
    lines: list[str] = []
    for para in text.split("\n"):
        words = para.split(" ")
        line = ""
        for word in words:
            trial = f"{line} {word}" if line else word
            if _word_width(f, trial) <= width or not line:
                line = trial
            else:
                lines.append(line)
                line = word
            while _word_width(f, line) > width and len(line) > 1:
                cut = _longest_fit(f, line, width)
                lines.append(line[:cut])
                line = line[cut:]
        lines.append(line)
    return lines


def _longest_fit(f: pygame.font.Font, text: str, width: int) -> int:
    lo, hi = 1, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if f.size(text[:mid])[0] <= width:
            lo = mid
        else:
            hi = mid - 1
    return lo


def render(text: str, f: pygame.font.Font, colour) -> pygame.Surface:  # noqa: ANN001
    return f.render(text, True, colour)


def box(surf: pygame.Surface, rect: pygame.Rect, fill, border=None, width: int = 0,  # noqa: ANN001
        radius: int = 0) -> None:
    pygame.draw.rect(surf, fill, rect, border_radius=radius)
    if border is not None and width:
        pygame.draw.rect(surf, border, rect, width, border_radius=radius)


def modal_card(surf: pygame.Surface, rect: pygame.Rect, theme, stripe) -> None:  # noqa: ANN001
    """A modal card: panel, border, and a coloured stripe along its top edge."""
    box(surf, rect, theme.pal.panel, theme.pal.border, max(2, theme.px(2)), theme.radius)
    pygame.draw.rect(surf, stripe, (rect.x, rect.y, rect.w, theme.px(8)),
                     border_top_left_radius=theme.radius, border_top_right_radius=theme.radius)


def focus_ring(surf: pygame.Surface, rect: pygame.Rect, colour, thick: int,  # noqa: ANN001
               radius: int) -> None:
    """A thick outline outside the widget: shape, not just colour, marks focus."""
    r = rect.inflate(thick * 3, thick * 3)
    pygame.draw.rect(surf, colour, r, thick, border_radius=radius + thick)
    # and inside the edge too, so a pane's clip (full-width buttons) never hides it
    pygame.draw.rect(surf, colour, rect, thick, border_radius=radius)


def lock_icon(surf: pygame.Surface, rect: pygame.Rect, colour) -> None:  # noqa: ANN001
    """A closed padlock: the closed-door sign of a blocked choice."""
    w = rect.w
    body = pygame.Rect(rect.x, rect.y + rect.h * 0.45, w, rect.h * 0.55)
    shackle = pygame.Rect(rect.x + w * 0.2, rect.y, w * 0.6, rect.h * 0.8)
    pygame.draw.arc(surf, colour, shackle, 0, 3.1416, max(2, w // 7))
    pygame.draw.line(surf, colour, (shackle.left + w // 14, shackle.centery),
                     (shackle.left + w // 14, body.top), max(2, w // 7))
    pygame.draw.line(surf, colour, (shackle.right - w // 14 - 1, shackle.centery),
                     (shackle.right - w // 14 - 1, body.top), max(2, w // 7))
    pygame.draw.rect(surf, colour, body, border_radius=max(1, w // 8))


def door_icon(surf: pygame.Surface, rect: pygame.Rect, colour, bg) -> None:  # noqa: ANN001
    """A closed door with a padlock on it."""
    pygame.draw.rect(surf, colour, rect, max(2, rect.w // 10), border_radius=max(1, rect.w // 10))
    knob = max(2, rect.w // 10)
    pygame.draw.circle(surf, colour, (rect.right - rect.w // 4, rect.centery), knob)
    lk = pygame.Rect(0, 0, rect.w // 2, rect.h // 2)
    lk.center = (rect.centerx - rect.w // 12, rect.centery)
    lock_icon(surf, lk, colour)


def arrow_icon(surf: pygame.Surface, rect: pygame.Rect, colour, up: bool) -> None:  # noqa: ANN001
    """A triangle pointing up (gain) or down (loss)."""
    if up:
        pts = [(rect.centerx, rect.top), (rect.right, rect.bottom), (rect.left, rect.bottom)]
    else:
        pts = [(rect.left, rect.top), (rect.right, rect.top), (rect.centerx, rect.bottom)]
    pygame.draw.polygon(surf, colour, pts)


def dot_icon(surf: pygame.Surface, rect: pygame.Rect, colour) -> None:  # noqa: ANN001
    """A hollow circle: recorded, no points."""
    pygame.draw.circle(surf, colour, rect.center, rect.w // 2, max(2, rect.w // 6))


def check_icon(surf: pygame.Surface, rect: pygame.Rect, colour) -> None:  # noqa: ANN001
    w = max(2, rect.w // 6)
    pts = [(rect.left, rect.centery), (rect.left + rect.w * 0.4, rect.bottom - w),
           (rect.right, rect.top + w)]
    pygame.draw.lines(surf, colour, False, pts, w)


def dim(surf: pygame.Surface, colour, alpha: int) -> None:  # noqa: ANN001
    veil = pygame.Surface(surf.get_size(), pygame.SRCALPHA)
    veil.fill((*colour, alpha))
    surf.blit(veil, (0, 0))
