"""Steps of the seed-000 client: polling, errors, and the export, vision and ticket surfaces."""

from __future__ import annotations

import io
import re
import time

import httpx
import openpyxl
import pymupdf
from e2e.stack import RunningStack
from seed000_shapes import (
    EXCEL_HEADER,
    STOPPED,
    TICKET,
    VISION_START,
    VISION_STATS,
    check,
    check_list,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def wait_idle(api: httpx.Client, path: str = "/process/stats", timeout: float = 90.0) -> dict:
    """Poll stats as the seed recommends (faster, to keep the test short) until idle."""
    deadline = time.monotonic() + timeout
    while True:
        stats = api.get(path).json()
        if not stats["is_running"]:
            return stats
        assert time.monotonic() < deadline, f"{path} still running: {stats}"
        time.sleep(0.3)


def without_fee(pdf: bytes) -> bytes:
    """The deed with every line naming the registration fee redacted away."""
    doc = pymupdf.open(stream=pdf, filetype="pdf")
    for page in doc:
        for block in page.get_text("dict")["blocks"]:
            for line in block.get("lines", []):
                text = "".join(span["text"] for span in line["spans"])
                if re.search(r"(?i)registration\s+fee", text):
                    page.add_redact_annot(line["bbox"])
        page.apply_redactions()
    return doc.tobytes()


def detail(r: httpx.Response, status: int) -> str:
    """The seed's error body: `{"detail": "..."}` with the status code."""
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"detail"}, body
    return body["detail"]


def check_exports(api: httpx.Client, *, batch_id: str, docs: list[dict]) -> None:
    """Seed section 14: the Sale_Deeds sheet and its four filename patterns."""
    r = api.get("/export/excel", params={"download_type": "all"})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith(XLSX)
    assert "whole_data.xlsx" in r.headers["content-disposition"]
    ws = openpyxl.load_workbook(io.BytesIO(r.content))["Sale_Deeds"]
    rows = list(ws.iter_rows(values_only=True))
    assert list(rows[0]) == EXCEL_HEADER
    parties = sum(len(d["buyers"]) + len(d["sellers"]) for d in docs)
    assert len(rows) - 1 == parties
    assert {r[1] for r in rows[1:]} == {"S", "B"}
    assert all(r[25] is None for r in rows[1:] if r[1] == "B")
    assert ws["A1"].font.b and ws["A1"].fill.fgColor.rgb.endswith("1F4E78")
    assert ws.row_dimensions[1].height == 25 and ws.row_dimensions[2].height == 20

    for params, name in [
        ({"batch_ids": batch_id, "batch_names": "Batch1", "download_type": "batch"}, "Batch1"),
        ({"batch_ids": f"{batch_id},BATCH_other", "download_type": "batch"}, "multiple_batches_2"),
        (
            {"start_date": "2020-01-01", "end_date": "2099-12-31", "download_type": "dateRange"},
            "2020-01-01_to_2099-12-31",
        ),
    ]:
        r = api.get("/export/excel", params=params)
        assert r.status_code == 200, r.text
        assert f"{name}.xlsx" in r.headers["content-disposition"]
    first = api.get("/export/excel", params={"start_index": 0, "end_index": 1})
    rows = list(openpyxl.load_workbook(io.BytesIO(first.content))["Sale_Deeds"].values)
    assert {r[2] for r in rows[1:]} == {docs[0]["document_id"]}
    r = api.get("/export/excel", params={"batch_ids": "BATCH_nope", "download_type": "batch"})
    assert detail(r, 404) == "No documents found for the selected criteria"
    r = api.get("/export/excel", params={"start_date": "1990-01-01", "end_date": "1990-12-31"})
    assert detail(r, 404) == "No documents found for the selected criteria"


def check_vision(api: httpx.Client, stack: RunningStack) -> None:
    """Seed sections 9-11, with the vision worker paused so the run stays observable."""
    check(api.get("/vision/stats").json(), VISION_STATS, "vision/stats")
    assert api.post("/vision/stop").json() == {
        "success": False,
        "message": "No vision processing is running",
    }
    # Paused, the vision worker leaves the run's one job in flight, so the run stays running.
    stack.stop_services(["vision"])
    started = check(api.post("/vision/start").json(), VISION_START, "vision/start")
    assert started["success"] is True
    assert started["message"] == "Started vision processing for registration fee extraction"
    assert detail(api.post("/vision/start"), 400) == "Vision processing already running"
    stats = check(api.get("/vision/stats").json(), VISION_STATS, "vision/stats")
    assert stats["is_running"] is True and stats["total"] == 1
    stopped = check(api.post("/vision/stop").json(), STOPPED, "vision/stop")
    assert stopped == {
        "success": True,
        "message": "Vision processing stopped. 1 image(s) remaining in left over reg fee folder.",
        "stopped_count": 1,
    }
    assert api.get("/vision/stats").json()["is_running"] is False
    assert api.get("/system/folders").json()["left_over_reg_fee"] == 1
    stack.start_services(["vision"])


def check_tickets(api: httpx.Client, *, batch_id: str) -> None:
    """Seed sections 21-24: the ticket life cycle and its errors."""
    r = api.post(
        "/tickets",
        json={
            "user_name": "John Doe",
            "batch_id": batch_id,
            "error_type": "OCR Failure",
            "description": "OCR failed on 1 document",
        },
    )
    assert r.status_code == 201, r.text
    first = check(r.json(), TICKET, "ticket")
    assert (first["status"], first["resolved_at"], first["batch_id"]) == ("open", None, batch_id)
    second = api.post(
        "/tickets",
        json={"user_name": "Jane Smith", "error_type": "LLM Timeout", "description": "timed out"},
    ).json()
    check(second, TICKET, "ticket")
    assert second["batch_id"] is None
    listed = check_list(api.get("/tickets").json(), TICKET, "tickets")
    assert [t["id"] for t in listed] == [second["id"], first["id"]]
    assert api.get(f"/tickets/{first['id']}").json() == first

    url = f"/tickets/{first['id']}/status"
    moved = check(api.patch(url, json={"status": "in_progress"}).json(), TICKET)
    assert (moved["status"], moved["resolved_at"]) == ("in_progress", None)
    resolved = check(api.patch(url, json={"status": "resolved"}).json(), TICKET)
    assert resolved["status"] == "resolved" and resolved["resolved_at"] is not None
    closed = check(api.patch(url, json={"status": "closed"}).json(), TICKET)
    assert closed["status"] == "closed" and closed["resolved_at"] == resolved["resolved_at"]

    assert "Invalid status" in detail(api.patch(url, json={"status": "done"}), 400)
    missing = 10**9
    assert detail(api.get(f"/tickets/{missing}"), 404) == "Ticket not found"
    r = api.patch(f"/tickets/{missing}/status", json={"status": "open"})
    assert detail(r, 404) == "Ticket not found"
