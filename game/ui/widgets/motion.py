"""Tweens: a value moving from one number to another over a short time.

Animations only run while a tween runs: the loop goes to 60 frames a second for
that and back to its 50 ms idle sleep afterwards. With reduced motion every
tween is born finished, so nothing ever moves.
"""

from __future__ import annotations


def ease_out(k: float) -> float:
    return 1 - (1 - k) ** 3


class Tween:
    """`start` to `end` over `seconds` from `t0` (None: from the first `at` call)."""

    def __init__(self, start: float, end: float, seconds: float, still: bool = False,
                 delay: float = 0.0) -> None:
        self.start, self.end = start, end
        self.seconds = 0.0 if still else max(0.0, seconds)
        self.delay = 0.0 if still else delay
        self.t0: float | None = None
        self.k = 1.0 if still or seconds <= 0 else 0.0

    def at(self, now: float) -> float:
        """The value at `now`, eased; advances the tween."""
        if self.t0 is None:
            self.t0 = now
        if self.seconds <= 0:
            self.k = 1.0
        else:
            self.k = max(0.0, min(1.0, (now - self.t0 - self.delay) / self.seconds))
        return self.value

    @property
    def value(self) -> float:
        return self.start + (self.end - self.start) * ease_out(self.k)

    @property
    def running(self) -> bool:
        return self.k < 1.0
