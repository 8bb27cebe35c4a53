"""Being refused: you pressed a closed door the story lets you try.

First the refusal plays as the citizen meets it: a phone screen slides in with
the system's words ("Ticket purchase failed.") and the story's `instead` text,
with the refusal buzz. Then, in transparent mode only, the real reason: what
closed the door, how true that is, the gap when a score threshold did it
("Needs 1,030 points: you are 60 short") and what would open it. Opaque mode
says only that no reason was given, and never that a record changed.
"""

from __future__ import annotations

import pygame

from game.ui import gfx, words
from game.ui.screens.base import Screen
from game.ui.widgets.base import Button, Text, Widget
from game.ui.widgets.card import fidelity_badge
from game.ui.widgets.motion import Tween
from game.ui.widgets.pane import Pane
from game.ui.widgets.picture import phone_screen

SLIDE_S = 0.35
REASON_AFTER_S = 0.7  # the reason appears once the refusal has sunk in


class RefusalScreen(Screen):
    name = "refusal"
    modal = True

    def __init__(self, app, refusal, tried, before) -> None:  # noqa: ANN001
        """refusal: the host's Refusal; tried: the ChoiceView pressed; before: the View
        in which it was pressed (the standing the door was judged on)."""
        super().__init__(app)
        self.refusal, self.tried, self.before = refusal, tried, before
        still = app.theme.reduced_motion
        self.slide = Tween(0.0, 1.0, SLIDE_S, still)
        self.reason = Tween(0.0, 1.0, 0.01, still, delay=REASON_AFTER_S)
        self.shown_reason = still
        self.phone_img: pygame.Surface | None = None

    def shot_key(self) -> str:
        return f"refusal-{self.refusal.scene}"

    # -- what it says ------------------------------------------------------------------

    def closed(self) -> list:
        """The closed capabilities of the pressed choice (with their consequences)."""
        return list(getattr(self.tried, "closed", ()) or ())

    def banner(self) -> str:
        notes = [c.notice for cl in self.closed() for c in cl.by if c.notice]
        return (notes[0] if notes else "Not available.").rstrip(".")

    def reason_items(self, w: int) -> list[Widget]:
        t = self.theme
        rs = self.app.session.ctx.ruleset
        score = self.before.standing.score
        scored = words.keeps_score(rs)
        out: list[Widget] = [Text(t, "Why the door was shut", w, role="small", style="bold",
                                  colour="accent")]
        for cl in self.closed():
            out.append(Text(t, f"Closed: {cl.name}", w, role="lead", style="bold",
                            colour="bad"))
            for c in cl.by:
                out.append(fidelity_badge(t, c.fidelity))
                out.append(Text(t, c.explain, w))
            if not cl.by:
                out.append(Text(t, words.closed_reason(cl.by), w))
            out.append(Text(t, "What would open it", w, role="small", style="bold"))
            out += [Text(t, line, w, role="lead" if "short" in line else "body")
                    for line in words.what_would_open(rs, cl, score, scored)]
            for c in cl.by[:1]:
                out.append(Text(t, words.sources_text(c.sources, 1), w, role="small",
                                colour="muted"))
        if not self.closed():
            out.append(Text(t, "These rules closed it.", w))
        return out

    # -- layout ------------------------------------------------------------------------

    def build(self) -> None:
        t = self.theme
        sw, sh = self.app.surface.get_size()
        w = min(sw - 2 * t.margin, round(t.px(1000) * max(1.0, t.text_scale * 0.75)))
        h = min(sh - 2 * t.px(24), t.px(600) * max(1.0, t.text_scale * 0.7))
        self.card = pygame.Rect((sw - w) // 2, (sh - h) // 2, w, h)
        pad = t.px(28)
        ph_h = min(h - 2 * pad, t.px(460))
        ph_w = min(round(ph_h * 0.56), w // 3)
        self.phone = pygame.Rect(self.card.x + pad, self.card.y + pad, ph_w, ph_h)
        body = self.refusal.text or "It did not work."
        self.phone_img = phone_screen(t, (ph_w - 2 * t.px(10), ph_h - 2 * t.px(10) - t.px(14)),
                                      self.banner(), body)
        ok = Button(t, "ok", "OK, go on", min(t.px(300), w - ph_w - 3 * pad), self.app.pop,
                    kind="primary")
        right = self.phone.right + pad
        inner = self.card.right - pad - right
        ok.rect.bottomleft = (right, self.card.bottom - pad)
        view = pygame.Rect(right, self.card.y + pad, inner, ok.rect.top - pad - self.card.y
                           - pad)
        head = [Text(t, "Refused", w, role="small", style="bold", colour="bad"),
                Text(t, self.tried.text if self.tried is not None else "You tried.", inner,
                     role="h2", style="bold")]
        if t.opaque:
            items = head + [Text(t, "No reason was given.", inner, role="lead",
                                 colour="muted")]
        elif self.shown_reason:
            items = head + self.reason_items(inner)
        else:
            items = head
        self.pane = Pane(t, view, items)
        self.fixed.append(ok)
        self.focus, self.focus_visible = ok, True

    def update(self, now: float) -> bool:
        self.slide.at(now)
        self.reason.at(now)
        busy = self.slide.running or self.reason.running
        if not self.reason.running and not self.shown_reason:
            self.shown_reason = True
            self.layout()
        self.app.dirty = self.app.dirty or self.slide.running
        return busy

    def draw(self, surf: pygame.Surface) -> None:
        t = self.theme
        gfx.modal_card(surf, self.card, t, t.pal.bad)
        k = self.slide.value
        body = self.phone.move(0, round((1 - k) * t.px(60)))
        pygame.draw.rect(surf, t.pal.ink, body, border_radius=t.px(22))
        if self.phone_img is not None:
            img = self.phone_img.copy()
            img.set_alpha(round(255 * k))
            surf.blit(img, (body.x + t.px(10), body.y + t.px(10) + t.px(14)))
        pygame.draw.rect(surf, t.pal.panel_alt, (body.centerx - t.px(18), body.y + t.px(8),
                                                 t.px(36), t.px(4)), border_radius=t.px(2))
        super().draw(surf)

    def default_action(self) -> None:
        self.app.pop()
