"""The stamped slip: the system breaking into the scene with one line per change.

"-5 · Running a red light · traffic camera · REPORTED", on a strip of paper with
a rubber stamp that thumps down (its scale eases from large to its size), then
rests. Meaning is in the words; the stamp's colour repeats the sign.
"""

from __future__ import annotations

import pygame

from game.ui import gfx
from game.ui.theme import Theme, blend
from game.ui.widgets.base import Widget


class Slip(Widget):
    """One or more stamped lines; `stamp_k` (0..1) is how far the stamp has come down."""

    def __init__(self, theme: Theme, lines: list[tuple[str, int]], width: int,
                 stamp: str) -> None:
        """lines: (text, points) pairs; stamp: the word on the stamp (e.g. RECORDED)."""
        self.theme = theme
        f = gfx.font(theme.type_px("body"), "bold")
        width_left = width - 2 * theme.px(10) - theme.px(120)
        if any(len(gfx.wrap(text, f, width_left)) > 2 for text, _ in lines):
            f = gfx.font(theme.type_px("small"), "bold")  # large type: the slip stays a slip
        self.pad = theme.px(10)
        sf = gfx.font(theme.type_px("small"), "bold")
        pal = theme.pal
        worst = min((p for _, p in lines), default=0)
        self.ink = pal.bad if worst < 0 else pal.good if any(p > 0 for _, p in lines) \
            else pal.ink
        word = gfx.render(stamp, sf, self.ink)
        box = pygame.Surface(word.get_rect().inflate(theme.px(14), theme.px(8)).size,
                             pygame.SRCALPHA)
        pygame.draw.rect(box, self.ink, box.get_rect(), max(2, theme.px(3)),
                         border_radius=theme.px(4))
        box.blit(word, word.get_rect(center=box.get_rect().center))
        self.stamp = pygame.transform.rotate(box, 8)
        self.stamp_k = 1.0
        self.shown = True  # False: its room is kept, but the system has not spoken yet
        self.text_w = width - 2 * self.pad - self.stamp.get_width() - theme.px(12)
        self.rows = []
        for text, pts in lines:
            colour = pal.bad if pts < 0 else pal.good if pts > 0 else pal.ink
            for line in gfx.wrap(text, f, self.text_w):
                self.rows.append(gfx.render(line, f, colour))
        step = f.get_linesize()
        h = max(step * len(self.rows), self.stamp.get_height()) + 2 * self.pad
        super().__init__(width, max(h, theme.target))
        self.step = step

    def draw(self, surf: pygame.Surface, rect: pygame.Rect, state: str = "") -> None:
        if not self.shown:
            return
        t, pal = self.theme, self.theme.pal
        paper = blend(pal.panel, pal.focus, 0.08)
        gfx.box(surf, rect, paper, pal.border, max(1, t.px(1)), t.px(4))
        # a perforated top edge: it reads as a slip torn off a machine
        for x in range(rect.x + t.px(6), rect.right - t.px(6), t.px(12)):
            pygame.draw.circle(surf, pal.bg, (x, rect.y), max(1, t.px(3)))
        y = rect.y + (rect.h - self.step * len(self.rows)) // 2
        x = rect.x + self.pad + self.stamp.get_width() + t.px(12)
        for s in self.rows:
            surf.blit(s, (x, y))
            y += self.step
        st = self.stamp
        k = self.stamp_k
        if k <= 0:
            return
        centre = (rect.x + self.pad + st.get_width() // 2, rect.centery)
        if k < 1:  # the stamp comes down from above, large and faint
            grow = 1 + 0.8 * (1 - k)
            st = pygame.transform.smoothscale(st, (round(st.get_width() * grow),
                                                   round(st.get_height() * grow)))
            st.set_alpha(round(255 * k))
        surf.blit(st, st.get_rect(center=centre))
