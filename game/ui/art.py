"""Procedural art: a city skyline watched by cameras. No image files, any size."""

from __future__ import annotations

import math
import random

import pygame

from game.ui.theme import Palette, blend


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
