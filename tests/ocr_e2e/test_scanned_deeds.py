"""Scanned deeds through the REST API: fields come out right, mixed PDFs use both sources."""

from __future__ import annotations

import httpx
import pymupdf
import pytest
from e2e.flow import as_sale_deed, upload, wait_until_idle

from docmill_synth import FieldScore, generate_deed, score
from docmill_synth.scan import generate_scanned_deed
from docmill_synth.textscore import char_accuracy

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

# Seeds no other test, benchmark or rule development uses; both template families.
SCANNED = [generate_scanned_deed(34_000 + i, family="main") for i in range(2)] + [
    generate_scanned_deed(35_000 + i, family="holdout") for i in range(2)
]


def _mixed_deed() -> tuple[bytes, object]:
    """Page 1 born digital, the rest scanned, of one deed."""
    seed = next(s for s in range(36_000, 36_100) if _pages(generate_deed(s).pdf) >= 2)
    clean, scanned = generate_deed(seed), generate_scanned_deed(seed)
    doc = pymupdf.open("pdf", clean.pdf)
    doc.delete_pages(range(1, doc.page_count))
    doc.insert_pdf(pymupdf.open("pdf", scanned.pdf), from_page=1)
    return doc.tobytes(), clean.truth


def _pages(pdf: bytes) -> int:
    with pymupdf.open("pdf", pdf) as doc:
        return doc.page_count


MIXED, MIXED_TRUTH = _mixed_deed()


@pytest.fixture(scope="module")
def processed(ocr_stack):
    with httpx.Client(base_url=ocr_stack.base_url, timeout=60) as client:
        files = [(f"{d.filename}.pdf", d.pdf) for d in SCANNED] + [("mixed.pdf", MIXED)]
        body = upload(client, files)
        r = client.post("/api/process/start", json={})
        assert r.status_code == 200, r.text
        wait_until_idle(client, timeout=600)
        docs = {
            name: client.get(f"/api/documents/{doc_id}").json()
            for name, doc_id in zip(body["files"], body["document_ids"], strict=True)
        }
        yield docs


def test_scanned_deeds_come_out_at_least_95_percent_right(processed):
    total = FieldScore(correct=0, total=0, mismatches=[])
    for deed in SCANNED:
        doc = processed[f"{deed.filename}.pdf"]
        assert doc["status"] == "done", doc
        assert doc["text_sources"] == ["tesseract"] * doc["page_count"]
        total += score(deed.truth, as_sale_deed(doc))
    assert total.accuracy >= 0.95, total.mismatches[:20]


def test_mixed_pdf_reads_text_layer_and_ocrs_the_scans(processed):
    doc = processed["mixed.pdf"]
    assert doc["status"] == "done", doc
    pages = doc["page_count"]
    assert pages >= 2
    assert doc["text_sources"] == ["text_layer"] + ["tesseract"] * (pages - 1)
    assert score(MIXED_TRUTH, as_sale_deed(doc)).accuracy >= 0.95


def test_generator_text_is_what_the_scan_shows():
    """The scorer's reference: the clean page text; a scan keeps the truth unchanged."""
    deed = SCANNED[0]
    assert deed.truth == generate_deed(34_000).truth
    assert char_accuracy(deed.page_texts[0], deed.page_texts[0]) == 1.0
