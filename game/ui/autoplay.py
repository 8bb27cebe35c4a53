"""`play --autoplay 1,2,1 --screenshots DIR`: drive the real UI with real input events.

Each loop turn, once the window has settled (nothing animating, no input
pending), the driver saves a PNG if the screen shows something new, then posts
the mouse clicks or keys a player would use to go on: the given choice
positions (then the first open choice), Continue, the notices, the debrief,
what-if, sources and ledger screens, and finally quits.
"""

from __future__ import annotations

from pathlib import Path

import pygame

MAX_TURNS = 20_000  # a safety net: a driver that cannot go on gives up, exit 1
STUCK_TURNS = 400  # loop turns on one unchanged screen before the driver gives up


class Driver:
    def __init__(self, app, choices: list[int], shots: Path | None) -> None:  # noqa: ANN001
        self.app, self.choices = app, list(choices)
        self.shots = Path(shots) if shots else None
        if self.shots:
            self.shots.mkdir(parents=True, exist_ok=True)
        self.last_key: str | None = None
        self.saved: list[Path] = []
        self.visited: set[str] = set()
        self.keys: set[str] = set()
        self.turns = 0
        self.same = 0
        self.here: tuple | None = None
        self.finished_kiosk = False
        self.error: str | None = None
        self.pick = self.first_open  # what to choose once the given positions run out

    # -- one loop turn -----------------------------------------------------------------

    def tick(self, busy: bool) -> None:
        self.turns += 1
        if self.turns > MAX_TURNS:
            self.fail("autoplay made no progress")
            return
        scr = self.app.screen
        # A screen that the driver cannot leave (a button it cannot reach) fails
        # fast instead of idling until MAX_TURNS.
        here = (scr.name, getattr(getattr(scr, "view", None), "scene", None), len(self.choices))
        self.same = self.same + 1 if here == getattr(self, "here", None) else 0
        self.here = here
        if self.same > STUCK_TURNS:
            self.fail(f"autoplay is stuck on the {scr.name} screen")
            return
        if scr.name == "play" and scr.revealing:
            self.post_key(pygame.K_SPACE)  # a key shows all the text at once
            return
        if busy or self.app.dirty or pygame.event.peek():
            return
        self.snapshot(scr)
        getattr(self, "on_" + scr.name.replace("-", "_"), self.on_other)(scr)

    def snapshot(self, scr) -> None:  # noqa: ANN001
        key = scr.shot_key()
        if key == self.last_key or key in self.keys:
            return
        self.last_key = key
        self.keys.add(key)
        if self.shots is not None:
            path = self.shots / f"{len(self.saved) + 1:03d}-{key}.png"
            pygame.image.save(self.app.surface, path)
            self.saved.append(path)

    # -- what a player does on each screen ---------------------------------------------

    def on_title(self, scr) -> None:  # noqa: ANN001
        self.click(scr, "new")

    def on_pick(self, scr) -> None:  # noqa: ANN001
        want = self.app.options.scenario
        ids = [w.id for w in scr.focusables() if (w.id or "").startswith("life-")]
        bid = f"life-{want}" if want and f"life-{want}" in ids else ids[0]
        self.click(scr, bid)

    def on_rulesets(self, scr) -> None:  # noqa: ANN001
        self.click(scr, f"rules-{scr.order[0]}")  # the life's own rules

    def on_refusal(self, scr) -> None:  # noqa: ANN001
        self.click(scr, "ok")

    def on_reveal(self, scr) -> None:  # noqa: ANN001
        self.click(scr, "reveal-go")

    def on_attract(self, scr) -> None:  # noqa: ANN001
        if self.finished_kiosk:
            self.app.quit(0)
        else:
            self.tap(scr, "begin")

    def on_play(self, scr) -> None:  # noqa: ANN001
        v = scr.view
        if scr.find("why") is not None and "why" not in self.visited:
            self.visited.add("why")  # once a life: the full notice behind a slip
            self.click(scr, "why")
        elif v.ending:
            self.click(scr, "debrief")
        elif v.can_continue:
            self.click(scr, "continue")
        elif scr.classroom and scr.leader() is not None:
            self.click(scr, "vote-take")
        else:
            given = bool(self.choices)
            pos = self.choices[0] if given else self.pick(v)
            c = next((c for c in v.visible_choices if c.position == pos), None)
            # A closed door with `instead` can be tried, as a player would (v2).
            if c is None or not (c.status == "open" or getattr(c, "can_try", False)):
                why = "blocked" if c is not None else "hidden or missing"
                self.fail(f"autoplay: at scene '{v.scene}' choice {pos} is {why}")
                return
            # A button below the fold first gets a scroll, not a click: the position
            # is used up only once the click is really posted.
            if self.click(scr, f"choice-{pos}") and given:
                self.choices.pop(0)

    @staticmethod
    def first_open(v) -> int:  # noqa: ANN001
        return next(c.position for c in v.visible_choices if c.status == "open")

    def on_notice(self, scr) -> None:  # noqa: ANN001
        self.click(scr, "ok")

    def on_discuss(self, scr) -> None:  # noqa: ANN001
        self.click(scr, "discuss-done")

    def on_debrief(self, scr) -> None:  # noqa: ANN001
        if scr.short:
            self.finished_kiosk = True
            self.tap(scr, "done")
            return
        for nxt in ("whatif", "sources", "ledger"):
            if nxt not in self.visited:
                self.visited.add(nxt)
                self.click(scr, nxt)
                return
        self.app.quit(0)

    def on_ledger(self, scr) -> None:  # noqa: ANN001
        first = next((w for w in scr.focusables() if (w.id or "").startswith("entry-")), None)
        if first is not None and not scr.open and "ledger-open" not in self.visited:
            self.visited.add("ledger-open")
            self.click(scr, first.id)
        else:
            self.click(scr, "back")

    def on_other(self, scr) -> None:  # noqa: ANN001
        if scr.find("back") is not None:
            self.click(scr, "back")
        else:
            self.fail(f"autoplay does not know what to do on '{scr.name}'")

    # -- posting real input ------------------------------------------------------------

    def click(self, scr, bid: str) -> bool:  # noqa: ANN001
        """Post a real click on a button; False when it had to be scrolled to first."""
        pos = self.target(scr, bid)
        if pos is None:
            return False
        for t in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
            extra = {"rel": (0, 0), "buttons": (0, 0, 0)} if t == pygame.MOUSEMOTION \
                else {"button": 1}
            pygame.event.post(pygame.event.Event(t, pos=pos, touch=False, **extra))
        return True

    def tap(self, scr, bid: str) -> None:  # noqa: ANN001
        """A touch, in the normalised 0-1 coordinates SDL gives fingers."""
        pos = self.target(scr, bid)
        if pos is not None:
            w, h = self.app.surface.get_size()
            for t in (pygame.FINGERDOWN, pygame.FINGERUP):
                pygame.event.post(pygame.event.Event(
                    t, touch_id=1, finger_id=0, x=pos[0] / w, y=pos[1] / h, dx=0, dy=0,
                    pressure=1.0))

    def target(self, scr, bid: str) -> tuple[int, int] | None:  # noqa: ANN001
        w = scr.find(bid)
        if w is None:
            self.fail(f"autoplay: no button '{bid}' on the {scr.name} screen")
            return None
        if not scr.is_visible(w):
            p = scr.pane_of(w)
            up = p is not None and scr.screen_rect(w).top < p.view.top
            if p is not None:  # the wheel scrolls the pane under the pointer
                pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=p.view.center,
                                                     rel=(0, 0), buttons=(0, 0, 0),
                                                     touch=False))
            pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=1 if up else -1,
                                                 precise_x=0.0, precise_y=1.0 if up else -1.0,
                                                 flipped=False, touch=False))
            return None
        return scr.screen_rect(w).center

    def post_key(self, key: int) -> None:
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode=" ",
                                             scancode=0))

    def fail(self, why: str) -> None:
        import sys

        self.error = why
        print(f"error: {why}", file=sys.stderr)
        self.app.quit(1)
