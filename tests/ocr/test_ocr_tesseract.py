"""Scanned pages: Tesseract reads them; auto mode picks the source per page."""

from __future__ import annotations

import pymupdf
import pytest

from docmill_contracts.messages import OcrOptions

from .support import next_extract, scanned_page, scanned_pdf, submit

# Real nats-server and worker processes: seconds per test.
pytestmark = pytest.mark.slow

SCAN_TEXT = "REGISTRATION FEE PAID RUPEES TWELVE THOUSAND\nSUB REGISTRAR OFFICE JAYANAGAR"
TYPED_TEXT = "This sale deed is executed between Ramesh Kumar and Lakshmi Devi in Bengaluru"


def _words(text: str) -> set[str]:
    return set(text.upper().split())


async def test_scanned_page_is_ocrd(js, start_ocr):
    start_ocr()
    job = await submit(js, scanned_pdf([SCAN_TEXT]), options=OcrOptions(tesseract_lang="eng"))

    extract, _ = await next_extract(js)

    assert extract.document_id == job.document_id
    page = extract.pages[0]
    assert page.source == "tesseract"
    assert {"REGISTRATION", "FEE", "TWELVE", "THOUSAND", "JAYANAGAR"} <= _words(page.text)


async def test_mixed_pdf_uses_text_layer_and_tesseract_per_page(js, start_ocr):
    doc = pymupdf.open()
    doc.new_page().insert_textbox(pymupdf.Rect(50, 50, 550, 800), TYPED_TEXT, fontsize=12)
    scanned_page(doc, SCAN_TEXT)
    doc.new_page().insert_textbox(pymupdf.Rect(50, 50, 550, 800), TYPED_TEXT, fontsize=12)
    start_ocr()
    await submit(js, doc.tobytes())  # default: per-page auto, eng+kan

    extract, _ = await next_extract(js)

    assert [p.source for p in extract.pages] == ["text_layer", "tesseract", "text_layer"]
    assert "executed between Ramesh Kumar" in extract.pages[0].text
    assert {"REGISTRATION", "TWELVE", "JAYANAGAR"} <= _words(extract.pages[1].text)


async def test_garbage_text_layer_is_replaced_by_ocr(js, start_ocr):
    doc = pymupdf.open()
    scanned_page(doc, SCAN_TEXT)
    # A broken font map: an invisible text layer of glyph soup over the scan.
    doc[0].insert_text((50, 60), "\ufffd" * 60, fontsize=8, render_mode=3)
    layer = doc[0].get_text().strip()
    assert len(layer) >= 60 and not any(ch.isalnum() for ch in layer)
    start_ocr()
    await submit(js, doc.tobytes(), options=OcrOptions(tesseract_lang="eng"))

    extract, _ = await next_extract(js)

    assert extract.pages[0].source == "tesseract"
    assert {"REGISTRATION", "JAYANAGAR"} <= _words(extract.pages[0].text)


async def test_text_layer_only_mode_never_runs_tesseract(js, start_ocr):
    start_ocr()
    await submit(js, scanned_pdf([SCAN_TEXT]), options=OcrOptions(use_embedded_ocr=True))

    extract, _ = await next_extract(js)

    assert extract.pages[0].source == "text_layer"
    assert extract.pages[0].text.strip() == ""


async def test_ocr_everything_mode_reads_text_pages_with_tesseract(js, start_ocr):
    doc = pymupdf.open()
    doc.new_page().insert_textbox(pymupdf.Rect(50, 50, 550, 800), TYPED_TEXT, fontsize=14)
    start_ocr()
    await submit(js, doc.tobytes(), options=OcrOptions(use_embedded_ocr=False, dpi=200))

    extract, _ = await next_extract(js)

    assert extract.pages[0].source == "tesseract"
    assert {"RAMESH", "KUMAR", "LAKSHMI", "BENGALURU"} <= _words(extract.pages[0].text)


async def test_missing_tesseract_is_reported_and_retried_not_crashing(js, start_ocr):
    import asyncio
    import os
    import shutil

    from docmill_contracts import subjects as s

    # A PATH with python's own directory but no tesseract, and no libtesseract either.
    bare = os.path.dirname(shutil.which("true") or "/bin/true") + "-none"
    worker = start_ocr(PATH=bare, DOCMILL_OCR_TESSERACT_LIB="/nonexistent/libtesseract.so.5")
    assert "tesseract_missing" in worker.log_tail()

    await submit(js, scanned_pdf([SCAN_TEXT]), batch="notess")
    for _ in range(100):
        info = await js.consumer_info(s.STREAM_OCR, s.CONSUMER_OCR)
        if info.num_redelivered >= 1:
            break
        await asyncio.sleep(0.1)
    assert info.num_redelivered >= 1  # retried (another worker may have Tesseract)
    assert "Tesseract is not installed on this OCR worker" in worker.log_tail()
    assert worker.process.poll() is None

    typed = pymupdf.open()
    typed.new_page().insert_textbox(pymupdf.Rect(50, 50, 550, 800), TYPED_TEXT, fontsize=12)
    good = await submit(js, typed.tobytes(), batch="typed")
    extract, _ = await next_extract(js)  # text-layer documents still flow
    assert extract.document_id == good.document_id
