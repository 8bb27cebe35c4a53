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

        # One Comparison per ruleset (game.whatif), the life as played first.
        self.outcomes = what_if(app.story, app.session.playthrough(), app.session.life)

    def items(self, w: int) -> list[Widget]:
        t = self.theme
        k = max(1, min(len(self.outcomes), w // t.px(300)))
        col = (w - t.px(14) * (k - 1)) // k
        cards = [self.card(o, col, i == 0) for i, o in enumerate(self.outcomes)]
        rows = [Row(t, cards[i:i + k], w, gap=t.px(14), top=True) for i in range(0, len(cards), k)]
        return [Text(t, "Your choices, the same seed, played again under each ruleset of the "
                     "story. Where a door is closed, the replay tries it as you would have.",
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
                Text(t, f"Lists: {lists}", iw, role="small")]
            if rs.keeps_score:  # a lists-only system has no tier to show
                out.insert(2, Text(t, f"Tier: {words.tier_label(rs, tier.id)}", iw))
            if o.ending_title:
                out.append(Text(t, f"Ending: {o.ending_title}", iw, role="small",
                                style="bold"))
            if not own and o.sentence:
                out.append(Text(t, o.sentence, iw, role="small",
                                colour="bad" if o.stopped else "ink", style="bold"))
            doors = [caps[d.capability].name for d in o.blocked if d.capability in caps]
            out.append(Text(t, "Closed along the way: " + ("; ".join(dict.fromkeys(doors))
                                                          or "nothing"), iw, role="small"))
            return out

        return Card(t, w, build, fill="panel_alt" if own else "panel",
                    stripe="accent" if own else None)
