"""The web app: one Starlette application over the engine host, for browsers.

`create_app(story, store)` builds it: the player's routes (game.web.life_pages),
the live class (game.web.teach), the static files and fonts, the security
middleware (game.web.guard) and friendly error pages. Every page is rendered
on the server from jinja2 templates with autoescaping on, so a form works
without JavaScript; the one small script only makes the class pages live.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from game.engine.model import Story
from game.paths import assets
from game.picture_slots import face_name
from game.web.guard import BodyTooLarge, Guard
from game.web.store import MemoryStore, Store

HERE = Path(__file__).resolve().parent
FONTS = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf")
MESSAGES = {
    400: "That request did not make sense to the game.",
    403: "That link is not valid (or no longer valid).",
    404: "There is nothing at this address.",
    405: "That page cannot be used this way.",
    413: "That form was too large to read.",
    429: "Too many tries in a short time. Wait a minute, then try again.",
    500: "Something went wrong on the server. Go back and try again.",
}


@dataclass
class Web:
    """What every route needs: the story, the class store, the templates, the clock."""

    story: Story
    store: Store
    templates: jinja2.Environment
    clock: Callable[[], float] = time.time
    join_base: str | None = None  # e.g. http://192.168.1.20:8000, shown to the class
    cache: dict[str, Any] = field(default_factory=dict)

    def page(self, request: Request, name: str, status: int = 200,
             headers: dict[str, str] | None = None, **model: Any) -> HTMLResponse:
        html = self.templates.get_template(name).render(request=request, **model)
        return HTMLResponse(html, status_code=status, headers=headers)


def templates() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
        undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["signed"] = _signed
    return env


def _signed(n: int) -> str:
    return f"+{n}" if n > 0 else f"\u2212{-n}" if n < 0 else "0"


def web_of(request: Request) -> Web:
    return request.app.state.web


def create_app(story: Story, store: Store | None = None, *, join_base: str | None = None,
               clock: Callable[[], float] = time.time, max_body: int = 8192) -> Starlette:
    """The ASGI app for one story. `store`: where classes live (default: in memory)."""
    from game.web import life_pages as play
    from game.web import students, teach

    web = Web(story, store or MemoryStore(clock), templates(), clock, join_base)
    routes = [*play.routes(), *teach.routes(), *students.routes(),
              Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
              Route("/fonts/{name}", font), Route("/pictures/{name}", picture)]
    app = Starlette(routes=routes, middleware=[Middleware(Guard, max_body=max_body)],
                    exception_handlers={HTTPException: http_error, BodyTooLarge: too_large,
                                        Exception: server_error},
                    lifespan=_lifespan(web))
    app.state.web = web
    return app


def _lifespan(web: Web) -> Callable[[Starlette], Any]:
    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        await web.store.close()

    return lifespan


async def font(request: Request) -> Response:
    name = request.path_params["name"]
    if name not in FONTS:
        raise HTTPException(404)
    return FileResponse(assets() / "fonts" / name, media_type="font/ttf",
                        headers={"cache-control": "public, max-age=604800"})


async def picture(request: Request) -> Response:
    """A scene's picture from the story's images/ folder: only names a scene uses, and
    the lives' faces."""
    web = web_of(request)
    name = request.path_params["name"]
    if name not in pictures(web):
        raise HTTPException(404)
    path = Path(web.story.root) / "images" / name
    if not path.is_file():
        raise HTTPException(404)
    kind = "image/svg+xml" if name.endswith(".svg") else "image/png" if name.endswith(
        ".png") else "image/jpeg"
    # An SVG could carry script: as an <img> it never runs, and opened alone it may not.
    return FileResponse(path, media_type=kind, headers={
        "cache-control": "public, max-age=86400",
        "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'"})


def pictures(web: Web) -> set[str]:
    names = web.cache.get("pictures")
    if names is None:
        names = {scene.image for sc in web.story.scenarios.values()
                 for scene in sc.scenes.values() if scene.image}
        names |= {face_name(sid, web.story) for sid in web.story.scenarios}  # see scene.face
        web.cache["pictures"] = names
    return names


def error_page(request: Request, status: int) -> HTMLResponse:
    web = web_of(request)
    return web.page(request, "error.html.j2", status=status,
                    message=MESSAGES.get(status, MESSAGES[400]), seat=None)


async def http_error(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 400
    return error_page(request, status)


async def too_large(request: Request, exc: Exception) -> Response:
    return error_page(request, 413)


async def server_error(request: Request, exc: Exception) -> Response:
    # The engine's words never reach a player: a plain sentence, whatever went wrong.
    return error_page(request, 500)
