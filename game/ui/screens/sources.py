"""Sources: every source the playthrough touched, in the order it met them."""

from __future__ import annotations

from game.ui.screens.listing import ListingScreen
from game.ui.widgets.base import Text, Widget
from game.ui.widgets.card import Card


def touched_sources(session) -> list:  # noqa: ANN001
    """The ruleset's own, each ledger entry's, each consequence met, each fact shown."""
    rs = session.ctx.ruleset
    seen: dict[str, object] = {}

    def add(srcs) -> None:  # noqa: ANN001
        for s in srcs:
            seen.setdefault(s.id, s)

    add(rs.sources)
    for e in session.state.ledger:
        add(e.sources)
        for cid in e.started + e.ended:
            c = next((c for c in rs.consequences if c.id == cid), None)
            if c is not None:
                add(c.sources)
    for sid in dict.fromkeys(session.state.path):
        for f in session.ctx.scenario.scenes[sid].facts:
            add(f.sources)
    return list(seen.values())


class SourcesScreen(ListingScreen):
    name = "sources"
    title = "Sources"

    def items(self, w: int) -> list[Widget]:
        t = self.theme
        srcs = touched_sources(self.app.session)
        out: list[Widget] = [Text(t, f"The {len(srcs)} sources behind the rules, restrictions "
                                  "and facts you met. Nothing here is fetched from the "
                                  "internet; the addresses are for you to look up.", w,
                                  colour="muted")]
        for s in srcs:
            out.append(Card(t, w, lambda iw, s=s: [
                Text(t, s.title, iw, style="bold"),
                Text(t, ", ".join(x for x in (s.outlet, s.date) if x), iw, role="small"),
                *([Text(t, s.url, iw, role="small", colour="accent")] if s.url else [])]))
        return out
