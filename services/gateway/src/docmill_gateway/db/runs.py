"""SQL for processing runs, the dispatcher's claims and the folder counts."""

from __future__ import annotations

import json
from typing import Any

import asyncpg

from docmill_gateway.db.vision import LEFT_OVER

PENDING = ("queued", "dispatched", "ocr", "extracting", "vision")
IN_FLIGHT = ("dispatched", "ocr", "extracting", "vision")


async def running_run(*, conn: asyncpg.Connection) -> asyncpg.Record | None:
    """The run in progress, if any."""
    return await conn.fetchrow(
        "SELECT * FROM runs WHERE state = 'running' ORDER BY run_id DESC LIMIT 1"
    )


async def latest_run(*, conn: asyncpg.Connection) -> asyncpg.Record | None:
    """The newest run, running or not."""
    return await conn.fetchrow("SELECT * FROM runs ORDER BY run_id DESC LIMIT 1")


async def start_run(*, conn: asyncpg.Connection, config: dict[str, Any]) -> tuple[int, int]:
    """Queue every uploaded document under a new run; returns (run_id, queued)."""
    async with conn.transaction():
        # Serialises concurrent starts: only one run may be running.
        await conn.execute("LOCK TABLE runs IN SHARE ROW EXCLUSIVE MODE")
        if await running_run(conn=conn) is not None:
            return 0, -1
        run_id = await conn.fetchval(
            "INSERT INTO runs (config) VALUES ($1::jsonb) RETURNING run_id", json.dumps(config)
        )
        queued = await conn.fetch(
            "UPDATE documents SET status = 'queued', run_id = $1, updated_at = now()"
            " WHERE status = 'uploaded' RETURNING batch_id",
            run_id,
        )
        # Documents still in flight from a stopped run belong to this one now.
        await conn.execute(
            "UPDATE documents SET run_id = $1 WHERE status = ANY($2::text[])",
            run_id,
            list(IN_FLIGHT),
        )
        batch_ids = sorted({r["batch_id"] for r in queued})
        await conn.execute(
            "UPDATE batches SET status = 'processing',"
            " processing_started_at = COALESCE(processing_started_at, now())"
            " WHERE batch_id = ANY($1::text[])",
            batch_ids,
        )
        return int(run_id), len(queued)


async def stop_run(*, conn: asyncpg.Connection) -> int | None:
    """Stop the running run; queued documents go back to uploaded. None if none ran."""
    async with conn.transaction():
        run = await running_run(conn=conn)
        if run is None:
            return None
        await conn.execute(
            "UPDATE runs SET state = 'stopped', stopped_at = now() WHERE run_id = $1",
            run["run_id"],
        )
        await conn.execute(
            "UPDATE documents SET status = 'uploaded', updated_at = now() WHERE status = 'queued'"
        )
        await refresh_batches(conn=conn)
        return int(await conn.fetchval("SELECT count(*) FROM documents WHERE status = 'uploaded'"))


async def pick_next_documents(
    *, conn: asyncpg.Connection, run_id: int, limit: int
) -> list[asyncpg.Record]:
    """Queued documents, round-robin across batches so a big batch starves no small one."""
    return await conn.fetch(
        "WITH ranked AS ("
        "  SELECT d.document_id, d.batch_id, d.filename, d.object_name, d.sha256, d.doc_type,"
        "         d.request_id, d.media_type, d.ocr_mode, d.output_format, d.language_hint,"
        "         d.auto_language_detection,"
        "         d.attempt, b.created_at AS batch_created,"
        "         row_number() OVER (PARTITION BY d.batch_id ORDER BY d.seq) AS turn"
        "  FROM documents d JOIN batches b USING (batch_id)"
        "  WHERE d.status = 'queued' AND d.run_id = $1)"
        " SELECT * FROM ranked ORDER BY turn, batch_created, batch_id LIMIT $2",
        run_id,
        limit,
    )


async def lock_still_queued(*, conn: asyncpg.Connection, document_ids: list[str]) -> set[str]:
    """Row-lock the documents that are still queued, so a concurrent stop waits for us."""
    rows = await conn.fetch(
        "SELECT document_id FROM documents WHERE document_id = ANY($1::text[])"
        " AND status = 'queued' FOR UPDATE SKIP LOCKED",
        document_ids,
    )
    return {r["document_id"] for r in rows}


async def mark_dispatched(*, conn: asyncpg.Connection, document_id: str, attempt: int) -> bool:
    """Record that the OCR job of `attempt` was published; False if it left the queue."""
    return bool(
        await conn.fetchval(
            "UPDATE documents SET status = 'dispatched', attempt = $2, dispatched_at = now(),"
            " updated_at = now() WHERE document_id = $1 AND status = 'queued' RETURNING 1",
            document_id,
            attempt,
        )
    )


async def requeue_stale(*, conn: asyncpg.Connection, older_than_s: float) -> int:
    """Queue again in-flight documents with no sign of life (their job was lost)."""
    result = await conn.execute(
        "UPDATE documents SET status = 'queued', updated_at = now()"
        " WHERE status = ANY($1::text[]) AND run_id IS NOT NULL"
        " AND updated_at < now() - make_interval(secs => $2)",
        list(IN_FLIGHT),
        older_than_s,
    )
    return int(result.split()[-1])


async def finish_run_if_done(*, conn: asyncpg.Connection, run_id: int) -> bool:
    """Complete the run when none of its documents is pending; refresh batch states."""
    async with conn.transaction():
        pending = await conn.fetchval(
            "SELECT count(*) FROM documents WHERE run_id = $1 AND status = ANY($2::text[])",
            run_id,
            list(PENDING),
        )
        await refresh_batches(conn=conn)
        if pending:
            return False
        await conn.execute(
            "UPDATE runs SET state = 'completed', finished_at = now()"
            " WHERE run_id = $1 AND state = 'running'",
            run_id,
        )
        return True


async def refresh_batches(*, conn: asyncpg.Connection) -> None:
    """Batch status from its documents: completed when nothing is left to do."""
    await conn.execute(
        "UPDATE batches b SET status = s.status,"
        " completed_at = CASE WHEN s.status = 'completed' THEN COALESCE(b.completed_at, now())"
        " ELSE NULL END"
        " FROM (SELECT batch_id, CASE"
        "   WHEN bool_and(status IN ('done', 'failed')) THEN 'completed'"
        "   WHEN bool_or(status = ANY($1::text[])) THEN 'processing'"
        "   ELSE 'pending' END AS status"
        "   FROM documents GROUP BY batch_id) s"
        " WHERE b.batch_id = s.batch_id AND b.status IS DISTINCT FROM s.status",
        list(PENDING),
    )


async def mark_stage(*, conn: asyncpg.Connection, document_id: str, status: str) -> None:
    """Move an in-flight document to the stage a progress event reports."""
    await conn.execute(
        "UPDATE documents SET status = $2, updated_at = now()"
        " WHERE document_id = $1 AND status = ANY($3::text[])",
        document_id,
        status,
        list(IN_FLIGHT),
    )


async def run_counts(*, conn: asyncpg.Connection, run_id: int) -> asyncpg.Record:
    """total / successful / failed of one run, and the file most recently started."""
    return await conn.fetchrow(
        "SELECT count(*) AS total,"
        " count(*) FILTER (WHERE status = 'done') AS successful,"
        " count(*) FILTER (WHERE status = 'failed') AS failed,"
        " (SELECT filename FROM documents WHERE run_id = $1"
        "   AND status = ANY($2::text[]) ORDER BY updated_at DESC LIMIT 1) AS current_file"
        " FROM documents WHERE run_id = $1",
        run_id,
        ["ocr", "extracting", "vision"],
    )


async def folder_counts(*, conn: asyncpg.Connection) -> dict[str, int]:
    """The seed's folder view of document states."""
    row = await conn.fetchrow(
        "SELECT count(*) FILTER (WHERE d.status IN ('uploaded', 'queued')) AS newly_uploaded,"
        " count(*) FILTER (WHERE d.status = 'done') AS processed,"
        " count(*) FILTER (WHERE d.status = 'failed') AS failed,"
        f" count(*) FILTER (WHERE {LEFT_OVER}) AS left_over_reg_fee"
        " FROM documents d"
    )
    return {k: int(row[k]) for k in ("newly_uploaded", "processed", "failed", "left_over_reg_fee")}
