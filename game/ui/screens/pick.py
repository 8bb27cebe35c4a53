"""Choose a life: one card per scenario (title, role, blurb, minutes)."""

from __future__ import annotations

from collections.abc import Callable

from game.ui.screens.base import Screen
from game.ui.widgets.base import Button, Text


def desktop_lives(story) -> list[str]:  # noqa: ANN001
    """Every scenario except the kiosks' short versions of another."""
    return [sid for sid, sc in story.scenarios.items() if not getattr(sc, "short_of", None)]


class PickScreen(Screen):
    name = "pick"
    title = "Choose a life"

    def __init__(self, app, lives: list[str] | None = None,  # noqa: ANN001
                 on_pick: Callable[[str], None] | None = None, back: bool = True) -> None:
        super().__init__(app)
        self.lives = lives if lives is not None else desktop_lives(app.story)
        self.on_pick = on_pick or self.choose_rules
        self.can_back = back

    def build(self) -> None:
        t = self.theme
        top = self.header(back=self.can_back)
        view = self.body_rect(top)
        items = [Text(t, "Each life is one week in the same pilot city. You can play them "
                      "in any order, and replay any of them under other rules at the end.",
                      view.w, colour="muted")]
        for i, sid in enumerate(self.lives, 1):
            sc = self.app.story.scenarios[sid]
            detail = [d for d in (sc.role, sc.blurb) if d]
            minutes = getattr(sc, "minutes", None)
            if minutes:
                detail.append(f"About {minutes} minutes")
            items.append(Button(t, f"life-{sid}", sc.title, view.w,
                                lambda sid=sid: self.on_pick(sid), badge=str(i),
                                detail=tuple(detail), bold=True, role="lead"))
        from game.ui.widgets.pane import Pane

        self.pane = Pane(t, view, items)

    def choose_rules(self, scenario: str) -> None:
        """Desktop: pick the rules to live under (unless `--ruleset` chose them)."""
        if self.app.options.ruleset:
            self.app.start_game(scenario)
            return
        from game.ui.screens.rulesets import RulesetScreen

        self.app.push(RulesetScreen(self.app, scenario))

    def other_key(self, key: int, mod: int, text: str) -> None:
        if text.isdigit() and 1 <= int(text) <= len(self.lives):
            self.on_pick(self.lives[int(text) - 1])
