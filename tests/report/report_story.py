"""The story and playthroughs the report tests share (see story/ beside this file)."""

from __future__ import annotations

from pathlib import Path

from game.analysis import Playthrough

STORY = Path(__file__).resolve().parent / "story"

# The courier runs the red light, ignores the court letter, then can only walk.
LISTED = Playthrough("courier", "points", 0, (1, 1, 3))
# The courier helps a stranger, pays, and rides a deposit-free bike.
PERK = Playthrough("courier", "points", 0, (2, 2, 2))
