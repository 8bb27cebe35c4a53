"""The live class's pages: the teacher's page and actions, joining, voting, live updates.

The teacher's link carries the class's secret key (`/teach/CODE/KEY`); every
teacher action needs it. Students join with the short code alone and get a
seat cookie (a random id, nothing else). The teacher's page and the students'
pages follow the class through server-sent events; without JavaScript they
still work by reloading.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

from markupsafe import Markup
from sse_starlette.sse import EventSourceResponse
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from game.web import lifeurl, scene
from game.web.classroom import JOIN_FAILS, STARTS, Classes, ClassRoom, clean_code, clean_nick
from game.web.guard import PRINT_CSP

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


def routes() -> list[Route]:
    return [
        Route("/teach", teach_start, methods=["GET", "POST"]),
        Route("/teach/{code}/{key}", teacher_page),
        Route("/teach/{code}/{key}/live", teacher_live),
        Route("/teach/{code}/{key}/events", teacher_events),
        Route("/teach/{code}/{key}/do", teacher_do, methods=["POST"]),
        Route("/teach/{code}/{key}/summary", teacher_summary),
        Route("/join", join_form),
        Route("/join", join, methods=["POST"]),
        Route("/join/{code}", join_form),
        Route("/class", class_page),
        Route("/class/vote", class_vote, methods=["POST"]),
        Route("/class/leave", class_leave, methods=["POST"]),
        Route("/class/events", class_events),
    ]


def _web(request: Request) -> Any:
    return request.app.state.web


def classes_of(request: Request) -> Classes:
    return Classes(_web(request).store)


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


# -- the teacher ---------------------------------------------------------------------

async def teach_start(request: Request) -> Response:
    web = _web(request)
    story = web.story
    if request.method == "POST":
        data = await form(request)
        classes = classes_of(request)
        try:
            scenario = sorted(story.scenarios)[int(data.get("l", ""))]
            own = data.get("r", "own") == "own"
            ruleset = (story.scenarios[scenario].ruleset if own
                       else sorted(story.rulesets)[int(data.get("r", ""))])
        except (ValueError, IndexError):
            raise HTTPException(400) from None
        if not await classes.allow("start", client(request), STARTS, web.clock()):
            raise HTTPException(429)
        room = await classes.start(scenario, ruleset, web.clock())
        if room is None:
            raise HTTPException(429)
        return RedirectResponse(f"/teach/{room.code}/{room.key}", status_code=303)
    from game.web.play import lives

    rorder = sorted(story.rulesets)
    rulesets = [{"n": rorder.index(r), "name": rs.name} for r, rs in story.rulesets.items()]
    return web.page(request, "teach_start.html.j2", lives=lives(story), rulesets=rulesets,
                    seat=None)


async def _teacher(request: Request) -> tuple[Classes, ClassRoom]:
    classes = classes_of(request)
    room = await classes.for_teacher(request.path_params["code"], request.path_params["key"])
    if room is None:
        raise HTTPException(403)
    return classes, room


def join_address(request: Request, code: str) -> str:
    web = _web(request)
    base = web.join_base or str(request.base_url).rstrip("/")
    return f"{base}/join/{code}"


def qr_svg(text: str) -> Markup:
    import segno

    # A white background scans on a dark projector too (tech-notes.md).
    svg = segno.make(text, error="m").svg_inline(scale=1, dark="#1c2230", light="#ffffff",
                                                 border=2, omitsize=True)
    return Markup(svg)  # noqa: S704 - segno's own SVG of our own address


async def teacher_model(request: Request, classes: Classes, room: ClassRoom) -> dict[str, Any]:
    from game.web import summary

    web = _web(request)
    seats = await classes.seats(room.code)
    life, beat = lifeurl.walk(web.story, lifeurl.Where(room.scenario, room.ruleset, 0,
                                                       tuple(room.steps)))
    projector = scene.scene(life, beat, room.reveal)
    votes = await classes.votes(room) if room.voting_here() else {}
    return {
        "room": room, "seats": seats, "projector": projector,
        "joined": len(seats),
        "playing": sum(1 for s in seats.values() if s.get("life") and not s.get("ended")),
        "finished": sum(1 for s in seats.values() if s.get("done")),
        "nicks": sorted(s["nick"] for s in seats.values() if s.get("nick")),
        "vote": vote_model(projector, votes, room),
        "summary": await summary.of_class(web, room, seats),
        "base": f"/teach/{room.code}/{room.key}",
    }


def vote_model(projector: dict[str, Any], votes: dict[str, int],
               room: ClassRoom) -> dict[str, Any]:
    options = [c for c in projector["choices"] if c["can_take"]]
    counts = {c["position"]: 0 for c in options}
    for position in votes.values():
        if position in counts:
            counts[position] += 1
    total = sum(counts.values())
    top = max(counts.values(), default=0)
    leaders = [p for p, n in counts.items() if n == top and n > 0]
    return {"open": room.vote_open and room.voting_here(), "held": room.voting_here(),
            "total": total, "possible": bool(options),
            "bars": [{"position": c["position"], "text": c["text"], "closed": c["closed"],
                      "n": counts[c["position"]],
                      "share": round(100 * counts[c["position"]] / total) if total else 0,
                      "lead": c["position"] in leaders and len(leaders) == 1}
                     for c in options]}


async def teacher_page(request: Request) -> Response:
    classes, room = await _teacher(request)
    model = await teacher_model(request, classes, room)
    address = join_address(request, room.code)
    return _web(request).page(request, "teach.html.j2", t=model, join=address,
                              qr=qr_svg(address), seat=None,
                              headers={"cache-control": "no-store"})


async def teacher_live(request: Request) -> Response:
    classes, room = await _teacher(request)
    return HTMLResponse(await render_live(request, classes, room),
                        headers={"cache-control": "no-store"})


async def render_live(request: Request, classes: Classes, room: ClassRoom) -> str:
    model = await teacher_model(request, classes, room)
    return _web(request).templates.get_template("_teach_live.html.j2").render(t=model)


async def teacher_events(request: Request) -> Response:
    classes, room = await _teacher(request)
    last = request.headers.get("last-event-id", "")

    async def stream() -> AsyncIterator[dict[str, str]]:
        seen = int(last) if last.isdigit() else -1
        while True:
            current = await classes.get(room.code)
            if current is None:
                yield {"event": "gone", "data": "The class has ended."}
                return
            v = await classes.version(room.code)
            if v != seen:
                seen = v
                html = await render_live(request, classes, current)
                yield {"event": "live", "id": str(v), "data": html}
            await asyncio.sleep(POLL)

    return EventSourceResponse(stream(), headers={"cache-control": "no-store"}, ping=15)


async def teacher_do(request: Request) -> Response:
    classes, room = await _teacher(request)
    data = await form(request)
    act = data.get("act", "")
    base = f"/teach/{room.code}/{room.key}"
    web = _web(request)
    if act == "end":
        await classes.end(room)
        return web.page(request, "ended.html.j2", seat=None)
    if act == "vote-open":
        await classes.open_vote(room)
    elif act == "vote-close":
        await classes.close_vote(room)
    elif act in ("reveal", "hide"):
        await classes.set_reveal(room, act == "reveal")
    elif act == "continue" or act.startswith("take-"):
        life, _ = lifeurl.walk(web.story, lifeurl.Where(room.scenario, room.ruleset, 0,
                                                        tuple(room.steps)))
        if act == "continue" and life.can_go_on:
            await classes.step(room, lifeurl.GO_ON)
        elif act.startswith("take-") and act[5:].isdigit() and int(act[5:]) in life.takeable():
            await classes.step(room, int(act[5:]))
        else:
            raise HTTPException(400)
    elif act == "restart":
        room.steps, room.vote_open = [], False
        await classes.save(room)
    else:
        raise HTTPException(400)
    return RedirectResponse(f"{base}#{data.get('at', 'top')}", status_code=303)


async def teacher_summary(request: Request) -> Response:
    """The class summary as the same HTML page as `class-report` (a download, not a file here)."""
    from game.web import summary

    classes, room = await _teacher(request)
    html = summary.export(_web(request).story, await classes.seats(room.code))
    return HTMLResponse(html, headers={
        "content-security-policy": PRINT_CSP, "cache-control": "no-store",
        "content-disposition": f'attachment; filename="class-summary-{room.code}.html"'})


# -- students ------------------------------------------------------------------------

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
