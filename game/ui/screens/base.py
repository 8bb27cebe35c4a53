"""The screen base class: layout, focus, pointer and key handling shared by every screen.

A screen builds its widgets in `layout()` (on show, resize and settings
change): a header (title and fixed buttons), a scroll pane, a footer. Input
arrives as pointer_down/up/move, wheel and key calls from the app.
"""

from __future__ import annotations

import pygame

from game.ui import gfx
from game.ui.widgets.base import Text, Widget, text_button
from game.ui.widgets.pane import Pane

BACK_KEYS = (pygame.K_ESCAPE, pygame.K_BACKSPACE, pygame.K_AC_BACK)


class Screen:
    """One screen of the game. Subclasses fill `build()` and may override the hooks."""

    name = "screen"
    modal = False
    title = ""

    def __init__(self, app) -> None:  # noqa: ANN001
        self.app = app
        self.fixed: list[Widget] = []  # rects in screen coordinates
        self.pane: Pane | None = None
        self.side: Pane | None = None  # a second scroll pane (the standing panel)
        self.dock: Pane | None = None  # a pane pinned to the bottom (a scene's choices)
        self.focus: Widget | None = None
        self.focus_visible = False
        self.hover: Widget | None = None
        self.pressed: Widget | None = None
        self.drag: tuple[int, int, int] | None = None  # start x, y, scroll
        self.dragging = False
        self.drag_pane: Pane | None = None

    # -- building ----------------------------------------------------------------------

    @property
    def theme(self):  # noqa: ANN201
        return self.app.theme

    def layout(self) -> None:
        """Rebuild every widget for the current theme and size; keep focus and scroll."""
        keep_focus = self.focus.id if self.focus is not None else None
        keep = [p.scroll if p is not None else 0 for p in (self.pane, self.dock, self.side)]
        self.fixed, self.pane, self.dock, self.side = [], None, None, None
        self.build()
        for p, y in zip((self.pane, self.dock, self.side), keep, strict=True):
            if p is not None:
                p.scroll_to(y)
        self.focus = self.find(keep_focus) if keep_focus else None
        self.hover = self.pressed = None
        self.app.dirty = True

    def build(self) -> None:
        """Create self.fixed and self.pane."""

    def header(self, back: bool = True, extra: list[Widget] | None = None) -> int:
        """The title bar: a Back button, the title, buttons at the right. Returns its bottom."""
        t = self.theme
        m = t.margin
        y = t.px(20)
        x = m
        if back:
            b = text_button(t, "back", "Back", self.back)
            b.rect.topleft = (x, y)
            self.fixed.append(b)
            x = b.rect.right + t.gap
        right = self.app.surface.get_width() - m
        h = t.target
        for w in reversed(extra or []):
            w.rect.topright = (right, y)
            right = w.rect.left - t.px(10)
            self.fixed.append(w)
            h = max(h, w.rect.h)
        title = Text(t, self.title, max(10, right - x - t.gap), role="h2", style="bold")
        title.rect.topleft = (x, y + max(0, (h - title.rect.h) // 2))
        self.fixed.append(title)
        return y + max(h, title.rect.h) + t.px(16)

    def body_rect(self, top: int, bottom: int | None = None, width: int | None = None
                  ) -> pygame.Rect:
        """The pane's viewport: centred, at most ~75 characters wide for reading."""
        t = self.theme
        sw, sh = self.app.surface.get_size()
        w = min(sw - 2 * t.margin - t.px(20), width or t.type_px("body") * 38)  # ~75 chars
        bottom = sh - t.px(16) if bottom is None else bottom
        return pygame.Rect((sw - w) // 2, top, w, max(10, bottom - top))

    # -- queries -----------------------------------------------------------------------

    def panes(self) -> list[Pane]:
        return [p for p in (self.pane, self.dock, self.side) if p is not None]

    def pane_of(self, w: Widget) -> Pane | None:
        return next((p for p in self.panes() if w in p.items), None)

    def widgets(self) -> list[Widget]:
        return [w for p in self.panes() for w in p.items] + self.fixed

    def focusables(self) -> list[Widget]:
        return [w for w in self.widgets() if w.focusable and w.enabled]

    def find(self, wid: str | None) -> Widget | None:
        return next((w for w in self.widgets() if w.id == wid), None)

    def screen_rect(self, w: Widget) -> pygame.Rect:
        p = self.pane_of(w)
        return p.screen_rect(w) if p is not None else w.rect

    def hit(self, pos: tuple[int, int]) -> Widget | None:
        for w in self.fixed:
            if w.focusable and w.rect.collidepoint(pos):
                return w
        for p in self.panes():
            h = p.hit(pos)
            if h is not None:
                return h
        return None

    def shot_key(self) -> str:
        """Names what is on screen, so the screenshot driver saves one PNG per state."""
        return self.name

    def is_visible(self, w: Widget) -> bool:
        r = self.screen_rect(w)
        p = self.pane_of(w)
        if p is not None:
            return p.view.contains(r) or (r.h > p.view.h and p.view.collidepoint(r.center))
        return self.app.surface.get_rect().contains(r)

    # -- drawing -----------------------------------------------------------------------

    def draw(self, surf: pygame.Surface) -> None:
        if not self.modal:
            surf.fill(self.theme.pal.bg)
        self.draw_back(surf)
        states = self._states()
        for p in self.panes():
            p.draw(surf, states)
        for w in self.fixed:
            w.draw(surf, w.rect, states.get(id(w), ""))

    def draw_back(self, surf: pygame.Surface) -> None:
        """Anything under the widgets (art, panels)."""

    def _states(self) -> dict[int, str]:
        st: dict[int, str] = {}
        if self.hover is not None:
            st[id(self.hover)] = "hover"
        if self.focus is not None and self.focus_visible:
            st[id(self.focus)] = "focus"
        if self.pressed is not None and not self.dragging:
            st[id(self.pressed)] = "press"
        return st

    def update(self, now: float) -> bool:
        """Advance animations; True while something moves."""
        return False

    def on_return(self) -> None:
        """The screen above this one closed."""
        self.layout()

    # -- input -------------------------------------------------------------------------

    def pointer_down(self, pos: tuple[int, int] | None, touch: bool = False) -> None:
        if pos is None:
            return
        self.focus_visible = False
        self.pressed = self.hit(pos)
        self.dragging = False
        self.drag = None
        self.drag_pane = next((p for p in self.panes() if p.view.collidepoint(pos)), None)
        if self.drag_pane is not None:
            self.drag = (pos[0], pos[1], self.drag_pane.scroll)
        self.app.dirty = True

    def pointer_move(self, pos: tuple[int, int] | None) -> None:
        if pos is None:
            return
        self.app.pointer = pos  # where the wheel scrolls (SDL's own position lags events)
        if self.drag is not None and self.drag_pane is not None:
            dy = pos[1] - self.drag[1]
            if self.dragging or abs(dy) > self.theme.px(14):
                self.dragging = True
                if self.drag_pane.scroll_to(self.drag[2] - dy):
                    self.app.dirty = True
                return
        h = self.hit(pos)
        if h is not self.hover:
            self.hover = h
            self.app.dirty = True

    def pointer_up(self, pos: tuple[int, int] | None) -> None:
        w, dragged = self.pressed, self.dragging
        self.pressed, self.drag, self.dragging = None, None, False
        self.app.dirty = True
        if pos is None or dragged or w is None:
            return
        if self.hit(pos) is w:
            self.focus = w
            w.activate()

    def wheel(self, dy: float) -> None:
        pos = getattr(self.app, "pointer", None) or pygame.mouse.get_pos()
        step = round(dy * self.theme.px(60))
        p = next((p for p in self.panes() if p.view.collidepoint(pos)), None)
        if p is None:  # not over a pane: the first one that can still move that way
            p = next((p for p in self.panes()
                      if (p.scroll < p.max_scroll if step > 0 else p.scroll > 0)), self.pane)
        if p is not None and p.scroll_by(step):
            self.app.dirty = True

    def key(self, key: int, mod: int, text: str) -> None:
        if key == pygame.K_TAB:
            self.move_focus(-1 if mod & pygame.KMOD_SHIFT else 1)
        elif key in (pygame.K_DOWN, pygame.K_RIGHT):
            self.move_focus(1)
        elif key in (pygame.K_UP, pygame.K_LEFT):
            self.move_focus(-1)
        elif key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            if self.focus is not None and self.focus_visible:
                self.focus.activate()
            else:
                self.default_action()
        elif key in BACK_KEYS:
            self.back()
        elif key == pygame.K_PAGEDOWN and self.pane is not None:
            self.app.dirty |= self.pane.scroll_by(self.pane.view.h * 9 // 10)
        elif key == pygame.K_PAGEUP and self.pane is not None:
            self.app.dirty |= self.pane.scroll_by(-self.pane.view.h * 9 // 10)
        elif key == pygame.K_HOME and self.pane is not None:
            self.app.dirty |= self.pane.scroll_to(0)
        elif key == pygame.K_END and self.pane is not None:
            self.app.dirty |= self.pane.scroll_to(self.pane.max_scroll)
        else:
            self.other_key(key, mod, text)

    def move_focus(self, step: int) -> None:
        items = self.focusables()
        if not items:
            return
        if self.focus in items and self.focus_visible:
            i = (items.index(self.focus) + step) % len(items)
        else:
            i = 0 if step > 0 else len(items) - 1
        self.focus, self.focus_visible = items[i], True
        p = self.pane_of(self.focus)
        if p is not None:
            p.reveal(self.focus)
        self.app.dirty = True

    def default_action(self) -> None:
        """Enter with nothing focused: the screen's main button, if any."""
        w = next((w for w in self.focusables() if getattr(w, "kind", "") == "primary"), None)
        if w is not None:
            w.activate()

    def other_key(self, key: int, mod: int, text: str) -> None:
        pass

    def back(self) -> None:
        self.app.pop()


def message_text(screen: Screen, text: str, width: int) -> Text:
    return Text(screen.theme, text, width, role="body", colour="bad", style="bold")


def panel(surf: pygame.Surface, theme, rect: pygame.Rect) -> None:  # noqa: ANN001
    gfx.box(surf, rect, theme.pal.panel, theme.pal.border, max(1, theme.px(1)), theme.radius)


def cue(app, name: str) -> None:  # noqa: ANN001
    """Play one of the game's sounds (shutter, chime, buzz, stamp), if sound is on.

    The sounds belong to the app's sound set (none without an audio device, in a
    test, or when muted); a missing one is silence, never an error.
    """
    sounds = getattr(app, "sounds", None)
    if sounds is not None:
        try:
            sounds.play(name)
        except Exception:  # noqa: BLE001 - a sound is a nicety; the game goes on
            pass


def city_bed(app, on: bool) -> None:  # noqa: ANN001
    """The quiet city under play and the attract loop; silent on the menus."""
    sounds = getattr(app, "sounds", None)
    if sounds is not None:
        try:
            sounds.bed(on)
        except Exception:  # noqa: BLE001 - a sound is a nicety
            pass
