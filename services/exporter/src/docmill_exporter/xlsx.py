"""The styled `Sale_Deeds` workbook, written row by row in openpyxl's write-only mode."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.dimensions import RowDimension

from docmill_exporter.rows import COLUMNS, Row
from docmill_exporter.safety import clean_text, is_formula_like

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
        self._ws = self._wb.create_sheet(SHEET_TITLE)
        self._styles = _styles()
        for style in self._styles.values():
            self._wb.add_named_style(style)
        ws = self._ws
        for index, width in enumerate(column_widths(sample), start=1):
            ws.column_dimensions[get_column_letter(index)].width = width
        ws.freeze_panes = "A2"
        ws.sheet_format.defaultRowHeight = DATA_HEIGHT
        ws.sheet_format.customHeight = True
        # Row heights must exist when a row is appended; each data row borrows this one
        # entry and gives it back, so the dimension table never grows with the export.
        self._data_dim = RowDimension(ws, index=0, ht=DATA_HEIGHT, customHeight=True)
        ws.row_dimensions[1] = RowDimension(ws, index=1, ht=HEADER_HEIGHT, customHeight=True)
        ws.append([self._header_cell(name) for name in COLUMNS])
        self._slots = [self._slot() for _ in COLUMNS]
        self._row_index = 1

    def write(self, rows: Iterable[Row]) -> None:
        """Append data rows with borders, left-aligned wrapped text."""
        ws = self._ws
        dims = ws.row_dimensions
        for row in rows:
            self._row_index += 1
            dims[self._row_index] = self._data_dim
            ws.append(self._data_cells(row))
            del dims[self._row_index]

    def close(self) -> None:
        """Finish the workbook and write the file."""
        self._wb.save(self._path)

    def abort(self) -> None:
        """Drop a half-written workbook, including openpyxl's own temp file for the sheet."""
        writer = getattr(self._ws, "_writer", None)
        out = getattr(writer, "out", None)
        if isinstance(out, str):
            with contextlib.suppress(OSError):
                os.remove(out)

    def _data_cells(self, row: Row) -> list[WriteOnlyCell]:
        # openpyxl serialises each appended row before the next one is built, so one
        # styled cell per column and kind is reused instead of building ~26 per row.
        cells = []
        for slot, value in zip(self._slots, row, strict=True):
            if isinstance(value, str):
                text = clean_text(value)
                cell = slot["quoted" if is_formula_like(text) else "text"]
                # Assigning a str lets openpyxl turn "=..." into a formula and "#N/A" into
                # an error; exported text is data, so the type is forced back to string.
                cell.value = text
                cell.data_type = "s"
            else:
                cell = slot["date" if isinstance(value, dt.date) else "text"]
                cell.value = value
            cells.append(cell)
        return cells

    def _styled(self, kind: str) -> WriteOnlyCell:
        cell = WriteOnlyCell(self._ws)
        cell.style = self._styles[kind].name
        return cell

    def _header_cell(self, name: str) -> WriteOnlyCell:
        cell = self._styled("header")
        cell.value = name
        cell.data_type = "s"
        return cell

    def _slot(self) -> dict[str, WriteOnlyCell]:
        quoted = self._styled("text")
        # quotePrefix keeps Excel from re-reading formula-like text as a formula on edit.
        quoted.quotePrefix = True
        return {"text": self._styled("text"), "quoted": quoted, "date": self._styled("date")}
