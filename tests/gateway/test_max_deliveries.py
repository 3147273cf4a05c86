"""A job whose worker keeps dying (never acks) ends as a failed document, not a stuck slot."""

import asyncio

import pytest
from e2e.docs import make_pdf

from docmill_contracts import subjects as s
from docmill_contracts.streams import MAX_DELIVER

pytestmark = pytest.mark.slow


async def test_exhausted_job_fails_its_document_and_frees_the_stream(api, js):
    files = [("files", ("crashy.pdf", make_pdf("crashy"), "application/pdf"))]
    assert (await api.post("/api/upload", files=files)).status_code == 200
    assert (await api.post("/api/process/start", json={"ocr_workers": 1})).status_code == 200
    psub = await js.pull_subscribe_bind(durable=s.CONSUMER_OCR, stream=s.STREAM_OCR)
    # Play a worker that crashes on this document every time: each delivery ends unacked.
    for attempt in range(1, MAX_DELIVER + 1):
        msgs = await psub.fetch(1, timeout=10)
        assert msgs[0].metadata.num_delivered == attempt
        await msgs[0].nak()
    # Workers keep asking; the server then gives up on the message and says so.
    with pytest.raises(TimeoutError):
        await psub.fetch(1, timeout=2)
    await psub.unsubscribe()

    doc = {}
    for _ in range(100):
        doc = (await api.get("/api/documents/crashy")).json()
        if doc["status"] == "failed":
            break
        await asyncio.sleep(0.1)
    assert doc["status"] == "failed"
    assert doc["failure_stage"] == "ocr"
    assert doc["failure_reason"].startswith(f"ocr gave up after {MAX_DELIVER} deliveries")
    assert (await js.stream_info(s.STREAM_OCR)).state.messages == 0
