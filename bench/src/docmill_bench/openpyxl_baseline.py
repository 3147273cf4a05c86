"""The export baseline: every row fetched at once into a plain (not write-only) openpyxl workbook.

Run as `python -m docmill_bench.openpyxl_baseline DSN OUT` so its time and memory are its own.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
from pathlib import Path

import asyncpg
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from docmill_contracts.messages import ExportFilters
from docmill_exporter.database import session_settings
from docmill_exporter.rows import COLUMNS, EXPORT_SQL, Row, RowMapper, query_args
from docmill_exporter.safety import is_formula_like
from docmill_exporter.xlsx import (
    DATA_HEIGHT,
    DATE_FORMAT,
    HEADER_FILL,
    HEADER_HEIGHT,
    MAX_WIDTH,
    MIN_WIDTH,
    SHEET_TITLE,
)


async def fetch_rows(dsn: str) -> list[Row]:
    """The same rows the exporter writes, all in memory."""
    conn = await asyncpg.connect(dsn, server_settings=session_settings(timezone="UTC"))
    try:
        records = await conn.fetch(EXPORT_SQL, *query_args(ExportFilters()).as_tuple())
    finally:
        await conn.close()
    return list(RowMapper(start_index=0, mask_ids=False).map(records))


def write_workbook(rows: list[Row], path: Path) -> None:
    """Styled like the exporter's sheet, cell by cell, as a straightforward openpyxl app does."""
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill(fill_type="solid", start_color=HEADER_FILL, end_color=HEADER_FILL)
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    left = Alignment(horizontal="left", vertical="center", wrap_text=True)
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_TITLE
    ws.append(COLUMNS)
    for cell in ws[1]:
        cell.font, cell.fill, cell.alignment, cell.border = header_font, header_fill, center, border
    ws.row_dimensions[1].height = HEADER_HEIGHT
    widths = [len(name) for name in COLUMNS]
    for index, row in enumerate(rows, start=2):
        ws.row_dimensions[index].height = DATA_HEIGHT
        for col, value in enumerate(row):
            cell = ws.cell(row=index, column=col + 1, value=value)
            cell.border, cell.alignment = border, left
            if isinstance(value, dt.date):
                cell.number_format = DATE_FORMAT
            elif isinstance(value, str):
                cell.data_type = "s"
                cell.quotePrefix = is_formula_like(value)
            if value is not None:
                widths[col] = max(widths[col], len(str(value)))
    for col, width in enumerate(widths, start=1):
        width = min(MAX_WIDTH, max(MIN_WIDTH, width + 2))
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = "A2"
    wb.save(path)


def main() -> None:
    """Fetch, write, save."""
    parser = argparse.ArgumentParser(prog="docmill_bench.openpyxl_baseline")
    parser.add_argument("dsn")
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    write_workbook(asyncio.run(fetch_rows(args.dsn)), args.out)


if __name__ == "__main__":
    main()
