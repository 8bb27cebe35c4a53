"""The debrief at an ending: the ending, the score chart, every change explained, and
how true each fact is. The kiosk's short debrief is the same screen, shorter."""

from __future__ import annotations

from collections import Counter

from game.rules.model import Fidelity
from game.ui import words
from game.ui.screens.listing import ListingScreen
from game.ui.widgets.base import Button, Text, Widget, text_button
from game.ui.widgets.card import Badge, Card, Row, fidelity_badge
from game.ui.widgets.meter import ScoreChart

FIDELITY_MEANING = {f.value: f.meaning for f in Fidelity}


class DebriefScreen(ListingScreen):
    name = "debrief"
    title = "What happened, and why"
    column = 1040

    def __init__(self, app, short: bool = False) -> None:  # noqa: ANN001
        super().__init__(app)
        self.session = app.session
        self.short = short
        self.saved: str | None = None

    def header_buttons(self) -> list[Widget]:
        t = self.theme
        if self.short:
            return [text_button(t, "done", "Done", self.done, kind="primary")]
        return [text_button(t, "whatif", "What if", self.what_if),
                text_button(t, "sources", "Sources", self.sources),
                text_button(t, "ledger", "Ledger", self.ledger)]

    def items(self, w: int) -> list[Widget]:
        t, v, s = self.theme, self.session.view, self.session
        rs = s.ctx.ruleset
        st = v.standing
        out: list[Widget] = [
            Badge(t, "The end", colour="accent"),
            Text(t, v.ending_title or "The story stopped here", w, role="h1", style="bold"),
            Text(t, words.standing_sentence(rs, st), w, role="lead"),
        ]
        if words.keeps_score(rs):
            out += [ScoreChart(t, w, t.px(260), rs.score.start,
                               [(e.step, e.applied, e.after) for e in s.state.ledger],
                               [(x.label, x.min) for x in rs.tiers if x.min > rs.score.min]),
                    Text(t, "Up triangles are gains, down triangles losses, circles records "
                         "with no points; the numbers under them are the ledger's steps.", w,
                         role="small", colour="muted")]
        out += self.door_items(w)
        entries = list(s.state.ledger)
        if self.short:
            entries = words.sort_entries(entries)[:3]
            out.append(Text(t, "The biggest changes", w, role="h2", style="bold"))
        else:
            out.append(Text(t, "Every change, explained", w, role="h2", style="bold"))
        for e in entries:
            out.append(Card(t, w, lambda iw, e=e: [
                Text(t, f"{e.step}. {words.entry_title(self.app.story, e)}", iw, style="bold",
                     colour="bad" if e.applied < 0 else "good" if e.applied > 0 else "ink"),
                Row(t, [fidelity_badge(t, e.fidelity)] + ([Text(
                    t, f"Seen by: {e.seen_by}", iw - t.px(240), role="small")]
                    if e.seen_by else []), iw),
                *[Text(t, line, iw, role="small") for line in
                  words.entry_lines(self.app.story, e, rs, seen_by=False)
                  [:1 if self.short else 99]],
                Text(t, words.sources_text(e.sources, 2), iw, role="small", colour="muted")],
                stripe="bad" if e.applied < 0 else "good" if e.applied > 0 else "border"))
        if not entries:
            out.append(Text(t, "Nothing was recorded about you.", w))
        out += self.fidelity_items(w)
        if v.discuss:
            out.append(Card(t, w, lambda iw: [
                Text(t, "Talk about it", iw, role="small", style="bold", colour="accent"),
                Text(t, v.discuss, iw, role="lead")], fill="panel_alt", stripe="focus"))
        if self.short:
            out.append(Text(t, "The same choices under other rules give another score: the "
                            "rules, not the person, decided this.", w, role="lead"))
            out.append(Button(t, "done-bottom", "Done: let the next visitor play", w,
                              self.done, kind="primary"))
            return out
        out.append(Button(t, "again-rules", "Live this again under other rules", w,
                          self.what_if, kind="primary",
                          detail=("The same choices, side by side under every system: where "
                                  "the lives part, and why.",)))
        out += self.code_items(w)
        out.append(Button(t, "again", "Play another life", w, self.again))
        return out

    def door_items(self, w: int) -> list[Widget]:
        """The doors shut on the way, in the same words as the standing panel and the
        doors themselves (and which of them you tried)."""
        t, life = self.theme, self.session.life
        caps = self.app.story.capabilities
        rs = self.session.ctx.ruleset
        seen: dict[str, tuple] = {}
        for d in life.doors:
            seen.setdefault(d.capability, d.by)
        if not seen:
            return []
        tried = {r.capability for r in life.refusals}
        out: list[Widget] = [Text(t, "Doors shut to you", w, role="h2", style="bold")]
        for cap, by in seen.items():
            cons = tuple(c for c in rs.consequences if c.id in by)
            name = caps[cap].name if cap in caps else "A door"
            head = f"Closed: {name}" + (" (you tried it, and were refused)" if cap in tried
                                        else "")
            out.append(Card(t, w, lambda iw, head=head, cons=cons: [
                Text(t, head, iw, style="bold", colour="bad"),
                Text(t, words.closed_reason(cons), iw, role="small")], stripe="bad"))
        return out

    def fidelity_items(self, w: int) -> list[Widget]:
        t = self.theme
        counts = Counter(str(e.fidelity) for e in self.session.state.ledger if e.fidelity)
        for cid in self.session.state.standing.active:
            c = next((c for c in self.session.ctx.ruleset.consequences if c.id == cid), None)
            if c is not None:
                counts[str(c.fidelity)] += 1
        out: list[Widget] = [Text(t, "How true is this?", w, role="h2", style="bold")]
        for grade, meaning in FIDELITY_MEANING.items():
            n = counts.get(grade, 0)
            out.append(Row(t, [Badge(t, grade), Text(
                t, f"{n} of the rules and restrictions you met: {meaning}", w - t.px(200),
                role="small")], w))
        return out

    def code_items(self, w: int) -> list[Widget]:
        t = self.theme
        out: list[Widget] = []
        try:
            from game.codes import encode

            code = encode(self.app.story, self.session.playthrough())
            out.append(Text(t, f"Replay code: {code}", w, role="lead", style="bold"))
            out.append(Text(t, "Give this code to your teacher: it lets them see this same "
                            "week, and make a printable debrief of it.", w,
                            role="small", colour="muted"))
        except Exception:  # noqa: BLE001 - a code is a convenience; the debrief stands alone
            out.append(Text(t, "No replay code could be made for this week.", w,
                            role="small", colour="muted"))
        if self.app.kiosk is None:
            out.append(Button(t, "print", self.saved or "Save a printable debrief (HTML)", w,
                              self.save_report))
        return out

    def save_report(self) -> None:
        from game.reports.debrief import write_report
        from game.ui import storage

        pt = self.session.playthrough()
        path = storage.home() / "debriefs" / f"{pt.scenario}-{len(pt.choices)}-choices.html"
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_report(self.app.story, pt, path)
            self.saved = f"Saved as \u201c{path.name}\u201d in your debriefs folder"
        except OSError:
            self.saved = "The debrief could not be saved on this computer"
        self.layout()

    def what_if(self) -> None:
        from game.ui.screens.whatif import WhatIfScreen

        self.app.push(WhatIfScreen(self.app))

    def sources(self) -> None:
        from game.ui.screens.sources import SourcesScreen

        self.app.push(SourcesScreen(self.app))

    def ledger(self) -> None:
        from game.ui.screens.ledger import LedgerScreen

        self.app.push(LedgerScreen(self.app))

    def again(self) -> None:
        from game.ui.screens.pick import PickScreen
        from game.ui.screens.title import TitleScreen

        self.app.show(TitleScreen(self.app), animate=False)
        self.app.push(PickScreen(self.app))

    def done(self) -> None:
        if self.app.kiosk is not None:
            self.app.kiosk.to_attract()
        else:
            self.again()
