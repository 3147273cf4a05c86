"""Filter validation and row mapping, without servers."""

from __future__ import annotations

import datetime as dt

import pytest

from docmill_contracts.messages import ExportFilters
from docmill_exporter.errors import ExportRequestError
from docmill_exporter.export import file_stem
from docmill_exporter.rows import COLUMNS, RowMapper, query_args
from docmill_exporter.xlsx import MAX_WIDTH, column_widths

pytestmark = pytest.mark.unit


def test_columns_are_the_seeds_26_in_order() -> None:
    assert len(COLUMNS) == 26
    assert COLUMNS[:3] == ("SL_NO", "USER_TYPE", "Document_ID")
    assert COLUMNS[-1] == "Property_Share"


def test_query_args_defaults() -> None:
    args = query_args(ExportFilters())
    assert args.as_tuple() == ([], None, None, 0, None)


def test_query_args_index_range_is_end_exclusive() -> None:
    args = query_args(ExportFilters(start_index=10, end_index=25, batch_ids=["A", ""]))
    assert (args.offset, args.limit, args.batch_ids) == (10, 15, ["A"])


def test_query_args_dates_accept_timestamps() -> None:
    args = query_args(ExportFilters(start_date="2024-01-01T10:00:00", end_date="2024-12-31"))
    assert (args.start_date, args.end_date) == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))


@pytest.mark.parametrize(
    "filters",
    [
        ExportFilters(start_index=5, end_index=4),
        ExportFilters(start_date="01/02/2024"),
        ExportFilters(start_date="2024-02-01", end_date="2024-01-31"),
    ],
)
def test_query_args_refuse_nonsense(filters: ExportFilters) -> None:
    with pytest.raises(ExportRequestError):
        query_args(filters)


def _record(document_id: str, role: str | None, **values: object) -> dict[str, object]:
    record: dict[str, object] = dict.fromkeys(
        [
            "transaction_date",
            "registration_office",
            "schedule_b_area",
            "schedule_c_property_area",
            "schedule_c_property_name",
            "schedule_c_property_address",
            "property_pincode",
            "property_state",
            "sale_consideration",
            "stamp_duty_fee",
            "registration_fee",
            "guidance_value",
            "paid_in_cash_mode",
            "name",
            "gender",
            "aadhaar_number",
            "pan_card_number",
            "address",
            "pincode",
            "state",
            "phone_number",
            "secondary_phone_number",
            "email",
            "property_share",
        ]
    )
    record.update(document_id=document_id, role=role, **values)
    return record


def test_row_mapper_numbers_deeds_and_masks() -> None:
    mapper = RowMapper(start_index=4, mask_ids=True)
    records = [
        _record("D1", "S", property_share="50%", aadhaar_number="1111 2222 3333"),
        _record("D1", "B", property_share="ignored", pan_card_number="ABCDE1234F"),
        _record("D2", None, schedule_c_property_name="Plot 7", schedule_c_property_address=" "),
    ]
    rows = list(mapper.map(records))  # type: ignore[arg-type]
    assert [r[0] for r in rows] == [5, 5, 6]
    share, aadhaar, pan = (COLUMNS.index(c) for c in ("Property_Share", "Aadhaar", "PAN"))
    assert rows[0][share] == "50%" and rows[1][share] is None
    assert rows[0][aadhaar] == "XXXX-XXXX-3333" and rows[1][pan] == "XXXXXX234F"
    assert rows[2][COLUMNS.index("Schedule_C_Address_Name")] == "Plot 7"
    assert all(len(r) == len(COLUMNS) for r in rows)


def test_column_widths_are_bounded() -> None:
    row = tuple(["x" * 500] + [None] * (len(COLUMNS) - 1))
    widths = column_widths([row])
    assert widths[0] == MAX_WIDTH
    assert widths[2] == len("Document_ID") + 2


@pytest.mark.parametrize(
    ("export_id", "stem"),
    [("3f2a9c", "3f2a9c"), ("../../etc/passwd", "_.._etc_passwd"), ("", "export")],
)
def test_file_stem_stays_in_its_folder(export_id: str, stem: str) -> None:
    assert file_stem(export_id) == stem
