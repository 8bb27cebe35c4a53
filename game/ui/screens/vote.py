"""Classroom: the class's vote on a scene's choices, as a big bar chart.

Pressing a choice (or its letter key) counts one hand; a letter then digits
types a count at once ("B 1 2" sets B to 12), for a teacher who counted the
room. The teacher takes the winner; a tie cannot be taken.
"""

from __future__ import annotations

import pygame

from game.ui import gfx
from game.ui.theme import Theme
from game.ui.widgets.base import Widget

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


class Tally:
    """The votes of one scene: counts by choice position, and an undo log."""

    def __init__(self) -> None:
        self.votes: dict[int, int] = {}
        self.log: list[tuple[int, int]] = []  # (position, count before)
        self.typing: tuple[int, str] | None = None  # a count being typed for a position

    def add(self, position: int) -> None:
        self.log.append((position, self.votes.get(position, 0)))
        self.votes[position] = self.votes.get(position, 0) + 1
        self.typing = (position, "")

    def type_digit(self, digit: str) -> bool:
        """A digit after a letter: that choice's count, as typed (the letter's own
        vote is replaced; Undo goes back to the count before the letter)."""
        if self.typing is None:
            return False
        pos, typed = self.typing
        typed = (typed + digit)[-3:]
        self.votes[pos] = int(typed)
        self.typing = (pos, typed)
        return True

    def undo(self) -> None:
        if self.log:
            pos, before = self.log.pop()
            self.votes[pos] = before
        self.typing = None

    @property
    def total(self) -> int:
        return sum(self.votes.values())

    def leader(self) -> int | None:
        """The choice with the most votes; None on a tie or with no votes."""
        if not self.votes or max(self.votes.values()) == 0:
            return None
        best = max(self.votes.values())
        tops = [p for p, n in self.votes.items() if n == best]
        return tops[0] if len(tops) == 1 else None


class VoteChart(Widget):
    """One thick bar per choice: its letter, its count in big type, the leader marked."""

    def __init__(self, theme: Theme, width: int, bars: list[tuple[str, int]],
                 leader: str | None) -> None:
        self.theme, self.bars, self.leader = theme, bars, leader
        self.font = gfx.font(theme.type_px("h2"), "bold")
        self.row = self.font.get_linesize() + theme.px(8)
        super().__init__(width, self.row * len(bars) + theme.px(4))

    def draw(self, surf: pygame.Surface, rect: pygame.Rect, state: str = "") -> None:
        t, p = self.theme, self.theme.pal
        most = max([n for _, n in self.bars] + [1])
        label_w = self.font.size("W")[0] + t.px(16)
        count_w = self.font.size("888  leads")[0] + t.px(12)
        track = rect.w - label_w - count_w
        for i, (letter, n) in enumerate(self.bars):
            y = rect.y + i * self.row
            s = gfx.render(letter, self.font, p.ink)
            surf.blit(s, (rect.x, y))
            bar = pygame.Rect(rect.x + label_w, y + t.px(6), max(t.px(4), track * n // most),
                              self.row - t.px(14))
            lead = letter == self.leader
            pygame.draw.rect(surf, p.accent if lead else p.border, bar,
                             border_radius=t.px(4))
            c = gfx.render(f"{n}" + ("  leads" if lead else ""), self.font, p.ink)
            surf.blit(c, (bar.right + t.px(10), y))
