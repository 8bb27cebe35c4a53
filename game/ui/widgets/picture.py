"""A scene's picture in the text column, fitted to a box; app screens inside a phone."""

from __future__ import annotations

import pygame

from game.ui import gfx
from game.ui.theme import Theme
from game.ui.widgets.base import Widget


class Framed(Widget):
    """A picture centred in its box; a `phone-*` picture drawn inside a phone's body."""

    def __init__(self, theme: Theme, surf: pygame.Surface, width: int, phone: bool) -> None:
        self.theme, self.surf, self.phone = theme, surf, phone
        self.bezel = theme.px(10) if phone else 0
        h = surf.get_height() + 2 * self.bezel + (theme.px(14) if phone else 0)
        super().__init__(width, h)

    def draw(self, surf: pygame.Surface, rect: pygame.Rect, state: str = "") -> None:
        t, pal = self.theme, self.theme.pal
        pic = self.surf.get_rect()
        if not self.phone:
            pic.midtop = (rect.centerx, rect.y)
            surf.blit(self.surf, pic)
            return
        body = pic.inflate(2 * self.bezel, 2 * self.bezel + t.px(14))
        body.midtop = (rect.centerx, rect.y)
        pygame.draw.rect(surf, pal.ink, body, border_radius=t.px(22))
        pic.midtop = (body.centerx, body.y + self.bezel + t.px(6))
        surf.blit(self.surf, pic)
        pygame.draw.rect(surf, pal.panel_alt, (body.centerx - t.px(18), body.y + t.px(6),
                                               t.px(36), t.px(4)), border_radius=t.px(2))


def phone_screen(theme: Theme, size: tuple[int, int], banner: str, body: str,
                 t_k: float = 1.0) -> pygame.Surface:
    """A phone app screen drawn by the program: a red banner and a line under it
    (the refusal's "Ticket purchase failed"). `t_k` slides the banner in (0..1).
    Its type follows the phone's width, so a narrow phone never splits a word."""
    w, h = size
    pal = theme.pal
    s = pygame.Surface(size)
    s.fill(pal.panel)
    small = gfx.font(max(10, min(theme.type_px("small"), w // 14)))
    bar = pygame.Rect(0, 0, w, small.get_linesize() + theme.px(4))
    pygame.draw.rect(s, pal.panel_alt, bar)
    s.blit(gfx.render("12:04", small, pal.ink), (theme.px(10), theme.px(2)))
    bf = gfx.font(max(12, min(theme.type_px("lead"), w // 9)), "bold")
    lines = gfx.wrap(banner, bf, w - theme.px(20))
    icon_d = max(12, min(theme.px(34), w // 7))
    banner_h = theme.px(12) + icon_d + theme.px(8) + bf.get_linesize() * len(lines) \
        + theme.px(12)
    y = bar.bottom + round((1 - t_k) * -banner_h)
    pygame.draw.rect(s, pal.blocked, (0, y, w, banner_h))
    pygame.draw.line(s, pal.bad, (0, y + banner_h), (w, y + banner_h), max(2, theme.px(4)))
    icon = pygame.Rect(0, 0, icon_d, icon_d)
    icon.midtop = (w // 2, y + theme.px(12))
    pygame.draw.circle(s, pal.bad, icon.center, icon.w // 2)
    thick = max(2, icon_d // 9)
    pygame.draw.line(s, pal.panel, (icon.x + icon.w * 0.3, icon.y + icon.h * 0.3),
                     (icon.x + icon.w * 0.7, icon.y + icon.h * 0.7), thick)
    pygame.draw.line(s, pal.panel, (icon.x + icon.w * 0.7, icon.y + icon.h * 0.3),
                     (icon.x + icon.w * 0.3, icon.y + icon.h * 0.7), thick)
    ty = icon.bottom + theme.px(8)
    for line in lines:
        r = gfx.render(line, bf, pal.on_blocked)
        s.blit(r, r.get_rect(midtop=(w // 2, ty)))
        ty += bf.get_linesize()
    ty = y + banner_h + theme.px(12)
    for line in gfx.wrap(body, small, w - theme.px(24)):
        if ty + small.get_linesize() > h - theme.px(8):
            break
        s.blit(gfx.render(line, small, pal.ink), (theme.px(12), ty))
        ty += small.get_linesize()
    return s


def scene_picture(app, name: str | None, w: int, h: int) -> Framed | None:  # noqa: ANN001
    """The scene's picture fitted in w x h (a phone's screen for `phone-*`), or None."""
    if not name or h < 60:
        return None
    phone = name.startswith("phone-")
    box = (round(h * 0.5), h - 2 * app.theme.px(10) - app.theme.px(14)) if phone else (w, h)
    surf = load_picture(app, name, box)
    return Framed(app.theme, surf, w, phone) if surf is not None else None


def load_picture(app, name: str, box: tuple[int, int]) -> pygame.Surface | None:  # noqa: ANN001
    """The art set's picture fitted in `box` (a picture with a face slot, the crossing
    screen or the cinema, with the player's own face in it); None when it cannot be
    drawn, so the text takes its room."""
    from game.ui import art

    session = getattr(app, "session", None)
    try:
        if session is not None and art.slot(name, story=app.story) is not None:
            surf = art.with_face(name, box, session.view.scenario, app.story)
        else:
            surf = art.picture(name, box, app.story)
    except Exception:  # noqa: BLE001 - a broken picture leaves its slot to the text
        return None
    return None if art.is_placeholder(surf) else surf
