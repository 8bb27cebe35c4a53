"""A screen that is a title bar and one scrolling column: the base of most screens."""

from __future__ import annotations

from game.ui.screens.base import Screen
from game.ui.widgets.base import Widget
from game.ui.widgets.pane import Pane


class ListingScreen(Screen):
    """Subclasses give `items(width)` and optionally `header_buttons()`."""

    column = 0  # a wider column than reading width, in design px (0: reading width)

    def build(self) -> None:
        top = self.header(back=True, extra=self.header_buttons())
        view = self.body_rect(top, width=self.theme.px(self.column) if self.column else None)
        self.pane = Pane(self.theme, view, self.items(view.w))

    def header_buttons(self) -> list[Widget]:
        return []

    def items(self, w: int) -> list[Widget]:
        return []
