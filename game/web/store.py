"""The class store: where live classes are kept, behind one small interface.

The classroom logic (game.web.classroom) speaks only to `Store`: a few
key-value, hash and counter operations, each key with an absolute expiry
time. `MemoryStore` keeps everything in this process (the default: one
`serve` process, nothing on disk); `RedisStore` (game.web.redis_store) keeps
it in Redis so several uvicorn workers behind a reverse proxy share classes.
Both pass the same contract tests (tests/web/test_store.py).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Protocol


class Store(Protocol):
    """Strings under keys; every write names the key's expiry (seconds since the epoch)."""

    async def get(self, key: str) -> str | None: ...
    async def put(self, key: str, value: str, expire_at: float) -> None: ...
    async def add(self, key: str, value: str, expire_at: float) -> bool:
        """Write only if the key is free; True if written (join codes use it)."""
    async def drop(self, *keys: str) -> None: ...
    async def hput(self, key: str, field: str, value: str, expire_at: float) -> None: ...
    async def hget(self, key: str, field: str) -> str | None: ...
    async def hall(self, key: str) -> dict[str, str]: ...
    async def hcount(self, key: str) -> int: ...
    async def bump(self, key: str, expire_at: float) -> int:
        """Add one to a counter (0 if absent) and return the new value."""
    async def count_keys(self, prefix: str) -> int: ...
    async def close(self) -> None: ...


class MemoryStore:
    """Everything in a dict in this process; expired keys vanish when next touched.

    `clock` is injectable so tests can jump twelve hours ahead.
    """

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self.clock = clock
        self._data: dict[str, tuple[float, str | dict[str, str]]] = {}
        self._writes = 0

    def _wrote(self) -> None:
        # Keys nobody reads again (old rate-limit windows, forgotten classes) must not
        # pile up in a server that runs all term: sweep now and then.
        self._writes += 1
        if self._writes % 500 == 0:
            self.sweep()

    def _live(self, key: str) -> str | dict[str, str] | None:
        item = self._data.get(key)
        if item is None:
            return None
        if item[0] <= self.clock():
            del self._data[key]
            return None
        return item[1]

    def sweep(self) -> None:
        """Forget every expired key (called now and then, so memory does not grow)."""
        now = self.clock()
        for key in [k for k, (at, _) in self._data.items() if at <= now]:
            del self._data[key]

    async def get(self, key: str) -> str | None:
        value = self._live(key)
        return value if isinstance(value, str) else None

    async def put(self, key: str, value: str, expire_at: float) -> None:
        self._data[key] = (expire_at, value)
        self._wrote()

    async def add(self, key: str, value: str, expire_at: float) -> bool:
        if self._live(key) is not None:
            return False
        self._data[key] = (expire_at, value)
        return True

    async def drop(self, *keys: str) -> None:
        for key in keys:
            self._data.pop(key, None)

    async def hput(self, key: str, field: str, value: str, expire_at: float) -> None:
        current = self._live(key)
        table = dict(current) if isinstance(current, dict) else {}
        table[field] = value
        self._data[key] = (expire_at, table)
        self._wrote()

    async def hget(self, key: str, field: str) -> str | None:
        current = self._live(key)
        return current.get(field) if isinstance(current, dict) else None

    async def hall(self, key: str) -> dict[str, str]:
        current = self._live(key)
        return dict(current) if isinstance(current, dict) else {}

    async def hcount(self, key: str) -> int:
        current = self._live(key)
        return len(current) if isinstance(current, dict) else 0

    async def bump(self, key: str, expire_at: float) -> int:
        current = self._live(key)
        value = (int(current) if isinstance(current, str) else 0) + 1
        self._data[key] = (expire_at, str(value))
        self._wrote()
        return value

    async def count_keys(self, prefix: str) -> int:
        self.sweep()
        return sum(1 for k in self._data if k.startswith(prefix))

    async def close(self) -> None:
        self._data.clear()


def check_url(url: str | None) -> None:
    """ValueError unless `url` is empty, "memory" or a Redis address."""
    if url and url != "memory" and not url.startswith(("redis://", "rediss://", "unix://")):
        raise ValueError(f"--store takes 'memory' or a redis:// address, not {url!r}")


def open_store(url: str | None, clock: Callable[[], float] = time.time) -> Store:
    """`None` or "memory": a MemoryStore; "redis://...": a RedisStore. ValueError otherwise."""
    check_url(url)
    if not url or url == "memory":
        return MemoryStore(clock)
    from game.web.redis_store import RedisStore

    return RedisStore(url)
