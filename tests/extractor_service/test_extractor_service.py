"""The extractor worker: ExtractJob in, DocumentExtracted (or a failure) on the results subject."""

from __future__ import annotations

import msgspec
import pytest

from docmill_contracts import subjects as s
from docmill_contracts.messages import (
    DocumentExtracted,
    DocumentFailed,
    ExtractJob,
    PageText,
    progress_decoder,
    result_decoder,
)
from docmill_contracts.pipeline import PipelineConfig
from docmill_runtime.natsio import publish_bounded
from docmill_runtime.objects import put_pages
from docmill_runtime.pipeline import write_pipeline
from docmill_runtime.testing import fetch_one

# Real nats-server and worker processes: seconds per test.
pytestmark = pytest.mark.slow

DEED_P1 = """SALE DEED
This Deed of Sale is made and executed on 12-03-2021 at the office of the
Sub-Registrar Jayanagar, Bengaluru.
Total sale consideration: Rs. 45,00,000/-
Stamp duty paid: Rs. 2,47,500/-
"""
FEE_LINE = "Registration fee: Rs. 45,000/-\n"


def _job(doc_id: str, pages: list[PageText], **kw) -> ExtractJob:
    return ExtractJob(
        document_id=doc_id,
        batch_id="ex1",
        filename=f"{doc_id}.pdf",
        object_name=f"ex1/{doc_id}.pdf",
        page_count=len(pages),
        pages=pages,
        **kw,
    )


async def _send(js, job: ExtractJob, *, request_id: str | None = None) -> None:
    # EXTRACT is the bounded stage-2 queue: wait for room as the OCR worker does.
    await publish_bounded(js, s.batch_subject(s.EXTRACT, job.batch_id), job, request_id=request_id)


async def _result(js):
    msg = await fetch_one(js, stream=s.STREAM_RESULTS, durable=s.CONSUMER_RESULTS, wait_s=60)
    return result_decoder.decode(msg.data), dict(msg.headers or {})


async def test_extract_job_becomes_document_extracted(js, start_extractor):
    start_extractor()
    pages = [
        PageText(page=1, text=DEED_P1, source="text_layer"),
        PageText(page=2, text="Schedule\n" + FEE_LINE, source="tesseract"),
    ]
    await _send(js, _job("deed-1", pages), request_id="rq-7")

    result, headers = await _result(js)

    assert isinstance(result, DocumentExtracted), result
    assert result.document_id == "deed-1" and result.batch_id == "ex1"
    assert result.backend == "rules"
    assert result.page_count == 2
    assert result.text_sources == ["text_layer", "tesseract"]
    assert result.sale_deed is not None
    assert result.sale_deed.property_details.registration_fee == 45000.0
    assert result.sale_deed.property_details.sale_consideration == 4500000.0
    # The fee sits on a page Tesseract read: the vision step is to check it on the image.
    assert result.needs_vision is True
    assert result.provenance["property_details.registration_fee"].page == 2
    assert headers[s.HEADER_MSG_ID] == "deed-1:extract:0"
    assert headers[s.HEADER_REQUEST_ID] == "rq-7"

    sub = await js.subscribe(s.batch_subject(s.EVENTS, "ex1"), ordered_consumer=True)
    statuses = [progress_decoder.decode((await sub.next_msg(timeout=5)).data) for _ in range(2)]
    await sub.unsubscribe()
    assert [(e.stage, e.status) for e in statuses] == [("extract", "started"), ("extract", "done")]


async def test_claim_checked_text_is_fetched(js, start_extractor):
    start_extractor()
    pages = [PageText(page=1, text=DEED_P1 + FEE_LINE)]
    await put_pages(js, name="text/deed-cc/0.json", pages=pages)
    job = msgspec.structs.replace(
        _job("deed-cc", []), page_count=1, text_object="text/deed-cc/0.json"
    )
    await _send(js, job)

    result, _ = await _result(js)

    assert isinstance(result, DocumentExtracted), result
    assert result.document_id == "deed-cc"
    assert result.sale_deed.property_details.registration_fee == 45000.0
    # Read from a text layer, the fee needs no second look.
    assert result.needs_vision is False


async def test_missing_fee_is_handed_to_vision_through_the_result(js, start_extractor):
    # Even in auto mode the extractor publishes no VisionJob itself: the gateway's
    # dispatcher feeds the vision step from needs_vision, so /api/vision/stop applies.
    await write_pipeline(js, PipelineConfig(vision_auto=True))
    start_extractor()
    pages = [PageText(page=i, text=DEED_P1) for i in range(1, 6)]
    await _send(js, _job("deed-nofee", pages))

    result, _ = await _result(js)
    assert isinstance(result, DocumentExtracted), result
    assert result.sale_deed.property_details.registration_fee is None
    assert result.needs_vision is True
    info = await js.stream_info(s.STREAM_VISION)
    assert info.state.messages == 0


async def test_no_text_fails_then_next_document_works(js, start_extractor):
    start_extractor()
    blank = [PageText(page=1, text="  \n", source="tesseract"), PageText(page=2, text="")]
    await _send(js, _job("deed-blank", blank))

    failed, _ = await _result(js)
    assert isinstance(failed, DocumentFailed), failed
    assert failed.stage == "extract"
    assert failed.reason.startswith("no text found")

    await _send(js, _job("deed-ok", [PageText(page=1, text=DEED_P1 + FEE_LINE)]))
    result, _ = await _result(js)
    assert isinstance(result, DocumentExtracted) and result.document_id == "deed-ok"


async def test_unknown_backend_is_permanent(js, start_extractor):
    start_extractor()
    await _send(js, _job("deed-x", [PageText(page=1, text=DEED_P1)], backend="gpt9"))

    failed, _ = await _result(js)
    assert isinstance(failed, DocumentFailed), failed
    assert "unknown extraction backend 'gpt9'" in failed.reason
    assert "rules" in failed.reason  # tells the operator what exists
