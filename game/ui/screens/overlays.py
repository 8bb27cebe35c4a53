"""Modal cards: the classroom's discussion pause, the kiosk's "Still there?" and PIN keypad."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.ui import gfx
from game.ui.screens.base import Screen
from game.ui.widgets.base import Button, Text, Widget


class CardScreen(Screen):
    """A centred card with a stack of widgets (fixed, not scrolled)."""

    modal = True
    width = 760

    def card_items(self, w: int) -> list[Widget]:
        return []

    def build(self) -> None:
        t = self.theme
        sw, sh = self.app.surface.get_size()
        w = min(sw - 2 * t.margin, round(t.px(self.width) * max(1.0, t.text_scale * 0.8)))
        pad = t.px(32)
        items = self.card_items(w - 2 * pad)
        h = sum(i.rect.h for i in items) + t.gap * (len(items) - 1) + 2 * pad
        self.card = pygame.Rect((sw - w) // 2, max(t.px(10), (sh - h) // 2), w, h)
        y = self.card.y + pad
        for it in items:
            it.rect.topleft = (self.card.x + pad + it.rect.x, y)
            y += it.rect.h + t.gap
            self.fixed.append(it)

    def draw(self, surf: pygame.Surface) -> None:
        gfx.modal_card(surf, self.card, self.theme, self.theme.pal.focus)
        super().draw(surf)


class DiscussScreen(CardScreen):
    """Classroom: the game stops on the question until the teacher continues."""

    name = "discuss"

    def __init__(self, app, question: str) -> None:  # noqa: ANN001
        super().__init__(app)
        self.question = question

    def card_items(self, w: int) -> list[Widget]:
        # The question is shown as large as the screen allows: projector type makes a
        # long question taller than the screen, and the teacher's button must stay on it.
        t = self.theme
        room = self.app.surface.get_size()[1] - 2 * t.px(10) - 2 * t.px(32)
        for role in ("h1", "h2", "lead", "body"):
            items = [Text(t, "Discuss with the class", w, role="lead", style="bold",
                          colour="accent"),
                     Text(t, self.question, w, role=role, style="bold"),
                     Button(t, "discuss-done", "The class is ready: go on", w, self.app.pop,
                            kind="primary")]
            if sum(i.rect.h for i in items) + t.gap * (len(items) - 1) <= room:
                break
        return items

    def back(self) -> None:
        pass  # only the teacher's button (or Enter) goes on

    def default_action(self) -> None:
        self.app.pop()


class StillThereScreen(CardScreen):
    """Kiosk: "Still there?" with a countdown; any touch keeps the visit going."""

    name = "still-there"

    def __init__(self, app, remaining: Callable[[], float]) -> None:  # noqa: ANN001
        super().__init__(app)
        self.remaining = remaining
        self.shown_s = -1

    def card_items(self, w: int) -> list[Widget]:
        t = self.theme
        self.shown_s = int(self.remaining() + 0.999)
        return [Text(t, "Still there?", w, role="display", style="bold", align="center"),
                Text(t, f"The story starts over for the next visitor in {self.shown_s} "
                     f"second{'s' if self.shown_s != 1 else ''}.", w, role="lead",
                     align="center"),
                Button(t, "still-here", "I'm still here", w, self.app.pop, kind="primary",
                       center=True)]

    def update(self, now: float) -> bool:
        if int(self.remaining() + 0.999) != self.shown_s:
            self.layout()
        return False

    def pointer_down(self, pos, touch: bool = False) -> None:  # noqa: ANN001
        self.app.pop()  # one touch anywhere dismisses it

    def key(self, key: int, mod: int, text: str) -> None:
        self.app.pop()


class KeypadScreen(CardScreen):
    """Kiosk admin exit: a PIN typed on an on-screen keypad (digits, Clear, OK, Cancel)."""

    name = "keypad"
    width = 520

    def __init__(self, app, check: Callable[[str], bool], on_ok: Callable[[], None]) -> None:  # noqa: ANN001
        super().__init__(app)
        self.check, self.on_ok = check, on_ok
        self.pin = ""
        self.error = ""

    def card_items(self, w: int) -> list[Widget]:
        t = self.theme
        gap = t.px(12)
        kw = (w - 2 * gap) // 3
        items: list[Widget] = [
            Text(t, "Staff only: enter the PIN", w, role="lead", style="bold"),
            Text(t, ("*" * len(self.pin)) or "-", w, role="h1", style="bold", align="center")]
        if self.error:
            items.append(Text(t, self.error, w, role="small", colour="bad", style="bold"))
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "Clear", "0", "OK"]
        for r in range(4):
            row = []
            for c in range(3):
                k = keys[r * 3 + c]
                b = Button(t, f"key-{k}", k, kw, lambda k=k: self.press(k),
                           kind="primary" if k == "OK" else "normal", role="lead", center=True)
                b.rect.x = c * (kw + gap)
                row.append(b)
            items.append(_KeyRow(row))
        items.append(Button(t, "key-cancel", "Cancel", w, self.app.pop, center=True))
        return items

    def build(self) -> None:
        super().build()
        rows = [w for w in self.fixed if isinstance(w, _KeyRow)]
        self.fixed = [w for w in self.fixed if not isinstance(w, _KeyRow)]
        for r in rows:  # flatten: every key is its own focusable, pressable widget
            for b in r.buttons:
                b.rect.y = r.rect.y
                b.rect.x += r.rect.x
                self.fixed.append(b)

    def press(self, k: str) -> None:
        if k == "Clear":
            self.pin = ""
        elif k == "OK":
            if self.check(self.pin):
                self.on_ok()
                return
            self.pin, self.error = "", "That PIN is not right."
        elif len(self.pin) < 12:
            self.pin += k
        self.layout()

    def other_key(self, key: int, mod: int, text: str) -> None:
        if text.isdigit():
            self.press(text)


class _KeyRow(Widget):
    def __init__(self, buttons: list[Button]) -> None:
        self.buttons = buttons
        super().__init__(buttons[-1].rect.right, max(b.rect.h for b in buttons))
