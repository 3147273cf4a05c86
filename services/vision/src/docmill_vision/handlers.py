"""One async handler per subject: decode, look for the fee, publish what was found."""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import structlog
from nats.aio.msg import Msg

from docmill_contracts import subjects as s
from docmill_contracts.messages import VisionJob, vision_job_decoder
from docmill_runtime.consumer import request_id_of
from docmill_runtime.heartbeat import Heartbeat
from docmill_runtime.natsio import publish
from docmill_runtime.objects import fetch_to_file
from docmill_runtime.procpool import TaskPool
from docmill_runtime.progress import report_progress
from docmill_runtime.service import Runtime
from docmill_vision.fee import find_fee
from docmill_vision.readers import Readers
from docmill_vision.settings import VisionSettings

log = structlog.get_logger(__name__)


@dataclass(frozen=True, kw_only=True)
class VisionContext:
    runtime: Runtime
    settings: VisionSettings
    pool: TaskPool
    readers: Readers


async def handle_vision_job(msg: Msg, *, ctx: VisionContext) -> None:
    """docmill.vision.<batch>: VisionJob in, FeeFound out on the results subject."""
    job = vision_job_decoder.decode(msg.data)
    started = time.perf_counter()
    with structlog.contextvars.bound_contextvars(document_id=job.document_id):
        # Rendering and OCR of several pages can outlast ack_wait: keep the message ours.
        async with Heartbeat(msg, interval_s=ctx.settings.heartbeat_s):
            await _event(ctx.runtime, job, "started")
            with tempfile.TemporaryDirectory(
                prefix="docmill-vision-", dir=ctx.settings.tmp_dir
            ) as tmp:
                path = Path(tmp) / "document.pdf"
                await fetch_to_file(
                    ctx.runtime.js,
                    bucket=s.OBJ_DOCUMENTS,
                    name=job.object_name,
                    dest=path,
                    max_bytes=ctx.settings.max_bytes,
                )

                async def on_page(done: int, total: int) -> None:
                    await _event(ctx.runtime, job, "page", page=done, pages=total)

                reader = ctx.readers.get(ctx.runtime.pipeline.vision_reader)
                found, readings = await find_fee(
                    job,
                    path=path,
                    pool=ctx.pool,
                    settings=ctx.settings,
                    reader=reader,
                    on_page=on_page,
                )
            await publish(
                ctx.runtime.js,
                s.batch_subject(s.RESULTS, job.batch_id),
                found,
                request_id=request_id_of(msg),
                msg_id=s.msg_id(job.document_id, "vision", job.attempt),
            )
            await _event(ctx.runtime, job, "done", page=len(readings), pages=len(readings))
            log.info(
                "fee_searched",
                outcome="found" if found.registration_fee is not None else "not_found",
                reader=reader.name,
                fee=found.registration_fee,
                page=found.page,
                reason=found.reason,
                pages_read=[r.page for r in readings],
                detect_s=round(sum(r.detect_s for r in readings), 3),
                ocr_s=round(sum(r.ocr_s for r in readings), 3),
                duration_s=round(time.perf_counter() - started, 3),
            )


async def _event(
    runtime: Runtime, job: VisionJob, status: str, *, page: int = 0, pages: int = 0
) -> None:
    await report_progress(runtime.js, job, stage="vision", status=status, page=page, pages=pages)
