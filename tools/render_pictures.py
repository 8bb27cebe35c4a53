"""Render story/images/*.svg to PNG with pygame-ce (as the game loads them), to look at them.

    python tools/render_pictures.py OUT_DIR [NAME ...]   # 1280x720 boxes, plus sheet.png
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402

IMAGES = Path(__file__).resolve().parent.parent / "story" / "images"


def main(argv: list[str]) -> int:
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    names = argv[1:] or sorted(p.name for p in IMAGES.glob("*.svg"))
    thumbs = []
    for name in names:
        img = pygame.image.load_sized_svg(str(IMAGES / name), (1280, 720))
        pygame.image.save(img, str(out / name.replace(".svg", ".png")))
        thumbs.append(pygame.transform.smoothscale_by(img, 240 / max(img.get_size())))
    cols = 6
    sheet = pygame.Surface((cols * 250, ((len(thumbs) + cols - 1) // cols) * 250))
    sheet.fill((60, 60, 60))
    for i, t in enumerate(thumbs):
        sheet.blit(t, ((i % cols) * 250 + 5, (i // cols) * 250 + 5))
    pygame.image.save(sheet, str(out / "sheet.png"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
