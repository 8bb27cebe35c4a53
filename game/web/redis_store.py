"""The Redis class store: the same interface as MemoryStore, shared by every worker.

Each write sets the key's absolute expiry (EXPIREAT), so a class and all it
holds vanish from Redis twelve hours after it started even if nobody ends it.
Nothing here turns persistence on: run Redis with `--save "" --appendonly no`
so nothing about students reaches its disk (docs/web.md).
"""

from __future__ import annotations

import math

import redis.asyncio as aioredis


class RedisStore:
    def __init__(self, url: str) -> None:
        self.url = url
        self.redis = aioredis.from_url(url, decode_responses=True)

    async def get(self, key: str) -> str | None:
        return await self.redis.get(key)

    async def put(self, key: str, value: str, expire_at: float) -> None:
        await self.redis.set(key, value, exat=_at(expire_at))

    async def add(self, key: str, value: str, expire_at: float) -> bool:
        return bool(await self.redis.set(key, value, exat=_at(expire_at), nx=True))

    async def drop(self, *keys: str) -> None:
        if keys:
            await self.redis.delete(*keys)

    async def hput(self, key: str, field: str, value: str, expire_at: float) -> None:
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.hset(key, field, value)
            pipe.expireat(key, _at(expire_at))
            await pipe.execute()

    async def hget(self, key: str, field: str) -> str | None:
        return await self.redis.hget(key, field)

    async def hall(self, key: str) -> dict[str, str]:
        return await self.redis.hgetall(key)

    async def hcount(self, key: str) -> int:
        return int(await self.redis.hlen(key))

    async def bump(self, key: str, expire_at: float) -> int:
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.incr(key)
            pipe.expireat(key, _at(expire_at))
            value, _ = await pipe.execute()
        return int(value)

    async def count_keys(self, prefix: str) -> int:
        n = 0
        async for _ in self.redis.scan_iter(match=prefix + "*", count=500):
            n += 1
        return n

    async def ping(self) -> bool:
        return bool(await self.redis.ping())

    async def close(self) -> None:
        await self.redis.aclose()


def _at(expire_at: float) -> int:
    return max(1, math.ceil(expire_at))
