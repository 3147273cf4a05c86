"""A client that knows only seed 000 drives all 24 endpoints of the running stack.

Every request is written as the seed shows it; every response is compared with the seed's
example field by field, and every error with the seed's status code and message.
One stack (all five services as processes) serves the whole module, in the order a user
goes: before anything, user info, upload, process, read back, export, failures, vision,
tickets, stop.
"""

from __future__ import annotations

import io
import re
import time
import zipfile
from collections.abc import Iterator

import httpx
import pytest
from e2e.stack import RunningStack, running_stack
from seed000_shapes import (
    BATCH,
    BATCH_ID,
    FOLDERS,
    RERUN,
    START_LEGACY,
    START_PIPELINE,
    STATS_LEGACY,
    STATS_PIPELINE,
    STOPPED,
    SYSTEM_CONFIG,
    SYSTEM_INFO,
    TOGGLE,
    UPLOAD,
    USER_INFO,
    check,
    check_document,
    check_list,
)
from seed000_steps import check_exports, check_tickets, check_vision, detail, wait_idle, without_fee

from docmill_synth import generate_deed

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

DEEDS = [generate_deed(60_000 + i, family="main") for i in range(3)]
NO_FEE = DEEDS[2]  # uploaded with its fee line removed: left over for the vision step
CORRUPT = b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R"  # truncated mid-object
STOPPED_MSG = re.compile(
    r"^Processing stopped\. (\d+) PDF\(s\) remaining in newly uploaded folder\.$"
)


@pytest.fixture(scope="module")
def stack(pg_server) -> Iterator[RunningStack]:  # noqa: ANN001
    """All five services on a fresh nats-server and database."""
    with running_stack(pg_server, extra_env={"DOCMILL_STATS_CACHE_S": "0.2"}) as st:
        yield st


@pytest.fixture(scope="module")
def api(stack: RunningStack) -> Iterator[httpx.Client]:
    """The seed's base URL."""
    with httpx.Client(base_url=f"{stack.base_url}/api", timeout=60) as client:
        yield client


@pytest.fixture(scope="module")
def seen() -> dict:
    """What earlier steps learned (batch id, documents), for the steps after them."""
    return {}


def test_system_and_errors_before_any_upload(api: httpx.Client) -> None:
    # 15-17: system information, before anything was uploaded.
    info = check(api.get("/system/info").json(), SYSTEM_INFO, "system/info")
    # The vision worker loaded the shipped detector and said so.
    assert info["yolo_model_loaded"] is True
    assert info["tesseract_available"] is True and info["cuda_device_count"] == 0
    check(api.get("/system/config").json(), SYSTEM_CONFIG, "system/config")
    folders = check(api.get("/system/folders").json(), FOLDERS, "system/folders")
    assert folders == {"newly_uploaded": 0, "processed": 0, "failed": 0, "left_over_reg_fee": 0}
    stats = check(api.get("/process/stats").json(), STATS_LEGACY, "process/stats")
    assert stats["is_running"] is False and stats["total"] == 0

    # 4, 7, 8, 13, 14: the error answers of an empty system.
    assert api.post("/process/stop").json() == {
        "success": False,
        "message": "No batch processing is running",
    }
    assert api.post("/process/rerun-failed").json() == {
        "success": False,
        "message": "No failed PDFs to rerun",
    }
    assert detail(api.get("/process/download-failed"), 404) == "No failed PDFs found"
    assert detail(api.get("/documents/DOC_2024_001"), 404) == "Document not found"
    assert api.get("/documents", params={"skip": 0, "limit": 10}).json() == []
    r = api.get("/export/excel", params={"download_type": "all"})
    assert detail(r, 404) == "No documents found for the selected criteria"


def test_user_info_upload_and_batches(api: httpx.Client, seen: dict) -> None:
    # 18-20: user info before the upload, linked to the batch after it.
    r = api.post(
        "/user-info",
        json={"user_name": "John Doe", "number_of_files": 4, "file_region": "Bangalore"},
    )
    assert r.status_code == 201, r.text
    john = check(r.json(), USER_INFO, "user-info")
    assert (john["user_name"], john["number_of_files"], john["file_region"], john["batch_id"]) == (
        "John Doe",
        4,
        "Bangalore",
        None,
    )
    r = api.post(
        "/user-info",
        json={
            "user_name": "Jane Smith",
            "number_of_files": 5,
            "file_region": "Mumbai",
            "batch_id": None,
        },
    )
    assert r.status_code == 201
    detail(api.patch("/user-info/update-batch", json={"user_name": "John Doe"}), 400)
    r = api.patch("/user-info/update-batch", json={"user_name": "Nobody", "batch_id": "BATCH_x"})
    assert r.status_code == 404 and "not found" in detail(r, 404).lower()

    # 1-2: upload three real deeds and one corrupt PDF.
    files = [
        (
            "files",
            (f"{d.filename}.pdf", without_fee(d.pdf) if d is NO_FEE else d.pdf, "application/pdf"),
        )
        for d in DEEDS
    ]
    files.append(("files", ("corrupt.pdf", CORRUPT, "application/pdf")))
    upload = check(api.post("/upload", files=files).json(), UPLOAD, "upload")
    assert upload["success"] is True and upload["uploaded_count"] == 4
    assert upload["files"] == [f"{d.filename}.pdf" for d in DEEDS] + ["corrupt.pdf"]
    batch_id = upload["batch_id"]
    assert BATCH_ID.match(batch_id), batch_id
    batches = check_list(api.get("/batches").json(), BATCH, "batches")
    assert [(b["batch_id"], b["batch_name"], b["total_count"], b["status"]) for b in batches] == [
        (batch_id, DEEDS[0].filename, 4, "pending")
    ]
    assert api.get("/system/folders").json()["newly_uploaded"] == 4

    r = api.patch("/user-info/update-batch", json={"user_name": "John Doe", "batch_id": batch_id})
    assert r.json() == {"success": True, "message": "User info updated with batch_id"}
    users = check_list(api.get("/user-info").json(), USER_INFO, "user-info list")
    assert [(u["user_name"], u["batch_id"]) for u in users] == [
        ("Jane Smith", None),
        ("John Doe", batch_id),
    ]
    seen["upload"] = upload


def test_validation_ocr_mode_and_legacy_run(api: httpx.Client) -> None:
    # 3, 6: the seed's validation messages, then OCR mode, then a Legacy Mode run.
    for body, message in [
        ({"ocr_workers": 0}, "ocr_workers must be between 1 and 20"),
        ({"llm_workers": 21}, "llm_workers must be between 1 and 20"),
        ({"max_workers": 21}, "max_workers must be between 1 and 20"),
        ({"stage2_queue_size": 11}, "stage2_queue_size must be between 1 and 10"),
        ({"ocr_page_workers": 9}, "ocr_page_workers must be between 1 and 8"),
    ]:
        assert detail(api.post("/process/start", json=body), 400) == message
    off = check(api.post("/process/toggle-embedded-ocr?enabled=false").json(), TOGGLE, "toggle")
    assert off == {
        "success": True,
        "message": "Embedded OCR mode disabled",
        "use_embedded_ocr": False,
        "ocr_mode": "Poppler + Tesseract",
    }
    on = api.post("/process/toggle-embedded-ocr", params={"enabled": "true"}).json()
    assert on == {
        "success": True,
        "message": "Embedded OCR mode enabled",
        "use_embedded_ocr": True,
        "ocr_mode": "PyMuPDF (Embedded OCR)",
    }
    assert api.get("/system/config").json()["use_embedded_ocr"] is True

    started = check(api.post("/process/start", json={"max_workers": 2}).json(), START_LEGACY)
    assert started == {
        "success": True,
        "message": "Started processing 4 PDFs with 2 workers",
        "total_files": 4,
        "max_workers": 2,
        "pipeline_mode": False,
    }
    again = api.post("/process/start", json={"ocr_workers": 2, "llm_workers": 6})
    assert detail(again, 400) == "Batch processing already running"
    running = check(api.get("/process/stats").json(), STATS_LEGACY, "process/stats")
    assert running["pipeline_mode"] is False and running["total"] == 4
    stats = check(wait_idle(api), STATS_LEGACY, "process/stats")
    assert (stats["total"], stats["processed"], stats["successful"], stats["failed"]) == (
        4,
        4,
        3,
        1,
    )
    assert api.get("/batches").json()[0]["status"] == "completed"


def test_documents_read_back(api: httpx.Client, seen: dict) -> None:
    batch_id = seen["upload"]["batch_id"]
    # 12-13: the documents read back in the seed's shape.
    docs = api.get("/documents", params={"skip": 0, "limit": 10}).json()
    assert len(docs) == 3
    for i, doc in enumerate(docs):
        check_document(doc, f"documents[{i}]")
        assert doc["batch_id"] == batch_id
    assert [d["document_id"] for d in api.get("/documents?skip=1&limit=1").json()] == [
        docs[1]["document_id"]
    ]
    one = check_document(api.get(f"/documents/{docs[0]['document_id']}").json())
    assert one["document_id"] == docs[0]["document_id"]
    truth = DEEDS[0].truth
    assert len(one["buyers"]) == len(truth.buyers) and len(one["sellers"]) == len(truth.sellers)
    assert (
        one["property_details"]["sale_consideration"] == truth.property_details.sale_consideration
    )
    folders = check(api.get("/system/folders").json(), FOLDERS)
    assert folders == {"newly_uploaded": 0, "processed": 3, "failed": 1, "left_over_reg_fee": 1}
    fees = [d["property_details"]["registration_fee"] for d in docs]
    assert fees[:2] == [d.truth.property_details.registration_fee for d in DEEDS[:2]]
    assert fees[2] is None
    seen["docs"] = docs


def test_exports(api: httpx.Client, seen: dict) -> None:
    check_exports(api, batch_id=seen["upload"]["batch_id"], docs=seen["docs"])


def test_download_failed(api: httpx.Client) -> None:
    # 8: the failed PDF comes back as a ZIP.
    r = api.get("/process/download-failed")
    assert r.status_code == 200 and r.headers["content-type"] == "application/zip"
    assert re.fullmatch(
        r"attachment; filename=failed_pdfs_\d{8}_\d{6}\.zip", r.headers["content-disposition"]
    )
    with zipfile.ZipFile(io.BytesIO(r.content)) as archive:
        pdfs = [n for n in archive.namelist() if n.endswith(".pdf")]
        assert len(pdfs) == 1 and archive.read(pdfs[0]) == CORRUPT


def test_vision(api: httpx.Client, stack: RunningStack) -> None:
    check_vision(api, stack)


def test_tickets(api: httpx.Client, seen: dict) -> None:
    check_tickets(api, batch_id=seen["upload"]["batch_id"])


def test_stop_with_work_waiting(api: httpx.Client, seen: dict) -> None:
    # 4: stopping a run with work still waiting; what is left waits for the next start.
    more = [generate_deed(60_100 + i, family="main") for i in range(4)]
    files = [("files", (f"{d.filename}.pdf", d.pdf, "application/pdf")) for d in more]
    assert api.post("/upload", files=files).json()["uploaded_count"] == 4
    assert api.post("/process/start", json={"ocr_workers": 1, "llm_workers": 1}).status_code == 200
    stopped = check(api.post("/process/stop").json(), STOPPED, "process/stop")
    match = STOPPED_MSG.match(stopped["message"])
    assert stopped["success"] is True and match, stopped
    assert int(match.group(1)) == stopped["stopped_count"] >= 1
    assert api.get("/process/stats").json()["is_running"] is False
    assert api.get("/system/folders").json()["newly_uploaded"] == stopped["stopped_count"]
    seen["waiting"] = stopped["stopped_count"]


def wait_in_flight_done(api: httpx.Client, timeout: float = 300.0) -> None:
    """Wait until no document is dispatched, in OCR or in extraction."""
    deadline = time.monotonic() + timeout
    while api.get("/documents", params={"status": "dispatched,ocr,extracting"}).json():
        assert time.monotonic() < deadline, "in-flight documents never finished"
        time.sleep(0.5)


def test_rerun_failed_in_pipeline_mode(api: httpx.Client, seen: dict) -> None:
    # 7, 3: the failed PDF goes back; a Pipeline Mode run takes it with what was waiting.
    # The stopped run's in-flight documents finish first (a new run would adopt them);
    # then count what waits now, not what the stop reported: a document dispatched as the
    # stop came in can still leave the waiting set afterwards.
    wait_in_flight_done(api)
    waiting = api.get("/system/folders").json()["newly_uploaded"]
    assert 1 <= waiting <= seen["waiting"]
    rerun = check(api.post("/process/rerun-failed").json(), RERUN, "rerun-failed")
    assert rerun == {
        "success": True,
        "message": "Moved 1 failed PDFs back to newly_uploaded folder",
        "moved_count": 1,
    }
    assert api.get("/system/folders").json()["newly_uploaded"] == waiting + 1
    body = {"ocr_workers": 2, "llm_workers": 6, "stage2_queue_size": 1}
    started = check(api.post("/process/start", json=body).json(), START_PIPELINE, "start")
    assert started["message"] == f"Started processing {waiting + 1} PDFs with 2 OCR + 6 LLM workers"
    assert (started["total_files"], started["ocr_workers"], started["llm_workers"]) == (
        waiting + 1,
        2,
        6,
    )
    assert started["stage2_queue_size"] == 1 and started["pipeline_mode"] is True
    stats = check(wait_idle(api), STATS_PIPELINE, "process/stats")
    assert (stats["total"], stats["successful"], stats["failed"]) == (waiting + 1, waiting, 1)
    assert (stats["pipeline_mode"], stats["ocr_workers"], stats["llm_workers"]) == (True, 2, 6)
    assert api.get("/system/folders").json()["failed"] == 1
