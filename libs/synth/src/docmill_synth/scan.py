"""Scanned sale deeds: generated deeds rasterised to image-only PDFs, truth unchanged.

Each page is rendered, run through `scanfx.scan` (tint, blur, noise, speckle,
shadow), rotated a little as a page fed crookedly, JPEG-compressed and placed
as the only content of an A4 page, the way a cheap office scanner writes PDFs.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass

import pymupdf
from PIL import Image

from docmill_contracts.saledeed import SaleDeed
from docmill_synth.deed import FAMILIES, GeneratedDeed, UnknownFamilyError, build_truth
from docmill_synth.render import Block, Heading, Para, Row, render_pdf
from docmill_synth.scanfx import scan
from docmill_synth.values import sample_facts

# Registration offices archive at 300 DPI; 200 DPI is the cheap-scanner floor.
SCAN_DPI = 300
MAX_SKEW_DEG = 3.0


@dataclass(frozen=True, slots=True)
class ScannedDeed:
    pdf: bytes  # image-only: no text layer at all
    truth: SaleDeed
    filename: str  # without extension
    template: str
    page_texts: list[str]  # the text each page shows, from the clean PDF
    skew_deg: list[float]  # the rotation applied to each page


def scan_pdf(
    pdf: bytes, *, seed: int, dpi: int = SCAN_DPI, strength: float = 1.0
) -> tuple[bytes, list[float]]:
    """Rasterise every page of `pdf` with scan effects; same seed, same bytes."""
    rng = random.Random(f"scan:{seed}")
    src = pymupdf.open("pdf", pdf)
    out = pymupdf.open()
    skews: list[float] = []
    for page in src:
        pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csRGB, alpha=False)
        image = Image.frombytes("RGB", (pix.width, pix.height), pix.samples)
        image = scan(image, rng=rng, strength=strength)
        skew = rng.uniform(-MAX_SKEW_DEG, MAX_SKEW_DEG)
        skews.append(round(skew, 3))
        if rng.random() < 0.75:
            image = image.convert("L")  # most office scanners default to greyscale
        paper = image.getpixel((2, 2))
        image = image.rotate(skew, resample=Image.Resampling.BICUBIC, fillcolor=paper)
        buf = io.BytesIO()
        image.save(buf, format="JPEG", quality=rng.randint(45, 80), dpi=(dpi, dpi))
        target = out.new_page(width=page.rect.width, height=page.rect.height)
        target.insert_image(target.rect, stream=buf.getvalue())
    out.set_metadata({"producer": "docmill-synth scan"})
    data = out.tobytes(garbage=3, deflate=True, no_new_id=True)
    out.close()
    src.close()
    return data, skews


def page_texts(pdf: bytes) -> list[str]:
    """The text layer of each page of a clean (born-digital) PDF."""
    with pymupdf.open("pdf", pdf) as doc:
        return [page.get_text() for page in doc]


def scan_deed(deed: GeneratedDeed, *, seed: int, dpi: int = SCAN_DPI) -> ScannedDeed:
    """The scanned version of `deed`; its truth and page texts are the clean deed's."""
    data, skews = scan_pdf(deed.pdf, seed=seed, dpi=dpi)
    return ScannedDeed(
        pdf=data,
        truth=deed.truth,
        filename=f"{deed.filename}_scan",
        template=deed.template,
        page_texts=page_texts(deed.pdf),
        skew_deg=skews,
    )


def generate_scanned_deed(seed: int, *, family: str = "main") -> ScannedDeed:
    """Deed `seed` of `family` (same facts as `generate_deed`), scanned; deterministic."""
    templates = FAMILIES.get(family)
    if templates is None:
        raise UnknownFamilyError(f"unknown family {family!r}; choose from {sorted(FAMILIES)}")
    rng = random.Random(f"{family}:{seed}")  # the same draws as generate_deed
    facts = sample_facts(rng)
    name = sorted(templates)[rng.randrange(len(templates))]
    blocks = _spaced(templates[name](facts, rng))
    filename = f"{family}_{seed:05d}_{name}"
    deed = GeneratedDeed(
        pdf=render_pdf(blocks, title=filename),
        truth=build_truth(facts),
        filename=filename,
        template=name,
    )
    return scan_deed(deed, seed=hash_seed(seed, family))


def _spaced(blocks: list[Block]) -> list[Block]:
    """Blank line between a table row and the heading after it.

    render_pdf sets such a heading's capitals over the row's descenders; a text
    layer keeps both readable, a scan of the overlap does not.
    """
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Heading) and out and isinstance(out[-1], Row):
            out.append(Para(""))
        out.append(block)
    return out


def hash_seed(seed: int, family: str) -> int:
    """A scan seed that differs between families of the same deed seed."""
    return seed * 7 + (1 if family == "holdout" else 0)
