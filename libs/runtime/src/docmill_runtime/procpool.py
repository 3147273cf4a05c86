"""A process pool for CPU work with per-task time limits and self-healing.

`concurrent.futures` cannot stop one running task, so a task past its limit
costs the whole pool: its processes are killed and a fresh pool takes over.
Tasks of other callers caught in that restart are resubmitted transparently.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import functools
import multiprocessing
from collections.abc import Callable
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

import structlog

from docmill_runtime.errors import DocmillError

log = structlog.get_logger(__name__)

T = TypeVar("T")

# A task caught in someone else's pool restart is resubmitted at most this often.
_MAX_RESUBMITS = 2


class TaskTimeoutError(DocmillError):
    """A pool task ran past its time limit; the pool was restarted."""


class TaskCrashedError(DocmillError):
    """The process running a task died (segfault, OOM kill); the pool was restarted."""


def _noop() -> None:
    return None


class TaskPool:
    """Process pool of `size` workers; at most `size` tasks are submitted at once.

    Submitting only when a worker is free makes the time limit measure run time,
    not time spent queueing behind other documents.
    """

    def __init__(
        self,
        *,
        size: int,
        initializer: Callable[..., object] | None = None,
        initargs: tuple[Any, ...] = (),
        start_method: str = "forkserver",
        preload: tuple[str, ...] = (),
        name: str = "pool",
    ) -> None:
        self._size = max(1, size)
        self._initializer = initializer
        self._initargs = initargs
        self._ctx = multiprocessing.get_context(start_method)
        if preload and start_method == "forkserver":
            # Imported once in the fork server, so every (re)started worker is ready at once.
            self._ctx.set_forkserver_preload(list(preload))
        self._name = name
        self._executor: concurrent.futures.ProcessPoolExecutor | None = None
        self._generation = 0
        self._free = asyncio.Semaphore(self._size)
        self._lock = asyncio.Lock()
        self._running = 0  # tasks on a worker now
        self._queued = 0  # tasks waiting for a free worker
        self._task_ended = asyncio.Event()

    @property
    def size(self) -> int:
        return self._size

    @property
    def idle(self) -> int:
        """Workers with no task that no queued task is about to take."""
        return max(0, self._size - self._running - self._queued)

    async def wait_until(self, ready: Callable[[], bool]) -> None:
        """Wait until `ready()` holds; it is checked again whenever a task ends."""
        while not ready():
            await self._task_ended.wait()

    @property
    def generation(self) -> int:
        """How many pools were started so far (grows on every restart)."""
        return self._generation

    async def __aenter__(self) -> TaskPool:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def start(self) -> None:
        """Start the worker processes and wait until each is up."""
        async with self._lock:
            await self._replace_locked(kill=False)

    async def resize(self, size: int) -> None:
        """Use `size` workers from now on; running tasks finish on the old pool."""
        size = max(1, size)
        if size == self._size:
            return
        async with self._lock:
            log.info("pool_resized", pool=self._name, old=self._size, new=size)
            self._size = size
            self._free = asyncio.Semaphore(size)
            await self._replace_locked(kill=False)

    async def close(self) -> None:
        """Stop the workers, killing any that are still busy."""
        async with self._lock:
            if self._executor is not None:
                _shutdown(self._executor, kill=True)
                self._executor = None

    async def run(self, fn: Callable[..., T], *args: Any, time_limit: float, **kwargs: Any) -> T:
        """Run `fn(*args, **kwargs)` in a worker process within `time_limit` seconds."""
        call = functools.partial(fn, *args, **kwargs)
        free = self._free
        self._queued += 1
        try:
            await free.acquire()
        finally:
            self._queued -= 1
        self._running += 1
        try:
            return await self._run_acquired(call, time_limit=time_limit)
        finally:
            self._running -= 1
            free.release()
            ended, self._task_ended = self._task_ended, asyncio.Event()
            ended.set()

    async def _run_acquired(self, call: Callable[[], T], *, time_limit: float) -> T:
        for _ in range(_MAX_RESUBMITS + 1):
            executor, generation = await self._current()
            future = asyncio.get_running_loop().run_in_executor(executor, call)
            try:
                return await asyncio.wait_for(future, time_limit)
            except TimeoutError:
                await self._restart(generation, reason="task_timeout")
                raise TaskTimeoutError(f"task ran longer than {time_limit:g} s") from None
            except BrokenProcessPool:
                if self._generation != generation:
                    continue  # restarted under us for another task: run it again
                await self._restart(generation, reason="worker_died")
                raise TaskCrashedError("the worker process died while running it") from None
        raise TaskCrashedError("the worker pool kept restarting while running it")

    async def _current(self) -> tuple[concurrent.futures.ProcessPoolExecutor, int]:
        async with self._lock:
            if self._executor is None:
                await self._replace_locked(kill=False)
            assert self._executor is not None
            return self._executor, self._generation

    async def _restart(self, generation: int, *, reason: str) -> None:
        async with self._lock:
            if generation != self._generation:
                return  # someone else restarted it already
            log.warning("pool_restarted", pool=self._name, reason=reason)
            await self._replace_locked(kill=True)

    async def _replace_locked(self, *, kill: bool) -> None:
        old = self._executor
        executor = concurrent.futures.ProcessPoolExecutor(
            max_workers=self._size,
            mp_context=self._ctx,
            initializer=self._initializer,
            initargs=self._initargs,
        )
        self._executor = executor
        self._generation += 1
        if old is not None:
            _shutdown(old, kill=kill)
        # Start every worker now so the first document's time limit excludes start-up.
        loop = asyncio.get_running_loop()
        await asyncio.gather(*(loop.run_in_executor(executor, _noop) for _ in range(self._size)))


def _shutdown(executor: concurrent.futures.ProcessPoolExecutor, *, kill: bool) -> None:
    if kill:
        # The executor has no public way to stop a running task; its processes do.
        for process in list((executor._processes or {}).values()):  # noqa: SLF001
            try:
                process.kill()
            except Exception:  # noqa: BLE001 - already gone
                pass
    executor.shutdown(wait=False, cancel_futures=True)
