"""Start, dispatch, results, stop and stats against the running gateway.

No OCR worker runs here: the test itself plays the OCR stage by pulling from
the real OCR consumer and publishing results, so every step is observable.
"""

import asyncio

import msgspec
import pytest
from e2e.docs import make_pdf

from docmill_contracts import subjects as s
from docmill_contracts.messages import (
    DocumentExtracted,
    DocumentFailed,
    ocr_job_decoder,
)
from docmill_contracts.saledeed import Party, PropertyDetails, SaleDeed

pytestmark = pytest.mark.slow


async def upload(api, names):
    files = [("files", (f"{n}.pdf", make_pdf(n), "application/pdf")) for n in names]
    r = await api.post("/api/upload", files=files)
    assert r.status_code == 200, r.text
    return r.json()["batch_id"]


async def wait_for(predicate, within_s=15.0):
    deadline = asyncio.get_running_loop().time() + within_s
    while True:
        value = await predicate()
        if value:
            return value
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.1)


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        ({"ocr_workers": 0}, "ocr_workers must be between 1 and 20"),
        ({"llm_workers": 21}, "llm_workers must be between 1 and 20"),
        ({"max_workers": 25}, "max_workers must be between 1 and 20"),
        ({"stage2_queue_size": 11}, "stage2_queue_size must be between 1 and 10"),
        ({"ocr_page_workers": 9}, "ocr_page_workers must be between 1 and 8"),
    ],
)
async def test_start_validates_with_the_seed_messages(api, body, detail):
    r = await api.post("/api/process/start", json=body)
    assert r.status_code == 400
    assert r.json() == {"detail": detail}


async def test_stop_without_a_run(api):
    r = await api.post("/api/process/stop")
    assert r.status_code == 200
    assert r.json() == {"success": False, "message": "No batch processing is running"}


async def test_dispatch_is_round_robin_and_results_complete_the_run(api, js):
    big = await upload(api, [f"A{i}" for i in range(1, 6)])
    small = await upload(api, ["B1", "B2"])
    r = await api.post("/api/process/start", json={"ocr_workers": 1, "llm_workers": 2,
                                                   "stage2_queue_size": 3})
    assert r.status_code == 200
    assert r.json()["message"] == "Started processing 7 PDFs with 1 OCR + 2 LLM workers"
    assert r.json()["total_files"] == 7
    again = await api.post("/api/process/start", json={})
    assert again.status_code == 400
    assert again.json() == {"detail": "Batch processing already running"}
    extract = await js.stream_info(s.STREAM_EXTRACT)
    assert extract.config.max_msgs == 3  # stage2_queue_size became the stream's bound

    psub = await js.pull_subscribe_bind(durable=s.CONSUMER_OCR, stream=s.STREAM_OCR)
    order, jobs = [], []
    while len(order) < 7:
        msgs = await psub.fetch(1, timeout=10)
        for m in msgs:
            job = ocr_job_decoder.decode(m.data)
            order.append(job.document_id)
            jobs.append(job)
            if len(order) == 1:
                stats = (await api.get("/api/process/stats")).json()
                assert stats["ocr_active"] == 1  # fetched, not yet acked: from the consumer
                assert stats["is_running"] is True
            await m.ack_sync()
    # The OCR stream is kept two deep (ocr_workers=1); batches take turns.
    assert order == ["A1", "B1", "A2", "B2", "A3", "A4", "A5"]
    assert {j.batch_id for j in jobs[:2]} == {big, small}

    for job in jobs:
        deed = SaleDeed(
            transaction_date="2024-01-15",
            property_details=PropertyDetails(sale_consideration=4500000.0, registration_fee=None
                                             if job.document_id == "A5" else 45000.0),
            sellers=[Party(name="Suresh", property_share="100%")],
            buyers=[Party(name="Ravi"), Party(name="Asha")],
        )
        result = DocumentExtracted(document_id=job.document_id, batch_id=job.batch_id,
                                   sale_deed=deed, page_count=1)
        await js.publish(s.batch_subject(s.RESULTS, job.batch_id), msgspec.json.encode(result))

    async def finished():
        stats = (await api.get("/api/process/stats")).json()
        return stats if not stats["is_running"] else None

    stats = await finished() or await wait_for(finished)
    assert stats["total"] == 7 and stats["successful"] == 7 and stats["processed"] == 7
    assert stats["pipeline_mode"] is True
    folders = (await api.get("/api/system/folders")).json()
    assert folders == {"newly_uploaded": 0, "processed": 7, "failed": 0, "left_over_reg_fee": 1}
    batches = {b["batch_id"]: b for b in (await api.get("/api/batches")).json()}
    assert batches[big]["status"] == "completed" and batches[small]["status"] == "completed"


async def test_redelivered_results_replace_never_duplicate(api, js):
    doc = (await api.get("/api/documents/A1")).json()
    assert [b["name"] for b in doc["buyers"]] == ["Ravi", "Asha"]
    again = DocumentExtracted(
        document_id="A1", batch_id=doc["batch_id"],
        sale_deed=SaleDeed(buyers=[Party(name="Ravi")], sellers=[Party(name="Suresh")]),
    )
    for _ in range(2):
        await js.publish(s.batch_subject(s.RESULTS, doc["batch_id"]), msgspec.json.encode(again))

    async def replaced():
        d = (await api.get("/api/documents/A1")).json()
        return d if len(d["buyers"]) == 1 else None

    d = await wait_for(replaced)
    assert [b["name"] for b in d["buyers"]] == ["Ravi"]
    assert len(d["sellers"]) == 1
    # A late failure for a document that succeeded does not overwrite it.
    late = DocumentFailed(document_id="A1", batch_id=doc["batch_id"], stage="ocr", reason="x")
    await js.publish(s.batch_subject(s.RESULTS, doc["batch_id"]), msgspec.json.encode(late))
    await asyncio.sleep(0.5)
    assert (await api.get("/api/documents/A1")).json()["status"] == "done"


async def test_stop_leaves_queued_documents_uploaded(api, js):
    await upload(api, ["C1", "C2", "C3", "C4"])
    r = await api.post("/api/process/start", json={"ocr_workers": 1})
    assert r.json()["total_files"] == 4

    async def two_dispatched():
        info = await js.stream_info(s.STREAM_OCR)
        return info.state.messages == 2

    await wait_for(two_dispatched)
    r = await api.post("/api/process/stop")
    assert r.json() == {
        "success": True,
        "message": "Processing stopped. 2 PDF(s) remaining in newly uploaded folder.",
        "stopped_count": 2,
    }
    stats = (await api.get("/api/process/stats")).json()
    assert stats["is_running"] is False
    folders = (await api.get("/api/system/folders")).json()
    assert folders["newly_uploaded"] == 2
    # The in-flight jobs still finish and are recorded.
    psub = await js.pull_subscribe_bind(durable=s.CONSUMER_OCR, stream=s.STREAM_OCR)
    msgs = []
    while len(msgs) < 2:
        msgs += await psub.fetch(2 - len(msgs), timeout=5)
    for m in msgs:
        job = ocr_job_decoder.decode(m.data)
        failed = DocumentFailed(document_id=job.document_id, batch_id=job.batch_id,
                                stage="ocr", reason="encrypted PDF (password required)")
        await js.publish(s.batch_subject(s.RESULTS, job.batch_id), msgspec.json.encode(failed))
        await m.ack_sync()

    async def failed_visible():
        d = (await api.get(f"/api/documents/{job.document_id}")).json()
        return d if d["status"] == "failed" else None

    d = await wait_for(failed_visible)
    assert d["failure_reason"] == "encrypted PDF (password required)"
    assert d["failure_stage"] == "ocr"
    # Nothing more is dispatched after stop.
    await asyncio.sleep(0.5)
    assert (await js.stream_info(s.STREAM_OCR)).state.messages == 0


async def test_legacy_start_maps_onto_the_pipeline(api):
    r = await api.post("/api/process/start", json={"max_workers": 4})
    assert r.status_code == 200
    assert r.json() == {
        "success": True,
        "message": "Started processing 2 PDFs with 4 workers",
        "total_files": 2,
        "max_workers": 4,
        "pipeline_mode": False,
    }
    stats = (await api.get("/api/process/stats")).json()
    assert stats["pipeline_mode"] is False
    assert "ocr_active" not in stats
    await api.post("/api/process/stop")


async def test_toggle_embedded_ocr_is_live_in_config(api):
    r = await api.post("/api/process/toggle-embedded-ocr", params={"enabled": "true"})
    assert r.json() == {"success": True, "message": "Embedded OCR mode enabled",
                        "use_embedded_ocr": True, "ocr_mode": "PyMuPDF (Embedded OCR)"}
    assert (await api.get("/api/system/config")).json()["use_embedded_ocr"] is True
    r = await api.post("/api/process/toggle-embedded-ocr", params={"enabled": "false"})
    assert r.json()["ocr_mode"] == "Poppler + Tesseract"
    assert (await api.get("/api/system/config")).json()["use_embedded_ocr"] is False
