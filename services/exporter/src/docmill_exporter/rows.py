"""Which sale-deed rows an export holds: the SQL, its filters, and the row shape."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import asyncpg

from docmill_contracts.messages import ExportFilters
from docmill_exporter.errors import ExportRequestError
from docmill_exporter.safety import mask_aadhaar, mask_pan

# Seed 000, section 14: the sheet's columns in order.
COLUMNS: tuple[str, ...] = (
    "SL_NO",
    "USER_TYPE",
    "Document_ID",
    "Schedule_B_Area_sqft",
    "Schedule_C_Area_sqft",
    "Schedule_C_Address_Name",
    "Property_Pincode",
    "Property_State",
    "Sale_Consideration",
    "Stamp_Duty_Fee",
    "Registration_Fee",
    "Guidance_Value",
    "Cash_Payment",
    "Transaction_Date",
    "Registration_Office",
    "Name",
    "Gender",
    "Aadhaar",
    "PAN",
    "Address",
    "Pincode",
    "State",
    "Phone",
    "Secondary_Phone",
    "Email",
    "Property_Share",
)
AADHAAR_COL = COLUMNS.index("Aadhaar")
PAN_COL = COLUMNS.index("PAN")

Row = tuple[object, ...]

# Documents are picked (filtered, ordered, sliced by index) first, so start/end index
# count deeds as the seed's "record index" does, never party rows. Sellers come before
# buyers ('S' > 'B'), each in deed order. A deed without parties still gets one row.
EXPORT_SQL = """
WITH picked AS (
    SELECT d.document_id, d.created_at, d.seq, d.transaction_date, d.registration_office
    FROM documents d
    WHERE d.status = 'done'
      AND (cardinality($1::text[]) = 0 OR d.batch_id = ANY($1::text[]))
      AND ($2::date IS NULL OR d.created_at >= $2::date)
      AND ($3::date IS NULL OR d.created_at < $3::date + 1)
    ORDER BY d.created_at, d.seq
    OFFSET $4
    LIMIT $5
)
SELECT p.document_id, p.transaction_date, p.registration_office,
       pd.schedule_b_area, pd.schedule_c_property_area,
       pd.schedule_c_property_name, pd.schedule_c_property_address,
       pd.pincode AS property_pincode, pd.state AS property_state,
       pd.sale_consideration, pd.stamp_duty_fee, pd.registration_fee, pd.guidance_value,
       pd.paid_in_cash_mode,
       pa.role, pa.name, pa.gender, pa.aadhaar_number, pa.pan_card_number, pa.address,
       pa.pincode, pa.state, pa.phone_number, pa.secondary_phone_number, pa.email,
       pa.property_share
FROM picked p
LEFT JOIN property_details pd ON pd.document_id = p.document_id
LEFT JOIN parties pa ON pa.document_id = p.document_id
ORDER BY p.created_at, p.seq, p.document_id, pa.role DESC, pa.position
"""


@dataclass(frozen=True, kw_only=True)
class QueryArgs:
    """EXPORT_SQL's parameters, validated."""

    batch_ids: list[str]
    start_date: dt.date | None
    end_date: dt.date | None
    offset: int
    limit: int | None

    def as_tuple(self) -> tuple[object, ...]:
        """Positional parameters $1..$5."""
        return (self.batch_ids, self.start_date, self.end_date, self.offset, self.limit)


def query_args(filters: ExportFilters) -> QueryArgs:
    """Turn the request's filters into SQL parameters, refusing nonsense."""
    start = max(0, filters.start_index)
    limit: int | None = None
    if filters.end_index is not None:
        if filters.end_index < start:
            raise ExportRequestError(f"end_index {filters.end_index} is before start_index {start}")
        limit = filters.end_index - start  # end is exclusive: 0..100 is the first 100
    start_date = _parse_date(filters.start_date, "start_date")
    end_date = _parse_date(filters.end_date, "end_date")
    if start_date and end_date and end_date < start_date:
        raise ExportRequestError(f"end_date {end_date} is before start_date {start_date}")
    batch_ids = [b for b in filters.batch_ids if b]
    return QueryArgs(
        batch_ids=batch_ids, start_date=start_date, end_date=end_date, offset=start, limit=limit
    )


def _parse_date(value: str | None, name: str) -> dt.date | None:
    if not value:
        return None
    try:
        # Accept a full ISO timestamp too; the filter works on whole days.
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise ExportRequestError(f"{name} must be an ISO date, got {value!r}") from None


class RowMapper:
    """Maps records to sheet rows, numbering deeds from start_index + 1."""

    def __init__(self, *, start_index: int, mask_ids: bool) -> None:
        self._sl_no = start_index
        self._last_document: str | None = None
        self._mask_ids = mask_ids

    def map(self, records: Iterable[asyncpg.Record]) -> Iterator[Row]:
        """One row per record, in order."""
        for record in records:
            if record["document_id"] != self._last_document:
                self._last_document = record["document_id"]
                self._sl_no += 1
            yield self._row(record)

    def _row(self, r: asyncpg.Record) -> Row:
        role = r["role"]
        aadhaar, pan = r["aadhaar_number"], r["pan_card_number"]
        if self._mask_ids:
            aadhaar, pan = mask_aadhaar(aadhaar), mask_pan(pan)
        return (
            self._sl_no,
            role,
            r["document_id"],
            r["schedule_b_area"],
            r["schedule_c_property_area"],
            _join(r["schedule_c_property_name"], r["schedule_c_property_address"]),
            r["property_pincode"],
            r["property_state"],
            r["sale_consideration"],
            r["stamp_duty_fee"],
            r["registration_fee"],
            r["guidance_value"],
            r["paid_in_cash_mode"],
            r["transaction_date"],
            r["registration_office"],
            r["name"],
            r["gender"],
            aadhaar,
            pan,
            r["address"],
            r["pincode"],
            r["state"],
            r["phone_number"],
            r["secondary_phone_number"],
            r["email"],
            # The seed: share of the property is a seller's attribute only.
            r["property_share"] if role == "S" else None,
        )


def _join(name: str | None, address: str | None) -> str | None:
    parts = [p.strip() for p in (name, address) if p and p.strip()]
    return ", ".join(parts) or None
