"""SQL for failed documents: listing them and sending them back to be processed again."""

from __future__ import annotations

import asyncpg

from docmill_gateway.db.runs import refresh_batches


async def fetch_failed(*, conn: asyncpg.Connection) -> list[asyncpg.Record]:
    """Every failed document in upload order, with where its original is stored."""
    return await conn.fetch(
        "SELECT d.document_id, d.batch_id, d.filename, d.object_name, d.failure_stage,"
        " d.failure_reason FROM documents d JOIN batches b USING (batch_id)"
        " WHERE d.status = 'failed' ORDER BY b.created_at, d.batch_id, d.seq"
    )


async def requeue_failed(*, conn: asyncpg.Connection) -> int:
    """Move every failed document back to uploaded; returns how many moved."""
    async with conn.transaction():
        # The reason moves to last_failure_* so a new failure is not confused with the old
        # one, and run_id is cleared so the old run's stats stop counting the document.
        moved = await conn.fetch(
            "UPDATE documents SET status = 'uploaded',"
            " last_failure_reason = failure_reason, last_failure_stage = failure_stage,"
            " failure_reason = NULL, failure_stage = NULL, run_id = NULL, finished_at = NULL,"
            " updated_at = now()"
            " WHERE status = 'failed' RETURNING document_id"
        )
        await refresh_batches(conn=conn)
    return len(moved)
