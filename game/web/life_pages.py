"""The player's pages: pick a life and its rules, play it, read the debrief.

Each page is a GET of an address that holds the whole life (game.web.lifeurl),
so choices are plain links: they work without JavaScript, by keyboard and
touch, and the back button goes back one step. In a class, the class decides
the mode: opaque until the teacher's reveal, transparent after it.
"""

from __future__ import annotations

from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from game.codes import CodeError, decode, encode
from game.engine.host import Life, PlayError
from game.web import debrief, lifeurl, scene
from game.web.app import web_of
from game.web.guard import PRINT_CSP
from game.web.seats import Seat, seat_of


def routes() -> list[Route]:
    return [
        Route("/", home),
        Route("/begin/{n:int}", begin),
        Route("/start", start),
        Route("/life/{token}", life_page),
        Route("/debrief/{token}", debrief_page),
        Route("/print/{token}", printable),
        Route("/code", by_code),
    ]


def lives(story: Any) -> list[dict[str, Any]]:
    """The lives on offer, in the story's order, each with its index in the address."""
    order = sorted(story.scenarios)
    return [{"n": order.index(sid), "title": s.title, "role": s.role, "blurb": s.blurb,
             "minutes": s.minutes} for sid, s in story.scenarios.items()]


async def home(request: Request) -> Response:
    web = web_of(request)
    seat = await seat_of(request)
    return web.page(request, "home.html.j2", lives=lives(web.story), seat=seat,
                    title=web.story.title)


async def begin(request: Request) -> Response:
    web = web_of(request)
    story = web.story
    order = sorted(story.scenarios)
    n = request.path_params["n"]
    if not 0 <= n < len(order):
        raise HTTPException(404)
    sc = story.scenarios[order[n]]
    rorder = sorted(story.rulesets)
    own = sc.ruleset
    rulesets = [{"n": rorder.index(rid), "name": rs.name, "summary": rs.summary,
                 "own": rid == own, "fidelity": scene.fidelity(rs.fidelity)}
                for rid, rs in sorted(story.rulesets.items(), key=lambda kv: kv[0] != own)]
    seat = await seat_of(request)
    return web.page(request, "begin.html.j2", n=n, life={"title": sc.title, "role": sc.role,
                    "blurb": sc.blurb, "minutes": sc.minutes}, rulesets=rulesets, seat=seat)


async def start(request: Request) -> Response:
    web = web_of(request)
    story = web.story
    q = request.query_params
    try:
        si, ri = int(q.get("l", "")), int(q.get("r", ""))
        scenario, ruleset = sorted(story.scenarios)[si], sorted(story.rulesets)[ri]
    except (ValueError, IndexError):
        raise HTTPException(400) from None
    if si < 0 or ri < 0:
        raise HTTPException(400)
    seat = await seat_of(request)
    if seat is not None:
        await seat.classes.playing(seat.room, seat.sid, scenario, ruleset)
    token = lifeurl.token(story, scenario, ruleset, 0, [])
    return RedirectResponse(f"/life/{token}?m={_mode(q.get('m'))}", status_code=303)


def _mode(value: str | None) -> str:
    return "t" if value == "t" else "o"


def mode_for(request: Request, seat: Seat | None) -> str:
    """The class decides (opaque until the reveal); alone, the player's own choice."""
    if seat is not None:
        return "t" if seat.room.reveal else "o"
    return _mode(request.query_params.get("m"))


def _walk(request: Request) -> tuple[lifeurl.Where, Life, Any]:
    web = web_of(request)
    try:
        where = lifeurl.read(web.story, request.path_params["token"])
        life, beat = lifeurl.walk(web.story, where)
    except lifeurl.BadToken:
        raise HTTPException(404) from None
    return where, life, beat


async def life_page(request: Request) -> Response:
    web = web_of(request)
    where, life, beat = _walk(request)
    seat = await seat_of(request)
    mode = mode_for(request, seat)
    token = request.path_params["token"]
    if life.ended and seat is not None:
        await _record(seat, life)
    model = scene.scene(life, beat, mode == "t")
    for c in model["choices"]:
        if c["can_take"]:
            c["href"] = f"/life/{lifeurl.extend(web.story, where, c['position'])}?m={mode}"
    go_on = f"/life/{lifeurl.extend(web.story, where, lifeurl.GO_ON)}?m={mode}"
    other = "o" if mode == "t" else "t"
    return web.page(request, "life.html.j2", s=model, token=token, mode=mode, seat=seat,
                    go_on=go_on, switch=None if seat else f"/life/{token}?m={other}",
                    back=f"/begin/{sorted(web.story.scenarios).index(where.scenario)}")


async def _record(seat: Seat, life: Life) -> None:
    try:
        code = encode(life.story, life.playthrough)
    except CodeError:
        return
    await seat.classes.finished(seat.room, seat.sid, code)


async def debrief_page(request: Request) -> Response:
    web = web_of(request)
    where, life, _ = _walk(request)
    if not life.ended:
        raise HTTPException(404)
    seat = await seat_of(request)
    mode = mode_for(request, seat)
    if seat is not None:
        await _record(seat, life)
    model = debrief.build(life, mode == "t")
    # In a class the teacher reveals what really happened: until then the debrief
    # shows what a citizen is told, and the ending.
    held = seat is not None and not seat.room.reveal
    return web.page(request, "debrief.html.j2", d=model, token=request.path_params["token"],
                    mode=mode, seat=seat, held=held)


async def by_code(request: Request) -> Response:
    """A replay code typed in: its debrief (the same life, replayed), or why not."""
    web = web_of(request)
    text = request.query_params.get("c", "")[:80]
    problem = None
    if text.strip():
        try:
            pt = decode(web.story, text)
            life, stop = Life.replay(web.story, pt)
        except (CodeError, PlayError) as exc:
            problem = str(exc) if isinstance(exc, CodeError) else _NOT_REPLAYABLE
        else:
            if stop is None and life.ended:
                token = lifeurl.token(web.story, pt.scenario, pt.ruleset, pt.seed,
                                      life.intents)
                return RedirectResponse(f"/debrief/{token}", status_code=303)
            problem = _NOT_REPLAYABLE
    return web.page(request, "code.html.j2", code=text, problem=problem,
                    seat=await seat_of(request), status=400 if problem else 200)


_NOT_REPLAYABLE = ("This code's choices cannot be played to an ending with this version "
                   "of the story.")


async def printable(request: Request) -> Response:
    """The same printable debrief as `python -m game report` (its own inline CSS, no script)."""
    from game.reports.debrief import render_report

    web = web_of(request)
    _, life, _ = _walk(request)
    if not life.ended:
        raise HTTPException(404)
    seat = await seat_of(request)
    if seat is not None and not seat.room.reveal:  # the class has not had its reveal yet
        return RedirectResponse(f"/debrief/{request.path_params['token']}", status_code=303)
    html = render_report(web.story, life.playthrough)
    return HTMLResponse(html, headers={"content-security-policy": PRINT_CSP})
