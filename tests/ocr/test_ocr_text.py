"""Born-digital PDFs: text comes from the text layer, handed to EXTRACT intact."""

from __future__ import annotations

import msgspec
import pytest

from docmill_contracts import subjects as s
from docmill_contracts.messages import OcrOptions, progress_decoder
from docmill_contracts.streams import INLINE_TEXT_LIMIT

from .support import dense_text_pdf, next_extract, submit, text_pdf

# Real nats-server and worker processes: seconds per test.
pytestmark = pytest.mark.slow


async def test_text_pdf_becomes_extract_job(js, start_ocr):
    start_ocr()
    pages = ["SALE DEED\nThis deed of sale is made on 12 March 2021", "Registration fee Rs. 1,200"]
    job = await submit(js, text_pdf(pages), batch="text1", request_id="req-42")

    extract, headers = await next_extract(js)

    assert extract.document_id == job.document_id
    assert extract.batch_id == "text1"
    assert extract.page_count == 2
    assert [p.page for p in extract.pages] == [1, 2]
    assert [p.source for p in extract.pages] == ["text_layer", "text_layer"]
    assert "This deed of sale is made on 12 March 2021" in extract.pages[0].text
    assert "Registration fee Rs. 1,200" in extract.pages[1].text
    assert extract.text_object is None
    assert headers[s.HEADER_REQUEST_ID] == "req-42"
    assert headers[s.HEADER_MSG_ID] == f"{job.document_id}:extract:0"


async def test_progress_events_started_pages_done(js, start_ocr):
    start_ocr()
    job = await submit(js, text_pdf(["First page of the deed text"] * 3), batch="events1")
    await next_extract(js)

    sub = await js.subscribe(s.batch_subject(s.EVENTS, "events1"), ordered_consumer=True)
    events = []
    while not events or events[-1].status != "done":
        msg = await sub.next_msg(timeout=10)
        events.append(progress_decoder.decode(msg.data))
    await sub.unsubscribe()

    assert all(e.document_id == job.document_id and e.stage == "ocr" for e in events)
    assert events[0].status == "started"
    assert any(e.status == "page" and e.pages == 3 for e in events)
    assert (events[-1].page, events[-1].pages) == (3, 3)


async def test_big_text_travels_by_claim_check(js, start_ocr):
    start_ocr()
    # 40 pages x 90 lines x ~90 characters: about 330 KB, above the inline limit.
    line = "Schedule property measuring 1200 square feet in Bengaluru, Karnataka 560001."
    job = await submit(js, dense_text_pdf(pages=40, line=line), batch="big1")

    msg_extract, _ = await next_extract(js)

    assert msg_extract.document_id == job.document_id
    assert msg_extract.page_count == 40
    assert len(msgspec.json.encode(msg_extract.pages)) > INLINE_TEXT_LIMIT
    assert msg_extract.text_object  # next_extract resolved it from the object store
    assert all(p.source == "text_layer" for p in msg_extract.pages)
    assert f"39.89 {line}" in msg_extract.pages[39].text


async def test_owner_password_only_pdf_is_read(js, start_ocr):
    """Permission-restricted deeds (no user password) open freely, so they are read."""
    import pymupdf

    doc = pymupdf.open()
    doc.new_page().insert_text((50, 100), "Restricted copy of the sale deed of Ramesh Kumar")
    data = doc.tobytes(encryption=pymupdf.PDF_ENCRYPT_AES_256, owner_pw="owner", permissions=0)
    start_ocr()
    job = await submit(js, data, batch="owner1", options=OcrOptions(use_embedded_ocr=True))

    extract, _ = await next_extract(js)

    assert extract.document_id == job.document_id
    assert "sale deed of Ramesh Kumar" in extract.pages[0].text
