"""Rows of the write-only sheet serialised as XML text, and the writer that streams them.

openpyxl's write-only sheet builds a cell object per value and serialises it through
lxml (about 30 µs a cell here); an export is millions of cells of a handful of fixed
shapes, so rows are rendered as text with openpyxl's own style ids and number format
and go into the same sheet stream, between openpyxl's top and tail of the sheet.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from numbers import Number
from typing import IO, Any

from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.xml.constants import SHEET_MAIN_NS
from openpyxl.xml.functions import xmlfile

from docmill_exporter.safety import FORMULA_PREFIXES, clean_text, is_formula_like

# Entities and the one character XML parsers would rewrite (CR becomes LF unless escaped).
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
# Text with none of these needs neither cleaning (control characters) nor escaping.
_SPECIAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f&<>\r]")
_FORMULA_FIRST = frozenset(FORMULA_PREFIXES)
_XML_SPACE = frozenset(" \t\n\r")
_PRESERVE = ' xml:space="preserve"'


@dataclass(frozen=True, kw_only=True)
class StyleIds:
    """openpyxl's cellXfs indexes for the sheet's kinds of cell."""

    header: int
    text: int
    quoted: int
    date: int


class StreamingSheetWriter(WorksheetWriter):
    """openpyxl's write-only sheet writer that also accepts pre-serialised `<row>` XML."""

    _file: IO[bytes] | None = None
    _rows_xf: Any = None
    _sheet_data: Any = None

    def get_stream(self) -> Any:
        """openpyxl's stream, over a file object we can also write raw rows to."""
        with open(self.out, "wb") as self._file, xmlfile(self._file) as xf:
            with xf.element("worksheet", xmlns=SHEET_MAIN_NS):
                try:
                    while True:
                        el = yield
                        if el is True:
                            yield xf
                        elif el is not None:
                            xf.write(el)
                except GeneratorExit:
                    pass

    def begin_rows(self) -> None:
        """Write the sheet's top (views, format, columns) and open `<sheetData>`."""
        self.write_top()
        self._rows_xf = self.xf.send(True)
        self._sheet_data = self._rows_xf.element("sheetData")
        self._sheet_data.__enter__()

    def write_xml(self, data: bytes) -> None:
        """Append serialised rows inside `<sheetData>`."""
        # lxml buffers; flushing first keeps its output and ours in document order.
        self._rows_xf.flush()
        assert self._file is not None
        self._file.write(data)

    def write_rows(self) -> None:
        """Close `<sheetData>`; openpyxl calls this when the sheet is closed."""
        if self._sheet_data is not None:
            self._sheet_data.__exit__(None, None, None)
            self._sheet_data = None
            self.xf.send(None)


class RowRenderer:
    """Turns value rows into `<row>` XML with fixed height and styled, bordered cells."""

    def __init__(self, *, columns: int, styles: StyleIds, height: float) -> None:
        self._letters = [get_column_letter(i) for i in range(1, columns + 1)]
        self._styles = styles
        self._row_attrs = f'ht="{height:g}" customHeight="1"'

    def header(self, names: Sequence[str], *, height: float) -> str:
        """Row 1: the column names in the header style."""
        cells = "".join(
            _text_cell(f"{letter}1", self._styles.header, name)
            for letter, name in zip(self._letters, names, strict=True)
        )
        return f'<row r="1" ht="{height:g}" customHeight="1">{cells}</row>'

    def rows(self, rows: Iterable[Sequence[object]], *, first: int) -> str:
        """Rows numbered from `first`."""
        # The hot loop of every export: exact-type checks and inlined text for the common
        # cases (plain text, floats, ints, None, dates); everything else takes _cell().
        parts: list[str] = []
        append = parts.append
        letters, row_attrs = self._letters, self._row_attrs
        text_s, quoted_s, date_s = self._styles.text, self._styles.quoted, self._styles.date
        for n, row in enumerate(rows, start=first):
            append(f'<row r="{n}" {row_attrs}>')
            for letter, value in zip(letters, row, strict=True):
                kind = type(value)
                if kind is str and value and _SPECIAL.search(value) is None:
                    style = quoted_s if value[:1] in _FORMULA_FIRST else text_s
                    space = _PRESERVE if value[:1] in _XML_SPACE or value[-1] in _XML_SPACE else ""
                    append(
                        f'<c r="{letter}{n}" s="{style}" t="inlineStr">'
                        f"<is><t{space}>{value}</t></is></c>"
                    )
                elif kind is float and math.isfinite(value):  # type: ignore[arg-type]
                    append(f'<c r="{letter}{n}" s="{text_s}" t="n"><v>{value:.16g}</v></c>')
                elif kind is int:
                    append(f'<c r="{letter}{n}" s="{text_s}" t="n"><v>{value}</v></c>')
                elif value is None:
                    # Empty cells are still written, so borders run across the whole row.
                    append(f'<c r="{letter}{n}" s="{text_s}"/>')
                elif kind is dt.date:
                    append(f'<c r="{letter}{n}" s="{date_s}" t="n"><v>{_serial(value)}</v></c>')
                else:
                    append(self._cell(f"{letter}{n}", value))
            append("</row>")
        return "".join(parts)

    def _cell(self, ref: str, value: object) -> str:
        styles = self._styles
        if isinstance(value, str):
            text = clean_text(value)
            style = styles.quoted if is_formula_like(text) else styles.text
            return _text_cell(ref, style, text)
        if isinstance(value, bool):
            return f'<c r="{ref}" s="{styles.text}" t="b"><v>{int(value)}</v></c>'
        if isinstance(value, dt.date):
            return _number_cell(ref, styles.date, to_excel(value))
        if isinstance(value, Number):
            return _number_cell(ref, styles.text, value)
        return _text_cell(ref, styles.text, clean_text(str(value)))


@functools.lru_cache(maxsize=4096)
def _serial(day: dt.date) -> str:
    # Exports repeat the same few thousand transaction dates; openpyxl's conversion is slow.
    return f"{to_excel(day):.16g}"


def _text_cell(ref: str, style: int, text: str) -> str:
    # Always a string cell: text that looks like a formula or an error stays data.
    if not text:
        return f'<c r="{ref}" s="{style}"/>'
    text_xml = text.translate(_ESCAPES)
    space = _PRESERVE if text[:1] in _XML_SPACE or text[-1] in _XML_SPACE else ""
    return f'<c r="{ref}" s="{style}" t="inlineStr"><is><t{space}>{text_xml}</t></is></c>'


def _number_cell(ref: str, style: int, value: Any) -> str:
    if isinstance(value, float) and not math.isfinite(value):
        return f'<c r="{ref}" s="{style}"/>'
    # openpyxl's own number formatting (compat.safe_string), so values read back the same.
    return f'<c r="{ref}" s="{style}" t="n"><v>{value:.16g}</v></c>'
