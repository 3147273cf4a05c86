"""Sale deeds whose registration fee is only in a scanned endorsement page (an image)."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pymupdf

from docmill_synth.deed import generate_deed
from docmill_synth.feepage import compose_page
from docmill_synth.render import PAGE_H, PAGE_W


@dataclass(frozen=True, slots=True)
class FeeDeed:
    pdf: bytes
    registration_fee: float
    fee_page: int  # 1-based page holding the fee table image
    filename: str


def deed_with_fee_table(
    seed: int, *, family: str = "holdout", table_family: str = "holdout"
) -> FeeDeed:
    """The deed for `seed` plus a last page that is a scan of its fee table."""
    deed = generate_deed(seed, family=family)
    fee = deed.truth.property_details.registration_fee
    assert fee is not None
    page = compose_page(seed, family=table_family, size=None, registration_fee=int(fee))
    buffer = io.BytesIO()
    page.image.save(buffer, format="JPEG", quality=85)
    doc = pymupdf.open("pdf", deed.pdf)
    scan = doc.new_page(width=PAGE_W, height=PAGE_H)
    scan.insert_image(scan.rect, stream=buffer.getvalue())
    data = doc.tobytes(garbage=3, deflate=True)
    fee_page = doc.page_count
    doc.close()
    return FeeDeed(
        pdf=data, registration_fee=fee, fee_page=fee_page, filename=f"{deed.filename}_feescan"
    )
