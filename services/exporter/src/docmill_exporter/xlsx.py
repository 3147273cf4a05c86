"""The styled `Sale_Deeds` workbook, written row by row in openpyxl's write-only mode."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from docmill_exporter.rows import COLUMNS, Row
from docmill_exporter.sheetxml import RowRenderer, StreamingSheetWriter, StyleIds

SHEET_TITLE = "Sale_Deeds"
HEADER_HEIGHT = 25
DATA_HEIGHT = 20
HEADER_FILL = "1F4E78"
MIN_WIDTH = 8.0
MAX_WIDTH = 50.0
DATE_FORMAT = "yyyy-mm-dd"

_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_DATA_ALIGN = Alignment(horizontal="left", vertical="center", wrap_text=True)


def _styles() -> dict[str, NamedStyle]:
    header = NamedStyle(
        name="docmill_header",
        font=Font(bold=True, color="FFFFFF"),
        fill=PatternFill(fill_type="solid", start_color=HEADER_FILL, end_color=HEADER_FILL),
        alignment=Alignment(horizontal="center", vertical="center", wrap_text=True),
        border=_BORDER,
    )
    text = NamedStyle(name="docmill_text", alignment=_DATA_ALIGN, border=_BORDER)
    date = NamedStyle(
        name="docmill_date", alignment=_DATA_ALIGN, border=_BORDER, number_format=DATE_FORMAT
    )
    return {"header": header, "text": text, "date": date}


def column_widths(sample: Sequence[Row]) -> list[float]:
    """Widths from the header and a bounded sample, since written columns can't be resized."""
    widths = [float(len(name)) for name in COLUMNS]
    for row in sample:
        for i, value in enumerate(row):
            if value is not None:
                widths[i] = max(widths[i], float(len(_display(value))))
    # +2 for padding; wrapped text takes care of the long tail beyond the cap.
    return [min(MAX_WIDTH, max(MIN_WIDTH, w + 2)) for w in widths]


def _display(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


class XlsxSink:
    """Appends rows to a write-only workbook; `close()` saves it to `path`."""

    def __init__(self, path: Path, *, sample: Sequence[Row]) -> None:
        self._path = path
        self._wb = Workbook(write_only=True)
        self._ws = ws = self._wb.create_sheet(SHEET_TITLE)
        styles = _styles()
        for style in styles.values():
            self._wb.add_named_style(style)
        for index, width in enumerate(column_widths(sample), start=1):
            ws.column_dimensions[get_column_letter(index)].width = width
        ws.freeze_panes = "A2"
        ws.sheet_format.defaultRowHeight = DATA_HEIGHT
        ws.sheet_format.customHeight = True
        self._renderer = RowRenderer(
            columns=len(COLUMNS), styles=_style_ids(ws, styles), height=DATA_HEIGHT
        )
        # The sheet's writer is openpyxl's, extended to take whole rows as XML; the
        # workbook finishes and zips the sheet as usual when it is saved.
        self._writer = StreamingSheetWriter(ws)
        ws._writer = self._writer
        self._writer.begin_rows()
        self._writer.write_xml(self._encode(self._renderer.header(COLUMNS, height=HEADER_HEIGHT)))
        self._next_row = 2

    def write(self, rows: Sequence[Row]) -> None:
        """Append data rows with borders, left-aligned wrapped text."""
        self._writer.write_xml(self._encode(self._renderer.rows(rows, first=self._next_row)))
        self._next_row += len(rows)

    def close(self) -> None:
        """Finish the workbook and write the file."""
        self._wb.save(self._path)

    def abort(self) -> None:
        """Drop a half-written workbook, including openpyxl's own temp file for the sheet."""
        with contextlib.suppress(Exception):
            self._writer.close()
        with contextlib.suppress(OSError):
            os.remove(self._writer.out)

    @staticmethod
    def _encode(xml: str) -> bytes:
        return xml.encode("utf-8")


def _style_ids(ws: WriteOnlyWorksheet, styles: dict[str, NamedStyle]) -> StyleIds:
    """Register each kind of cell's style with the workbook, as openpyxl does for a cell."""

    def style_id(name: str, *, quote: bool = False) -> int:
        cell = WriteOnlyCell(ws)
        cell.style = styles[name].name
        # quotePrefix keeps Excel from re-reading formula-like text as a formula on edit.
        cell.quotePrefix = quote
        return int(cell.style_id)

    return StyleIds(
        header=style_id("header"),
        text=style_id("text"),
        quoted=style_id("text", quote=True),
        date=style_id("date"),
    )
