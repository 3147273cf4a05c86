"""The Excel export end to end: NATS request -> real exporter -> object store -> openpyxl."""

from __future__ import annotations

import datetime as dt
import zipfile
from collections import defaultdict

from exporter_data import AADHAAR, EVIL_NAME, PAN, Dataset
from openpyxl import load_workbook

from docmill_contracts.messages import ExportFilters
from docmill_exporter.rows import COLUMNS

SELLER_SHARE = COLUMNS.index("Property_Share")


async def test_whole_data_sheet_shape_and_order(run_export, dataset: Dataset) -> None:
    ready, path = await run_export()
    done = dataset.done()
    assert ready.error is None
    assert ready.rows == dataset.rows_of(done)
    assert ready.filename == "whole_data.xlsx"

    wb = load_workbook(path)
    assert wb.sheetnames == ["Sale_Deeds"]
    ws = wb["Sale_Deeds"]
    rows = list(ws.iter_rows(values_only=True))
    assert list(rows[0]) == list(COLUMNS)
    assert len(COLUMNS) == 26
    assert len(rows) - 1 == ready.rows

    # Deeds in created_at order, each numbered once; sellers then buyers, in position order.
    by_doc: dict[str, list[tuple]] = defaultdict(list)
    order: list[str] = []
    for row in rows[1:]:
        if row[2] not in by_doc:
            order.append(row[2])
        by_doc[row[2]].append(row)
    assert order == [d.document_id for d in done]
    for sl_no, doc in enumerate(done, start=1):
        doc_rows = by_doc[doc.document_id]
        assert {r[0] for r in doc_rows} == {sl_no}
        if doc.sellers + doc.buyers == 0:
            assert len(doc_rows) == 1 and doc_rows[0][1] is None and doc_rows[0][15] is None
            continue
        assert [r[1] for r in doc_rows] == ["S"] * doc.sellers + ["B"] * doc.buyers
        names = [r[15] for r in doc_rows]
        expected = [f"{doc.document_id}-S{i}" for i in range(1, doc.sellers + 1)] + [
            f"{doc.document_id}-B{i}" for i in range(1, doc.buyers + 1)
        ]
        if doc.document_id == "DOC00000":
            expected[0] = EVIL_NAME
        assert names == expected

    first = rows[1]
    assert first[3] == 1200.5 and first[4] == 2400
    assert first[5] == "Green Acres, 12 MG Road"
    assert first[6] == "560001" and first[7] == "Karnataka"
    assert first[8] == 2500000 and first[11] == 2600000
    assert first[13] == dt.datetime(2024, 1, 1)
    assert first[14] == "Sub-Registrar Jayanagar"
    assert first[17] == AADHAAR and first[18] == PAN


async def test_header_and_data_styling(run_export) -> None:
    _, path = await run_export()
    ws = load_workbook(path)["Sale_Deeds"]
    assert ws.freeze_panes == "A2"
    assert ws.row_dimensions[1].height == 25
    assert ws.row_dimensions[2].height == 20
    assert ws.row_dimensions[ws.max_row].height == 20
    for cell in ws[1]:
        assert cell.font.b is True
        assert cell.font.color.rgb.endswith("FFFFFF")
        assert cell.fill.fill_type == "solid"
        assert cell.fill.fgColor.rgb.endswith("1F4E78")
        assert cell.alignment.horizontal == "center"
        assert cell.border.left.style == cell.border.bottom.style == "thin"
    for cell in ws[2]:
        assert cell.border.top.style == cell.border.right.style == "thin"
        assert cell.alignment.wrap_text is True
        assert cell.alignment.horizontal == "left"
        assert not cell.font.b
    assert ws["N2"].number_format == "yyyy-mm-dd"
    for letter in ("A", "C", "F", "P", "Z"):
        width = ws.column_dimensions[letter].width
        assert 8 <= width <= 50
    # Sized to content: the address column is wider than the serial number.
    assert ws.column_dimensions["F"].width > ws.column_dimensions["A"].width
    assert ws.column_dimensions["C"].width >= len("Document_ID")


async def test_formula_looking_text_is_stored_as_text(run_export) -> None:
    _, path = await run_export(filters=ExportFilters(end_index=1))
    ws = load_workbook(path)["Sale_Deeds"]
    cell = ws["P2"]
    assert cell.value == EVIL_NAME
    assert cell.data_type == "s"
    assert cell.quotePrefix is True
    assert ws["W2"].value == "+91 98450 12345" and ws["W2"].data_type == "s"
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet
    assert "HYPERLINK" in sheet


async def test_property_share_for_sellers_only(run_export) -> None:
    _, path = await run_export(filters=ExportFilters(end_index=20))
    rows = list(load_workbook(path)["Sale_Deeds"].iter_rows(min_row=2, values_only=True))
    sellers = [r for r in rows if r[1] == "S"]
    buyers = [r for r in rows if r[1] == "B"]
    assert sellers and buyers
    assert all(r[SELLER_SHARE] == "33%" for r in sellers)
    assert all(r[SELLER_SHARE] is None for r in buyers)


async def test_mask_ids(run_export) -> None:
    _, path = await run_export(filters=ExportFilters(end_index=3), mask_ids=True)
    rows = list(load_workbook(path)["Sale_Deeds"].iter_rows(min_row=2, values_only=True))
    assert rows
    for row in rows:
        assert row[17] == "XXXX-XXXX-9012"
        assert row[18] == "XXXXXX234F"
        assert "5678" not in "".join(str(v) for v in row if v is not None)
