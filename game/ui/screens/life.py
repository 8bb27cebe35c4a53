"""The play screen: the scene above, its choices pinned to the bottom, the standing beside.

Text (with the scene's picture) scrolls in the upper part of the column; the
choices sit in a dock along the bottom edge, so no text size pushes them off
screen (a dock taller than 70 % of the column scrolls itself). After a step the
scene's text is revealed first, then the system breaks in (`breakin.BreakIn`):
the score ticks, a stamped slip says what changed, **Why?** opens the notice.
A closed door the story lets you try is pressable: the refusal plays first
(`refusal.RefusalScreen`). Classroom mode counts the class's votes (`vote`).
"""

from __future__ import annotations

from functools import partial

import pygame

from game.ui import words
from game.ui.screens.base import Screen, city_bed, cue
from game.ui.screens.breakin import BreakIn, Day
from game.ui.screens.standing import standing_items
from game.ui.screens.vote import LETTERS, Tally, VoteChart
from game.ui.widgets.base import Button, Text, Widget, text_button
from game.ui.widgets.card import Badge, Card
from game.ui.widgets.pane import Pane
from game.ui.widgets.picture import scene_picture
from game.ui.widgets.slip import Slip

CHARS_PER_SECOND = 70  # a little faster than reading; any click or key shows it all
DOCK_SHARE = 0.7  # the choices never take more of the column than this (then they scroll)


class PlayScreen(Screen):
    name = "play"

    def __init__(self, app) -> None:  # noqa: ANN001
        super().__init__(app)
        self.session = app.session
        self.revealing = not app.theme.reduced_motion
        self.shown = 0.0
        self.t_last: float | None = None
        self.paras: list[Text] = []
        self.tally = Tally()
        self.discussed = False
        self.day = Day()
        self.meter = None
        self.slip: Slip | None = None
        self.why_button: Button | None = None
        self.day_done = False
        self.moving = False
        self.breakin = self._breakin(list(self.session.fresh))
        self.day.gather(self.breakin.quiet)
        city_bed(app, True)

    @property
    def view(self):  # noqa: ANN201
        return self.session.view

    @property
    def classroom(self) -> bool:
        return self.app.options.classroom

    def shot_key(self) -> str:
        return f"play-{len(self.session.state.path):02d}-{self.view.scene}"

    def _breakin(self, entries: list) -> BreakIn:
        return BreakIn(self.app.story, self.session.ctx.ruleset, entries, self.theme.opaque,
                       self.view.standing.score)

    # -- layout ------------------------------------------------------------------------

    def build(self) -> None:
        t = self.theme
        sw, sh = self.app.surface.get_size()
        extra = [text_button(t, "ledger", "Ledger", self.open_ledger),
                 text_button(t, "settings", "Settings", self.open_settings)]
        if self.classroom and t.opaque:
            extra.insert(0, text_button(t, "reveal", "Reveal (R)", self.reveal_mode,
                                        kind="primary"))
        if self.app.kiosk is None:
            extra.append(text_button(t, "menu", "Menu", self.menu))
        self.title = self.view.scenario_title
        top = self.header(back=False, extra=extra)
        side_w = max(t.px(300), min(t.px(400) * max(1.0, t.text_scale * 0.85), sw * 0.36))
        gap = t.px(28)
        main_w = min(sw - 2 * t.margin - side_w - gap - t.px(16),
                     t.px(760) + t.type_px("body") * 8)
        left = t.margin + max(0, (sw - 2 * t.margin - side_w - gap - main_w) // 3)
        col = pygame.Rect(left, top, main_w, sh - top - t.px(16))
        bottom = self._dock(col)
        bottom = self._slip(col, bottom)
        view = pygame.Rect(left, top, main_w, max(t.px(40), bottom - top))
        self.pane = Pane(t, view, self.main_items(main_w, view.h))
        self.hint = Text(t, "Click, tap or press any key to show all the text.", main_w,
                         role="small", colour="muted")
        side = pygame.Rect(sw - t.margin - side_w, top, side_w - t.px(16), col.h)
        self.side_rect = side
        self.side = Pane(t, side.inflate(-t.px(36), -t.px(36)),
                         standing_items(self, side.w - t.px(36)), gap=t.px(10))
        self._sync_motion()

    def _dock(self, col: pygame.Rect) -> int:
        """The choices along the bottom of the column; returns the top of the dock."""
        t = self.theme
        items = self.choice_items(col.w)
        gap = t.px(10)

        def height(ws: list[Widget]) -> int:
            return sum(i.rect.h for i in ws) + gap * max(0, len(ws) - 1)

        if height(items) > col.h * DOCK_SHARE:  # the big chart only where the choices fit too
            items = [i for i in items if not isinstance(i, VoteChart)]
        content = height(items)
        h = min(content, round(col.h * DOCK_SHARE))
        view = pygame.Rect(col.x, col.bottom - h, col.w, h)
        self.dock = Pane(t, view, items, gap=gap)
        return view.top - t.px(12)

    def _slip(self, col: pygame.Rect, bottom: int) -> int:
        """The stamped slip above the choices. Its room is kept from the start of the
        scene, so the system breaking in moves nothing and needs no new layout."""
        b, t = self.breakin, self.theme
        self.slip = self.why_button = None
        if not b.has_slip:
            return bottom
        why = text_button(t, "why", "Why?", self.why, role="body")
        slip = Slip(t, b.lines, col.w - why.rect.w - t.px(10), b.stamp_word)
        h = max(slip.rect.h, why.rect.h)
        slip.rect.topleft = (col.x, bottom - h)
        why.rect.midright = (col.right, slip.rect.centery)
        slip.shown = b.started
        self.slip, self.why_button = slip, why
        self.fixed.append(slip)
        if b.started:
            self.fixed.append(why)
        return slip.rect.top - t.px(12)

    def main_items(self, w: int, view_h: int) -> list[Widget]:
        t, v = self.theme, self.view
        items: list[Widget] = []
        if v.ending_title:
            items.append(Badge(t, "The end", colour="accent"))
            items.append(Text(t, v.ending_title, w, role="h1", style="bold"))
        # The picture only where it leaves the text room to be read (not in a pane
        # squeezed by projector type and the class's vote).
        pic = scene_picture(self.app, v.image, w, min(round(view_h * 0.45), w // 2)) \
            if view_h >= self.theme.px(300) else None
        if pic is not None:
            items.append(pic)
        self.paras = [Text(t, p, w, role="lead" if i == 0 else "body")
                      for i, p in enumerate(v.paragraphs)]
        items += self.paras
        self._apply_reveal()
        if self.revealing:
            return items
        for f in v.facts:
            items.append(Card(t, w, lambda iw, f=f: [
                Text(t, "Behind the story", iw, role="small", style="bold", colour="accent"),
                Text(t, f.text, iw, role="small"),
                Text(t, words.sources_text(f.sources), iw, role="small", colour="muted")],
                stripe="accent"))
        if v.discuss and not v.ending:
            items.append(Card(t, w, lambda iw: [
                Text(t, "Talk about it", iw, role="small", style="bold", colour="accent"),
                Text(t, v.discuss, iw, role="lead")], fill="panel_alt", stripe="focus"))
        return items

    def choice_items(self, w: int) -> list[Widget]:
        t, v = self.theme, self.view
        if v.ending:
            return [Button(t, "debrief", "See what happened, and why", w, self.open_debrief,
                           kind="primary")]
        if v.can_continue:
            return [Button(t, "continue", "Continue", min(w, t.px(360)), self.cont,
                           kind="primary")]
        out: list[Widget] = [Text(t, "What do you do?", w, role="small", style="bold",
                                  colour="muted")]
        act = self.vote if self.classroom else self.choose
        for i, c in enumerate(v.visible_choices):
            badge = LETTERS[i] if self.classroom else str(i + 1)
            label = c.text
            n = self.tally.votes.get(c.position, 0)
            if self.classroom and n:
                label = f"{c.text}  ({n} vote{'s' if n != 1 else ''})"
            press = partial(act, c.position)
            if c.status == "blocked":
                tryable = bool(getattr(c, "can_try", False))
                detail = words.closed_lines(c, t.opaque, v.notice)
                if tryable:
                    detail.append("You can still try.")
                out.append(Button(t, f"choice-{c.position}", label, w, press, badge=badge,
                                  kind="blocked", detail=tuple(detail), tryable=tryable))
            else:
                out.append(Button(t, f"choice-{c.position}", label, w, press, badge=badge))
            if self.classroom and self.tally.total:
                out[-1].votes = n / max(self.tally.votes.values())
                out[-1].rect.h += t.px(14)  # room for the bar under the label
        if self.classroom:
            out += self.vote_items(w)
        return out

    def vote_items(self, w: int) -> list[Widget]:
        """Classroom: the votes as a bar chart, then the teacher's buttons."""
        t = self.theme
        vis = [c for c in self.view.visible_choices if self._takeable(c)]
        lead = self.tally.leader()
        letters = {c.position: LETTERS[i] for i, c in enumerate(self.view.visible_choices)}
        out: list[Widget] = []
        if self.tally.total:
            out.append(VoteChart(t, w, [(letters[c.position], self.tally.votes.get(
                c.position, 0)) for c in vis], letters.get(lead)))
        label = (f"Take the class's choice: {letters[lead]}" if lead is not None else
                 "Take the class's choice (count votes first; a tie cannot be taken)")
        take = Button(t, "vote-take", label, w, self.take_vote,
                      kind="primary" if lead is not None else "normal")
        take.enabled = lead is not None
        undo = text_button(t, "vote-undo", "Undo the last vote", self.unvote)
        undo.enabled = bool(self.tally.log)
        total = self.tally.total
        return out + [Text(t, f"{total} vote{'s' if total != 1 else ''}. Press a choice "
                           "once per hand, or its letter then the count.", w, role="small",
                           colour="muted"), take, undo]

    def draw_back(self, surf: pygame.Surface) -> None:
        from game.ui.screens.base import panel

        panel(surf, self.theme, self.side_rect)

    def draw(self, surf: pygame.Surface) -> None:
        super().draw(surf)
        if self.revealing and self.shown > 0:  # not under a notice, before the text starts
            h = self.hint.rect
            r = pygame.Rect(self.pane.view.x, self.pane.view.bottom - h.h, h.w, h.h)
            surf.fill(self.theme.pal.bg, r.inflate(0, self.theme.px(12)))
            self.hint.draw(surf, r)

    # -- reveal, then the break-in -------------------------------------------------------

    def _apply_reveal(self) -> None:
        left = int(self.shown) if self.revealing else 10**9
        for p in self.paras:
            p.shown = max(0, min(p.total, left))
            left -= p.total

    def update(self, now: float) -> bool:
        if self.app.screen is not self:
            self.t_last = None
            return False
        if self.revealing:
            return self._reveal(now)
        if not self.breakin.started:
            self.break_in()
        busy = self.breakin.advance(now)
        self._sync_motion()
        if busy or self.moving:
            self.moving = busy  # one more frame after the last: the resting pose
            for w in (self.meter, self.slip):
                if w is not None:
                    r = self.side.screen_rect(w) if w is self.meter else w.rect
                    self.app.damage(r.inflate(self.theme.px(20), self.theme.px(80)))
            if busy:
                return True
        self.after_break_in()
        return False

    def _reveal(self, now: float) -> bool:
        if self.t_last is None:
            self.t_last = now
        before = int(self.shown)
        self.shown += (now - self.t_last) * CHARS_PER_SECOND
        self.t_last = now
        self._apply_reveal()
        self._damage(before)
        if self.shown >= sum(p.total for p in self.paras):
            self.finish_reveal()
        return True  # still revealing, or the system breaks in on the next turn

    def _damage(self, before: int) -> None:
        """Mark the paragraphs whose shown text changed (and the hint) as damaged."""
        if before == 0 or self.pane is None:
            self.app.dirty = True  # the hint appears: draw everything once
            return
        left = before
        for p in self.paras:
            if p.shown != max(0, min(p.total, left)):
                self.app.damage(self.pane.screen_rect(p).clip(self.pane.view))
            left -= p.total

    def break_in(self) -> None:
        """The scene has been read: the system speaks (sounds, slip, score)."""
        b = self.breakin
        b.begin(self.theme.reduced_motion)
        if b.has_slip and self.slip is not None:
            if any(e.seen_by for e in b.entries):
                cue(self.app, "shutter")
            cue(self.app, "stamp")
            self.slip.shown = True
            if self.why_button not in self.fixed:
                self.fixed.append(self.why_button)
            self.app.dirty = True

    def _sync_motion(self) -> None:
        if self.meter is not None:
            self.meter.shown = self.breakin.shown_score()
            self.meter.lift = self.breakin.lift_state()
        if self.slip is not None:
            self.slip.stamp_k = self.breakin.stamp_k()

    def after_break_in(self) -> None:
        """Once still: the day's summary where the story pauses, the class's discussion."""
        v = self.view
        if not self.day_done:
            self.day_done = True
            if (v.can_continue or v.ending) and self.day.entries:
                from game.ui.screens.notice import NoticeScreen

                self.app.push(NoticeScreen(self.app, self.day.close(), day=True))
                return
        self.maybe_discuss()

    def finish_reveal(self) -> None:
        if self.revealing:
            self.revealing = False
            self.layout()

    def maybe_discuss(self) -> None:
        if (self.classroom and self.view.discuss and not self.discussed
                and not self.view.ending and self.app.screen is self):
            from game.ui.screens.overlays import DiscussScreen

            self.discussed = True
            self.app.push(DiscussScreen(self.app, self.view.discuss))

    def pointer_down(self, pos, touch: bool = False) -> None:  # noqa: ANN001
        if self.revealing and pos is not None:
            self.skip = True
            self.finish_reveal()
            return
        self.skip = False
        super().pointer_down(pos, touch)

    def pointer_up(self, pos) -> None:  # noqa: ANN001
        if getattr(self, "skip", False):
            self.skip = False
            return
        super().pointer_up(pos)

    def key(self, key: int, mod: int, text: str) -> None:
        if self.revealing and key not in (pygame.K_LSHIFT, pygame.K_RSHIFT, pygame.K_LCTRL):
            self.finish_reveal()
            return
        super().key(key, mod, text)

    def other_key(self, key: int, mod: int, text: str) -> None:
        vis = self.view.visible_choices
        if self.classroom and text and text.upper() in LETTERS[:len(vis)]:
            c = vis[LETTERS.index(text.upper())]
            if self._takeable(c):
                self.vote(c.position)
        elif self.classroom and text.isdigit():
            if self.tally.type_digit(text):
                self.layout()
        elif text.isdigit() and 1 <= int(text) <= len(vis) and not self.classroom:
            c = vis[int(text) - 1]
            if self._takeable(c):
                self.choose(c.position)
        elif key == pygame.K_r and self.classroom:
            self.reveal_mode()
        elif key == pygame.K_l:
            self.open_ledger()
        elif key == pygame.K_w and self.slip is not None:
            self.why()

    @staticmethod
    def _takeable(c) -> bool:  # noqa: ANN001
        return c.status == "open" or bool(getattr(c, "can_try", False))

    def default_action(self) -> None:
        for bid in ("continue", "debrief", "vote-take"):
            w = self.find(bid)
            if w is not None:
                w.activate()

    def back(self) -> None:
        if self.app.kiosk is None:
            self.menu()

    # -- intents -----------------------------------------------------------------------

    def choose(self, position: int) -> None:
        before = self.view
        tried = next((c for c in before.visible_choices if c.position == position), None)
        self.session.choose(position)
        refusal = getattr(self.session, "refusal", None)
        self.after_step()
        if refusal is not None:
            from game.ui.screens.refusal import RefusalScreen

            cue(self.app, "buzz")
            self.app.push(RefusalScreen(self.app, refusal, tried, before))

    def cont(self) -> None:
        self.session.cont()
        self.after_step()

    def after_step(self) -> None:
        self.app.autosave()
        self.revealing = not self.theme.reduced_motion
        self.shown, self.t_last = 0.0, None
        self.tally, self.discussed, self.day_done = Tally(), False, False
        self.breakin = self._breakin(list(self.session.fresh))
        self.day.gather(self.breakin.quiet)
        self.focus = None
        if self.pane is not None:
            self.pane.scroll = 0
        self.layout()
        for p in (self.pane, self.dock):
            if p is not None:
                p.scroll_to(0)

    def vote(self, position: int) -> None:
        self.tally.add(position)
        self.layout()
        take = self.find("vote-take")
        if self.dock is not None and take is not None:
            self.dock.reveal(take)  # the teacher's button in view once there is a vote

    def unvote(self) -> None:
        self.tally.undo()
        self.layout()

    def leader(self) -> int | None:
        return self.tally.leader()

    def take_vote(self) -> None:
        lead = self.tally.leader()
        if lead is not None:
            self.choose(lead)

    def reveal_mode(self) -> None:
        from game.ui.screens.reveal import RevealScreen

        self.app.push(RevealScreen(self.app))

    def why(self) -> None:
        from game.ui.screens.notice import NoticeScreen

        if self.breakin.entries:
            self.app.push(NoticeScreen(self.app, list(self.breakin.entries)))

    def open_ledger(self) -> None:
        from game.ui.screens.ledger import LedgerScreen

        self.app.push(LedgerScreen(self.app))

    def open_settings(self) -> None:
        from game.ui.screens.settings import SettingsScreen

        self.app.push(SettingsScreen(self.app))

    def open_debrief(self) -> None:
        from game.ui.screens.debrief import DebriefScreen

        self.app.push(DebriefScreen(self.app, short=self.app.kiosk is not None))

    def menu(self) -> None:
        from game.ui.screens.title import TitleScreen

        self.app.show(TitleScreen(self.app))
