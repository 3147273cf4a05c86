"""The office fee-table deeds: fee only on a scanned page, readable there, absent from the text."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pymupdf
import pytest

from docmill_synth.feedeed import FeeDeed
from docmill_synth.feetable_office import (
    STYLES,
    fee_patterns,
    office_fee_deed,
    office_fee_style,
    office_fee_truth,
)

pytestmark = pytest.mark.slow

SEEDS = range(20)
MIN_READABLE = 16


@pytest.fixture(scope="module")
def deeds() -> dict[int, FeeDeed]:
    return {seed: office_fee_deed(seed) for seed in SEEDS}


def _fee_image(deed: FeeDeed) -> bytes:
    with pymupdf.open(stream=deed.pdf, filetype="pdf") as doc:
        page = doc[deed.fee_page - 1]
        xref = page.get_images()[0][0]
        return doc.extract_image(xref)["image"]


def _content(pdf: bytes) -> list[tuple[str, list[bytes]]]:
    """Each page's text and image bytes; the PDF's /ID differs from save to save."""
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        return [
            (page.get_text(), [doc.extract_image(im[0])["image"] for im in page.get_images()])
            for page in doc
        ]


def test_deterministic_per_seed(deeds: dict[int, FeeDeed]) -> None:
    for seed in (0, 7):
        again = office_fee_deed(seed)
        assert _content(again.pdf) == _content(deeds[seed].pdf)
        assert again.fee_page == deeds[seed].fee_page
        assert again.filename == deeds[seed].filename


def test_fee_matches_truth(deeds: dict[int, FeeDeed]) -> None:
    for seed, deed in deeds.items():
        truth = office_fee_truth(seed)
        assert deed.registration_fee == truth.property_details.registration_fee
        assert deed.filename.endswith("_feeoffice")


def test_fee_only_on_the_scanned_page(deeds: dict[int, FeeDeed]) -> None:
    for deed in deeds.values():
        patterns = fee_patterns(int(deed.registration_fee))
        with pymupdf.open(stream=deed.pdf, filetype="pdf") as doc:
            assert 1 <= deed.fee_page <= doc.page_count
            fee_page = doc[deed.fee_page - 1]
            assert fee_page.get_text().strip() == ""
            assert len(fee_page.get_images()) == 1
            for page in doc:
                text = " ".join(page.get_text().split())
                if not text:
                    continue
                assert not any(p.search(text) for p in patterns), (deed.filename, page.number)


def test_fee_page_is_not_blank(deeds: dict[int, FeeDeed]) -> None:
    for deed in deeds.values():
        with pymupdf.open(stream=deed.pdf, filetype="pdf") as doc:
            pix = doc[deed.fee_page - 1].get_pixmap(dpi=50, colorspace=pymupdf.csGRAY)
        gray = np.frombuffer(pix.samples, dtype=np.uint8)
        # Printed ink: a real share of pixels well below the paper tone.
        assert (gray < np.median(gray) - 60).mean() > 0.003, deed.filename


def test_several_styles_reachable() -> None:
    seen = {office_fee_style(seed) for seed in SEEDS}
    assert seen <= set(STYLES)
    assert len(seen) >= 4


def _ocr(jpeg: bytes) -> str:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    out = subprocess.run(
        ["tesseract", "stdin", "stdout", "--psm", "3"],
        input=jpeg,
        capture_output=True,
        env=env,
        timeout=60,
        check=True,
    )
    return out.stdout.decode("utf-8", "replace")


def _reads_fee(text: str, fee: int) -> bool:
    plain = re.sub(r"(?<=\d),(?=\d)", "", text)
    return re.search(rf"(?<!\d){fee}(?!\d)", plain) is not None


def test_tesseract_reads_the_fee(deeds: dict[int, FeeDeed]) -> None:
    assert shutil.which("tesseract"), "tesseract is required: apt-get install tesseract-ocr"
    jobs = {seed: _fee_image(deed) for seed, deed in deeds.items()}
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        texts = dict(zip(jobs, pool.map(_ocr, jobs.values()), strict=True))
    read = [s for s in SEEDS if _reads_fee(texts[s], int(deeds[s].registration_fee))]
    assert len(read) >= MIN_READABLE, f"tesseract read the fee on seeds {read}"
