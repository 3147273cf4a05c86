"""The evaluation corpora, generated in the run: deeds (main, holdout), invoices; text and scans."""

from __future__ import annotations

import io
import random
from dataclasses import dataclass

import msgspec
import pymupdf
from PIL import Image

from docmill_synth import generate_deed
from docmill_synth.invoice import generate_invoice
from docmill_synth.scanfx import scan

SCAN_DPI = 200
# Far from the seeds the rules were developed and unit-tested on.
DEED_SEED_BASE = 50_000
INVOICE_SEED_BASE = 30_000


@dataclass(frozen=True, slots=True)
class Sample:
    corpus: str  # e.g. "sale_deed/holdout/scan"
    doc_type: str  # "sale_deed" | "invoice"
    filename: str
    pdf: bytes
    truth: msgspec.Struct


def scan_pdf(pdf: bytes, *, seed: int) -> bytes:
    """Rasterise every page, tilt it, add scanner noise (docmill_synth.scanfx), save as JPEG."""
    rng = random.Random(f"scan:{seed}")
    out = pymupdf.open()
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        for page in doc:
            pix = page.get_pixmap(dpi=SCAN_DPI)
            image = Image.frombytes("RGB", (pix.width, pix.height), pix.samples)
            image = image.rotate(rng.uniform(-1.5, 1.5), expand=True, fillcolor="white")
            image = scan(image, rng=rng, strength=rng.uniform(0.4, 1.0))
            buf = io.BytesIO()
            image.save(buf, format="JPEG", quality=rng.randint(55, 85))
            target = out.new_page(width=page.rect.width, height=page.rect.height)
            target.insert_image(target.rect, stream=buf.getvalue())
    data = out.tobytes(garbage=3, deflate=True)
    out.close()
    return data


def deeds(family: str, count: int, *, scanned: bool = False) -> list[Sample]:
    """`count` sale deeds of `family`, as text PDFs or as scans."""
    samples = []
    for i in range(count):
        seed = DEED_SEED_BASE + i
        deed = generate_deed(seed, family=family)
        pdf = scan_pdf(deed.pdf, seed=seed) if scanned else deed.pdf
        kind = "scan" if scanned else "text"
        samples.append(
            Sample(
                corpus=f"sale_deed/{family}/{kind}",
                doc_type="sale_deed",
                filename=f"{deed.filename}_{kind}.pdf",
                pdf=pdf,
                truth=deed.truth,
            )
        )
    return samples


def invoices(count: int, *, scanned: bool = False) -> list[Sample]:
    """`count` invoices across every layout, as text PDFs or as scans."""
    samples = []
    for i in range(count):
        seed = INVOICE_SEED_BASE + i
        invoice = generate_invoice(seed)
        pdf = scan_pdf(invoice.pdf, seed=seed) if scanned else invoice.pdf
        kind = "scan" if scanned else "text"
        samples.append(
            Sample(
                corpus=f"invoice/{kind}",
                doc_type="invoice",
                filename=f"{invoice.filename}_{kind}.pdf",
                pdf=pdf,
                truth=invoice.truth,
            )
        )
    return samples
