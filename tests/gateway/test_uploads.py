"""POST /api/upload and GET /api/batches against the running gateway."""

import hashlib

import pytest
from e2e.docs import make_pdf

pytestmark = pytest.mark.slow


async def test_upload_creates_batch_with_unique_ids_and_hashes(api):
    pdf_a, pdf_b = make_pdf("one"), make_pdf("two")
    r = await api.post("/api/upload", files=[
        ("files", ("Deed 7.pdf", pdf_a, "application/pdf")),
        ("files", ("Deed 7.pdf", pdf_b, "application/pdf")),
    ])
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["success"] is True
    assert body["uploaded_count"] == 2
    assert body["files"] == ["Deed 7.pdf", "Deed 7.pdf"]
    assert body["batch_id"].startswith("BATCH_") and len(body["batch_id"]) == 30
    assert body["document_ids"] == ["Deed 7", "Deed 7_2"]
    doc = (await api.get("/api/documents/Deed 7_2")).json()
    assert doc["sha256"] == hashlib.sha256(pdf_b).hexdigest()
    assert doc["filename"] == "Deed 7.pdf"
    assert doc["status"] == "uploaded"
    batches = (await api.get("/api/batches")).json()
    mine = [b for b in batches if b["batch_id"] == body["batch_id"]]
    assert mine == [{"batch_id": body["batch_id"], "batch_name": "Deed 7", "total_count": 2,
                     "created_at": mine[0]["created_at"], "status": "pending"}]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("fake.pdf", b"PK\x03\x04 this is a zip", "not a PDF"),
        ("empty.pdf", b"", "empty file"),
        ("huge.pdf", b"%PDF-1.4\n" + b"0" * (1024 * 1024 + 10), "file too large"),
    ],
)
async def test_bad_upload_is_rejected_with_reason(api, name, content, reason):
    r = await api.post("/api/upload", files=[("files", (name, content, "application/pdf"))])
    assert r.status_code == 400
    assert reason in r.json()["detail"]
    assert name in r.json()["detail"]


async def test_mixed_upload_keeps_good_files_and_lists_rejected(api):
    r = await api.post("/api/upload", files=[
        ("files", ("good.pdf", make_pdf(), "application/pdf")),
        ("files", ("notes.pdf", b"just text", "application/pdf")),
    ])
    assert r.status_code == 200
    body = r.json()
    assert body["files"] == ["good.pdf"]
    assert body["rejected"] == [{"filename": "notes.pdf", "reason": body["rejected"][0]["reason"]}]
    assert body["rejected"][0]["reason"].startswith("not a PDF")


async def test_unknown_document_is_404(api):
    r = await api.get("/api/documents/nope")
    assert r.status_code == 404
    assert r.json() == {"detail": "Document not found"}


async def test_request_id_travels_from_upload_to_the_ocr_job(api, js):
    from docmill_contracts import subjects as s

    r = await api.post(
        "/api/upload",
        files=[("files", ("traced.pdf", make_pdf("traced"), "application/pdf"))],
        headers={"X-Request-ID": "req-traced-42"},
    )
    assert r.headers["X-Request-ID"] == "req-traced-42"
    assert (await api.post("/api/process/start", json={"ocr_workers": 4})).status_code == 200
    psub = await js.pull_subscribe_bind(durable=s.CONSUMER_OCR, stream=s.STREAM_OCR)
    headers = {}
    for _ in range(20):
        for m in await psub.fetch(4, timeout=10):
            if b'"traced"' in m.data:
                headers = m.headers
            await m.ack_sync()
        if headers:
            break
    assert headers[s.HEADER_REQUEST_ID] == "req-traced-42"
    assert headers[s.HEADER_MSG_ID].startswith("traced:ocr:")
    await api.post("/api/process/stop")
