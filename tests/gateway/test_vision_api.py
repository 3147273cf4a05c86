"""The vision surface of seed 000 (#9-11) and left_over_reg_fee, against the gateway.

The test plays the OCR/extractor and vision workers through the real streams.
"""

import asyncio

import msgspec
import pytest
from e2e.docs import make_pdf

from docmill_contracts import subjects as s
from docmill_contracts.messages import DocumentExtracted, FeeFound, vision_job_decoder
from docmill_contracts.saledeed import PropertyDetails, SaleDeed
from docmill_runtime.pipeline import read_pipeline, write_pipeline

pytestmark = pytest.mark.slow


async def eventually(check, within_s=15.0):
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within_s
    while not (value := await check()):
        assert loop.time() < deadline, "condition not met in time"
        await asyncio.sleep(0.1)
    return value


async def process_without_fee(api, js, names, *, fee=None):
    """Upload and run documents whose extraction finds no registration fee (or `fee`, OCR'd)."""
    files = [("files", (f"{n}.pdf", make_pdf(n), "application/pdf")) for n in names]
    batch = (await api.post("/api/upload", files=files)).json()["batch_id"]
    assert (await api.post("/api/process/start", json={"ocr_workers": 4})).status_code == 200
    psub = await js.pull_subscribe_bind(durable=s.CONSUMER_OCR, stream=s.STREAM_OCR)
    seen = 0
    while seen < len(names):
        for m in await psub.fetch(len(names) - seen, timeout=10):
            doc_id = msgspec.json.decode(m.data)["document_id"]
            deed = SaleDeed(
                property_details=PropertyDetails(sale_consideration=1e6, registration_fee=fee)
            )
            result = DocumentExtracted(
                document_id=doc_id, batch_id=batch, sale_deed=deed, needs_vision=fee is not None
            )
            await js.publish(s.batch_subject(s.RESULTS, batch), msgspec.json.encode(result))
            await m.ack_sync()
            seen += 1
    await psub.unsubscribe()

    async def idle():
        return not (await api.get("/api/process/stats")).json()["is_running"]

    await eventually(idle)
    return batch


async def test_vision_run_fills_fees_and_stop_keeps_the_rest(api, js):
    assert (await api.post("/api/vision/stop")).json() == {
        "success": False,
        "message": "No vision processing is running",
    }
    await process_without_fee(api, js, ["V1", "V2", "V3", "V4", "V5"])
    folders = (await api.get("/api/system/folders")).json()
    assert folders["left_over_reg_fee"] == 5

    r = await api.post("/api/vision/start")
    assert r.status_code == 200
    assert r.json()["message"] == "Started vision processing for registration fee extraction"
    again = await api.post("/api/vision/start")
    assert again.status_code == 400
    assert again.json() == {"detail": "Vision processing already running"}

    psub = await js.pull_subscribe_bind(durable=s.CONSUMER_VISION, stream=s.STREAM_VISION)
    msgs = []
    while len(msgs) < 2:  # the stream is kept two deep per vision worker
        msgs += await psub.fetch(2 - len(msgs), timeout=10)
    jobs = [vision_job_decoder.decode(m.data) for m in msgs]
    stats = (await api.get("/api/vision/stats")).json()
    assert stats["is_running"] is True and stats["total"] == 5
    assert stats["active_workers"] == 2
    fee = FeeFound(
        document_id=jobs[0].document_id,
        batch_id=jobs[0].batch_id,
        registration_fee=45000.0,
        page=3,
        box=[10.0, 20.0, 300.0, 200.0],
    )
    miss = FeeFound(
        document_id=jobs[1].document_id,
        batch_id=jobs[1].batch_id,
        registration_fee=None,
        reason="no fee table found",
    )
    for result, m in zip((fee, miss), msgs, strict=True):
        await js.publish(s.batch_subject(s.RESULTS, result.batch_id), msgspec.json.encode(result))
        await m.ack_sync()

    async def two_done():
        st = (await api.get("/api/vision/stats")).json()
        return st if st["processed"] == 2 else None

    stats = await eventually(two_done)
    assert stats["successful"] == 1 and stats["failed"] == 1
    doc = (await api.get(f"/api/documents/{jobs[0].document_id}")).json()
    assert doc["property_details"]["registration_fee"] == 45000.0

    await asyncio.sleep(0.5)  # let the dispatcher refill two more
    r = (await api.post("/api/vision/stop")).json()
    # 4 still without a fee: the miss, the two in flight and the one never sent.
    assert r == {
        "success": True,
        "stopped_count": 4,
        "message": "Vision processing stopped. 4 image(s) remaining in left over reg fee folder.",
    }
    assert (await api.get("/api/vision/stats")).json()["is_running"] is False
    in_flight = []
    while len(in_flight) < 2:  # the two jobs sent before the stop still arrive
        in_flight += await psub.fetch(2 - len(in_flight), timeout=5)
    for m in in_flight:
        await m.ack_sync()
    await psub.unsubscribe()
    await asyncio.sleep(0.5)
    assert (await js.stream_info(s.STREAM_VISION)).state.messages == 0
    assert (await api.get("/api/system/folders")).json()["left_over_reg_fee"] == 4


async def test_auto_mode_sends_new_left_overs_to_vision(api, js):
    config = await read_pipeline(js)
    await write_pipeline(js, msgspec.structs.replace(config, vision_auto=True))
    assert (await api.get("/api/system/config")).json()["vision_auto"] is True
    try:
        psub = await js.pull_subscribe_bind(durable=s.CONSUMER_VISION, stream=s.STREAM_VISION)
        seen = set()

        async def all_queued():
            try:
                for m in await psub.fetch(10, timeout=1):
                    seen.add(vision_job_decoder.decode(m.data).document_id)
                    await m.ack_sync()
            except TimeoutError:
                pass
            return len(seen) >= 2 or None

        await process_without_fee(api, js, ["W1"])
        await eventually(all_queued, within_s=20)
        # The new document and the one the stopped run never sent; not the one vision
        # already tried, nor the two whose jobs were taken but never answered.
        assert "W1" in seen and len(seen) == 2
        assert seen - {"W1"} <= {"V1", "V2", "V3", "V4", "V5"}
        await psub.unsubscribe()
    finally:
        await write_pipeline(js, config)


async def test_fee_read_from_ocr_text_is_checked_by_vision_but_not_left_over(api, js):
    left_over = (await api.get("/api/system/folders")).json()["left_over_reg_fee"]
    await process_without_fee(api, js, ["O1", "O2"], fee=3000.0)
    # They have a fee, so they are not left over; the vision step still owes them a look.
    assert (await api.get("/api/system/folders")).json()["left_over_reg_fee"] == left_over
    r = await api.post("/api/vision/start")
    assert r.status_code == 200 and r.json()["queued_count"] >= 2
    psub = await js.pull_subscribe_bind(durable=s.CONSUMER_VISION, stream=s.STREAM_VISION)
    jobs = {}
    while not {"O1", "O2"} <= jobs.keys():
        for m in await psub.fetch(1, timeout=10):
            job = vision_job_decoder.decode(m.data)
            jobs[job.document_id] = job
            found = {"O1": 5000.0}.get(job.document_id)
            result = FeeFound(
                document_id=job.document_id,
                batch_id=job.batch_id,
                registration_fee=found,
                page=2 if found else None,
                box=[1.0, 2.0, 3.0, 4.0] if found else None,
                reason=None if found else "no fee table found",
            )
            await js.publish(s.batch_subject(s.RESULTS, job.batch_id), msgspec.json.encode(result))
            await m.ack_sync()
    await psub.unsubscribe()
    assert jobs["O1"].text_fee == 3000.0 and jobs["O2"].text_fee == 3000.0
    assert all(j.text_fee is None for d, j in jobs.items() if d not in {"O1", "O2"})

    async def answered():
        docs = [(await api.get(f"/api/documents/{d}")).json() for d in ("O1", "O2")]
        return docs if all(doc["vision"]["status"] != "dispatched" for doc in docs) else None

    corrected, kept = await eventually(answered)
    # The table's reading replaces the OCR'd text's; finding nothing keeps the text's.
    assert corrected["property_details"]["registration_fee"] == 5000.0
    assert corrected["vision"] == {
        "status": "done",
        "reason": None,
        "registration_fee_page": 2,
        "registration_fee_box": [1.0, 2.0, 3.0, 4.0],
    }
    assert kept["property_details"]["registration_fee"] == 3000.0
    assert kept["vision"]["status"] == "failed"
    assert kept["vision"]["reason"] == "no fee table found"
    await api.post("/api/vision/stop")
    # One look each: a later run queues only documents still without a fee.
    left_over = (await api.get("/api/system/folders")).json()["left_over_reg_fee"]
    r = await api.post("/api/vision/start")
    assert r.json()["queued_count"] <= left_over
    for name, status in (("O1", "done"), ("O2", "failed")):
        assert (await api.get(f"/api/documents/{name}")).json()["vision"]["status"] == status
    await api.post("/api/vision/stop")
