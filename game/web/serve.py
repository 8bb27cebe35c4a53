"""`python -m game serve`: run the web app on uvicorn, and say where the class joins.

127.0.0.1 by default (this computer only). With `--host 0.0.0.0` the class
joins at this machine's LAN address, found locally (interfaces or the host
name; no packet is sent anywhere) and printed with the teacher's address.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import sys
from pathlib import Path
from typing import Any


def lan_addresses() -> list[str]:
    """This machine's IPv4 addresses other than loopback, private ranges first."""
    found: list[str] = []
    try:
        import psutil

        for addrs in psutil.net_if_addrs().values():
            found += [a.address for a in addrs if a.family == socket.AF_INET]
    except Exception:  # noqa: BLE001 - psutil is optional; fall back to the host name
        pass
    try:
        found += [info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None,
                                                            socket.AF_INET)]
    except OSError:
        pass
    out = []
    for a in dict.fromkeys(found):
        ip = ipaddress.ip_address(a)
        if not (ip.is_loopback or ip.is_link_local or ip.is_unspecified):
            out.append(a)
    return sorted(out, key=lambda a: not ipaddress.ip_address(a).is_private)


def join_base(host: str, port: int) -> str | None:
    """The address students type: the LAN address when serving to the network."""
    if host in ("0.0.0.0", "::", ""):
        addrs = lan_addresses()
        return f"http://{addrs[0]}:{port}" if addrs else None
    return None


def serve(story_dir: Path, host: str, port: int, store_url: str | None,
          workers: int = 1) -> int:
    import uvicorn

    from game.cli.commands import load
    from game.web.app import create_app
    from game.web.store import open_store

    story = load(story_dir)  # refuses a broken story here, with its errors, before serving
    base = join_base(host, port)
    shown = base or f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}"
    print(f"Roam Freely is being served at {shown}/", file=sys.stderr)
    print(f"  Teachers start a class at {shown}/teach", file=sys.stderr)
    if base:
        print(f"  Students join at {base}/join", file=sys.stderr)
    elif host in ("0.0.0.0", "::"):
        print("  No network address was found on this computer: is it on the school "
              "network?", file=sys.stderr)
    elif host in ("127.0.0.1", "localhost"):
        print("  Only this computer can open it. To let a class join over the school "
              "network, add --host 0.0.0.0", file=sys.stderr)
    print("  Press Ctrl+C to stop.", file=sys.stderr)
    options = {"host": host, "port": port, "log_level": "warning", "server_header": False,
               "timeout_graceful_shutdown": 2, "proxy_headers": True,
               "h11_max_incomplete_event_size": 16384}
    if workers > 1:  # each worker builds its own app (game.web.asgi) from these
        os.environ.update(ROAM_FREELY_STORY=str(story_dir), ROAM_FREELY_STORE=store_url or "",
                          ROAM_FREELY_JOIN_URL=base or "")
        uvicorn.run("game.web.asgi:app_from_env", factory=True, workers=workers, **options)
        return 0
    app = create_app(story, open_store(store_url), join_base=base)
    uvicorn.Server(uvicorn.Config(app, **options)).run()
    return 0


def main_serve(args: Any) -> int:
    """The `serve` subcommand: check the arguments, then serve until Ctrl+C."""
    from game.cli.errors import UsageError

    if not 1 <= args.port <= 65535:
        raise UsageError(f"--port takes a number from 1 to 65535, not {args.port}")
    from game.web.store import check_url

    try:
        check_url(args.store)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if args.workers < 1:
        raise UsageError("--workers takes a number of 1 or more")
    if args.workers > 1 and not (args.store or "").startswith(("redis", "unix")):
        raise UsageError("several workers must share their classes: add --store redis://...")
    return serve(args.story, args.host, args.port, args.store, args.workers)
