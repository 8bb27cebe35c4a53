"""A live class: join code, seats, the class vote, the reveal, and when it all goes away.

Everything lives in the class store (game.web.store) under keys that expire
twelve hours after the class started, and is deleted at once when the
teacher ends the class. Students are seats with a random id and an optional
nickname: no account, no name asked, nothing written to disk. Every change
bumps the class's version counter, which the live pages watch.
"""

from __future__ import annotations

import json
import secrets
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any

from game.web.store import Store

LIFETIME = 12 * 3600  # seconds a class lives at most
CODE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read off a projector
CODE_LENGTH = 6
MAX_SEATS = 200
MAX_CLASSES = 1000
MAX_NICK = 24
JOIN_FAILS = (10, 300)  # at most 10 wrong codes per address per 5 minutes
STARTS = (20, 3600)  # at most 20 classes started per address per hour


@dataclass
class ClassRoom:
    """One class: its codes, the projector's life and where the lesson stands."""

    code: str
    key: str  # the teacher's secret (in the teacher's link only)
    created: float
    scenario: str
    ruleset: str
    steps: list[int | str] = field(default_factory=list)  # the projector life's steps
    reveal: bool = False
    vote_round: int = 0
    vote_open: bool = False
    vote_at: int = -1  # len(steps) when the vote opened: the scene voted on

    @property
    def expires(self) -> float:
        return self.created + LIFETIME

    def voting_here(self) -> bool:
        """A vote (open or just closed) about the scene the projector shows now."""
        return self.vote_round > 0 and self.vote_at == len(self.steps)


def clean_code(text: str) -> str:
    """What a student typed, as a join code: upper case, no spaces or dashes."""
    return "".join(ch for ch in text.upper() if ch.isalnum())[:16]


def clean_nick(text: str) -> str | None:
    """An optional nickname: printable characters only, trimmed, at most MAX_NICK."""
    kept = "".join(ch for ch in text if unicodedata.category(ch)[0] not in "CZ" or ch == " ")
    kept = " ".join(kept.split())[:MAX_NICK]
    return kept or None


class Classes:
    """The classroom operations over a store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # -- keys --------------------------------------------------------------------------
    @staticmethod
    def _meta(code: str) -> str:
        return f"rf:meta:{code}"

    @staticmethod
    def _seats(code: str) -> str:
        return f"rf:seats:{code}"

    @staticmethod
    def _votes(code: str, rnd: int) -> str:
        return f"rf:votes:{code}:{rnd}"

    @staticmethod
    def _version(code: str) -> str:
        return f"rf:v:{code}"

    # -- rate limits -------------------------------------------------------------------
    async def allow(self, what: str, who: str, limit: tuple[int, int], now: float) -> bool:
        """Count one attempt of `what` from `who`; False once over `limit` (count, seconds)."""
        most, window = limit
        slot = int(now // window)
        n = await self.store.bump(f"rf:rate:{what}:{who}:{slot}", (slot + 1) * window)
        return n <= most

    async def over(self, what: str, who: str, limit: tuple[int, int], now: float) -> bool:
        """True when `who` has already used up `limit` for `what` (without counting)."""
        most, window = limit
        value = await self.store.get(f"rf:rate:{what}:{who}:{int(now // window)}")
        return value is not None and int(value) >= most

    # -- the class ---------------------------------------------------------------------
    async def start(self, scenario: str, ruleset: str, now: float) -> ClassRoom | None:
        """A new class with a fresh join code; None when the server holds too many."""
        if await self.store.count_keys("rf:meta:") >= MAX_CLASSES:
            return None
        for _ in range(20):
            code = "".join(secrets.choice(CODE_LETTERS) for _ in range(CODE_LENGTH))
            room = ClassRoom(code, secrets.token_urlsafe(18), now, scenario, ruleset)
            if await self.store.add(self._meta(code), _dump(room), room.expires):
                await self.changed(room)
                return room
        return None

    async def get(self, code: str) -> ClassRoom | None:
        raw = await self.store.get(self._meta(code))
        if raw is None:
            return None
        data = json.loads(raw)
        return ClassRoom(**data)

    async def for_teacher(self, code: str, key: str) -> ClassRoom | None:
        room = await self.get(code)
        if room is None or not secrets.compare_digest(room.key.encode(), key.encode()):
            return None
        return room

    async def save(self, room: ClassRoom) -> None:
        await self.store.put(self._meta(room.code), _dump(room), room.expires)
        await self.changed(room)

    async def changed(self, room: ClassRoom) -> int:
        return await self.store.bump(self._version(room.code), room.expires)

    async def version(self, code: str) -> int:
        value = await self.store.get(self._version(code))
        return int(value) if value else 0

    async def end(self, room: ClassRoom) -> None:
        """Forget the class and everything in it, now."""
        keys = [self._meta(room.code), self._seats(room.code), self._version(room.code)]
        keys += [self._votes(room.code, r) for r in range(1, room.vote_round + 1)]
        await self.store.drop(*keys)

    # -- seats -------------------------------------------------------------------------
    async def join(self, room: ClassRoom, nick: str | None) -> str | None:
        """A new seat's id; None when the class is full."""
        if await self.store.hcount(self._seats(room.code)) >= MAX_SEATS:
            return None
        sid = secrets.token_urlsafe(12)
        await self._put_seat(room, sid, {"nick": nick, "life": None, "done": None})
        return sid

    async def seat(self, code: str, sid: str) -> dict[str, Any] | None:
        raw = await self.store.hget(self._seats(code), sid)
        return json.loads(raw) if raw else None

    async def seats(self, code: str) -> dict[str, dict[str, Any]]:
        return {k: json.loads(v) for k, v in (await self.store.hall(self._seats(code))).items()}

    async def _put_seat(self, room: ClassRoom, sid: str, seat: dict[str, Any]) -> None:
        await self.store.hput(self._seats(room.code), sid, json.dumps(seat), room.expires)
        await self.changed(room)

    async def playing(self, room: ClassRoom, sid: str, scenario: str, ruleset: str) -> None:
        seat = await self.seat(room.code, sid)
        if seat is not None:
            seat["life"], seat["ended"] = [scenario, ruleset], False
            await self._put_seat(room, sid, seat)

    async def finished(self, room: ClassRoom, sid: str, replay_code: str) -> None:
        """Record a seat's finished life (its replay code); the latest one counts."""
        seat = await self.seat(room.code, sid)
        if seat is not None and (seat.get("done") != replay_code or not seat.get("ended")):
            seat["done"], seat["ended"] = replay_code, True
            await self._put_seat(room, sid, seat)

    # -- the class vote ----------------------------------------------------------------
    async def open_vote(self, room: ClassRoom) -> None:
        room.vote_round += 1
        room.vote_open, room.vote_at = True, len(room.steps)
        await self.save(room)

    async def close_vote(self, room: ClassRoom) -> None:
        room.vote_open = False
        await self.save(room)

    async def vote(self, room: ClassRoom, sid: str, position: int) -> None:
        await self.store.hput(self._votes(room.code, room.vote_round), sid, str(position),
                              room.expires)
        await self.changed(room)

    async def votes(self, room: ClassRoom) -> dict[str, int]:
        if room.vote_round == 0:
            return {}
        raw = await self.store.hall(self._votes(room.code, room.vote_round))
        return {k: int(v) for k, v in raw.items()}

    async def step(self, room: ClassRoom, step: int | str) -> None:
        """The projector's life moves on (the vote about the old scene is over)."""
        room.steps.append(step)
        room.vote_open = False
        await self.save(room)

    async def set_reveal(self, room: ClassRoom, on: bool) -> None:
        room.reveal = on
        await self.save(room)


def _dump(room: ClassRoom) -> str:
    return json.dumps(asdict(room), separators=(",", ":"))
