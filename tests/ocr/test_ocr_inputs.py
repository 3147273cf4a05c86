"""Image files, more hostile PDFs, and the per-job OCR options, through the real worker."""

from __future__ import annotations

import io
import struct
import zlib

import pymupdf
import pytest
from PIL import Image

from docmill_contracts.messages import OcrOptions

from .support import expect_failure, next_extract, scanned_pdf, submit, text_pdf

# Real nats-server and worker processes: seconds per test.
pytestmark = pytest.mark.slow

SCAN_TEXT = "REGISTRATION FEE PAID RUPEES TWELVE THOUSAND\nSUB REGISTRAR OFFICE JAYANAGAR"
GOOD_TEXT = "Sale deed between Ramesh Kumar and Lakshmi Devi for the schedule property"


def _words(text: str) -> set[str]:
    return set(text.upper().split())


def _page_image(text: str) -> Image.Image:
    doc = pymupdf.open("pdf", scanned_pdf([text]))
    pix = doc[0].get_pixmap(dpi=200, colorspace=pymupdf.csGRAY)
    return Image.frombytes("L", (pix.width, pix.height), pix.samples)


def _encoded(fmt: str, pages: list[str]) -> bytes:
    images = [_page_image(t) for t in pages]
    buf = io.BytesIO()
    images[0].save(
        buf, format=fmt, dpi=(200, 200), save_all=len(images) > 1, append_images=images[1:]
    )
    return buf.getvalue()


def _png_bomb() -> bytes:
    """A PNG whose header claims 100000 x 100000 pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    ihdr = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


def _spinning_pdf(depth: int = 9, fanout: int = 12) -> bytes:
    """Form XObjects each drawing the next `fanout` times: ~12^9 draws to render one page."""
    objects = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]"
        b"/Resources<</XObject<</X 5 0 R>>>>/Contents 4 0 R>>",
    ]
    page = b"/X Do"
    objects.append(b"<</Length %d>>stream\n%s\nendstream" % (len(page), page))
    for level in range(depth):
        if level == depth - 1:
            body, res = b"0 0 1 1 re f", b""
        else:
            body = b" ".join([b"/X Do"] * fanout)
            res = b"/Resources<</XObject<</X %d 0 R>>>>" % (6 + level)
        objects.append(
            b"<</Type/XObject/Subtype/Form/BBox[0 0 612 792]%s/Length %d>>stream\n"
            b"%s\nendstream" % (res, len(body), body)
        )
    out, offsets = b"%PDF-1.4\n", []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj %s endobj\n" % (number, obj)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer <</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


@pytest.mark.parametrize("fmt", ["PNG", "JPEG"])
async def test_single_image_files_are_ocrd(js, start_ocr, fmt):
    start_ocr()
    job = await submit(js, _encoded(fmt, [SCAN_TEXT]))
    extract, _ = await next_extract(js)
    assert extract.document_id == job.document_id
    assert extract.pages[0].source == "tesseract"
    assert {"REGISTRATION", "TWELVE", "JAYANAGAR"} <= _words(extract.pages[0].text)


async def test_multi_page_tiff_gives_one_page_per_frame(js, start_ocr):
    start_ocr()
    await submit(js, _encoded("TIFF", [SCAN_TEXT, GOOD_TEXT]))
    extract, _ = await next_extract(js)
    assert [p.page for p in extract.pages] == [1, 2]
    assert {"JAYANAGAR"} <= _words(extract.pages[0].text)
    assert {"RAMESH", "LAKSHMI"} <= _words(extract.pages[1].text)


async def test_owner_password_only_pdf_is_read(js, start_ocr):
    """Encrypted without a user password: anyone may open it, so it is read."""
    start_ocr()
    doc = pymupdf.open()
    doc.new_page().insert_text((50, 100), GOOD_TEXT)
    data = doc.tobytes(encryption=pymupdf.PDF_ENCRYPT_AES_256, owner_pw="owner", user_pw="")
    await submit(js, data)
    extract, _ = await next_extract(js)
    assert GOOD_TEXT in extract.pages[0].text


@pytest.mark.parametrize(
    ("case", "data", "env", "reason"),
    [
        ("png-bomb", _png_bomb(), {}, "oversized image (100000 x 100000 pixels)"),
        ("bad-png", b"\x89PNG\r\n\x1a\n" + b"\0" * 100, {}, "corrupt image"),
        ("spin", _spinning_pdf(), {"DOCMILL_OCR_PAGE_TIMEOUT_S": "2"}, "took longer than 2 s"),
    ],
)
async def test_more_hostile_files_fail_then_worker_serves_next(
    js, start_ocr, case, data, env, reason
):
    worker = start_ocr(**env)
    bad = await submit(js, data, batch=f"hostile-{case}")
    failed = await expect_failure(js, bad)
    assert reason in failed.reason, failed.reason
    good = await submit(js, text_pdf([GOOD_TEXT]), batch="good")
    extract, _ = await next_extract(js)
    assert extract.document_id == good.document_id
    assert worker.process.poll() is None, worker.log_tail()


async def test_options_language_modes_and_paragraphs(js, start_ocr):
    start_ocr()
    scan = scanned_pdf([SCAN_TEXT])
    cases = {
        "auto": OcrOptions(),
        "hint": OcrOptions(auto_language_detection=False, language_hint="en"),
        "fast": OcrOptions(mode="fast"),
        "accurate": OcrOptions(mode="high_accuracy"),
        "paragraph": OcrOptions(output_format="paragraph"),
    }
    got = {}
    for name, options in cases.items():
        await submit(js, scan, options=options)
        got[name] = (await next_extract(js))[0].pages[0]
    for name, page in got.items():
        assert {"REGISTRATION", "TWELVE", "JAYANAGAR"} <= _words(page.text), (name, page.text)
        assert page.language == "eng", name
    assert "\n" in got["auto"].text.strip()
    # Paragraph output joins a paragraph's lines with spaces.
    assert "THOUSAND SUB REGISTRAR" in got["paragraph"].text.upper()
