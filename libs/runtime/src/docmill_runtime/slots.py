"""A resizable concurrency limit: the semaphore sized from KV `pipeline`."""

from __future__ import annotations

import asyncio


class Slots:
    """Counts handlers in flight against a limit that can change at any time."""

    def __init__(self, limit: int) -> None:
        self._limit = max(1, limit)
        self._active = 0
        self._changed = asyncio.Condition()

    @property
    def limit(self) -> int:
        return self._limit

    @property
    def active(self) -> int:
        return self._active

    @property
    def free(self) -> int:
        return max(0, self._limit - self._active)

    async def resize(self, limit: int) -> None:
        """Change the limit; in-flight handlers above a lower limit finish normally."""
        async with self._changed:
            self._limit = max(1, limit)
            self._changed.notify_all()

    async def wait_free(self, *, stop: asyncio.Event) -> int:
        """Wait until at least one slot is free (or stop is set); return free slots."""
        async with self._changed:
            while self.free == 0 and not stop.is_set():
                waiter = asyncio.ensure_future(stop.wait())
                try:
                    await asyncio.wait_for(self._changed.wait(), timeout=0.5)
                except TimeoutError:
                    pass
                finally:
                    waiter.cancel()
            return self.free

    def take(self, n: int = 1) -> None:
        self._active += n

    async def release(self) -> None:
        async with self._changed:
            self._active -= 1
            self._changed.notify_all()

    async def wait_idle(self, within_s: float) -> bool:
        """Wait until nothing is in flight; False when the timeout ran out first."""
        async def _idle() -> None:
            async with self._changed:
                await self._changed.wait_for(lambda: self._active == 0)

        try:
            await asyncio.wait_for(_idle(), within_s)
            return True
        except TimeoutError:
            return False
