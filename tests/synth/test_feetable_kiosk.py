"""Tests for the kiosk-style scanned fee-table deeds (written apart from the vision step)."""

from __future__ import annotations

import functools
import io
import re
import shutil

import pymupdf
import pytesseract
import pytest
from PIL import Image

from docmill_synth.feedeed import FeeDeed
from docmill_synth.feetable_kiosk import kiosk_fee_deed, kiosk_style

SEEDS = range(12)


@functools.cache
def _deed(seed: int) -> FeeDeed:
    """The kiosk fee deed for `seed`, built once per test run."""
    return kiosk_fee_deed(seed)


def _digits(fee: float) -> str:
    """The fee as bare digits."""
    return str(int(fee))


def test_same_seed_same_pdf_and_fee() -> None:
    """Generating twice gives identical bytes and fee."""
    first, again = kiosk_fee_deed(4), kiosk_fee_deed(4)
    assert first.pdf == again.pdf
    assert first.registration_fee == again.registration_fee
    assert first.fee_page == again.fee_page


@pytest.mark.parametrize("seed", SEEDS)
def test_fee_page_is_image_only(seed: int) -> None:
    """The fee page has an image and no text layer."""
    deed = _deed(seed)
    doc = pymupdf.open("pdf", deed.pdf)
    page = doc[deed.fee_page - 1]
    assert page.get_text().strip() == ""
    assert page.get_images()
    assert deed.filename.endswith("_feekiosk")


@pytest.mark.parametrize("seed", SEEDS)
def test_text_pages_lack_fee(seed: int) -> None:
    """No text page carries the fee figure in any grouping."""
    deed = _deed(seed)
    doc = pymupdf.open("pdf", deed.pdf)
    fee = _digits(deed.registration_fee)
    for index, page in enumerate(doc):
        if index == deed.fee_page - 1:
            continue
        text = re.sub(r"(?<=\d)[,\s](?=\d)", "", page.get_text())
        assert not re.search(rf"(?<!\d){fee}(?!\d)", text), f"page {index + 1}"


def test_several_table_styles() -> None:
    """At least three table styles appear over twelve seeds."""
    assert len({kiosk_style(seed) for seed in SEEDS}) >= 3


def test_tesseract_reads_fee(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tesseract finds the fee's digits on the scanned page for most seeds."""
    assert shutil.which("tesseract"), "tesseract is required: apt-get install tesseract-ocr"
    monkeypatch.setenv("OMP_THREAD_LIMIT", "1")
    found = 0
    for seed in SEEDS:
        deed = _deed(seed)
        doc = pymupdf.open("pdf", deed.pdf)
        pix = doc[deed.fee_page - 1].get_pixmap(dpi=200)
        image = Image.open(io.BytesIO(pix.tobytes("png")))
        text = pytesseract.image_to_string(image).replace(",", "")
        found += _digits(deed.registration_fee) in text
    assert found >= 10, f"Tesseract read the fee on only {found} of {len(SEEDS)} seeds"
