"""Small real PDFs for tests."""

import pymupdf


def make_pdf(text: str = "SALE DEED") -> bytes:
    """A one-page text PDF."""
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), text)
    return doc.tobytes()
