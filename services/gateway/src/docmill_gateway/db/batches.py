"""SQL for batches and uploaded documents."""

from __future__ import annotations

from typing import Any

import asyncpg

from docmill_gateway.db.timefmt import iso
from docmill_gateway.ocr_options import UploadOcrOptions


async def insert_batch(*, conn: asyncpg.Connection, batch_id: str, batch_name: str) -> None:
    """Create a pending batch."""
    await conn.execute(
        "INSERT INTO batches (batch_id, batch_name) VALUES ($1, $2)", batch_id, batch_name
    )


async def insert_document(
    *,
    conn: asyncpg.Connection,
    base_id: str,
    batch_id: str,
    filename: str,
    object_name: str,
    sha256: str,
    size_bytes: int,
    media_type: str = "application/pdf",
    options: UploadOcrOptions | None = None,
    request_id: str | None = None,
) -> str:
    """Insert an uploaded document; returns its id, made unique with a suffix."""
    options = options or UploadOcrOptions()
    candidate, n = base_id, 1
    while True:
        inserted = await conn.fetchval(
            "INSERT INTO documents (document_id, batch_id, filename, object_name, sha256,"
            " size_bytes, request_id, media_type, ocr_mode, output_format, language_hint,"
            " auto_language_detection)"
            " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"
            " ON CONFLICT (document_id) DO NOTHING RETURNING document_id",
            candidate,
            batch_id,
            filename,
            object_name,
            sha256,
            size_bytes,
            request_id,
            media_type,
            options.ocr_mode,
            options.output_format,
            options.language_hint,
            options.auto_language_detection,
        )
        if inserted is not None:
            return str(inserted)
        n += 1
        candidate = f"{base_id}_{n}"


async def document_id_taken(*, conn: asyncpg.Connection, document_id: str) -> bool:
    """True when a document with this id exists."""
    return bool(await conn.fetchval("SELECT 1 FROM documents WHERE document_id = $1", document_id))


async def list_batches(*, conn: asyncpg.Connection) -> list[dict[str, Any]]:
    """Every batch with its document count, newest first."""
    rows = await conn.fetch(
        "SELECT b.batch_id, b.batch_name, b.created_at, b.status,"
        " (SELECT count(*) FROM documents d WHERE d.batch_id = b.batch_id) AS total_count"
        " FROM batches b ORDER BY b.created_at DESC, b.batch_id DESC"
    )
    return [
        {
            "batch_id": r["batch_id"],
            "batch_name": r["batch_name"],
            "total_count": r["total_count"],
            "created_at": iso(r["created_at"]),
            "status": r["status"],
        }
        for r in rows
    ]


async def batch_names(*, conn: asyncpg.Connection, batch_ids: list[str]) -> dict[str, str]:
    """batch_id -> batch_name for the given ids."""
    rows = await conn.fetch(
        "SELECT batch_id, batch_name FROM batches WHERE batch_id = ANY($1::text[])", batch_ids
    )
    return {r["batch_id"]: r["batch_name"] for r in rows}
