"""SQL for user info entries (who uploads how many files from where, and in which batch)."""

from __future__ import annotations

from typing import Any

import asyncpg

from docmill_gateway.db.timefmt import iso

_COLUMNS = "id, user_name, number_of_files, file_region, date, batch_id, created_at"


async def insert_user_info(
    *,
    conn: asyncpg.Connection,
    user_name: str,
    number_of_files: int,
    file_region: str,
    batch_id: str | None,
) -> dict[str, Any]:
    """Create an entry; returns it in the seed shape."""
    row = await conn.fetchrow(
        "INSERT INTO user_info (user_name, number_of_files, file_region, batch_id)"
        f" VALUES ($1, $2, $3, $4) RETURNING {_COLUMNS}",
        user_name,
        number_of_files,
        file_region,
        batch_id,
    )
    return user_info_dict(row)


async def list_user_info(*, conn: asyncpg.Connection) -> list[dict[str, Any]]:
    """Every entry, latest first."""
    rows = await conn.fetch(f"SELECT {_COLUMNS} FROM user_info ORDER BY created_at DESC, id DESC")
    return [user_info_dict(r) for r in rows]


async def set_latest_batch(*, conn: asyncpg.Connection, user_name: str, batch_id: str) -> bool:
    """Link the user's latest entry to `batch_id`; False when the user has no entry."""
    updated = await conn.fetchval(
        "UPDATE user_info SET batch_id = $2 WHERE id = ("
        "  SELECT id FROM user_info WHERE user_name = $1"
        "  ORDER BY created_at DESC, id DESC LIMIT 1)"
        " RETURNING id",
        user_name,
        batch_id,
    )
    return updated is not None


def user_info_dict(row: asyncpg.Record) -> dict[str, Any]:
    """A user_info row in the seed shape."""
    return {
        "id": row["id"],
        "user_name": row["user_name"],
        "number_of_files": row["number_of_files"],
        "file_region": row["file_region"],
        "date": iso(row["date"]),
        "batch_id": row["batch_id"],
        "created_at": iso(row["created_at"]),
    }
