"""The dispatcher: PostgreSQL is the backlog, the OCR stream carries the work in hand.

One gateway replica at a time holds a PostgreSQL advisory lock and keeps the
OCR stream shallow, refilling it round-robin across batches. Jobs are published
before the document is marked dispatched, so a crash in between only causes a
re-publish with the same Nats-Msg-Id, which JetStream drops as a duplicate.
"""

from __future__ import annotations

import asyncio
import contextlib

import asyncpg
import structlog
from nats.js import JetStreamContext

from docmill_contracts import subjects as s
from docmill_contracts.messages import OcrJob, VisionJob
from docmill_gateway.db import runs, vision
from docmill_gateway.ocr_options import options_from_row
from docmill_gateway.settings import GatewaySettings
from docmill_runtime import natsio
from docmill_runtime.pipeline import read_pipeline

log = structlog.get_logger(__name__)

DISPATCHER_LOCK = 0x64697370  # "disp"


class Dispatcher:
    """Feeds the OCR stream from queued documents while this replica is the leader."""

    def __init__(
        self, *, pool: asyncpg.Pool, js: JetStreamContext, settings: GatewaySettings
    ) -> None:
        self._pool = pool
        self._js = js
        self._settings = settings
        self._wake = asyncio.Event()
        self.is_leader = False

    def wake(self) -> None:
        """Run a dispatch pass now instead of at the next tick."""
        self._wake.set()

    async def run(self, stop: asyncio.Event) -> None:
        """Lead when the advisory lock is free; dispatch until stop."""
        while not stop.is_set():
            try:
                async with self._pool.acquire() as lock_conn:
                    if not await lock_conn.fetchval(
                        "SELECT pg_try_advisory_lock($1)", DISPATCHER_LOCK
                    ):
                        await self._sleep(stop, 2.0)
                        continue
                    self.is_leader = True
                    log.info("dispatcher_leading")
                    try:
                        await self._lead(stop)
                    finally:
                        self.is_leader = False
                        with contextlib.suppress(Exception):
                            await lock_conn.execute(
                                "SELECT pg_advisory_unlock($1)", DISPATCHER_LOCK
                            )
            except (OSError, asyncpg.PostgresError) as err:
                log.warning("dispatcher_error", error=str(err))
                await self._sleep(stop, 1.0)

    async def _lead(self, stop: asyncio.Event) -> None:
        ticks = 0
        while not stop.is_set():
            try:
                await self.dispatch_once()
                if ticks % 60 == 0:
                    await self._requeue_stale()
            except Exception as err:  # noqa: BLE001 - NATS hiccups: try again next tick
                log.warning("dispatch_failed", error=str(err))
            ticks += 1
            await self._sleep(stop, self._settings.dispatch_interval_s)

    async def dispatch_once(self) -> int:
        """One pass: top the OCR and VISION streams up to their depth; returns jobs published."""
        config = await read_pipeline(self._js)
        async with self._pool.acquire() as conn:
            published = await self._dispatch_ocr(conn=conn, workers=config.ocr_workers)
            published += await self._dispatch_vision(
                conn=conn, workers=config.vision_workers, auto=config.vision_auto
            )
            return published

    async def _dispatch_ocr(self, *, conn: asyncpg.Connection, workers: int) -> int:
        run = await runs.running_run(conn=conn)
        if run is None:
            return 0
        room = await self._room(s.STREAM_OCR, workers)
        published = 0
        if room > 0:
            picked = await runs.pick_next_documents(conn=conn, run_id=run["run_id"], limit=room)
            # Publish and mark under row locks: a stop that arrives meanwhile waits and then
            # counts these as in flight, never as still waiting.
            async with conn.transaction():
                ids = [d["document_id"] for d in picked]
                locked = await runs.lock_still_queued(conn=conn, document_ids=ids)
                for doc in picked:
                    if doc["document_id"] in locked:
                        await self._publish(conn=conn, doc=doc)
                        published += 1
        if published == 0:
            await runs.finish_run_if_done(conn=conn, run_id=run["run_id"])
        return published

    async def _dispatch_vision(self, *, conn: asyncpg.Connection, workers: int, auto: bool) -> int:
        run = await vision.running_vision_run(conn=conn)
        if auto:
            await vision.queue_auto(conn=conn)
        if run is None and not auto:
            return 0
        room = await self._room(s.STREAM_VISION, workers)
        published = 0
        for run_id in ([run["run_id"]] if run else []) + ([None] if auto else []):
            if room - published <= 0:
                break
            for doc in await vision.pick_vision_documents(
                conn=conn, run_id=run_id, limit=room - published
            ):
                attempt = doc["vision_attempt"] + 1
                job = VisionJob(
                    document_id=doc["document_id"],
                    batch_id=doc["batch_id"],
                    filename=doc["filename"],
                    object_name=doc["object_name"],
                    attempt=attempt,
                    text_fee=doc["text_fee"],
                    property_value=doc["property_value"],
                )
                await natsio.publish(
                    self._js,
                    s.batch_subject(s.VISION, doc["batch_id"]),
                    job,
                    request_id=f"{doc['document_id']}-vision-{attempt}",
                    msg_id=s.msg_id(doc["document_id"], "vision", attempt),
                )
                await vision.mark_vision_dispatched(
                    conn=conn, document_id=doc["document_id"], attempt=attempt
                )
                published += 1
        if run is not None and published == 0:
            await vision.finish_vision_run_if_done(conn=conn, run_id=run["run_id"])
        return published

    async def _room(self, stream: str, workers: int) -> int:
        """How many jobs fit before the stream is `ocr_depth_per_worker` deep per worker."""
        target = max(2, self._settings.ocr_depth_per_worker * workers)
        info = await self._js.stream_info(stream)
        return target - info.state.messages

    async def _publish(self, *, conn: asyncpg.Connection, doc: asyncpg.Record) -> None:
        attempt = doc["attempt"] + 1
        job = OcrJob(
            document_id=doc["document_id"],
            batch_id=doc["batch_id"],
            filename=doc["filename"],
            object_name=doc["object_name"],
            sha256=doc["sha256"],
            doc_type=doc["doc_type"],
            attempt=attempt,
            options=options_from_row(doc).as_job_options(),
            media_type=doc["media_type"],
        )
        await natsio.publish(
            self._js,
            s.batch_subject(s.OCR, doc["batch_id"]),
            job,
            request_id=doc["request_id"] or f"{doc['document_id']}-{attempt}",
            msg_id=s.msg_id(doc["document_id"], "ocr", attempt),
        )
        await runs.mark_dispatched(conn=conn, document_id=doc["document_id"], attempt=attempt)

    async def _requeue_stale(self) -> None:
        async with self._pool.acquire() as conn:
            n = await runs.requeue_stale(conn=conn, older_than_s=self._settings.stale_after_s)
        if n:
            log.warning("requeued_stale_documents", count=n)

    async def _sleep(self, stop: asyncio.Event, seconds: float) -> None:
        self._wake.clear()
        waiters = [asyncio.ensure_future(stop.wait()), asyncio.ensure_future(self._wake.wait())]
        try:
            await asyncio.wait(waiters, timeout=seconds, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for w in waiters:
                w.cancel()
