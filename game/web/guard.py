"""What every response carries and every request is held to: security headers, size limits.

A pure ASGI middleware (no buffering of responses, so server-sent events
stream through it): it refuses a request body larger than `max_body` with
413, a URL longer than `max_url` with 414, and adds a strict
Content-Security-Policy (scripts, styles and fonts from this server only; no
inline script; no frames; forms post only here), no-referrer (a teacher's
secret link must not leak in a Referer header) and no-sniff to each response.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; "
       "frame-ancestors 'none'")
# The printable debrief and the class summary carry their own inline CSS (they are
# also saved as files) and no script at all.
PRINT_CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
             "form-action 'none'; base-uri 'none'; frame-ancestors 'none'")

HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
]


class Guard:
    def __init__(self, app: ASGIApp, max_body: int = 8192, max_url: int = 2048) -> None:
        self.app = app
        self.max_body = max_body
        self.max_url = max_url

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        url_len = len(scope.get("raw_path") or b"") + len(scope.get("query_string") or b"")
        if url_len > self.max_url:
            await _refuse(send, 414, "That address is too long.")
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_body:
            await _refuse(send, 413, "That form was too large to read.")
            return
        await self.app(scope, self._bounded(receive), _with_headers(send))

    def _bounded(self, receive: Receive) -> Receive:
        seen = 0

        async def bounded() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise BodyTooLarge
            return message

        return bounded


class BodyTooLarge(Exception):
    """A body without Content-Length that grew past the limit (turned into 413 by the app)."""


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return 0
    return None


def _with_headers(send: Send) -> Send:
    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = list(message.get("headers", []))
            names = {k.lower() for k, _ in headers}
            if b"content-security-policy" not in names:
                headers.append((b"content-security-policy", CSP.encode()))
            headers += [h for h in HEADERS if h[0] not in names]
            message = {**message, "headers": headers}
        await send(message)

    return wrapped


async def _refuse(send: Send, status: int, text: str) -> None:
    body = (f"<!doctype html><meta charset=utf-8><title>Roam Freely</title>"
            f"<p>{text}</p>").encode()
    await _with_headers(send)({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"text/html; charset=utf-8"),
        (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
