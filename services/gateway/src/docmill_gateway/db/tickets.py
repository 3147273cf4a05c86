"""SQL for support tickets."""

from __future__ import annotations

from typing import Any

import asyncpg

from docmill_gateway.db.timefmt import iso

STATUSES = ("open", "in_progress", "resolved", "closed")
# Statuses that end a ticket; the first move to one of them stamps resolved_at.
FINAL_STATUSES = ("resolved", "closed")

_COLUMNS = "id, user_name, batch_id, error_type, description, status, created_at, resolved_at"


async def insert_ticket(
    *,
    conn: asyncpg.Connection,
    user_name: str,
    batch_id: str | None,
    error_type: str,
    description: str,
) -> dict[str, Any]:
    """Open a ticket; returns it in the seed shape."""
    row = await conn.fetchrow(
        "INSERT INTO tickets (user_name, batch_id, error_type, description)"
        f" VALUES ($1, $2, $3, $4) RETURNING {_COLUMNS}",
        user_name,
        batch_id,
        error_type,
        description,
    )
    return ticket_dict(row)


async def list_tickets(*, conn: asyncpg.Connection) -> list[dict[str, Any]]:
    """Every ticket, latest first."""
    rows = await conn.fetch(f"SELECT {_COLUMNS} FROM tickets ORDER BY created_at DESC, id DESC")
    return [ticket_dict(r) for r in rows]


async def fetch_ticket(*, conn: asyncpg.Connection, ticket_id: int) -> dict[str, Any] | None:
    """One ticket, or None."""
    row = await conn.fetchrow(f"SELECT {_COLUMNS} FROM tickets WHERE id = $1", ticket_id)
    return ticket_dict(row) if row is not None else None


async def update_ticket_status(
    *, conn: asyncpg.Connection, ticket_id: int, status: str
) -> dict[str, Any] | None:
    """Set the status; resolved_at is stamped once, on the first final status. None if absent."""
    row = await conn.fetchrow(
        "UPDATE tickets SET status = $2,"
        " resolved_at = CASE WHEN $2 = ANY($3::text[]) THEN COALESCE(resolved_at, now())"
        " ELSE resolved_at END"
        f" WHERE id = $1 RETURNING {_COLUMNS}",
        ticket_id,
        status,
        list(FINAL_STATUSES),
    )
    return ticket_dict(row) if row is not None else None


def ticket_dict(row: asyncpg.Record) -> dict[str, Any]:
    """A tickets row in the seed shape."""
    return {
        "id": row["id"],
        "user_name": row["user_name"],
        "batch_id": row["batch_id"],
        "error_type": row["error_type"],
        "description": row["description"],
        "status": row["status"],
        "created_at": iso(row["created_at"]),
        "resolved_at": iso(row["resolved_at"]),
    }
