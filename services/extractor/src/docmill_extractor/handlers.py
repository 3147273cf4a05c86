"""One async handler per subject: decode, extract, publish the result."""

from __future__ import annotations

from dataclasses import dataclass

import structlog
from nats.aio.msg import Msg

from docmill_contracts import subjects as s
from docmill_contracts.messages import ExtractJob, PageText, extract_job_decoder
from docmill_extractor.backends import Backends
from docmill_extractor.caching import StatusBoard, extract_cached
from docmill_extractor.errors import LlmUnavailableError
from docmill_extractor.outcome import build_result, require_text
from docmill_extractor.settings import ExtractorSettings
from docmill_runtime.consumer import request_id_of
from docmill_runtime.errors import PermanentError
from docmill_runtime.heartbeat import Heartbeat
from docmill_runtime.natsio import publish
from docmill_runtime.objects import get_pages
from docmill_runtime.progress import report_progress
from docmill_runtime.service import Runtime

log = structlog.get_logger(__name__)


@dataclass(frozen=True, kw_only=True)
class ExtractorContext:
    runtime: Runtime
    settings: ExtractorSettings
    backends: Backends
    board: StatusBoard


async def handle_extract_job(msg: Msg, *, ctx: ExtractorContext) -> None:
    """docmill.extract.<batch>: page text in, DocumentExtracted out."""
    job = extract_job_decoder.decode(msg.data)
    js = ctx.runtime.js
    pipeline = ctx.runtime.pipeline
    request_id = request_id_of(msg)
    with structlog.contextvars.bound_contextvars(document_id=job.document_id):
        async with Heartbeat(msg, interval_s=ctx.settings.heartbeat_s):
            await _event(ctx, job, "started")
            try:
                pages = await _pages(ctx, job)
                require_text(pages)
                name = job.backend or pipeline.llm_backend
                extraction, cached = await extract_cached(
                    js, job=job, pages=pages, backend=ctx.backends.get(name), board=ctx.board
                )
            except PermanentError:
                await _event(ctx, job, "failed")
                raise
            except LlmUnavailableError as err:
                # The LLM is down: the document waits for the breaker instead of failing.
                await _event(ctx, job, "waiting")
                log.warning("llm_unavailable", backend=name, retry_in_s=err.delay)
                raise
            result = build_result(
                job, pages=pages, extraction=extraction, backend=name, cached=cached
            )
            # needs_vision is the hand-off: the gateway's dispatcher feeds the vision step
            # (on /api/vision/start, or at once in auto mode), so stop applies there too.
            await publish(
                js,
                s.batch_subject(s.RESULTS, job.batch_id),
                result,
                request_id=request_id,
                msg_id=s.msg_id(job.document_id, "extract", job.attempt),
            )
            await _event(ctx, job, "done", page=result.page_count, pages=result.page_count)
            log.info(
                "document_extracted",
                backend=name,
                warnings=len(result.warnings),
                cached=cached,
                needs_vision=result.needs_vision,
            )


async def _pages(ctx: ExtractorContext, job: ExtractJob) -> list[PageText]:
    """Inline pages, or the claim-checked ones from the object store."""
    if job.text_object:
        return await get_pages(ctx.runtime.js, name=job.text_object)
    return job.pages


async def _event(
    ctx: ExtractorContext, job: ExtractJob, status: str, *, page: int = 0, pages: int = 0
) -> None:
    await report_progress(
        ctx.runtime.js, job, stage="extract", status=status, page=page, pages=pages
    )
