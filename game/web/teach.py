"""The teacher's pages: starting a class, the teacher's live page and its actions,
the class summary.

The teacher's link carries the class's secret key (`/teach/CODE/KEY`); every
teacher action needs it. The live panel follows the class through server-sent
events; without JavaScript the page reloads itself.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

from markupsafe import Markup
from sse_starlette.sse import EventSourceResponse
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from game.web import lifeurl, scene
from game.web.classroom import STARTS, Classes, ClassRoom
from game.web.guard import PRINT_CSP
from game.web.seats import POLL, classes_of, client, form
from game.web.seats import web as _web


def routes() -> list[Route]:
    return [
        Route("/teach", teach_start, methods=["GET", "POST"]),
        Route("/teach/{code}/{key}", teacher_page),
        Route("/teach/{code}/{key}/live", teacher_live),
        Route("/teach/{code}/{key}/events", teacher_events),
        Route("/teach/{code}/{key}/do", teacher_do, methods=["POST"]),
        Route("/teach/{code}/{key}/summary", teacher_summary),
    ]


# -- the teacher ---------------------------------------------------------------------

async def teach_start(request: Request) -> Response:
    web = _web(request)
    story = web.story
    if request.method == "POST":
        data = await form(request)
        classes = classes_of(request)
        try:
            scenario = sorted(story.scenarios)[_index(data.get("l", ""))]
            own = data.get("r", "own") == "own"
            ruleset = (story.scenarios[scenario].ruleset if own
                       else sorted(story.rulesets)[_index(data.get("r", ""))])
        except (ValueError, IndexError):
            raise HTTPException(400) from None
        if not await classes.allow("start", client(request), STARTS, web.clock()):
            raise HTTPException(429)
        room = await classes.start(scenario, ruleset, web.clock())
        if room is None:
            raise HTTPException(429)
        return RedirectResponse(f"/teach/{room.code}/{room.key}", status_code=303)
    from game.web.life_pages import lives

    rorder = sorted(story.rulesets)
    rulesets = [{"n": rorder.index(r), "name": rs.name} for r, rs in story.rulesets.items()]
    return web.page(request, "teach_start.html.j2", lives=lives(story), rulesets=rulesets,
                    seat=None)


def _index(text: str) -> int:
    """A list position from a form: digits only (no sign, so no counting from the end)."""
    if not text.isdigit():
        raise ValueError(text)
    return int(text)


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
