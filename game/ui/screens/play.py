"""The play screen: scene text revealed at reading pace, choices, the standing panel.

It reads `session.view` and sends intents through the session; a blocked choice
is drawn as a closed door with the notice (opaque) or the real reason (transparent).
Classroom mode adds the class vote (A, B, C...) and pauses at `discuss` prompts.
"""

from __future__ import annotations

import pygame

from game.ui import images, words
from game.ui.screens.base import Screen
from game.ui.widgets.base import Button, Spacer, Text, Widget, text_button
from game.ui.widgets.card import Badge, Card
from game.ui.widgets.meter import ScoreMeter
from game.ui.widgets.pane import Pane

CHARS_PER_SECOND = 70  # a little faster than reading; any click or key shows it all
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


class PlayScreen(Screen):
    name = "play"

    def __init__(self, app) -> None:  # noqa: ANN001
        super().__init__(app)
        self.session = app.session
        self.revealing = not app.theme.reduced_motion
        self.shown = 0.0
        self.t_last: float | None = None
        self.paras: list[Text] = []
        self.votes: dict[int, int] = {}
        self.vote_log: list[int] = []
        self.discussed = False

    @property
    def view(self):  # noqa: ANN201
        return self.session.view

    @property
    def classroom(self) -> bool:
        return self.app.options.classroom

    def shot_key(self) -> str:
        return f"play-{len(self.session.state.path):02d}-{self.view.scene}"

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
        view = pygame.Rect(left, top, main_w, sh - top - t.px(16))
        self.pane = Pane(t, view, self.main_items(main_w))
        self.hint = Text(t, "Click, tap or press any key to show all the text.", main_w,
                         role="small", colour="muted")
        side = pygame.Rect(sw - t.margin - side_w, top, side_w - t.px(16), view.h)
        self.side_rect = side
        self.side = Pane(t, side.inflate(-t.px(36), -t.px(36)), self.side_items(side.w - t.px(36)),
                         gap=t.px(12))

    def main_items(self, w: int) -> list[Widget]:
        t, v = self.theme, self.view
        items: list[Widget] = []
        if v.ending_title:
            items.append(Badge(t, "The end", colour="accent"))
            items.append(Text(t, v.ending_title, w, role="h1", style="bold"))
        img = images.scene_image(self.app.story, v.image, w, round(self.pane_h() * 0.4))
        if img is not None:
            items.append(img)
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
        items += self.choice_items(w)
        return items

    def choice_items(self, w: int) -> list[Widget]:
        t, v = self.theme, self.view
        if v.ending:
            return [Spacer(w, t.px(4)),
                    Button(t, "debrief", "See what happened, and why", w, self.open_debrief,
                           kind="primary")]
        if v.can_continue:
            return [Button(t, "continue", "Continue", min(w, t.px(360)), self.cont,
                           kind="primary")]
        out: list[Widget] = [Text(t, "What do you do?", w, role="h2", style="bold")]
        for i, c in enumerate(v.visible_choices):
            badge = LETTERS[i] if self.classroom else str(i + 1)
            if c.status == "blocked":
                out.append(Button(t, f"choice-{c.position}", c.text, w, badge=badge,
                                  kind="blocked", detail=tuple(words.closed_lines(
                                      c, t.opaque, v.notice))))
            else:
                label = c.text
                if self.classroom and self.votes.get(c.position):
                    n = self.votes[c.position]
                    label = f"{c.text}  ({n} vote{'s' if n != 1 else ''})"
                act = self.vote if self.classroom else self.choose
                out.append(Button(t, f"choice-{c.position}", label, w, badge=badge,
                                  on_press=lambda p=c.position, act=act: act(p)))
        if self.classroom:
            out += self.vote_items(w)
        return out

    def vote_items(self, w: int) -> list[Widget]:
        """Classroom: pressing a choice counts one vote; the teacher then takes the choice."""
        t = self.theme
        total = sum(self.votes.values())
        lead = self.leader()
        if lead is not None:
            i = next(i for i, c in enumerate(self.view.visible_choices) if c.position == lead)
            label = f"Take the class's choice: {LETTERS[i]}"
        else:
            label = "Take the class's choice (count votes first; a tie cannot be taken)"
        take = Button(t, "vote-take", label, w, self.take_vote,
                      kind="primary" if lead is not None else "normal")
        take.enabled = lead is not None
        undo = text_button(t, "vote-undo", "Undo the last vote", self.unvote)
        undo.enabled = bool(self.vote_log)
        return [Text(t, f"Class vote: {total} vote{'s' if total != 1 else ''} counted. Press a "
                     "choice (or its letter key) once for each hand raised.", w, role="small",
                     colour="muted"), take, undo]

    def side_items(self, w: int) -> list[Widget]:
        t, st = self.theme, self.view.standing
        rs = self.session.ctx.ruleset
        items: list[Widget] = [
            Text(t, "Your standing", w, role="lead", style="bold"),
            ScoreMeter(t, w, st.score, st.tier.label, [(x.id, x.min) for x in rs.tiers],
                       rs.score.min, rs.score.max) if rs.keeps_score else
            Text(t, "No score: these rules keep lists, not points", w, role="lead",
                 style="bold"),
            Text(t, f"Rules in force: {self.view.ruleset_name}", w, role="small",
                 colour="muted")]
        if t.opaque:
            items.append(Text(t, "The system does not tell you which lists you are on, or "
                              "why a door is closed. Switch to transparent mode in Settings "
                              "to see.", w, role="small", colour="muted"))
        else:
            names = ", ".join(name for _, name in st.lists) or "none"
            items.append(Text(t, f"Lists you are on: {names}", w, role="small"))
            closed = [c for c in st.capabilities if not c.open and (c.by or c.default)]
            granted = [c for c in st.capabilities if c.open and not c.default]
            items.append(Text(t, "Closed to you now", w, role="small", style="bold"))
            for c in closed or []:
                why = ", ".join(x.id for x in c.by) or "closed by default"
                items.append(Text(t, f"Closed: {c.name} ({why})", w, role="small", colour="bad"))
            if not closed:
                items.append(Text(t, "Nothing: every ordinary door is open.", w, role="small"))
            else:
                n = sum(1 for c in st.capabilities if c.open)
                items.append(Text(t, f"Open to you: the {n} other things the story asks of "
                                  "you.", w, role="small"))
            if granted:
                items.append(Text(t, "Privileges", w, role="small", style="bold"))
                items += [Text(t, f"Open: {c.name} (a privilege)", w, role="small",
                               colour="good") for c in granted]
        n = len(self.view.ledger)
        items.append(Button(t, "ledger-side", f"Ledger: {n} entr{'y' if n == 1 else 'ies'}",
                            w, self.open_ledger, role="small"))
        return items

    def pane_h(self) -> int:
        return self.app.surface.get_height() - self.theme.px(100)

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

    # -- reveal ------------------------------------------------------------------------

    def _apply_reveal(self) -> None:
        left = int(self.shown) if self.revealing else 10**9
        for p in self.paras:
            p.shown = max(0, min(p.total, left))
            left -= p.total

    def update(self, now: float) -> bool:
        if not self.revealing or self.app.screen is not self:
            self.t_last = None
            if not self.revealing:
                self.maybe_discuss()
            return False
        if self.t_last is None:
            self.t_last = now
        before = int(self.shown)
        self.shown += (now - self.t_last) * CHARS_PER_SECOND
        self.t_last = now
        self._apply_reveal()
        self._damage(before)
        if self.shown >= sum(p.total for p in self.paras):
            self.finish_reveal()
        return self.revealing

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

    def finish_reveal(self) -> None:
        if self.revealing:
            self.revealing = False
            self.layout()
            self.maybe_discuss()

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
            if c.status == "open":
                self.vote(c.position)
        elif text.isdigit() and 1 <= int(text) <= len(vis) and not self.classroom:
            c = vis[int(text) - 1]
            if c.status == "open":
                self.choose(c.position)
        elif key == pygame.K_r and self.classroom:
            self.reveal_mode()
        elif key == pygame.K_l:
            self.open_ledger()

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
        self.session.choose(position)
        self.after_step()

    def cont(self) -> None:
        self.session.cont()
        self.after_step()

    def after_step(self) -> None:
        self.app.autosave()
        self.revealing = not self.theme.reduced_motion
        self.shown, self.t_last = 0.0, None
        self.votes, self.vote_log, self.discussed = {}, [], False
        self.focus = None
        if self.pane is not None:
            self.pane.scroll = 0
        self.layout()
        if self.pane is not None:
            self.pane.scroll_to(0)
        from game.ui.screens.notice import NoticeScreen, worth_a_notice

        if worth_a_notice(self.session.fresh, self.theme.opaque):
            self.app.push(NoticeScreen(self.app, list(self.session.fresh)))

    def vote(self, position: int) -> None:
        self.votes[position] = self.votes.get(position, 0) + 1
        self.vote_log.append(position)
        self.layout()

    def unvote(self) -> None:
        if self.vote_log:
            p = self.vote_log.pop()
            self.votes[p] -= 1
            self.layout()

    def leader(self) -> int | None:
        """The open choice with the most votes, None on a tie or with no votes."""
        if not self.votes or max(self.votes.values()) == 0:
            return None
        best = max(self.votes.values())
        tops = [p for p, n in self.votes.items() if n == best]
        return tops[0] if len(tops) == 1 else None

    def take_vote(self) -> None:
        lead = self.leader()
        if lead is not None:
            self.choose(lead)

    def reveal_mode(self) -> None:
        self.app.settings.mode = "transparent"
        self.app.relayout()

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

