"""Progress events every stage publishes for a document (losing one is harmless)."""

from __future__ import annotations

import time
from typing import Protocol

from nats.js import JetStreamContext

from docmill_contracts import subjects as s
from docmill_contracts.messages import ProgressEvent
from docmill_runtime.natsio import publish_event


class DocumentJob(Protocol):
    """What every document job carries: enough to say which document progressed."""

    @property
    def document_id(self) -> str: ...
    @property
    def batch_id(self) -> str: ...
    @property
    def filename(self) -> str: ...


async def report_progress(
    js: JetStreamContext,
    job: DocumentJob,
    *,
    stage: str,
    status: str,
    page: int = 0,
    pages: int = 0,
) -> None:
    """Publish a ProgressEvent for `job` on `docmill.events.<batch>`."""
    event = ProgressEvent(
        document_id=job.document_id,
        batch_id=job.batch_id,
        filename=job.filename,
        stage=stage,  # type: ignore[arg-type]
        status=status,  # type: ignore[arg-type]
        page=page,
        pages=pages,
        at=time.time(),
    )
    await publish_event(js, event, subject=s.batch_subject(s.EVENTS, job.batch_id))
