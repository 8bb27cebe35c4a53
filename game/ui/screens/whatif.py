"""What if: the same choices under every other ruleset, side by side."""

from __future__ import annotations

from game.ui import words
from game.ui.screens.listing import ListingScreen
from game.ui.widgets.base import Text, Widget
from game.ui.widgets.card import Card, Row


class WhatIfScreen(ListingScreen):
    name = "whatif"
    title = "What if the rules were different?"
    column = 1200

    def __init__(self, app) -> None:  # noqa: ANN001
        super().__init__(app)
        from game.analysis import what_if

        self.outcomes = what_if(app.story, app.session.playthrough())

    def items(self, w: int) -> list[Widget]:
        t = self.theme
        k = max(1, min(len(self.outcomes), w // t.px(300)))
        col = (w - t.px(14) * (k - 1)) // k
        cards = [self.card(o, col, i == 0) for i, o in enumerate(self.outcomes)]
        rows = [Row(t, cards[i:i + k], w, gap=t.px(14), top=True) for i in range(0, len(cards), k)]
        return [Text(t, "Your choices, the same seed, played again under each ruleset of the "
                     "story. Where the path would have been blocked, the replay stops there.",
                     w, colour="muted"), *rows]

    def card(self, o, w: int, own: bool) -> Card:  # noqa: ANN001
        t, story = self.theme, self.app.story
        rs = story.rulesets[o.playthrough.ruleset]
        st = o.state.standing
        tier = rs.tier_of(st.score)

        def build(iw: int) -> list[Widget]:
            lists = ", ".join(rs.lists.get(x, x) for x in st.lists) or "none"
            caps = story.capabilities
            out: list[Widget] = [
                Text(t, rs.name + (" (yours)" if own else ""), iw, role="lead", style="bold"),
                Text(t, f"Final score: {st.score}" if rs.keeps_score else
                     "No score: this system keeps lists", iw, role="h2", style="bold"),
                Text(t, f"Tier: {words.tier_label(rs, tier.id)}", iw),
                Text(t, f"Lists: {lists}", iw, role="small")]
            if o.ending_title:
                out.append(Text(t, f"Ending: {o.ending_title}", iw, role="small",
                                style="bold"))
            if o.blocked_at:
                out.append(Text(t, words.path_split(story, o), iw, role="small",
                                colour="bad", style="bold"))
            doors = [f"{d.scene}: {caps[d.capability].name if d.capability in caps else ''}"
                     f" ({', '.join(d.by) or 'closed by default'})" for d in o.blocked]
            out.append(Text(t, "Closed along the way: " + ("; ".join(dict.fromkeys(doors))
                                                          or "nothing"), iw, role="small"))
            return out

        return Card(t, w, build, fill="panel_alt" if own else "panel",
                    stripe="accent" if own else None)
