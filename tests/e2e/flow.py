"""Driving the REST API the way a user does: upload, start, wait, read back."""

from __future__ import annotations

import time

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
