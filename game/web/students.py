"""The students' pages: joining a class with its code, the class page with the vote,
voting, leaving, and the live stream that shows the vote bar and the reveal.

Students join with the short code alone and get a seat cookie (a random id,
nothing else); wrong codes are rate limited per address.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

from sse_starlette.sse import EventSourceResponse
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from game.web import lifeurl, scene
from game.web.classroom import JOIN_FAILS, ClassRoom, clean_code, clean_nick
from game.web.seats import COOKIE, POLL, classes_of, client, form, seat_of
from game.web.seats import web as _web


def routes() -> list[Route]:
    return [
        Route("/join", join_form),
        Route("/join", join, methods=["POST"]),
        Route("/join/{code}", join_form),
        Route("/class", class_page),
        Route("/class/vote", class_vote, methods=["POST"]),
        Route("/class/leave", class_leave, methods=["POST"]),
        Route("/class/events", class_events),
    ]


async def join_form(request: Request, problem: str | None = None, status: int = 200,
                    code: str = "") -> Response:
    code = code or clean_code(request.path_params.get("code", "")
                              or request.query_params.get("code", ""))
    return _web(request).page(request, "join.html.j2", status=status, code=code,
                              problem=problem, seat=await seat_of(request))


async def join(request: Request) -> Response:
    web = _web(request)
    classes = classes_of(request)
    data = await form(request)
    who, now = client(request), web.clock()
    if await classes.over("join", who, JOIN_FAILS, now):
        return await join_form(request, "Too many wrong codes from this device. Wait a few "
                               "minutes, then try again.", 429)
    code = clean_code(data.get("code", ""))
    room = await classes.get(code) if code else None
    if room is None:
        await classes.allow("join", who, JOIN_FAILS, now)
        return await join_form(request, "No class has that code. Check it on the board and "
                               "try again.", 400, code)
    sid = await classes.join(room, clean_nick(data.get("nick", "")))
    if sid is None:
        return await join_form(request, "This class is full.", 400, code)
    response = RedirectResponse("/class", status_code=303)
    response.set_cookie(COOKIE, f"{room.code}.{sid}", max_age=int(room.expires - now),
                        httponly=True, samesite="strict", secure=request.url.scheme == "https")
    return response


async def class_page(request: Request) -> Response:
    seat = await seat_of(request)
    if seat is None:
        return RedirectResponse("/join", status_code=303)
    web = _web(request)
    room = seat.room
    model: dict[str, Any] = {"vote": None}
    if room.voting_here():
        life, beat = lifeurl.walk(web.story, lifeurl.Where(room.scenario, room.ruleset, 0,
                                                           tuple(room.steps)))
        projector = scene.scene(life, beat, room.reveal)
        votes = await seat.classes.votes(room)
        model["vote"] = {"open": room.vote_open, "mine": votes.get(seat.sid),
                         "options": [c for c in projector["choices"] if c["can_take"]],
                         "paragraphs": projector["paragraphs"]}
    return web.page(request, "class.html.j2", seat=seat, c=model,
                    headers={"cache-control": "no-store"})


async def class_vote(request: Request) -> Response:
    seat = await seat_of(request)
    if seat is None:
        raise HTTPException(403)
    room = seat.room
    data = await form(request)
    if not (room.vote_open and room.voting_here()):
        return RedirectResponse("/class", status_code=303)
    web = _web(request)
    life, _ = lifeurl.walk(web.story, lifeurl.Where(room.scenario, room.ruleset, 0,
                                                    tuple(room.steps)))
    choice = data.get("choice", "")
    if not choice.isdigit() or int(choice) not in life.takeable():
        raise HTTPException(400)
    await seat.classes.vote(room, seat.sid, int(choice))
    return RedirectResponse("/class#vote", status_code=303)


async def class_leave(request: Request) -> Response:
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(COOKIE)
    return response


def student_state(room: ClassRoom | None) -> dict[str, Any]:
    if room is None:
        return {"gone": True}
    return {"reveal": room.reveal, "vote": room.vote_round if room.vote_open
            and room.voting_here() else 0}


async def class_events(request: Request) -> Response:
    seat = await seat_of(request)
    if seat is None:
        raise HTTPException(403)
    classes, code = seat.classes, seat.room.code

    async def stream() -> AsyncIterator[dict[str, str]]:
        said = ""
        while True:
            state = student_state(await classes.get(code))
            text = json.dumps(state)
            if text != said:
                said = text
                yield {"event": "class", "data": text}
            if state.get("gone"):
                return
            await asyncio.sleep(POLL)

    return EventSourceResponse(stream(), headers={"cache-control": "no-store"}, ping=15)
