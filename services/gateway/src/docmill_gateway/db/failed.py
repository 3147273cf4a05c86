"""SQL for failed documents: listing them and sending them back to be processed again."""

from __future__ import annotations

import asyncpg

from docmill_gateway.db.runs import PENDING


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
            " WHERE status = 'failed' RETURNING batch_id"
        )
        batch_ids = sorted({r["batch_id"] for r in moved})
        # A batch with a document waiting again is no longer completed.
        await conn.execute(
            "UPDATE batches b SET completed_at = NULL, status = CASE WHEN EXISTS ("
            "   SELECT 1 FROM documents d WHERE d.batch_id = b.batch_id"
            "   AND d.status = ANY($2::text[])) THEN 'processing' ELSE 'pending' END"
            " WHERE b.batch_id = ANY($1::text[])",
            batch_ids,
            list(PENDING),
        )
    return len(moved)
