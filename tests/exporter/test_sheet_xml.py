"""The xlsx row serialiser, without servers: what goes in comes back out of openpyxl."""

from __future__ import annotations

import datetime as dt
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from docmill_exporter.rows import COLUMNS
from docmill_exporter.xlsx import XlsxSink

pytestmark = pytest.mark.unit

WIDTH = len(COLUMNS)


def _row(*values: object) -> tuple[object, ...]:
    return values + (None,) * (WIDTH - len(values))


def _write(path: Path, rows: list[tuple[object, ...]], *, chunk: int = 2) -> Path:
    sink = XlsxSink(path, sample=rows)
    for i in range(0, len(rows), chunk):
        sink.write(rows[i : i + chunk])
    sink.close()
    return path


def test_text_is_escaped_and_kept_exactly(tmp_path: Path) -> None:
    texts = [
        "Tom & Jerry <Ltd> a>b",
        "  padded both  ",
        "line one\r\nline two",
        "ರವಿ ಕುಮಾರ್",
        "]]> not a CDATA end",
        "\"quoted\" and 'apostrophes'",
    ]
    path = _write(tmp_path / "t.xlsx", [_row(t) for t in texts])
    ws = load_workbook(path)["Sale_Deeds"]
    assert [ws.cell(row=i, column=1).value for i in range(2, 2 + len(texts))] == texts


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "=1+1"),
        ("\x00=SUM(A1:A9)", "=SUM(A1:A9)"),  # control character dropped, then still quoted
        ("\rcmd", "\rcmd"),
        ("\t@x", "\t@x"),
        ("-5", "-5"),
        ("#N/A", "#N/A"),
    ],
)
def test_formula_and_error_looking_text_stays_text(
    tmp_path: Path, value: str, expected: str
) -> None:
    path = _write(tmp_path / "f.xlsx", [_row(value)])
    cell = load_workbook(path)["Sale_Deeds"]["A2"]
    assert cell.value == expected
    assert cell.data_type == "s"
    assert cell.quotePrefix is (value != "#N/A")
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet


def test_values_of_every_type(tmp_path: Path) -> None:
    when = dt.datetime(2024, 3, 4, 12, 30)
    row = _row(
        7,
        1200.5,
        2.5e-7,
        10**15,
        Decimal("12.25"),
        True,
        dt.date(2024, 2, 29),
        when,
        float("nan"),
        "",
        None,
        "x",
        dt.date(1900, 1, 15),
    )
    path = _write(tmp_path / "v.xlsx", [row, row])
    ws = load_workbook(path)["Sale_Deeds"]
    got = [c.value for c in ws[3]][:13]
    assert got == [
        7,
        1200.5,
        2.5e-7,
        10**15,
        12.25,
        True,
        dt.datetime(2024, 2, 29),
        when,
        None,
        None,
        None,
        "x",
        dt.datetime(1900, 1, 15),
    ]
    assert ws["G2"].number_format == ws["H3"].number_format == "yyyy-mm-dd"
    # Every column has a bordered cell, empty or not.
    assert len(ws[2]) == WIDTH
    assert all(c.border.left.style == "thin" for c in ws[2])


def test_rows_continue_numbering_across_writes(tmp_path: Path) -> None:
    rows = [_row(i, f"r{i}") for i in range(1, 8)]
    path = _write(tmp_path / "n.xlsx", rows, chunk=3)
    ws = load_workbook(path)["Sale_Deeds"]
    assert ws.max_row == 8
    assert [r[:2] for r in ws.iter_rows(min_row=2, values_only=True)] == [
        (i, f"r{i}") for i in range(1, 8)
    ]
    assert [ws.row_dimensions[i].height for i in range(1, 9)] == [25] + [20] * 7


def test_abort_leaves_no_file_behind(tmp_path: Path) -> None:
    sink = XlsxSink(tmp_path / "a.xlsx", sample=[])
    sink.write([_row("x")])
    temp = Path(sink._writer.out)
    assert temp.exists()
    sink.abort()
    assert not temp.exists()
    assert not (tmp_path / "a.xlsx").exists()
