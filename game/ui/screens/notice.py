"""The notice of a score change: after a step that wrote ledger entries, one card.

Modelled on a good adverse-action notice: at most four reasons, largest first,
each with its points, rule, who saw it, fidelity and source; then what would
change it. In opaque mode only what the system tells the citizen.
"""

from __future__ import annotations

import pygame

from game.rules.ledger import LedgerEntry
from game.ui import gfx, words
from game.ui.screens.base import Screen
from game.ui.widgets.base import Button, Text, Widget
from game.ui.widgets.card import Row, fidelity_badge
from game.ui.widgets.pane import Pane

MAX_REASONS = 4


def worth_a_notice(entries: list[LedgerEntry], opaque: bool) -> bool:
    """Transparent: every recorded entry. Opaque: only what the system tells the citizen."""
    if not opaque:
        return bool(entries)
    return any(e.applied or e.notice or e.started for e in entries)


class NoticeScreen(Screen):
    name = "notice"
    modal = True

    def __init__(self, app, entries: list[LedgerEntry], day: bool = False) -> None:  # noqa: ANN001
        super().__init__(app)
        self.entries = entries
        self.day = day  # the day's summary of records worth no points
        from game.ui.screens.base import cue

        cue(app, "chime")

    def shot_key(self) -> str:
        return f"{'day' if self.day else 'notice'}-{self.entries[0].step:02d}"

    def build(self) -> None:
        t = self.theme
        sw, sh = self.app.surface.get_size()
        w = min(sw - 2 * t.margin, t.px(820) * max(1.0, t.text_scale * 0.8))
        inner = w - 2 * t.px(28)
        ok = Button(t, "ok", "OK, go on", min(inner, t.px(300)), self.app.pop, kind="primary")
        if self.day:
            items = self.day_items(inner)
        else:
            items = self.opaque_items(inner) if t.opaque else self.items(inner)
        content = sum(i.rect.h for i in items) + t.gap * len(items)
        h = min(sh - 2 * t.px(24), content + ok.rect.h + 3 * t.px(28))
        self.card = pygame.Rect((sw - w) // 2, (sh - h) // 2, w, h)
        view = pygame.Rect(self.card.x + t.px(28), self.card.y + t.px(28), inner,
                           h - ok.rect.h - 3 * t.px(28))
        self.pane = Pane(t, view, items)
        ok.rect.bottomleft = (view.x, self.card.bottom - t.px(28))
        self.fixed.append(ok)
        self.focus, self.focus_visible = ok, True

    def items(self, w: int) -> list[Widget]:
        t, story = self.theme, self.app.story
        rs = self.app.session.ctx.ruleset
        first, last = self.entries[0], self.entries[-1]
        total = last.after - first.before
        head = (f"Your score changed: {first.before:,} to {last.after:,} "
                f"({words.signed(total)})" if total and words.keeps_score(rs) else
                f"The system recorded {len(self.entries)} thing"
                f"{'s' if len(self.entries) != 1 else ''} about you")
        out: list[Widget] = [Text(t, "Notice of a change to your record", w, role="small",
                                  style="bold", colour="accent"),
                             Text(t, head, w, role="h2", style="bold")]
        ranked = words.sort_entries(self.entries)
        for n, e in enumerate(ranked[:MAX_REASONS], 1):
            out.append(Text(t, f"{n}. {words.entry_title(story, e)}", w, role="lead",
                            style="bold", colour="bad" if e.applied < 0 else
                            "good" if e.applied > 0 else "ink"))
            out.append(Row(t, [fidelity_badge(t, e.fidelity)] +
                           ([Text(t, f"Seen by: {e.seen_by}", w - t.px(220), role="small")]
                            if e.seen_by else []), w))
            if e.reason and e.rule:
                out.append(Text(t, e.reason, w))
            elif not e.rule:
                out.append(Text(t, "No rule scored this, but it is now on your record.", w))
            out += [Text(t, words.started_line(rs, cid), w, style="bold") for cid in e.started]
            out += [Text(t, words.ended_line(rs, cid), w, style="bold") for cid in e.ended]
            if e.sources:
                out.append(Text(t, words.sources_text(e.sources, 1), w, role="small",
                                colour="muted"))
        if len(ranked) > MAX_REASONS:
            out.append(Text(t, f"And {len(ranked) - MAX_REASONS} smaller changes: see the "
                            "ledger.", w, role="small"))
        change = words.next_tiers(rs, last.after) if words.keeps_score(rs) else []
        if change:
            out.append(Text(t, "What would change it", w, role="small", style="bold",
                            colour="accent"))
            out += [Text(t, c, w, role="small") for c in change]
        return out

    def opaque_items(self, w: int) -> list[Widget]:
        t = self.theme
        notes = list(dict.fromkeys(e.notice for e in self.entries if e.notice)) or \
            [self.app.session.view.notice or "Your record has been updated."]
        st = self.app.session.view.standing
        score = ([Text(t, f"Your score is now {st.score:,}; your tier: {st.tier.label}.", w,
                       role="lead")] if words.keeps_score(self.app.session.ctx.ruleset) else [])
        return [Text(t, "Notice", w, role="small", style="bold", colour="accent"),
                *[Text(t, n, w, role="h2", style="bold") for n in notes], *score,
                Text(t, "No reason was given.", w, colour="muted")]

    def day_items(self, w: int) -> list[Widget]:
        """The day's records worth no points, one line each, in the order they happened."""
        t, story = self.theme, self.app.story
        n = len(self.entries)
        out: list[Widget] = [
            Text(t, "End of the day", w, role="small", style="bold", colour="accent"),
            Text(t, f"The system also recorded {n} thing{'s' if n != 1 else ''} about you "
                 "today", w, role="h2", style="bold"),
            Text(t, ("None of them cost points today." if words.keeps_score(
                self.app.session.ctx.ruleset) else "None of them put you on a list today.")
                 + " Each stays on your record, where a rule could count it later.", w,
                 colour="muted")]
        for e in self.entries:
            bits = [words.behaviour_name(story, e.behaviour), e.seen_by or "",
                    str(e.fidelity).upper() if e.fidelity else "no rule"]
            out.append(Text(t, " \u00b7 ".join(b for b in bits if b), w, role="lead"))
        return out

    def draw(self, surf: pygame.Surface) -> None:
        gfx.modal_card(surf, self.card, self.theme, self.theme.pal.accent)
        super().draw(surf)

    def default_action(self) -> None:
        self.app.pop()
