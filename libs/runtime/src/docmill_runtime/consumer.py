"""The bounded pull-consumer loop every worker runs.

Fetch only as many messages as there are free slots, handle each in a task,
ack after the effect is durable, term permanent failures (after reporting them),
nak transient ones with backoff. Shutdown stops fetching, waits for in-flight
handlers up to a grace period, then unsubscribes.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Awaitable, Callable

import msgspec
import nats.errors
import structlog
from nats.aio.msg import Msg
from nats.js import JetStreamContext

from docmill_contracts import subjects as s
from docmill_contracts.streams import MAX_DELIVER
from docmill_runtime import metrics
from docmill_runtime.errors import PermanentError, RetryableError, WaitError
from docmill_runtime.slots import Slots

log = structlog.get_logger(__name__)

Handler = Callable[[Msg], Awaitable[None]]
# (msg, reason, permanent) -> publish a failure result durably
FailureHook = Callable[[Msg, str, bool], Awaitable[None]]


def backoff_delay(delivered: int, *, base_s: float = 2.0, cap_s: float = 60.0) -> float:
    """Exponential redelivery delay for the n-th delivery."""
    return min(cap_s, base_s * 2 ** max(0, delivered - 1))


def request_id_of(msg: Msg) -> str | None:
    """The X-Request-ID header carried end to end, if any."""
    return (msg.headers or {}).get(s.HEADER_REQUEST_ID)


class PullWorker:
    """One durable pull consumer, bounded by `slots`."""

    def __init__(
        self,
        *,
        js: JetStreamContext,
        stream: str,
        durable: str,
        stage: str,
        handler: Handler,
        slots: Slots,
        on_failure: FailureHook | None = None,
        fetch_timeout_s: float = 1.0,
        grace_period_s: float = 25.0,
        max_deliver: int = MAX_DELIVER,
        max_hold_s: float = 3600.0,
    ) -> None:
        self._js = js
        self._stream = stream
        self._durable = durable
        self._stage = stage
        self._handler = handler
        self._slots = slots
        self._on_failure = on_failure
        self._fetch_timeout = fetch_timeout_s
        self._grace = grace_period_s
        self._max_deliver = max_deliver
        self._max_hold = max_hold_s
        self._stop = asyncio.Event()
        self._tasks: set[asyncio.Task[None]] = set()
        self.ready = asyncio.Event()

    async def run(self, stop: asyncio.Event) -> None:
        """Consume until `stop` is set, then finish in-flight work within the grace period."""
        self._stop = stop
        psub = await self._js.pull_subscribe_bind(durable=self._durable, stream=self._stream)
        self.ready.set()
        try:
            while not stop.is_set():
                free = await self._slots.wait_free(stop=stop)
                if stop.is_set():
                    break
                try:
                    msgs = await psub.fetch(free, timeout=self._fetch_timeout)
                except TimeoutError:  # nats' own TimeoutError subclasses it too
                    continue
                except (nats.errors.ConnectionClosedError, nats.errors.ConnectionDrainingError):
                    break
                except Exception as err:  # noqa: BLE001 - reconnects, 408s: back off, go on
                    log.warning("fetch_failed", stream=self._stream, error=repr(err))
                    await asyncio.sleep(1.0)
                    continue
                for msg in msgs:
                    self._slots.take()
                    task = asyncio.create_task(self._handle(msg))
                    self._tasks.add(task)
                    task.add_done_callback(self._tasks.discard)
            if not await self._slots.wait_idle(self._grace):
                log.warning("grace_period_exceeded", in_flight=len(self._tasks))
                for task in list(self._tasks):
                    task.cancel()
                await asyncio.gather(*self._tasks, return_exceptions=True)
        finally:
            try:
                await psub.unsubscribe()
            except Exception:  # noqa: BLE001 - already closed
                pass

    async def _handle(self, msg: Msg) -> None:
        started = time.monotonic()
        delivered = _num_delivered(msg)
        outcome = "ack"
        metrics.IN_FLIGHT.labels(self._stage).inc()
        with structlog.contextvars.bound_contextvars(
            request_id=request_id_of(msg), subject=msg.subject, delivered=delivered
        ):
            try:
                await self._handle_holding(msg)
                if not msg.is_acked:
                    await msg.ack_sync()
            except (msgspec.ValidationError, msgspec.DecodeError) as err:
                outcome = "poison"
                log.error("poison_message", error=str(err))
                await _settle(msg.term())
            except PermanentError as err:
                outcome = "failed"
                await self._fail(msg, str(err), permanent=True)
            except asyncio.CancelledError:
                outcome = "cancelled"
                # Shutdown overran the grace period: let JetStream redeliver it.
                await _settle(msg.nak())
                raise
            except Exception as err:  # noqa: BLE001 - anything else is transient
                delay = err.delay if isinstance(err, RetryableError) else None
                if not isinstance(err, RetryableError):
                    log.exception("handler_error")
                if delivered >= self._max_deliver:
                    outcome = "failed"
                    reason = f"gave up after {delivered} attempts: {err}"
                    await self._fail(msg, reason, permanent=False)
                else:
                    outcome = "retry"
                    await _settle(msg.nak(delay=delay or backoff_delay(delivered)))
            finally:
                await self._slots.release()
                elapsed = time.monotonic() - started
                metrics.IN_FLIGHT.labels(self._stage).dec()
                metrics.MESSAGES.labels(self._stage, outcome).inc()
                metrics.HANDLE_SECONDS.labels(self._stage).observe(elapsed)
                log.info("message_handled", outcome=outcome, duration_s=round(elapsed, 3))

    async def _handle_holding(self, msg: Msg) -> None:
        """Run the handler; while it says a dependency is down, hold the message and retry."""
        held = 0.0
        while True:
            try:
                await self._handler(msg)
                return
            except WaitError as err:
                delay = max(0.1, err.delay or 5.0)
                if self._stop.is_set() or held + delay > self._max_hold:
                    raise
                log.info("holding_message", waited_s=round(held, 1), retry_in_s=delay)
                await _sleep_heartbeating(msg, delay, stop=self._stop)
                held += delay

    async def _fail(self, msg: Msg, reason: str, *, permanent: bool) -> None:
        """Report the failure durably, then remove the message; nak if reporting fails."""
        log.warning("document_failed", reason=reason, permanent=permanent)
        if self._on_failure is not None:
            try:
                await self._on_failure(msg, reason, permanent)
            except Exception as err:  # noqa: BLE001
                log.error("failure_report_failed", error=str(err))
                await _settle(msg.nak(delay=backoff_delay(1)))
                return
        await _settle(msg.term())


async def _sleep_heartbeating(msg: Msg, seconds: float, *, stop: asyncio.Event) -> None:
    """Sleep, resetting the message's ack wait every few seconds; wake early on stop."""
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0 and not stop.is_set():
        await _settle(msg.in_progress())
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=min(left, 5.0))


def _num_delivered(msg: Msg) -> int:
    try:
        return msg.metadata.num_delivered
    except Exception:  # noqa: BLE001 - core NATS message in tests
        return 1


async def _settle(op: Awaitable[object]) -> None:
    """Ack/nak/term without letting a closed connection kill the handler task."""
    try:
        await op
    except Exception as err:  # noqa: BLE001
        log.warning("settle_failed", error=str(err))
