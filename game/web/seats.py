"""Who is asking: a student's seat (from the seat cookie), the client's address, a form.

Shared by the teacher's pages (game.web.teach), the students' pages
(game.web.students) and the player's pages (game.web.life_pages).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

from starlette.requests import Request

from game.web.classroom import Classes, ClassRoom

COOKIE = "rf_seat"
POLL = 0.4  # seconds between looks at the class's version, per live page


@dataclass
class Seat:
    """The class a browser has joined, and its seat."""

    classes: Classes
    room: ClassRoom
    sid: str
    seat: dict[str, Any]

    @property
    def nick(self) -> str | None:
        return self.seat.get("nick")


def web(request: Request) -> Any:
    return request.app.state.web


def classes_of(request: Request) -> Classes:
    return Classes(web(request).store)


def client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


async def form(request: Request) -> dict[str, str]:
    """An urlencoded form (bounded by the guard), first value of each field."""
    body = (await request.body()).decode("utf-8", errors="replace")
    return {k: v[0] for k, v in parse_qs(body, max_num_fields=20).items()}


async def seat_of(request: Request) -> Seat | None:
    raw = request.cookies.get(COOKIE, "")
    code, _, sid = raw.partition(".")
    if not code or not sid:
        return None
    classes = classes_of(request)
    room = await classes.get(code)
    if room is None:
        return None
    seat = await classes.seat(code, sid)
    return None if seat is None else Seat(classes, room, sid, seat)


