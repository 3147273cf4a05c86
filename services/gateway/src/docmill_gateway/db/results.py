"""Writing stage results: one transaction per document, idempotent."""

from __future__ import annotations

import json
from datetime import date

import asyncpg

from docmill_contracts.messages import DocumentExtracted, DocumentFailed, FeeFound
from docmill_contracts.saledeed import Party, SaleDeed
from docmill_gateway.db.documents import PARTY_FIELDS, PROPERTY_FIELDS

# A result for a document that is not in flight any more is still applied (the
# newest data wins), except that a late failure never overwrites a success.
_IN_FLIGHT = ("queued", "dispatched", "ocr", "extracting", "vision", "uploaded", "failed")


async def store_extracted(*, conn: asyncpg.Connection, result: DocumentExtracted) -> bool:
    """Replace the document's data with `result`; False when the document is unknown."""
    deed = result.sale_deed or SaleDeed()
    # The vision step is owed a sale deed whose fee the text did not give.
    needs_vision = result.needs_vision or (
        result.doc_type == "sale_deed" and deed.property_details.registration_fee is None
    )
    async with conn.transaction():
        updated = await conn.fetchval(
            "UPDATE documents SET status = 'done', failure_reason = NULL, failure_stage = NULL,"
            " transaction_date = $2, registration_office = $3, page_count = $4,"
            " text_sources = $5, backend = $6, warnings = $7::jsonb, needs_vision = $8,"
            " vision_status = NULL, updated_at = now(), finished_at = now()"
            " WHERE document_id = $1 RETURNING 1",
            result.document_id,
            _parse_date(deed.transaction_date),
            deed.registration_office,
            result.page_count,
            result.text_sources,
            result.backend,
            json.dumps(result.warnings),
            needs_vision,
        )
        if not updated:
            return False
        await conn.execute("DELETE FROM parties WHERE document_id = $1", result.document_id)
        await conn.execute(
            "DELETE FROM property_details WHERE document_id = $1", result.document_id
        )
        p = deed.property_details
        await conn.execute(
            f"INSERT INTO property_details (document_id, {', '.join(PROPERTY_FIELDS)})"
            f" VALUES ($1, {', '.join(f'${i}' for i in range(2, len(PROPERTY_FIELDS) + 2))})",
            result.document_id,
            *(getattr(p, f) for f in PROPERTY_FIELDS),
        )
        records = [
            _party_record(result.document_id, role, pos, party)
            for role, group in (("S", deed.sellers), ("B", deed.buyers))
            for pos, party in enumerate(group)
        ]
        if records:
            await conn.copy_records_to_table(
                "parties",
                records=records,
                columns=["document_id", "role", "position", *PARTY_FIELDS, "property_share"],
            )
    return True


async def store_fee(*, conn: asyncpg.Connection, result: FeeFound) -> bool:
    """Record the vision step's outcome; its fee replaces the text's, never erases it.

    A document whose fee came from OCR'd text is done with the vision step after one
    look, found or not; one with no fee stays left over.
    """
    found = result.registration_fee is not None
    async with conn.transaction():
        if found:
            await conn.execute(
                "UPDATE property_details SET registration_fee = $2, registration_fee_page = $3,"
                " registration_fee_box = $4::jsonb WHERE document_id = $1",
                result.document_id,
                result.registration_fee,
                result.page,
                json.dumps(result.box) if result.box is not None else None,
            )
        updated = await conn.fetchval(
            # After one look only a document still without any fee awaits vision.
            "UPDATE documents d SET needs_vision = d.needs_vision AND NOT EXISTS"
            " (SELECT 1 FROM property_details p WHERE p.document_id = d.document_id"
            " AND p.registration_fee IS NOT NULL),"
            " vision_status = $2, vision_reason = $3, updated_at = now()"
            " WHERE d.document_id = $1 RETURNING 1",
            result.document_id,
            "done" if found else "failed",
            result.reason,
        )
    return bool(updated)


async def store_failure(*, conn: asyncpg.Connection, result: DocumentFailed) -> bool:
    """Mark the document failed with its reason, unless it already succeeded."""
    updated = await conn.fetchval(
        "UPDATE documents SET status = 'failed', failure_reason = $2, failure_stage = $3,"
        " updated_at = now(), finished_at = now()"
        " WHERE document_id = $1 AND status = ANY($4::text[]) RETURNING 1",
        result.document_id,
        result.reason,
        result.stage,
        list(_IN_FLIGHT),
    )
    return bool(updated)


def _party_record(document_id: str, role: str, position: int, party: Party) -> tuple:
    share = party.property_share if role == "S" else None
    return (document_id, role, position, *(getattr(party, f) for f in PARTY_FIELDS), share)


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None
