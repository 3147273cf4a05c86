"""SQL for the vision step: left-over documents, vision runs, their jobs."""

from __future__ import annotations

import asyncpg

# A sale deed processed without a registration fee waits for the vision step.
LEFT_OVER = "d.status = 'done' AND d.doc_type = 'sale_deed' AND d.needs_vision"


async def running_vision_run(*, conn: asyncpg.Connection) -> asyncpg.Record | None:
    """The vision run in progress, if any."""
    return await conn.fetchrow(
        "SELECT * FROM vision_runs WHERE state = 'running' ORDER BY run_id DESC LIMIT 1"
    )


async def start_vision_run(*, conn: asyncpg.Connection) -> tuple[int, int]:
    """Queue every left-over document under a new vision run; (run_id, queued); -1 if busy."""
    async with conn.transaction():
        await conn.execute("LOCK TABLE vision_runs IN SHARE ROW EXCLUSIVE MODE")
        if await running_vision_run(conn=conn) is not None:
            return 0, -1
        run_id = await conn.fetchval("INSERT INTO vision_runs DEFAULT VALUES RETURNING run_id")
        queued = await conn.fetchval(
            "WITH q AS (UPDATE documents d SET vision_status = 'queued', vision_run_id = $1"
            f" WHERE {LEFT_OVER} AND d.vision_status IS DISTINCT FROM 'dispatched'"
            " RETURNING 1) SELECT count(*) FROM q",
            run_id,
        )
        return int(run_id), int(queued)


async def stop_vision_run(*, conn: asyncpg.Connection) -> int | None:
    """Stop the vision run; queued documents stay left over. None if none ran."""
    async with conn.transaction():
        run = await running_vision_run(conn=conn)
        if run is None:
            return None
        await conn.execute(
            "UPDATE vision_runs SET state = 'stopped', stopped_at = now() WHERE run_id = $1",
            run["run_id"],
        )
        await conn.execute(
            "UPDATE documents SET vision_status = NULL WHERE vision_status = 'queued'"
        )
        return await count_left_over(conn=conn)


async def count_left_over(*, conn: asyncpg.Connection) -> int:
    """Documents still without a registration fee."""
    return int(await conn.fetchval(f"SELECT count(*) FROM documents d WHERE {LEFT_OVER}"))


async def queue_auto(*, conn: asyncpg.Connection) -> int:
    """Auto mode: queue left-over documents nobody asked the vision step about yet."""
    result = await conn.execute(
        "UPDATE documents d SET vision_status = 'queued', vision_run_id = NULL"
        " WHERE d.status = 'done' AND d.doc_type = 'sale_deed' AND d.needs_vision"
        " AND d.vision_status IS NULL"
    )
    return int(result.split()[-1])


async def pick_vision_documents(
    *, conn: asyncpg.Connection, run_id: int | None, limit: int
) -> list[asyncpg.Record]:
    """Queued vision work of the run (or of auto mode when run_id is None), oldest first."""
    return await conn.fetch(
        "SELECT document_id, batch_id, filename, object_name, vision_attempt FROM documents"
        " WHERE vision_status = 'queued' AND vision_run_id IS NOT DISTINCT FROM $1"
        " ORDER BY finished_at, seq LIMIT $2",
        run_id,
        limit,
    )


async def mark_vision_dispatched(
    *, conn: asyncpg.Connection, document_id: str, attempt: int
) -> None:
    """Record that the document's vision job was published."""
    await conn.execute(
        "UPDATE documents SET vision_status = 'dispatched', vision_attempt = $2"
        " WHERE document_id = $1 AND vision_status = 'queued'",
        document_id,
        attempt,
    )


async def finish_vision_run_if_done(*, conn: asyncpg.Connection, run_id: int) -> bool:
    """Complete the vision run when nothing of it is queued or in flight."""
    pending = await conn.fetchval(
        "SELECT count(*) FROM documents WHERE vision_run_id = $1"
        " AND vision_status IN ('queued', 'dispatched')",
        run_id,
    )
    if pending:
        return False
    await conn.execute(
        "UPDATE vision_runs SET state = 'completed', finished_at = now()"
        " WHERE run_id = $1 AND state = 'running'",
        run_id,
    )
    return True


async def vision_counts(*, conn: asyncpg.Connection, run_id: int) -> asyncpg.Record:
    """total / successful / failed of one vision run, and a file in flight."""
    return await conn.fetchrow(
        "SELECT count(*) AS total,"
        " count(*) FILTER (WHERE vision_status = 'done') AS successful,"
        " count(*) FILTER (WHERE vision_status = 'failed') AS failed,"
        " (SELECT filename FROM documents WHERE vision_run_id = $1"
        "   AND vision_status = 'dispatched' ORDER BY updated_at DESC LIMIT 1) AS current_file"
        " FROM documents WHERE vision_run_id = $1",
        run_id,
    )


async def latest_vision_run(*, conn: asyncpg.Connection) -> asyncpg.Record | None:
    """The newest vision run, running or not."""
    return await conn.fetchrow("SELECT * FROM vision_runs ORDER BY run_id DESC LIMIT 1")
