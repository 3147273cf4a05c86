"""Resources the routes share, created by the app's lifespan."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import asyncpg
from nats.aio.client import Client
from nats.js import JetStreamContext

from docmill_gateway.dispatcher import Dispatcher
from docmill_gateway.settings import GatewaySettings


@dataclass(kw_only=True)
class AppState:
    settings: GatewaySettings
    pool: asyncpg.Pool
    nc: Client
    js: JetStreamContext
    dispatcher: Dispatcher
    cache: dict[str, tuple[float, Any]] = field(default_factory=dict)

    def cached(self, key: str, ttl_s: float) -> Any | None:
        """A value computed less than `ttl_s` ago, else None."""
        hit = self.cache.get(key)
        if hit is not None and time.monotonic() - hit[0] < ttl_s:
            return hit[1]
        return None

    def remember(self, key: str, value: Any) -> Any:
        self.cache[key] = (time.monotonic(), value)
        return value

    def forget(self, key: str) -> None:
        self.cache.pop(key, None)
