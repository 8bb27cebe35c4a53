"""The ledger: the whole history, scrollable; every entry expands to its explanation."""

from __future__ import annotations

from game.ui import words
from game.ui.screens.listing import ListingScreen
from game.ui.widgets.base import Text, Widget
from game.ui.widgets.card import ExpandCard, Row, fidelity_badge


class LedgerScreen(ListingScreen):
    name = "ledger"
    title = "Your ledger"

    def __init__(self, app, session=None) -> None:  # noqa: ANN001
        super().__init__(app)
        self.session = session or app.session
        self.open: set[str] = set()

    def shot_key(self) -> str:
        return f"ledger-{len(self.open)}-open" if self.open else "ledger"

    def items(self, w: int) -> list[Widget]:
        t = self.theme
        entries = self.session.state.ledger
        if not entries:
            return [Text(t, "Nothing has been recorded about you yet.", w)]
        intro = ("What the system told you, in order. In transparent mode each entry shows "
                 "the real rule and who saw you." if t.opaque else
                 "Everything the system recorded about you, in order. Press an entry to see "
                 "why.")
        out: list[Widget] = [Text(t, intro, w, colour="muted")]
        for e in entries:
            out.append(self.entry_card(e, w))
        return out

    def entry_card(self, e, w: int) -> ExpandCard:  # noqa: ANN001
        t, story, rs = self.theme, self.app.story, self.session.ctx.ruleset
        eid = f"entry-{e.step}"
        opaque = t.opaque

        def summary(iw: int) -> list[Widget]:
            if opaque:
                told = e.notice or self.session.view.notice or "Record updated."
                return [Text(t, f"{e.step}. {told}", iw, style="bold"),
                        Text(t, words.score_change(e), iw, role="small")]
            return [Text(t, f"{e.step}. {words.entry_title(story, e)}", iw, style="bold",
                         colour="bad" if e.applied < 0 else "good" if e.applied > 0 else "ink"),
                    Row(t, [fidelity_badge(t, e.fidelity),
                            Text(t, words.score_change(e), iw // 2, role="small")], iw)]

        def details(iw: int) -> list[Widget]:
            if opaque:
                return [Text(t, "No reason was given.", iw, role="small", colour="muted")]
            lines = words.entry_lines(story, e, rs) + [words.sources_text(e.sources)]
            return [Text(t, line, iw, role="small") for line in lines]

        stripe = "bad" if e.applied < 0 else "good" if e.applied > 0 else "border"
        return ExpandCard(t, eid, w, summary, details, eid in self.open, self.toggle, stripe)

    def toggle(self, eid: str) -> None:
        self.open ^= {eid}
        self.layout()
