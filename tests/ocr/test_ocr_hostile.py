"""Hostile and broken files fail with a reason a person can act on; the worker carries on."""

from __future__ import annotations

import os

import pymupdf
import pytest

from docmill_contracts.messages import OcrOptions

from .support import expect_failure, next_extract, scanned_pdf, submit, text_pdf

# Real nats-server and worker processes: seconds per test.
pytestmark = pytest.mark.slow

GOOD_TEXT = "Sale deed between Ramesh Kumar and Lakshmi Devi for the schedule property"


def _minimal_pdf(page_dict: bytes, extra: bytes = b"") -> bytes:
    """A hand-written one-page PDF, for shapes PyMuPDF will not produce."""
    return (
        b"%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n"
        b"2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n"
        b"3 0 obj <</Type/Page/Parent 2 0 R"
        + page_dict
        + b">> endobj\n"
        + extra
        + b"trailer <</Root 1 0 R>>\n%%EOF\n"
    )


def _truncated() -> bytes:
    data = text_pdf([GOOD_TEXT] * 4)
    return data[: len(data) // 2]


def _encrypted() -> bytes:
    doc = pymupdf.open()
    doc.new_page().insert_text((50, 100), GOOD_TEXT)
    return doc.tobytes(encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="user", owner_pw="owner")


def _no_pages() -> bytes:
    return (
        b"%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n"
        b"2 0 obj <</Type/Pages/Kids[]/Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"
    )


def _huge_page() -> bytes:
    doc = pymupdf.open()
    doc.new_page(width=40000, height=40000)
    return doc.tobytes()


def _big_blank_page() -> bytes:
    doc = pymupdf.open()
    doc.new_page(width=20000, height=20000)  # legal size, but far too big to render for OCR
    return doc.tobytes()


def _pixel_bomb() -> bytes:
    image = (
        b"4 0 obj <</Type/XObject/Subtype/Image/Width 100000/Height 100000"
        b"/ColorSpace/DeviceGray/BitsPerComponent 8/Length 10>> stream\n0123456789\n"
        b"endstream endobj\n5 0 obj <</Length 30>> stream\nq 612 0 0 792 0 0 cm /Im0 Do Q\n"
        b"endstream endobj\n"
    )
    return _minimal_pdf(
        b"/MediaBox[0 0 612 792]/Resources<</XObject<</Im0 4 0 R>>>>/Contents 5 0 R", image
    )


HOSTILE = {
    "not_a_pdf": (b"Name,Amount\nRamesh,1200\n" * 10, {}, "not a PDF"),
    "html_named_pdf": (b"<!doctype html><html><body>404</body></html>", {}, "not a PDF"),
    "empty": (b"", {}, "empty file (0 bytes)"),
    "truncated": (_truncated(), {}, "truncated PDF"),
    "corrupt": (b"%PDF-1.7\n" + os.urandom(4000) + b"\n%%EOF\n", {}, "corrupt PDF"),
    "encrypted": (_encrypted(), {}, "encrypted PDF (password required)"),
    "no_pages": (_no_pages(), {}, "PDF has no pages"),
    "over_page_limit": (
        text_pdf([GOOD_TEXT] * 5),
        {"DOCMILL_OCR_MAX_PAGES": "3"},
        "PDF has 5 pages, over the limit of 3",
    ),
    "zero_size_page": (_minimal_pdf(b"/MediaBox[0 0 0 0]"), {}, "page 1 has zero size"),
    "huge_page": (_huge_page(), {}, "page 1 is too large"),
    "render_too_big": (_big_blank_page(), {}, "page 1 is too large to OCR"),
    "pixel_bomb": (_pixel_bomb(), {}, "page 1 holds an oversized image (100000 x 100000 pixels)"),
    "too_many_bytes": (
        text_pdf([GOOD_TEXT * 5] * 30),
        {"DOCMILL_OCR_MAX_BYTES": "5000"},
        "file too large",
    ),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
async def test_hostile_file_fails_then_worker_serves_next(js, start_ocr, case):
    data, env, reason = HOSTILE[case]
    worker = start_ocr(**env)

    bad = await submit(js, data, batch=f"hostile-{case.replace('_', '-')}")
    failed = await expect_failure(js, bad)
    assert reason in failed.reason, failed.reason
    assert failed.permanent is True

    good = await submit(js, text_pdf([GOOD_TEXT]), batch="good")
    extract, _ = await next_extract(js)
    assert extract.document_id == good.document_id
    assert GOOD_TEXT[:40] in extract.pages[0].text.replace("\n", " ")
    assert worker.process.poll() is None, worker.log_tail()


async def test_stuck_page_fails_document_and_pool_recovers(js, start_ocr):
    """A page over the time limit fails its document; the next document still gets read."""
    worker = start_ocr(DOCMILL_OCR_PAGE_TIMEOUT_S="0.3")
    slow = await submit(js, scanned_pdf([GOOD_TEXT]), options=OcrOptions(use_embedded_ocr=False))

    failed = await expect_failure(js, slow)
    assert "page 1 took longer than 0.3 s" in failed.reason

    good = await submit(js, text_pdf([GOOD_TEXT]))
    extract, _ = await next_extract(js)
    assert extract.document_id == good.document_id
    assert worker.process.poll() is None


async def test_missing_object_fails_document(js, start_ocr):
    start_ocr()
    import msgspec

    from docmill_contracts import subjects as s
    from docmill_contracts.messages import OcrJob

    job = OcrJob(document_id="ghost", batch_id="b1", filename="x.pdf", object_name="b1/nope.pdf")
    await js.publish(s.batch_subject(s.OCR, "b1"), msgspec.json.encode(job))
    failed = await expect_failure(js, job)
    assert "not found" in failed.reason
