"""Laying out deed blocks on A4 pages with PyMuPDF's built-in fonts.

Rendering is split from wording so a later scan renderer (rasterise, rotate,
add noise) can take the same blocks or the PDF bytes this module returns.
"""

from __future__ import annotations

from dataclasses import dataclass

import pymupdf

PAGE_W, PAGE_H = 595, 842  # A4 in points
MARGIN = 56
BODY_SIZE = 10.5
LEADING = 1.45


@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    size: float = 13.0


@dataclass(frozen=True, slots=True)
class Para:
    text: str
    indent: float = 0.0


@dataclass(frozen=True, slots=True)
class Row:
    """A label and its value in two columns, as in tabulated deeds."""

    label: str
    value: str


Block = Heading | Para | Row


def _wrap(text: str, *, width: float, font: str, size: float) -> list[str]:
    lines: list[str] = []
    for raw in text.split("\n"):
        line = ""
        for word in raw.split():
            candidate = f"{line} {word}" if line else word
            if pymupdf.get_text_length(candidate, fontname=font, fontsize=size) <= width:
                line = candidate
            else:
                if line:
                    lines.append(line)
                line = word
        lines.append(line)
    return lines


class _Cursor:
    def __init__(self, doc: pymupdf.Document) -> None:
        self.doc = doc
        self.page = doc.new_page(width=PAGE_W, height=PAGE_H)
        self.y = MARGIN

    def need(self, height: float) -> None:
        if self.y + height > PAGE_H - MARGIN:
            self.page = self.doc.new_page(width=PAGE_W, height=PAGE_H)
            self.y = MARGIN


def _draw(cursor: _Cursor, block: Block) -> None:
    width = PAGE_W - 2 * MARGIN
    if isinstance(block, Heading):
        cursor.need(block.size * 2.5)
        cursor.y += block.size * 0.8
        text_w = pymupdf.get_text_length(block.text, fontname="hebo", fontsize=block.size)
        x = max(MARGIN, (PAGE_W - text_w) / 2)
        cursor.page.insert_text((x, cursor.y), block.text, fontname="hebo", fontsize=block.size)
        cursor.y += block.size * 1.2
    elif isinstance(block, Para):
        step = BODY_SIZE * LEADING
        for line in _wrap(block.text, width=width - block.indent, font="helv", size=BODY_SIZE):
            cursor.need(step)
            cursor.y += step
            cursor.page.insert_text(
                (MARGIN + block.indent, cursor.y), line, fontname="helv", fontsize=BODY_SIZE
            )
        cursor.y += BODY_SIZE * 0.6
    else:
        step = BODY_SIZE * LEADING
        label_w = 170
        values = _wrap(block.value, width=width - label_w, font="helv", size=BODY_SIZE)
        cursor.need(step * len(values))
        for i, line in enumerate(values):
            cursor.y += step
            if i == 0:
                cursor.page.insert_text(
                    (MARGIN, cursor.y), block.label, fontname="hebo", fontsize=BODY_SIZE
                )
            cursor.page.insert_text(
                (MARGIN + label_w, cursor.y), line, fontname="helv", fontsize=BODY_SIZE
            )


def render_pdf(blocks: list[Block], *, title: str = "Sale Deed") -> bytes:
    """Lay out `blocks` top to bottom over as many pages as needed; return PDF bytes."""
    doc = pymupdf.open()
    doc.set_metadata({"title": title, "producer": "docmill-synth"})
    cursor = _Cursor(doc)
    for block in blocks:
        _draw(cursor, block)
    for number, page in enumerate(doc, start=1):
        footer = f"Page {number} of {doc.page_count}"
        page.insert_text((PAGE_W - MARGIN - 60, PAGE_H - 30), footer, fontname="helv", fontsize=8)
    data = doc.tobytes(garbage=3, deflate=True)
    doc.close()
    return data
