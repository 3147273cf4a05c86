"""What the gateway consumes: results, progress events, max-delivery advisories."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable

import asyncpg
import structlog
from nats.aio.client import Client
from nats.aio.msg import Msg
from nats.js import JetStreamContext
from nats.js.api import DeliverPolicy
from nats.js.errors import NotFoundError

from docmill_contracts import subjects as s
from docmill_contracts.messages import (
    DocumentExtracted,
    DocumentFailed,
    FeeFound,
    job_ref_decoder,
    progress_decoder,
    result_decoder,
)
from docmill_contracts.streams import MAX_DELIVER
from docmill_gateway.db import results as db_results
from docmill_gateway.db import runs

log = structlog.get_logger(__name__)

_STAGE_STATUS = {"ocr": "ocr", "extract": "extracting", "vision": "vision"}


def make_result_handler(pool: asyncpg.Pool) -> Callable[[Msg], Awaitable[None]]:
    """Handler for RESULTS: write to PostgreSQL in one transaction; the runtime acks after."""

    async def handle(msg: Msg) -> None:
        result = result_decoder.decode(msg.data)
        with structlog.contextvars.bound_contextvars(document_id=result.document_id):
            async with pool.acquire() as conn:
                match result:
                    case DocumentExtracted():
                        known = await db_results.store_extracted(conn=conn, result=result)
                    case FeeFound():
                        known = await db_results.store_fee(conn=conn, result=result)
                    case DocumentFailed():
                        known = await db_results.store_failure(conn=conn, result=result)
            if not known:
                log.warning("result_for_unknown_document", kind=type(result).__name__)
            log.info("result_stored", kind=type(result).__name__)

    return handle


async def follow_events(js: JetStreamContext, pool: asyncpg.Pool, stop: asyncio.Event) -> None:
    """Track each document's stage from progress events (losing one is harmless)."""
    sub = await js.subscribe(
        s.wildcard(s.EVENTS), ordered_consumer=True, deliver_policy=DeliverPolicy.NEW
    )
    try:
        while not stop.is_set():
            try:
                msg = await sub.next_msg(timeout=1.0)
            except TimeoutError:
                continue
            except Exception as err:  # noqa: BLE001 - reconnecting
                log.debug("events_next_failed", error=str(err))
                await asyncio.sleep(0.5)
                continue
            try:
                event = progress_decoder.decode(msg.data)
            except Exception:  # noqa: BLE001 - a malformed event is just skipped
                continue
            status = _STAGE_STATUS.get(event.stage)
            if status is None or event.status not in ("started", "page", "waiting"):
                continue
            try:
                async with pool.acquire() as conn:
                    await runs.mark_stage(conn=conn, document_id=event.document_id, status=status)
            except (OSError, asyncpg.PostgresError) as err:
                log.warning("event_store_failed", error=str(err))
    finally:
        await sub.unsubscribe()


async def follow_max_deliveries(
    nc: Client, pool: asyncpg.Pool, stop: asyncio.Event
) -> None:
    """Fail documents whose job ran out of deliveries, and free their stream slot."""
    js = nc.jetstream()
    # The advisory is a core NATS message; one gateway replica in the queue group takes it.
    sub = await nc.subscribe(
        "$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.>", queue="docmill-gateway"
    )
    stages = {s.STREAM_OCR: "ocr", s.STREAM_EXTRACT: "extract", s.STREAM_VISION: "vision"}
    try:
        while not stop.is_set():
            try:
                msg = await sub.next_msg(timeout=1.0)
            except TimeoutError:
                continue
            except Exception:  # noqa: BLE001
                await asyncio.sleep(0.5)
                continue
            try:
                advisory = json.loads(msg.data)
                stream, seq = advisory["stream"], int(advisory["stream_seq"])
            except (ValueError, KeyError):
                continue
            if stream not in stages:
                continue
            await _fail_exhausted(js, pool, stream=stream, seq=seq, stage=stages[stream])
    finally:
        await sub.unsubscribe()


async def _fail_exhausted(
    js: JetStreamContext, pool: asyncpg.Pool, *, stream: str, seq: int, stage: str
) -> None:
    try:
        raw = await js.get_msg(stream, seq)
    except NotFoundError:
        return  # the worker already reported and removed it
    ref = job_ref_decoder.decode(raw.data)
    reason = f"{stage} gave up after {MAX_DELIVER} deliveries (worker crashed or timed out)"
    async with pool.acquire() as conn:
        await db_results.store_failure(
            conn=conn,
            result=DocumentFailed(
                document_id=ref.document_id, batch_id=ref.batch_id, stage=stage, reason=reason
            ),
        )
    try:
        await js.delete_msg(stream, seq)
    except NotFoundError:
        pass
    log.warning("document_exhausted", document_id=ref.document_id, stage=stage)
