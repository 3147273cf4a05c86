"""The audit fee deeds: a scanned endorsement page whose table carries the registration fee."""

from __future__ import annotations

import functools
import re

import pymupdf
import pytest

from docmill_synth.feedeed import FeeDeed
from docmill_synth.feetable_audit import audit_fee_deed, audit_fee_truth
from docmill_synth.render import PAGE_H, PAGE_W

pytestmark = pytest.mark.slow

SEEDS = range(8)


@functools.cache
def _deed(seed: int) -> FeeDeed:
    # Each deed takes about a second to scan; build it once for every test.
    return audit_fee_deed(seed)


@pytest.mark.parametrize("seed", SEEDS)
def test_fee_page_is_one_scanned_image(seed: int) -> None:
    deed = _deed(seed)
    with pymupdf.open("pdf", deed.pdf) as doc:
        assert 1 <= deed.fee_page <= doc.page_count
        page = doc[deed.fee_page - 1]
        assert page.get_text().strip() == ""
        images = page.get_images()
        assert len(images) == 1
        assert page.rect.width == pytest.approx(PAGE_W)
        assert page.rect.height == pytest.approx(PAGE_H)
        info = doc.extract_image(images[0][0])
    # A4 scanned at 150-300 dpi.
    assert 1200 <= info["width"] <= 2500
    assert 1700 <= info["height"] <= 3600
    assert info["height"] / info["width"] == pytest.approx(PAGE_H / PAGE_W, rel=0.01)


@pytest.mark.parametrize("seed", SEEDS)
def test_truth_matches_the_table_and_is_deterministic(seed: int) -> None:
    truth = audit_fee_truth(seed)
    assert truth.property_details.registration_fee == _deed(seed).registration_fee
    assert _deed(seed).registration_fee > 0
    assert audit_fee_truth(seed) == truth


@pytest.mark.parametrize("seed", SEEDS)
def test_text_pages_leave_the_fee_to_the_endorsement(seed: int) -> None:
    with pymupdf.open("pdf", _deed(seed).pdf) as doc:
        text = " ".join(page.get_text() for page in doc).replace("\n", " ")
    assert not re.search(r"(?i)registration fee\s*(of|:)?\s*(Rs\.?|INR)?\s*\d", text)
