"""OCR test helpers: queue a document, play the extractor and the gateway, make PDFs."""

from __future__ import annotations

import uuid

import msgspec
import pymupdf
from nats.js import JetStreamContext

from docmill_contracts import subjects as s
from docmill_contracts.messages import (
    DocumentFailed,
    ExtractJob,
    OcrJob,
    OcrOptions,
    extract_job_decoder,
    result_decoder,
)
from docmill_runtime.objects import get_pages
from docmill_runtime.testing import fetch_one


async def submit(
    js: JetStreamContext,
    data: bytes,
    *,
    batch: str = "b1",
    options: OcrOptions | None = None,
    request_id: str | None = None,
) -> OcrJob:
    """Store `data` in `documents` and queue an OcrJob for it."""
    doc_id = f"doc-{uuid.uuid4().hex[:10]}"
    store = await js.object_store(s.OBJ_DOCUMENTS)
    await store.put(f"{batch}/{doc_id}.pdf", data)
    job = OcrJob(
        document_id=doc_id,
        batch_id=batch,
        filename=f"{doc_id}.pdf",
        object_name=f"{batch}/{doc_id}.pdf",
        options=options or OcrOptions(),
    )
    headers = {s.HEADER_REQUEST_ID: request_id} if request_id else None
    await js.publish(s.batch_subject(s.OCR, batch), msgspec.json.encode(job), headers=headers)
    return job


async def next_extract(js: JetStreamContext, *, wait_s: float = 60.0) -> tuple[ExtractJob, dict]:
    """Play the extractor: take the next ExtractJob (claim-check resolved) and its headers."""
    msg = await fetch_one(js, stream=s.STREAM_EXTRACT, durable=s.CONSUMER_EXTRACT, wait_s=wait_s)
    job = extract_job_decoder.decode(msg.data)
    if job.text_object:
        pages = await get_pages(js, name=job.text_object)
        job = msgspec.structs.replace(job, pages=pages)
    return job, dict(msg.headers or {})


async def next_result(js: JetStreamContext, *, wait_s: float = 60.0):
    """Play the gateway: take the next result."""
    msg = await fetch_one(js, stream=s.STREAM_RESULTS, durable=s.CONSUMER_RESULTS, wait_s=wait_s)
    return result_decoder.decode(msg.data)


async def expect_failure(js: JetStreamContext, job: OcrJob) -> DocumentFailed:
    result = await next_result(js)
    assert isinstance(result, DocumentFailed), result
    assert result.document_id == job.document_id
    assert result.stage == "ocr"
    return result


def text_pdf(pages: list[str]) -> bytes:
    """A born-digital PDF with one text page per entry."""
    doc = pymupdf.open()
    for text in pages:
        page = doc.new_page()
        spare = page.insert_textbox(pymupdf.Rect(50, 50, 550, 800), text, fontsize=12)
        assert spare >= 0, "test text does not fit on the page"
    return doc.tobytes()


def dense_text_pdf(*, pages: int, line: str, lines_per_page: int = 90) -> bytes:
    """Pages packed with small text, for documents whose text is large."""
    doc = pymupdf.open()
    for number in range(pages):
        page = doc.new_page()
        for row in range(lines_per_page):
            page.insert_text((20, 20 + row * 8.5), f"{number}.{row} {line}", fontsize=6)
    return doc.tobytes()


def scanned_page(doc: pymupdf.Document, text: str, *, dpi: int = 200) -> None:
    """Append an image-only page showing `text`, like a scanner would produce."""
    src = pymupdf.open()
    page = src.new_page()
    page.insert_textbox(pymupdf.Rect(50, 50, 550, 800), text, fontsize=16)
    pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY)
    target = doc.new_page()
    target.insert_image(target.rect, stream=pix.tobytes("png"))


def scanned_pdf(pages: list[str]) -> bytes:
    """A PDF whose pages are images only (no text layer)."""
    doc = pymupdf.open()
    for text in pages:
        scanned_page(doc, text)
    return doc.tobytes()
