"""About: what the game is, how true it is, the controls, and that nothing leaves the machine."""

from __future__ import annotations

from game.ui.screens.listing import ListingScreen
from game.ui.widgets.base import Text, Widget

ABOUT = [
    ("h2", "What this is"),
    ("body", "An interactive story about social credit systems. You live a week in a pilot "
             "city whose scoring system watches, scores, restricts and rewards. Every change to "
             "your score is written in a ledger with its rule, its reason, who saw you, how true "
             "it is and where that comes from. At the end you can replay the same choices under "
             "other rules."),
    ("h2", "How true is it?"),
    ("body", "Every rule and restriction carries a grade. Documented: official documents, court "
             "or government data. Reported: credible journalism. Contested: widely reported, "
             "disputed by experts. Dramatized: invented for the game."),
    ("h2", "Controls"),
    ("body", "Mouse, touch or keyboard. Tab and the arrow keys move between buttons; Enter or "
             "Space presses one; Escape goes back. On a scene, the number keys pick a choice "
             "and any key shows all the text at once. L opens the ledger; F11 switches full "
             "screen. Page Up, Page Down and the mouse wheel scroll; on a touch screen, drag."),
    ("h2", "Your privacy"),
    ("body", "Nothing leaves this computer: no network, no telemetry. The game keeps your "
             "settings and one autosave on this computer only."),
    ("h2", "Credits"),
    ("small", "Type: Noto Sans, under the SIL Open Font License 1.1 (its text ships with "
              "the game). Pictures and sounds were made for this game."),
]


class AboutScreen(ListingScreen):
    name = "about"
    title = "About this game"

    def items(self, w: int) -> list[Widget]:
        t = self.theme
        return [Text(t, text, w, role=role, style="bold" if role == "h2" else "regular")
                for role, text in ABOUT]
