"""The moment of being scored: after the scene's own text, the system breaks in.

The score ticks from old to new with the delta lifting off it, and a stamped
slip says what changed in one line each ("-5 · Running a red light · traffic
camera · REPORTED"), with **Why?** opening the full notice. Records worth no
points do not get a slip each: they gather into the day's summary (see
`Day`). Nothing here moves with reduced motion: every tween is born finished.
"""

from __future__ import annotations

from game.rules.ledger import LedgerEntry, signed
from game.ui import words
from game.ui.widgets.motion import Tween

TICK_S = 0.9  # the score counts from old to new
LIFT_S = 1.3  # the delta rises off the number and fades
STAMP_S = 0.28  # the stamp thumps down
MAX_SLIP_LINES = 3


class BreakIn:
    """One step's interruption: what the slip says, and the tweens that show it."""

    def __init__(self, story, ruleset, entries: list[LedgerEntry], opaque: bool,  # noqa: ANN001
                 score_now: int) -> None:
        self.ruleset = ruleset
        self.scored = words.keeps_score(ruleset)
        shown = [e for e in entries if words.slip_worthy(ruleset, e)]
        if opaque:  # only what the system tells the citizen
            shown = [e for e in shown if e.applied or e.notice]
        self.entries = shown
        self.quiet = [e for e in entries if e not in shown and not opaque]
        self.before = entries[0].before if entries else score_now
        self.after = entries[-1].after if entries else score_now
        lines = [(words.slip_line(story, ruleset, e, opaque), e.applied)
                 for e in words.sort_entries(shown)]
        if not self.scored:  # no points to speak of: never a "+0" or a score
            lines = [(text, 0) for text, _ in lines]
        if len(lines) > MAX_SLIP_LINES:
            more = len(lines) - MAX_SLIP_LINES + 1
            lines = lines[:MAX_SLIP_LINES - 1] + [(f"and {more} more changes: press Why?", 0)]
        self.lines = lines
        self.started = False
        self.tick = self.lift = self.stamp = None

    @property
    def stamp_word(self) -> str:
        if self.scored and any(x.applied for x in self.entries):
            return "SCORED"
        if any(words.slip_worthy(self.ruleset, x) and not x.applied for x in self.entries):
            return "LISTED"
        return "RECORDED"

    @property
    def has_slip(self) -> bool:
        return bool(self.lines)

    @property
    def delta_text(self) -> str | None:
        total = self.after - self.before
        return signed(total) if total and self.scored else None

    def begin(self, still: bool) -> None:
        """The scene's text has been read: start the interruption."""
        if self.started:
            return
        self.started = True
        still = still or not self.has_slip  # nothing to show: nothing moves
        self.stamp = Tween(0.0, 1.0, STAMP_S, still)
        self.tick = Tween(self.before, self.after, TICK_S, still, delay=STAMP_S)
        self.lift = Tween(0.0, 1.0, LIFT_S, still, delay=STAMP_S)

    def advance(self, now: float) -> bool:
        """Move the tweens to `now`; True while any runs."""
        if not self.started:
            return False
        busy = False
        for tw in (self.stamp, self.tick, self.lift):
            tw.at(now)
            busy = busy or tw.running
        return busy

    def shown_score(self) -> float:
        if not self.started:
            return self.before
        return self.tick.value

    def lift_state(self) -> tuple[str, float] | None:
        d = self.delta_text
        if d is None or not self.started or not self.lift.running:
            return None
        return d, self.lift.value

    def stamp_k(self) -> float:
        return self.stamp.value if self.started else 0.0


class Day:
    """Records worth no points, gathered until the day ends.

    A "day" ends where the story itself pauses: at a scene you leave with
    Continue (the story's breaks between parts of the week) or at an ending.
    Each record is counted once, whatever the ruleset; a scored change gets its
    own slip and never waits for the day's end.
    """

    def __init__(self) -> None:
        self.entries: list[LedgerEntry] = []

    def gather(self, entries: list[LedgerEntry]) -> None:
        self.entries.extend(entries)

    def close(self) -> list[LedgerEntry]:
        out, self.entries = self.entries, []
        return out
