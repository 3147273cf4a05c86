"""Driving the REST API the way a user does: upload, start, wait, read back."""

from __future__ import annotations

import time
from dataclasses import dataclass

import httpx

from docmill_synth.scoring import sale_deed_from_api as as_sale_deed  # noqa: F401 - re-export


def upload(client: httpx.Client, files: list[tuple[str, bytes]]) -> dict:
    """POST /api/upload with (filename, bytes) pairs."""
    r = client.post(
        "/api/upload", files=[("files", (name, data, "application/pdf")) for name, data in files]
    )
    assert r.status_code == 200, r.text
    return r.json()


def wait_until_idle(client: httpx.Client, *, timeout: float = 240.0) -> dict:
    """Poll /api/process/stats every half second until the run is over."""
    deadline = time.monotonic() + timeout
    while True:
        stats = client.get("/api/process/stats").json()
        if not stats["is_running"]:
            return stats
        if time.monotonic() > deadline:
            raise AssertionError(f"processing did not finish in {timeout} s: {stats}")
        time.sleep(0.5)


def wait_for_vision(client: httpx.Client, *, total: int, timeout: float = 1200.0) -> dict:
    """Poll /api/vision/stats until every document sent to vision has an outcome."""
    deadline = time.monotonic() + timeout
    while True:
        stats = client.get("/api/vision/stats").json()
        if stats["processed"] >= total:
            return stats
        if time.monotonic() > deadline:
            raise AssertionError(f"vision did not finish in {timeout} s: {stats}")
        time.sleep(1.0)


def registration_fee_of(client: httpx.Client, doc_id: str) -> float | None:
    """The registration fee GET /api/documents/{id} reports for a document."""
    doc = client.get(f"/api/documents/{doc_id}").json()
    return (doc.get("property_details") or {}).get("registration_fee")


@dataclass(frozen=True)
class FeeDeedFile:
    filename: str
    pdf: bytes
    registration_fee: float


def fees_through_api(client: httpx.Client, deeds: list[FeeDeedFile]) -> tuple[int, str]:
    """Upload, process, run the vision step; (deeds with the right fee, a report of misses).

    What the text gave no fee is left over; a fee read from OCR'd text also goes to the
    vision step, which confirms or corrects it from the table image.
    """
    body = upload(client, [(f"{d.filename}.pdf", d.pdf) for d in deeds])
    assert body["uploaded_count"] == len(deeds)
    ids = body["document_ids"]
    r = client.post("/api/process/start", json={"ocr_workers": 2, "llm_workers": 2})
    assert r.status_code == 200, r.text
    stats = wait_until_idle(client, timeout=1200)
    assert stats["successful"] == len(deeds), stats

    from_text = {i: registration_fee_of(client, i) for i in ids}
    missing = [i for i, fee in from_text.items() if fee is None]
    assert client.get("/api/system/folders").json()["left_over_reg_fee"] == len(missing)
    r = client.post("/api/vision/start")
    assert r.status_code == 200, r.text
    queued = r.json()["queued_count"]
    assert queued >= len(missing)
    vision = wait_for_vision(client, total=queued)

    right, misses = 0, []
    for deed, doc_id in zip(deeds, ids, strict=True):
        got = registration_fee_of(client, doc_id)
        if got == deed.registration_fee:
            right += 1
            continue
        looked = client.get(f"/api/documents/{doc_id}").json()["vision"]
        via = "vision" if looked and looked["status"] == "done" else "OCR text"
        misses.append(
            f"{deed.filename}: expected {deed.registration_fee}, {via} gave {got}"
            f" (text gave {from_text[doc_id]}, vision {looked})"
        )
    left = sum(registration_fee_of(client, i) is None for i in ids)
    assert client.get("/api/system/folders").json()["left_over_reg_fee"] == left
    head = f"{right}/{len(deeds)} right, {queued} to vision ({len(missing)} without a fee)"
    return right, "\n".join([f"{head}; {vision}", *misses])
