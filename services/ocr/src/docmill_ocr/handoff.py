"""Handing a read document to stage 2: the ExtractJob, inline or by claim-check."""

from __future__ import annotations

import msgspec
from nats.js import JetStreamContext

from docmill_contracts.messages import ExtractJob, OcrJob, PageText
from docmill_contracts.streams import INLINE_TEXT_LIMIT
from docmill_runtime.objects import put_pages, text_object_name


async def build_extract_job(
    js: JetStreamContext, *, job: OcrJob, pages: list[PageText]
) -> ExtractJob:
    """The ExtractJob for `pages`; text over the inline limit goes to the object store."""
    common = dict(
        document_id=job.document_id,
        batch_id=job.batch_id,
        filename=job.filename,
        object_name=job.object_name,
        sha256=job.sha256,
        doc_type=job.doc_type,
        attempt=job.attempt,
        page_count=len(pages),
    )
    if len(msgspec.json.encode(pages)) <= INLINE_TEXT_LIMIT:
        return ExtractJob(pages=pages, **common)  # type: ignore[arg-type]
    name = text_object_name(job.document_id, job.attempt)
    await put_pages(js, name=name, pages=pages)
    return ExtractJob(text_object=name, **common)  # type: ignore[arg-type]


def text_sources(pages: list[PageText]) -> dict[str, int]:
    """How many pages came from each source, for the log line."""
    counts: dict[str, int] = {}
    for page in pages:
        counts[page.source] = counts.get(page.source, 0) + 1
    return counts
