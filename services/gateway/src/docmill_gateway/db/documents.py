"""Reading documents in the seed-000 shape."""

from __future__ import annotations

import json
from typing import Any

import asyncpg

from docmill_gateway.db.timefmt import iso

PROPERTY_FIELDS = (
    "schedule_b_area",
    "schedule_c_property_name",
    "schedule_c_property_address",
    "schedule_c_property_area",
    "paid_in_cash_mode",
    "pincode",
    "state",
    "sale_consideration",
    "stamp_duty_fee",
    "registration_fee",
    "guidance_value",
)
PARTY_FIELDS = (
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
)

_DOC_COLUMNS = (
    "document_id, batch_id, filename, sha256, status, failure_reason, failure_stage,"
    " last_failure_reason, last_failure_stage,"
    " transaction_date, registration_office, page_count, text_sources, backend, warnings,"
    " created_at, updated_at, media_type, ocr_mode, output_format, language_hint,"
    " auto_language_detection, vision_status, vision_reason"
)


async def fetch_documents(
    *, conn: asyncpg.Connection, statuses: list[str] | None, skip: int, limit: int
) -> list[dict[str, Any]]:
    """A page of documents in upload order, with property details, buyers and sellers."""
    rows = await conn.fetch(
        f"SELECT {_DOC_COLUMNS} FROM documents"
        " WHERE ($1::text[] IS NULL OR status = ANY($1::text[]))"
        " ORDER BY created_at, seq OFFSET $2 LIMIT $3",
        statuses,
        skip,
        limit,
    )
    return await _assemble(conn=conn, rows=rows)


async def fetch_document(*, conn: asyncpg.Connection, document_id: str) -> dict[str, Any] | None:
    """One document in the seed shape, or None."""
    rows = await conn.fetch(
        f"SELECT {_DOC_COLUMNS} FROM documents WHERE document_id = $1", document_id
    )
    docs = await _assemble(conn=conn, rows=rows)
    return docs[0] if docs else None


async def _assemble(*, conn: asyncpg.Connection, rows: list[asyncpg.Record]) -> list[dict]:
    ids = [r["document_id"] for r in rows]
    if not ids:
        return []
    props = {
        r["document_id"]: r
        for r in await conn.fetch(
            "SELECT * FROM property_details WHERE document_id = ANY($1::text[])", ids
        )
    }
    parties: dict[str, list[asyncpg.Record]] = {}
    for r in await conn.fetch(
        "SELECT * FROM parties WHERE document_id = ANY($1::text[])"
        " ORDER BY document_id, role, position",
        ids,
    ):
        parties.setdefault(r["document_id"], []).append(r)
    return [
        _document_dict(r, props.get(r["document_id"]), parties.get(r["document_id"], []))
        for r in rows
    ]


def _document_dict(
    row: asyncpg.Record, prop: asyncpg.Record | None, parties: list[asyncpg.Record]
) -> dict[str, Any]:
    doc_id = row["document_id"]
    property_details = None
    if prop is not None:
        property_details = {"id": prop["id"], "document_id": doc_id}
        property_details.update({f: prop[f] for f in PROPERTY_FIELDS})
    buyers, sellers = [], []
    for p in parties:
        party = {"id": p["id"], "document_id": doc_id}
        party.update({f: p[f] for f in PARTY_FIELDS})
        if p["role"] == "S":
            party["property_share"] = p["property_share"]
            sellers.append(party)
        else:
            buyers.append(party)
    warnings = row["warnings"]
    return {
        "document_id": doc_id,
        "batch_id": row["batch_id"],
        "transaction_date": iso(row["transaction_date"]),
        "registration_office": row["registration_office"],
        "created_at": iso(row["created_at"]),
        "updated_at": iso(row["updated_at"]),
        "property_details": property_details,
        "buyers": buyers,
        "sellers": sellers,
        "filename": row["filename"],
        "sha256": row["sha256"],
        "status": row["status"],
        "failure_reason": row["failure_reason"],
        "failure_stage": row["failure_stage"],
        "last_failure_reason": row["last_failure_reason"],
        "last_failure_stage": row["last_failure_stage"],
        "page_count": row["page_count"],
        "text_sources": list(row["text_sources"] or []),
        "backend": row["backend"],
        "warnings": json.loads(warnings) if isinstance(warnings, str) else (warnings or []),
        # Not in seed 000: what the upload was and its seed-001 OCR preferences (null: default).
        "media_type": row["media_type"],
        "ocr_mode": row["ocr_mode"],
        "output_format": row["output_format"],
        "language_hint": row["language_hint"],
        "auto_language_detection": row["auto_language_detection"],
        # Not in seed 000: the vision step's look at the fee table, when it had one.
        "vision": _vision_dict(row, prop),
    }


def _vision_dict(row: asyncpg.Record, prop: asyncpg.Record | None) -> dict[str, Any] | None:
    if row["vision_status"] is None:
        return None
    box = prop["registration_fee_box"] if prop is not None else None
    return {
        "status": row["vision_status"],
        "reason": row["vision_reason"],
        "registration_fee_page": prop["registration_fee_page"] if prop is not None else None,
        "registration_fee_box": json.loads(box) if isinstance(box, str) else box,
    }
