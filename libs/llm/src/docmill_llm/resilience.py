"""Retries (tenacity) inside a circuit breaker (purgatory) around one LLM caller's requests."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

import structlog
from purgatory import AsyncCircuitBreakerFactory
from purgatory.domain.model import OpenedState
from tenacity import (
    AsyncRetrying,
    retry_if_exception_type,
    stop_after_attempt,
    wait_exponential,
)

from docmill_contracts.llmstatus import BackendStatus
from docmill_llm.errors import (
    LlmOutputError,
    LlmRejectedError,
    LlmTransientError,
    LlmUnavailableError,
)
from docmill_llm.settings import LlmSettings

log = structlog.get_logger(__name__)
T = TypeVar("T")
# While one half-open probe is in flight, others come back after this long.
PROBE_WAIT_S = 5.0


class Resilience:
    """3 attempts with exponential backoff on transient errors; a breaker over every attempt."""

    def __init__(self, name: str, settings: LlmSettings) -> None:
        self.name = name
        self._settings = settings
        # Answers that are wrong, and requests the server refuses, say nothing about
        # whether the server is up, so they never open the breaker.
        self._factory = AsyncCircuitBreakerFactory(
            default_threshold=settings.breaker_threshold,
            default_ttl=settings.breaker_reset_s,
            exclude=[LlmOutputError, LlmRejectedError],
        )
        self._probe = asyncio.Lock()
        self.last_error: str | None = None

    async def call(self, fn: Callable[[], Awaitable[T]]) -> T:
        """`fn()` with retries; LlmUnavailableError at once while the breaker is open."""
        retrying = AsyncRetrying(
            stop=stop_after_attempt(self._settings.attempts),
            wait=wait_exponential(
                multiplier=self._settings.wait_min_s,
                min=self._settings.wait_min_s,
                max=self._settings.wait_max_s,
            ),
            retry=retry_if_exception_type((LlmTransientError, LlmOutputError)),
            before_sleep=self._log_retry,
            reraise=True,
        )
        async for attempt in retrying:
            with attempt:
                return await self._guarded(fn)
        raise AssertionError("unreachable: tenacity reraises the last error")

    async def _guarded(self, fn: Callable[[], Awaitable[T]]) -> T:
        breaker = await self._factory.get_breaker(self.name)
        context = breaker.context
        if context.state != "closed":
            wait = self.retry_in(context.opened_at)
            if wait > 0:
                raise LlmUnavailableError(self._open_reason(), delay=wait)
            # Half-open: exactly one request finds out whether the server is back.
            if self._probe.locked():
                raise LlmUnavailableError(self._open_reason(), delay=PROBE_WAIT_S)
            async with self._probe:
                return await self._through(breaker, fn)
        return await self._through(breaker, fn)

    async def _through(self, breaker, fn: Callable[[], Awaitable[T]]) -> T:  # noqa: ANN001
        try:
            async with breaker:
                result = await fn()
        except OpenedState:
            raise LlmUnavailableError(self._open_reason(), delay=PROBE_WAIT_S) from None
        except LlmTransientError as err:
            self.last_error = str(err)
            raise
        self.last_error = None
        return result

    def retry_in(self, opened_at: float | None) -> float:
        """Seconds until the breaker lets a probe through."""
        if opened_at is None:
            return 0.0
        return max(0.0, opened_at + self._settings.breaker_reset_s - time.time())

    def _open_reason(self) -> str:
        return f"LLM backend {self.name!r} is unreachable (circuit open): {self.last_error}"

    async def status(self) -> BackendStatus:
        """The breaker as /api/system/info should report it."""
        context = (await self._factory.get_breaker(self.name)).context
        wait = self.retry_in(context.opened_at) if context.state != "closed" else 0.0
        state = "closed" if context.state == "closed" else "open" if wait > 0 else "half_open"
        return BackendStatus(
            state=state,
            reachable=state == "closed",
            failures=context.failure_count or 0,
            retry_in_s=round(wait, 1),
            last_error=self.last_error,
            updated_at=time.time(),
        )

    def _log_retry(self, state) -> None:  # noqa: ANN001 - tenacity RetryCallState
        err = state.outcome.exception() if state.outcome else None
        log.warning(
            "llm_retry",
            backend=self.name,
            attempt=state.attempt_number,
            wait_s=round(state.next_action.sleep, 2) if state.next_action else None,
            error=str(err),
        )
