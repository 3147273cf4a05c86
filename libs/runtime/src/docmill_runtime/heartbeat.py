"""Keep a long-running message alive: `in_progress()` resets its ack wait."""

from __future__ import annotations

import asyncio
import contextlib
from types import TracebackType

import structlog
from nats.aio.msg import Msg

log = structlog.get_logger(__name__)


class Heartbeat:
    """Async context manager that heartbeats `msg` every `interval_s` seconds."""

    def __init__(self, msg: Msg, *, interval_s: float = 10.0) -> None:
        self._msg = msg
        self._interval = interval_s
        self._task: asyncio.Task[None] | None = None

    async def beat(self) -> None:
        """Heartbeat now (also usable as a callback while waiting on something)."""
        with contextlib.suppress(Exception):
            await self._msg.in_progress()

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(self._interval)
            await self.beat()

    async def __aenter__(self) -> Heartbeat:
        self._task = asyncio.create_task(self._run(), name="heartbeat")
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
