"""One async handler per subject: decode, look for the fee, publish what was found."""

from __future__ import annotations

import time

import structlog
from nats.aio.msg import Msg

from docmill_contracts import subjects as s
from docmill_contracts.messages import ProgressEvent, VisionJob, vision_job_decoder
from docmill_runtime.consumer import request_id_of
from docmill_runtime.natsio import publish, publish_event
from docmill_runtime.service import Runtime
from docmill_vision.fee import find_fee

log = structlog.get_logger(__name__)


async def handle_vision_job(msg: Msg, *, runtime: Runtime) -> None:
    """docmill.vision.<batch>: VisionJob in, FeeFound out on the results subject."""
    job = vision_job_decoder.decode(msg.data)
    with structlog.contextvars.bound_contextvars(document_id=job.document_id):
        await _event(runtime, job, "started")
        found = await find_fee(job)
        await publish(
            runtime.js,
            s.batch_subject(s.RESULTS, job.batch_id),
            found,
            request_id=request_id_of(msg),
            msg_id=s.msg_id(job.document_id, "vision", job.attempt),
        )
        await _event(runtime, job, "done")
        log.info("fee_searched", fee=found.registration_fee, reason=found.reason)


async def _event(runtime: Runtime, job: VisionJob, status: str) -> None:
    event = ProgressEvent(
        document_id=job.document_id,
        batch_id=job.batch_id,
        filename=job.filename,
        stage="vision",
        status=status,  # type: ignore[arg-type]
        at=time.time(),
    )
    await publish_event(runtime.js, event, subject=s.batch_subject(s.EVENTS, job.batch_id))
