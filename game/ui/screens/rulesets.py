"""Before a life: "Live under...", one button per ruleset with its one-line summary.

The life's own rules come first. The same week can then be lived again under
another system from the what-if screen at the end.
"""

from __future__ import annotations

from game.ui.screens.base import Screen
from game.ui.widgets.base import Button, Text
from game.ui.widgets.pane import Pane


def one_line(summary: str) -> str:
    """A ruleset's summary cut to its first sentence."""
    first = summary.strip().split(". ")[0].strip()
    return first if not first or first.endswith((".", "!", "?")) else first + "."


class RulesetScreen(Screen):
    name = "rulesets"

    def __init__(self, app, scenario: str) -> None:  # noqa: ANN001
        super().__init__(app)
        self.scenario = scenario
        sc = app.story.scenarios[scenario]
        self.title = f"{sc.title}: live under..."
        self.order = [sc.ruleset] + [r for r in app.story.rulesets if r != sc.ruleset]

    def build(self) -> None:
        t = self.theme
        top = self.header(back=True)
        view = self.body_rect(top)
        items = [Text(t, "The same week, the same person, the same choices open to you. "
                      "Only the system that watches you changes.", view.w, colour="muted")]
        for i, rid in enumerate(self.order, 1):
            rs = self.app.story.rulesets[rid]
            detail = [one_line(rs.summary)] if rs.summary else []
            if i == 1:
                detail.insert(0, "This life's own rules.")
            items.append(Button(t, f"rules-{rid}", rs.name, view.w,
                                lambda r=rid: self.app.start_game(self.scenario, r),
                                badge=str(i), detail=tuple(detail), bold=True, role="lead",
                                kind="primary" if i == 1 else "normal"))
        self.pane = Pane(t, view, items)
        first = self.find(f"rules-{self.order[0]}")
        if first is not None and self.focus is None:
            self.focus = first

    def other_key(self, key: int, mod: int, text: str) -> None:
        if text.isdigit() and 1 <= int(text) <= len(self.order):
            self.app.start_game(self.scenario, self.order[int(text) - 1])

    def default_action(self) -> None:
        self.app.start_game(self.scenario, self.order[0])
