"""What if, as the climax: the same choices under every ruleset, side by side.

Each ruleset gets a column: its name, the same choices as a timeline (the steps
you shared in one colour, the fork where the lives part marked, a padlock where
a door was closed here and open in yours, an open door the other way round),
the ending as an illustrated card, the standing as a tier band (the tiers of
that system as equal steps, your place among them: never raw numbers on
different scales), the sentence that says where and why the lives part, and a
button to live it again under those rules.
"""

from __future__ import annotations

import pygame

from game.ui import gfx, words
from game.ui.screens.listing import ListingScreen
from game.ui.widgets.base import Button, Text, Widget
from game.ui.widgets.card import Card


class WhatIfScreen(ListingScreen):
    name = "whatif"
    title = "Same life. Other rules."
    column = 1400

    def __init__(self, app) -> None:  # noqa: ANN001
        super().__init__(app)
        from game.whatif import compare

        s = app.session
        self.outcomes = compare(app.story, s.playthrough(), own=s.life)

    def items(self, w: int) -> list[Widget]:
        t = self.theme
        n = len(self.outcomes)
        k = max(1, min(n, w // t.px(330)))
        col = (w - t.px(14) * (k - 1)) // k
        cards = [self.card(o, col) for o in self.outcomes]
        from game.ui.widgets.card import Row

        rows = [Row(t, cards[i:i + k], w, gap=t.px(14), top=True) for i in range(0, n, k)]
        return [Text(t, "Your choices, taken again in the same order under each system. "
                     "Where a door is shut, the replay tries it and is refused, as you "
                     "would be.", w, colour="muted"), *rows]

    def card(self, o, w: int) -> Card:  # noqa: ANN001
        t, story = self.theme, self.app.story
        rs = o.ruleset
        own = o.own

        def build(iw: int) -> list[Widget]:
            out: list[Widget] = [
                Text(t, rs.name, iw, role="lead", style="bold"),
                Text(t, "The rules you lived under" if own else short_summary(rs.summary),
                     iw, role="small", colour="muted"),
                Timeline(t, iw, len(o.given), o.parted, _steps(o, o.closed),
                         _steps(o, o.opened), o.stop is not None)]
            pic = _ending_picture(self.app, o, iw)
            if pic is not None:
                out.append(pic)
            out.append(Text(t, o.ending_title or "No ending: the same choices stop here",
                            iw, role="lead", style="bold"))
            out.append(TierBand(t, iw, rs, o.life.view.standing))
            out.append(Text(t, o.sentence or "", iw, role="small",
                            colour="ink" if own else "bad" if o.parted is not None
                            else "ink"))
            caps = story.capabilities
            for label, doors in (("Shut here, open in your life", o.closed),
                                 ("Open here, shut in your life", o.opened)):
                names = list(dict.fromkeys(caps[d.capability].name for d in doors
                                           if d.capability in caps))
                if names:
                    out.append(Text(t, f"{label}: {'; '.join(names)}", iw, role="small"))
            if not own:
                out.append(Button(t, f"again-{rs.id}", f"Live this again under {rs.name}",
                                  iw, lambda r=rs.id: self.live_again(r), role="small"))
            return out

        return Card(t, w, build, fill="panel_alt" if own else "panel",
                    stripe="accent" if own else "border")

    def live_again(self, ruleset: str) -> None:
        self.app.start_game(self.app.session.view.scenario, ruleset)


def short_summary(summary: str, limit: int = 110) -> str:
    """A ruleset's summary cut to its first sentence, or its first clause when long."""
    from game.ui.screens.rulesets import one_line

    first = one_line(summary)
    if len(first) > limit and ":" in first:
        first = first.split(":")[0].rstrip() + "."
    return first


def _steps(o, doors) -> set[int]:  # noqa: ANN001
    """The 0-based choice steps at which these doors stood."""
    scenes = [s.scene for s in o.life.stands]
    out = set()
    for d in doors:
        if d.scene in scenes:
            out.add(scenes.index(d.scene))
    return out


def _ending_picture(app, o, w: int) -> Widget | None:  # noqa: ANN001
    if not o.life.ended:
        return None
    image = o.life.scene.image
    if not image:
        return None
    from game.ui.widgets.picture import Framed, load_picture

    surf = load_picture(app, image, (w, w * 9 // 25))  # a card, not a poster
    return Framed(app.theme, surf, w, False) if surf is not None else None


class Timeline(Widget):
    """The choices as dots on a line: shared steps filled, the fork marked, then hollow
    dots on a lowered branch; a padlock where a door was shut here only, an open ring
    where one was open here only."""

    def __init__(self, theme, width: int, n: int, parted: int | None,  # noqa: ANN001
                 shut: set[int], opened: set[int], stopped: bool) -> None:
        self.theme, self.n, self.parted = theme, max(1, n), parted
        self.shut, self.opened, self.stopped = shut, opened, stopped
        self.small = gfx.font(theme.type_px("small"), "bold")
        super().__init__(width, theme.px(46) + self.small.get_linesize())

    def draw(self, surf: pygame.Surface, rect: pygame.Rect, state: str = "") -> None:
        t, p = self.theme, self.theme.pal
        r = max(3, t.px(6))
        y0 = rect.y + t.px(14)
        fork = self.parted - 1 if self.parted is not None else None  # 0-based step

        def x(i: int) -> int:
            return rect.x + r + (rect.w - 2 * r) * i // max(1, self.n - 1 if self.n > 1 else 1)

        for i in range(self.n):
            branch = fork is not None and i > fork
            y = y0 + (t.px(18) if branch else 0)
            if i:
                prev_branch = fork is not None and i - 1 > fork
                py = y0 + (t.px(18) if prev_branch else 0)
                pygame.draw.line(surf, p.bad if branch else p.chart_line, (x(i - 1), py),
                                 (x(i), y), max(2, t.px(3)))
            if branch:
                pygame.draw.circle(surf, p.panel, (x(i), y), r)
                pygame.draw.circle(surf, p.bad, (x(i), y), r, max(2, t.px(2)))
            else:
                pygame.draw.circle(surf, p.chart_line, (x(i), y), r)
            if i in self.shut:
                gfx.lock_icon(surf, pygame.Rect(x(i) - r, y - 3 * r - t.px(2), 2 * r, 2 * r),
                              p.bad)
            if i in self.opened:
                pygame.draw.circle(surf, p.good, (x(i), y - 2 * r - t.px(2)), r,
                                   max(2, t.px(2)))
        label = ("The same path all the way" if fork is None else
                 "Parts before your first choice" if fork < 0 else
                 f"Parts at choice {fork + 1} of {self.n}")
        s = gfx.render(label, self.small, p.bad if fork is not None else p.muted)
        surf.blit(s, (rect.x, rect.bottom - s.get_height()))


class TierBand(Widget):
    """A system's tiers as equal steps, lowest at the left, the one reached filled and
    named; rules that keep no score show the lists joined instead."""

    def __init__(self, theme, width: int, ruleset, standing) -> None:  # noqa: ANN001
        self.theme, self.rs, self.st = theme, ruleset, standing
        self.scored = words.keeps_score(ruleset)
        self.small = gfx.font(theme.type_px("small"))
        self.bold = gfx.font(theme.type_px("small"), "bold")
        if self.scored:
            tiers = sorted(ruleset.tiers, key=lambda x: x.min)
            here = ruleset.tier_of(standing.score)
            self.lines = gfx.wrap(f"Tier reached: {here.label}, {tiers.index(here) + 1} of "
                                  f"{len(tiers)} from the bottom", self.bold, width)
            h = theme.px(24) + self.bold.get_linesize() * len(self.lines)
        else:
            names = [n for _, n in standing.lists]
            self.lines = gfx.wrap("Lists: " + (", ".join(names) if names else "none"),
                                  self.bold, width)
            h = self.bold.get_linesize() * len(self.lines)
        super().__init__(width, h)

    def draw(self, surf: pygame.Surface, rect: pygame.Rect, state: str = "") -> None:
        t, p = self.theme, self.theme.pal
        if not self.scored:
            for i, line in enumerate(self.lines):
                surf.blit(gfx.render(line, self.bold, p.bad if self.st.lists else p.ink),
                          (rect.x, rect.y + i * self.bold.get_linesize()))
            return
        tiers = sorted(self.rs.tiers, key=lambda x: x.min)
        here = self.rs.tier_of(self.st.score)
        n = max(1, len(tiers))
        gap = t.px(3)
        w = (rect.w - gap * (n - 1)) // n
        for i, tier in enumerate(tiers):
            cell = pygame.Rect(rect.x + i * (w + gap), rect.y, w, t.px(18))
            mine = tier.id == here.id
            pygame.draw.rect(surf, p.chart_line if mine else p.panel_alt, cell,
                             border_radius=t.px(3))
            pygame.draw.rect(surf, p.border, cell, 1, border_radius=t.px(3))
        for i, line in enumerate(self.lines):
            surf.blit(gfx.render(line, self.bold, p.ink),
                      (rect.x, rect.y + t.px(24) + i * self.bold.get_linesize()))
