"""The kiosk's attract loop: what the game is, in ten seconds, then again.

Five beats: a face at a crossing; a camera flash ("Every step is watched");
the score ticking down under a stamped slip; a door refused on a phone
("Ticket purchase failed"); and the claim: "Same life. Other rules. Another
ending." Any touch starts a visit. It moves at 20 frames a second on the idle
loop's own ticks (never a busy 60 fps); with reduced motion it rests on the claim.
"""

from __future__ import annotations

import pygame

from game.ui import gfx
from game.ui.screens.base import Screen, city_bed
from game.ui.theme import blend
from game.ui.widgets.base import Button, Text, text_button
from game.ui.widgets.motion import ease_out
from game.ui.widgets.picture import load_picture, phone_screen

FRAME = 1 / 20
LOOP_S = 10.0
BEATS = (  # (starts at, caption)
    (0.0, "A week in a city that scores its people."),
    (2.0, "Every step is watched."),
    (4.0, "Every step is scored."),
    (6.5, "Some doors close."),
    (8.5, "Touch the screen to live one week of it."),
)


class AttractScreen(Screen):
    name = "attract"

    def __init__(self, app) -> None:  # noqa: ANN001
        super().__init__(app)
        self.t0: float | None = None
        self.t = LOOP_S - 0.01 if app.theme.reduced_motion else 0.0
        self.last = 0.0
        self.pics: dict[str, pygame.Surface | None] = {}
        city_bed(app, True)

    def shot_key(self) -> str:
        return f"attract-{self.beat()}"

    def beat(self) -> int:
        return max(i for i, (start, _) in enumerate(BEATS) if self.t >= start)

    def build(self) -> None:
        t = self.theme
        sw, sh = self.app.surface.get_size()
        w = min(sw - 2 * t.margin, t.px(1100))
        x = (sw - w) // 2
        title = Text(t, self.app.story.title, w, role="h1", style="bold", align="center")
        title.rect.topleft = (x, t.px(24))
        self.fixed.append(title)
        bigger = "Larger text" if self.app.settings.text_step < 2 else "Standard text"
        aa = text_button(t, "text-size", f"Aa  {bigger}", self.text_size, role="lead")
        aa.rect.bottomright = (sw - t.margin, sh - t.px(16))
        hint = Text(t, "In English. About 5 minutes. Touch the screen, or use the keys.",
                    max(t.px(200), aa.rect.left - 2 * t.margin), role="small", colour="ink")
        hint.rect.bottomleft = (t.margin, sh - t.px(16) - (aa.rect.h - hint.rect.h) // 2)
        big = Button(t, "begin", "Touch to begin", min(w, t.px(520)), self.begin,
                     kind="primary", role="h2", center=True)
        big.rect.midbottom = (sw // 2, min(aa.rect.top, hint.rect.top) - t.px(16))
        self.fixed += [aa, hint, big]
        self.caption_font = gfx.font(t.type_px("h2"), "bold")
        cap_h = self.caption_font.get_linesize() * 2
        self.stage = pygame.Rect(x, title.rect.bottom + t.px(12), w,
                                 max(t.px(80), big.rect.top - t.px(16) - cap_h
                                     - title.rect.bottom - t.px(12)))
        self.caption_y = self.stage.bottom + t.px(8)
        self._pictures()

    def _pictures(self) -> None:
        """The beats' pictures at the stage's size (cached by the art set)."""
        life = next(iter(self.app.kiosk.lives()), None) if self.app.kiosk else None
        box = (self.stage.w, self.stage.h)
        self.pics = {"crossing": self._face_crossing(life, box),
                     "street": load_picture(self.app, "street-crossing.svg", box)}

    def _face_crossing(self, life: str | None, box: tuple[int, int]) -> pygame.Surface | None:
        from game.ui import art

        try:
            if life:
                surf = art.with_face("crossing-screen.svg", box, life, self.app.story)
                return None if art.is_placeholder(surf) else surf
        except Exception:  # noqa: BLE001 - a picture is a nicety; the loop goes on
            return None
        return load_picture(self.app, "crossing-screen.svg", box)

    # -- drawing the beats ---------------------------------------------------------------

    def draw_back(self, surf: pygame.Surface) -> None:
        t, p = self.theme, self.theme.pal
        st = self.stage
        i = self.beat()
        local = self.t - BEATS[i][0]
        clip = surf.get_clip()
        surf.set_clip(st)
        pygame.draw.rect(surf, blend(p.bg, p.accent, 0.12), st, border_radius=t.radius)
        if i in (0, 1):
            self._picture(surf, "crossing" if i == 0 else "street")
            if i == 1:  # the flash: white, fading fast
                k = max(0.0, 1 - local / 0.5)
                if k > 0:
                    gfx.dim(surf, (255, 255, 255), round(230 * k))
        elif i == 2:
            self._score(surf, local)
        elif i == 3:
            self._refused(surf, local)
        else:
            self._claim(surf, local)
        surf.set_clip(clip)
        cap = BEATS[i][1]
        lines = gfx.wrap(cap, self.caption_font, st.w)
        for n, line in enumerate(lines[:2]):
            s = gfx.render(line, self.caption_font, p.ink)
            surf.blit(s, s.get_rect(midtop=(st.centerx, self.caption_y
                                            + n * self.caption_font.get_linesize())))

    def _picture(self, surf: pygame.Surface, key: str) -> None:
        pic = self.pics.get(key)
        if pic is not None:
            surf.blit(pic, pic.get_rect(center=self.stage.center))

    def _score(self, surf: pygame.Surface, local: float) -> None:
        t, p = self.theme, self.theme.pal
        k = ease_out(min(1.0, max(0.0, (local - 0.4) / 1.0)))
        value = round(1000 - 5 * k)
        f = gfx.font(min(self.stage.h // 2, t.px(150)), "bold")
        num = gfx.render(f"{value:,}", f, p.ink)
        surf.blit(num, num.get_rect(center=(self.stage.centerx, self.stage.centery
                                            - self.stage.h // 8)))
        if 0 < k < 1 or local < 2.0:
            d = gfx.render("-5", gfx.font(t.type_px("h1"), "bold"), p.bad)
            d.set_alpha(round(255 * (1 - k * 0.8)))
            surf.blit(d, (num.get_rect(center=self.stage.center).right + t.px(10),
                          self.stage.centery - self.stage.h // 4 - round(k * t.px(40))))
        if local > 0.3:
            text = "-5 \u00b7 Running a red light \u00b7 traffic camera \u00b7 REPORTED"
            size = t.type_px("lead")
            while size > 12 and gfx.font(size, "bold").size(text)[0] > self.stage.w - t.px(40):
                size -= 2
            slip = gfx.render(text, gfx.font(size, "bold"), p.bad)
            r = slip.get_rect(midtop=(self.stage.centerx, self.stage.centery
                                      + self.stage.h // 6))
            pygame.draw.rect(surf, blend(p.panel, p.focus, 0.08), r.inflate(t.px(24),
                                                                             t.px(14)))
            pygame.draw.rect(surf, p.border, r.inflate(t.px(24), t.px(14)), 1)
            surf.blit(slip, r)

    def _refused(self, surf: pygame.Surface, local: float) -> None:
        t = self.theme
        h = self.stage.h - 2 * t.px(12)
        w = min(round(h * 0.75), self.stage.w - 2 * t.px(12))  # a wide phone: big words
        k = ease_out(min(1.0, local / 0.35))
        body = pygame.Rect(0, 0, w, h)
        body.midtop = (self.stage.centerx, self.stage.y + t.px(12) + round((1 - k) * t.px(60)))
        pygame.draw.rect(surf, t.pal.ink, body, border_radius=t.px(22))
        screen = phone_screen(t, (w - 2 * t.px(10), h - 2 * t.px(10) - t.px(14)),
                              "Ticket purchase failed",
                              "Your account cannot buy this ticket. No reason is given.")
        surf.blit(screen, (body.x + t.px(10), body.y + t.px(24)))

    def _claim(self, surf: pygame.Surface, local: float) -> None:
        t, p = self.theme, self.theme.pal
        size = min(t.type_px("display"), self.stage.h // 4)
        while size > 14 and gfx.font(size, "bold").get_linesize() * 3 > self.stage.h * 0.95:
            size -= 2
        f = gfx.font(size, "bold")
        words = ("Same life.", "Other rules.", "Another ending.")
        y = self.stage.centery - len(words) * f.get_linesize() // 2
        for n, line in enumerate(words):
            k = min(1.0, max(0.0, (local - 0.35 * n) / 0.3))
            s = gfx.render(line, f, p.accent if n == 2 else p.ink)
            s.set_alpha(round(255 * k))
            surf.blit(s, s.get_rect(midtop=(self.stage.centerx, y)))
            y += f.get_linesize()

    def update(self, now: float) -> bool:
        if self.theme.reduced_motion:
            return False
        if self.t0 is None:
            self.t0 = now
        if now - self.last >= FRAME:
            self.last = now
            self.t = (now - self.t0) % LOOP_S
            self.app.damage(self.stage.inflate(0, self.theme.px(200)))
        return False  # the loop's 50 ms sleep paces it; never a busy 60 fps here

    # -- input ---------------------------------------------------------------------------

    def pointer_up(self, pos) -> None:  # noqa: ANN001
        w = self.pressed
        super().pointer_up(pos)
        if w is None and pos is not None and not self.app.kiosk.in_corner(pos):
            self.begin()  # any touch starts a visit, except in the admin corner

    def key(self, key: int, mod: int, text: str) -> None:
        if key in (pygame.K_TAB, pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT, pygame.K_RIGHT):
            super().key(key, mod, text)
        elif key in (pygame.K_RETURN, pygame.K_SPACE, pygame.K_KP_ENTER) and self.focus_visible:
            super().key(key, mod, text)
        elif key not in (pygame.K_ESCAPE,):
            self.begin()

    def text_size(self) -> None:
        s = self.app.settings
        s.text_step = 2 if s.text_step < 2 else 0
        self.app.relayout()

    def begin(self) -> None:
        self.app.kiosk.start()

    def back(self) -> None:
        pass
