"""Whole deeds whose registration fee is only in a scanned endorsement, in unseen styles.

The deeds come from `docmill_synth.feetable_audit`, written apart from the detector's
training pages and the fee reader and never used to tune either: Section 52
endorsements with Kaveri-style and typed fee tables, rupee/paise columns, seals, thumb
impressions and photocopy scans, placed after the last page or after the first. The
deed's text pages leave the fee blank. They go through the REST API as a user sends
them: upload, process, run the vision step for the documents left without a fee, read
the registration fee back.
"""

from __future__ import annotations

import httpx
import pytest

from docmill_synth.feetable_audit import audit_fee_deed
from e2e.flow import registration_fee_of, upload, wait_for_vision, wait_until_idle

pytestmark = pytest.mark.slow

DEEDS = 20
# The goal is the right fee for >= 95% of deeds whose fee table is an image. These deeds
# scored 12 of 20 the first time the vision step met them (paise columns read as part of
# the rupees, a seal's "SUB REGISTRAR" taken as the fee row); after reading paise columns
# and seal fragments they score 18 of 20 (a fee the text rules take from the OCR'd table,
# a seal over a leading digit). This floor catches regressions until that gap closes.
MIN_RIGHT = 0.90


def test_audit_fee_tables_come_out_of_the_api_with_the_right_fee(client: httpx.Client) -> None:
    deeds = [audit_fee_deed(seed) for seed in range(DEEDS)]
    body = upload(client, [(f"{d.filename}.pdf", d.pdf) for d in deeds])
    assert body["uploaded_count"] == DEEDS
    ids = body["document_ids"]
    r = client.post("/api/process/start", json={"ocr_workers": 2, "llm_workers": 2})
    assert r.status_code == 200, r.text
    stats = wait_until_idle(client, timeout=1200)
    assert stats["successful"] == DEEDS, stats

    missing = [i for i in ids if registration_fee_of(client, i) is None]
    assert client.get("/api/system/folders").json()["left_over_reg_fee"] == len(missing)
    if missing:
        r = client.post("/api/vision/start")
        assert r.status_code == 200, r.text
        assert r.json()["queued_count"] == len(missing)
        vision = wait_for_vision(client, total=len(missing))
    else:
        vision = client.get("/api/vision/stats").json()

    right, misses = 0, []
    for deed, doc_id in zip(deeds, ids, strict=True):
        got = registration_fee_of(client, doc_id)
        if got == deed.registration_fee:
            right += 1
        else:
            via = "vision" if doc_id in missing else "OCR text"
            misses.append(f"{deed.filename}: expected {deed.registration_fee}, {via} gave {got}")
    report = "\n".join([f"{right}/{DEEDS} right, {len(missing)} via vision; {vision}", *misses])
    assert right >= DEEDS * MIN_RIGHT, report
    assert client.get("/api/system/folders").json()["left_over_reg_fee"] == DEEDS - sum(
        registration_fee_of(client, i) is not None for i in ids
    )
