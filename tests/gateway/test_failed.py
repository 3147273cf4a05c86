"""Failed PDFs: rerun-failed sends them back, download-failed hands out the originals.

As in test_process, the test plays the OCR stage: it pulls jobs from the real OCR
consumer and publishes the results itself.
"""

import asyncio
import csv
import hashlib
import io
import re
import zipfile

import asyncpg
import msgspec
import pytest
from e2e.docs import make_pdf

from docmill_contracts import subjects as s
from docmill_contracts.messages import DocumentExtracted, DocumentFailed, ocr_job_decoder
from docmill_contracts.saledeed import SaleDeed

pytestmark = pytest.mark.slow

DISPOSITION = re.compile(r"^attachment; filename=failed_pdfs_\d{8}_\d{6}\.zip$")
# Two batches, each with an F1.pdf: the ZIP must keep both apart.
FIRST = {"F1": make_pdf("F1 first batch"), "F2": make_pdf("F2 first batch")}
SECOND = {"F1": make_pdf("F1 second batch")}
REASONS = {
    "F1": ("ocr", "encrypted PDF (password required)"),
    "F1_2": ("extract", "=no parties found"),
}


async def upload(api, pdfs):
    files = [("files", (f"{n}.pdf", data, "application/pdf")) for n, data in pdfs.items()]
    r = await api.post("/api/upload", files=files)
    assert r.status_code == 200, r.text
    return r.json()


async def wait_for(predicate, limit_s=15.0):
    deadline = asyncio.get_running_loop().time() + limit_s
    while not (value := await predicate()):
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.1)
    return value


async def take_jobs(js, count):
    """Pull `count` OCR jobs off the real consumer, acking each."""
    psub = await js.pull_subscribe_bind(durable=s.CONSUMER_OCR, stream=s.STREAM_OCR)
    jobs = []
    while len(jobs) < count:
        for m in await psub.fetch(1, timeout=10):
            jobs.append(ocr_job_decoder.decode(m.data))
            await m.ack_sync()
    return jobs


async def publish(js, result):
    await js.publish(s.batch_subject(s.RESULTS, result.batch_id), msgspec.json.encode(result))


async def run_to_end(api):
    async def finished():
        return not (await api.get("/api/process/stats")).json()["is_running"]

    await wait_for(finished)


async def db_row(gateway, sql, *args):
    conn = await asyncpg.connect(gateway.database_url)
    try:
        return await conn.fetchrow(sql, *args)
    finally:
        await conn.close()


async def test_nothing_failed_yet(api):
    r = await api.post("/api/process/rerun-failed")
    assert r.status_code == 200
    assert r.json() == {"success": False, "message": "No failed PDFs to rerun"}
    r = await api.get("/api/process/download-failed")
    assert r.status_code == 404
    assert r.json() == {"detail": "No failed PDFs found"}


async def test_download_failed_zips_the_exact_originals_and_a_failures_csv(api, js):
    first = await upload(api, FIRST)
    second = await upload(api, SECOND)
    assert second["document_ids"] == ["F1_2"]
    r = await api.post("/api/process/start", json={"ocr_workers": 2})
    assert r.json()["total_files"] == 3
    for job in await take_jobs(js, 3):
        if job.document_id in REASONS:
            stage, reason = REASONS[job.document_id]
            await publish(
                js,
                DocumentFailed(
                    document_id=job.document_id, batch_id=job.batch_id, stage=stage, reason=reason
                ),
            )
        else:
            await publish(
                js,
                DocumentExtracted(
                    document_id=job.document_id, batch_id=job.batch_id, sale_deed=SaleDeed()
                ),
            )
    await run_to_end(api)
    assert (await api.get("/api/system/folders")).json()["failed"] == 2

    r = await api.get("/api/process/download-failed")
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/zip"
    assert DISPOSITION.match(r.headers["content-disposition"]), r.headers["content-disposition"]
    zf = zipfile.ZipFile(io.BytesIO(r.content))
    assert zf.testzip() is None
    assert sorted(zf.namelist()) == ["F1.pdf", "F1_2.pdf", "failures.csv"]
    sha = lambda data: hashlib.sha256(data).hexdigest()  # noqa: E731
    assert sha(zf.read("F1.pdf")) == sha(FIRST["F1"])
    assert sha(zf.read("F1_2.pdf")) == sha(SECOND["F1"])

    rows = list(csv.reader(io.StringIO(zf.read("failures.csv").decode("utf-8-sig"))))
    assert rows[0] == ["filename", "document_id", "stage", "reason", "batch_id"]
    assert rows[1:] == [
        ["F1.pdf", "F1", "ocr", "encrypted PDF (password required)", first["batch_id"]],
        # A reason starting like a formula is defused for spreadsheets.
        ["F1_2.pdf", "F1_2", "extract", "'=no parties found", second["batch_id"]],
    ]


async def test_rerun_failed_moves_them_back_and_they_are_dispatched_again(api, js, gateway):
    before = (await api.get("/api/system/folders")).json()
    r = await api.post("/api/process/rerun-failed")
    assert r.status_code == 200
    assert r.json() == {
        "success": True,
        "message": "Moved 2 failed PDFs back to newly_uploaded folder",
        "moved_count": 2,
    }
    after = (await api.get("/api/system/folders")).json()
    assert after["newly_uploaded"] == before["newly_uploaded"] + 2
    assert after["failed"] == 0 and after["processed"] == before["processed"]

    doc = (await api.get("/api/documents/F1")).json()
    assert doc["status"] == "uploaded"
    assert doc["failure_reason"] is None and doc["failure_stage"] is None
    row = await db_row(
        gateway,
        "SELECT last_failure_reason, last_failure_stage, run_id"
        " FROM documents WHERE document_id = 'F1'",
    )
    assert dict(row) == {
        "last_failure_reason": "encrypted PDF (password required)",
        "last_failure_stage": "ocr",
        "run_id": None,
    }
    batches = {b["batch_id"]: b for b in (await api.get("/api/batches")).json()}
    assert batches[doc["batch_id"]]["status"] == "pending"

    again = await api.post("/api/process/rerun-failed")
    assert again.json() == {"success": False, "message": "No failed PDFs to rerun"}
    assert (await api.get("/api/process/download-failed")).status_code == 404

    # The next run takes them, as a new attempt the stream does not drop as a duplicate.
    r = await api.post("/api/process/start", json={"ocr_workers": 2})
    assert r.json()["total_files"] == 2
    jobs = await take_jobs(js, 2)
    assert sorted((j.document_id, j.attempt) for j in jobs) == [("F1", 2), ("F1_2", 2)]
    for job in jobs:
        await publish(
            js,
            DocumentExtracted(
                document_id=job.document_id, batch_id=job.batch_id, sale_deed=SaleDeed()
            ),
        )
    await run_to_end(api)
    assert (await api.get("/api/documents/F1")).json()["status"] == "done"
    batches = {b["batch_id"]: b for b in (await api.get("/api/batches")).json()}
    assert batches[doc["batch_id"]]["status"] == "completed"


async def test_a_missing_original_is_listed_without_a_file(api, js, gateway):
    await upload(api, {"G1": make_pdf("G1")})
    await api.post("/api/process/start", json={"ocr_workers": 1})
    (job,) = await take_jobs(js, 1)
    await publish(
        js,
        DocumentFailed(document_id="G1", batch_id=job.batch_id, stage="ocr", reason="unreadable"),
    )
    await run_to_end(api)
    store = await js.object_store(s.OBJ_DOCUMENTS)
    await store.delete(job.object_name)

    r = await api.get("/api/process/download-failed")
    assert r.status_code == 200
    zf = zipfile.ZipFile(io.BytesIO(r.content))
    assert zf.namelist() == ["failures.csv"]
    rows = list(csv.reader(io.StringIO(zf.read("failures.csv").decode("utf-8-sig"))))
    assert rows[1:] == [["", "G1", "ocr", "unreadable", job.batch_id]]
