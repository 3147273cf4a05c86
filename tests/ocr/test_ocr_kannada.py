"""Kannada on scans through the real OCR worker: script detection, accuracy, hint override."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageFont

from docmill_contracts.messages import OcrOptions
from docmill_synth.kannada import (
    ScannedPage,
    english_scan,
    font_path,
    is_shaped,
    kannada_font,
    kannada_scan,
)
from docmill_synth.textscore import char_accuracy

from .support import next_extract, submit

# Real nats-server and worker processes, Tesseract on 300 DPI pages: seconds per test.
pytestmark = pytest.mark.slow

# Measured through the worker on these pages (seeds 7 and 8): Kannada 0.966 as a PNG and
# as a TIFF frame, English 1.0 (Debian's "fast" eng/kan models). A page read in the wrong
# language scores below 0.05, so these bounds only leave room for Tesseract builds.
KANNADA_MIN_ACCURACY = 0.94
ENGLISH_MIN_ACCURACY = 0.97


@pytest.fixture(scope="module")
def pages() -> dict[str, ScannedPage]:
    return {"kan": kannada_scan(7), "eng": english_scan(8)}


def _png(page: ScannedPage) -> bytes:
    buf = io.BytesIO()
    page.image.save(buf, format="PNG", dpi=(page.dpi, page.dpi))
    return buf.getvalue()


def _tiff(first: ScannedPage, *rest: ScannedPage) -> bytes:
    buf = io.BytesIO()
    # Copies: an image saved as PNG before keeps its PNG encoder settings, which break
    # Pillow's TIFF writer for appended frames.
    first.image.copy().save(
        buf,
        format="TIFF",
        compression="tiff_deflate",
        dpi=(first.dpi, first.dpi),
        save_all=True,
        append_images=[p.image.copy() for p in rest],
    )
    return buf.getvalue()


def test_the_kannada_font_shapes_conjuncts(pages):
    """Without shaping, ಕ್ರ would be ಕ, a virama and ರ side by side: not Kannada as written."""
    assert is_shaped(kannada_font(58))
    unshaped = ImageFont.truetype(font_path(), 58, layout_engine=ImageFont.Layout.BASIC)
    assert not is_shaped(unshaped)  # the check can fail
    page = pages["kan"]
    assert page.language == "kan"
    assert sum(0x0C80 <= ord(ch) < 0x0D00 for ch in page.text) > 300
    assert isinstance(page.image, Image.Image) and page.image.mode == "L"


async def test_detection_picks_kannada_and_english_per_page(js, start_ocr, pages):
    start_ocr()
    kan, eng = pages["kan"], pages["eng"]
    await submit(js, _png(kan))
    kan_png = (await next_extract(js))[0].pages
    await submit(js, _png(eng))
    eng_png = (await next_extract(js))[0].pages
    # English first, so the worker's guess for the Kannada page is wrong and must be undone.
    await submit(js, _tiff(eng, kan))
    tiff = (await next_extract(js))[0].pages

    assert [p.language for p in kan_png] == ["kan"]
    assert [p.language for p in eng_png] == ["eng"]
    assert [p.language for p in tiff] == ["eng", "kan"]
    assert all(p.source == "tesseract" for p in kan_png + eng_png + tiff)
    for got in (kan_png[0].text, tiff[1].text):
        assert char_accuracy(kan.text, got) >= KANNADA_MIN_ACCURACY, got
    for got in (eng_png[0].text, tiff[0].text):
        assert char_accuracy(eng.text, got) >= ENGLISH_MIN_ACCURACY, got


async def test_language_hint_overrides_detection(js, start_ocr, pages):
    start_ocr()
    kan, eng = pages["kan"], pages["eng"]
    # The hint is obeyed even where it is wrong: that is what an override means.
    await submit(
        js, _png(eng), options=OcrOptions(auto_language_detection=False, language_hint="kn")
    )
    forced_kan = (await next_extract(js))[0].pages[0]
    await submit(
        js, _png(kan), options=OcrOptions(auto_language_detection=False, language_hint="en")
    )
    forced_eng = (await next_extract(js))[0].pages[0]
    # And where it is right, the page reads as well as with detection.
    await submit(
        js, _png(kan), options=OcrOptions(auto_language_detection=False, language_hint="kn")
    )
    hinted = (await next_extract(js))[0].pages[0]

    assert forced_kan.language == "kan"
    assert char_accuracy(eng.text, forced_kan.text) < 0.5
    assert forced_eng.language == "eng"
    assert char_accuracy(kan.text, forced_eng.text) < 0.5
    assert hinted.language == "kan"
    assert char_accuracy(kan.text, hinted.text) >= KANNADA_MIN_ACCURACY
