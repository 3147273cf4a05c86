"""One async handler per subject: decode, read the document, hand it to stage 2."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

import structlog
from nats.aio.msg import Msg

from docmill_contracts import subjects as s
from docmill_contracts.messages import OcrJob, PageText, ocr_job_decoder
from docmill_ocr.handoff import build_extract_job, text_sources
from docmill_ocr.reader import ReadOptions, check_file, pool_size, read_document
from docmill_ocr.settings import OcrSettings
from docmill_runtime import metrics
from docmill_runtime.consumer import request_id_of
from docmill_runtime.errors import PermanentError, RetryableError
from docmill_runtime.heartbeat import Heartbeat
from docmill_runtime.natsio import publish_bounded
from docmill_runtime.objects import fetch_to_file
from docmill_runtime.procpool import TaskPool
from docmill_runtime.progress import report_progress
from docmill_runtime.service import Runtime

log = structlog.get_logger(__name__)


@dataclass(frozen=True, kw_only=True)
class OcrContext:
    runtime: Runtime
    settings: OcrSettings
    pool: TaskPool


async def handle_ocr_job(msg: Msg, *, ctx: OcrContext) -> None:
    """docmill.ocr.<batch>: read the document's text and publish its ExtractJob."""
    job = ocr_job_decoder.decode(msg.data)
    js = ctx.runtime.js
    with structlog.contextvars.bound_contextvars(document_id=job.document_id):
        async with Heartbeat(msg, interval_s=ctx.settings.heartbeat_s) as heartbeat:
            await _event(ctx, job, "started")
            try:
                pages = await _read(ctx, job)
            except PermanentError:
                await _event(ctx, job, "failed")
                raise
            except RetryableError as err:
                # The runtime naks quietly; say here why this document will come back.
                log.warning("document_retry", reason=str(err))
                raise
            extract = await build_extract_job(js, job=job, pages=pages)
            waiting = False

            async def on_wait() -> None:
                # Stage 2 is full: keep our message alive and say why we are idle, once.
                nonlocal waiting
                await heartbeat.beat()
                if not waiting:
                    waiting = True
                    await _event(ctx, job, "waiting", page=len(pages), pages=len(pages))

            waits = await publish_bounded(
                js,
                s.batch_subject(s.EXTRACT, job.batch_id),
                extract,
                request_id=request_id_of(msg),
                msg_id=s.msg_id(job.document_id, "extract", job.attempt),
                on_wait=on_wait,
            )
            if waits:
                metrics.STAGE2_WAITS.labels("ocr").inc(waits)
            await _event(ctx, job, "done", page=len(pages), pages=len(pages))
            log.info(
                "document_read",
                pages=len(pages),
                sources=text_sources(pages),
                stage2_waits=waits,
                claim_check=extract.text_object is not None,
            )


async def _read(ctx: OcrContext, job: OcrJob) -> list[PageText]:
    """Fetch the file into a private temp dir and read it in the pool."""
    pipeline = ctx.runtime.pipeline
    await ctx.pool.resize(pool_size(pipeline))
    with tempfile.TemporaryDirectory(prefix="docmill-ocr-", dir=ctx.settings.tmp_dir) as tmp:
        path = Path(tmp) / "document"
        size = await fetch_to_file(
            ctx.runtime.js,
            bucket=s.OBJ_DOCUMENTS,
            name=job.object_name,
            dest=path,
            max_bytes=ctx.settings.max_bytes,
        )
        kind = check_file(path, size=size)

        async def on_progress(done: int, total: int) -> None:
            await _event(ctx, job, "page", page=done, pages=total)

        return await read_document(
            pool=ctx.pool,
            path=path,
            kind=kind,
            options=ReadOptions.for_job(job, pipeline, ctx.settings),
            limits=ctx.settings.limits,
            max_pages=ctx.settings.max_pages,
            on_progress=on_progress,
        )


async def _event(
    ctx: OcrContext, job: OcrJob, status: str, *, page: int = 0, pages: int = 0
) -> None:
    await report_progress(ctx.runtime.js, job, stage="ocr", status=status, page=page, pages=pages)
