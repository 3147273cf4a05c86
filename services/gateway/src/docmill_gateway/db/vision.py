"""SQL for the vision step: left-over documents, vision runs, their jobs."""

from __future__ import annotations

import asyncpg

# Sale deeds the vision step owes a look: no registration fee in the text, or a doubtful
# one (read only from OCR'd page text, or far from the usual share of the property's
# value), which the vision step confirms or corrects from the page image.
AWAITING_VISION = "d.status = 'done' AND d.doc_type = 'sale_deed' AND d.needs_vision"
# Of those, the ones still without any registration fee (seed 000's left_over_reg_fee).
LEFT_OVER = (
    f"{AWAITING_VISION} AND NOT EXISTS (SELECT 1 FROM property_details p"
    " WHERE p.document_id = d.document_id AND p.registration_fee IS NOT NULL)"
)


async def running_vision_run(*, conn: asyncpg.Connection) -> asyncpg.Record | None:
    """The vision run in progress, if any."""
    return await conn.fetchrow(
        "SELECT * FROM vision_runs WHERE state = 'running' ORDER BY run_id DESC LIMIT 1"
    )


async def start_vision_run(*, conn: asyncpg.Connection) -> tuple[int, int]:
    """Queue every document awaiting vision under a new run; (run_id, queued); -1 if busy."""
    async with conn.transaction():
        await conn.execute("LOCK TABLE vision_runs IN SHARE ROW EXCLUSIVE MODE")
        if await running_vision_run(conn=conn) is not None:
            return 0, -1
        run_id = await conn.fetchval("INSERT INTO vision_runs DEFAULT VALUES RETURNING run_id")
        queued = await conn.fetchval(
            "WITH q AS (UPDATE documents d SET vision_status = 'queued', vision_run_id = $1"
            f" WHERE {AWAITING_VISION} AND d.vision_status IS DISTINCT FROM 'dispatched'"
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
    """Auto mode: queue documents awaiting vision that nobody asked the vision step about."""
    result = await conn.execute(
        "UPDATE documents d SET vision_status = 'queued', vision_run_id = NULL"
        f" WHERE {AWAITING_VISION} AND d.vision_status IS NULL"
    )
    return int(result.split()[-1])


async def pick_vision_documents(
    *, conn: asyncpg.Connection, run_id: int | None, limit: int
) -> list[asyncpg.Record]:
    """Queued vision work of the run (or of auto mode when run_id is None), oldest first."""
    return await conn.fetch(
        "SELECT d.document_id, d.batch_id, d.filename, d.object_name, d.vision_attempt,"
        " p.registration_fee AS text_fee,"
        " nullif(greatest(p.sale_consideration, p.guidance_value), 0) AS property_value"
        " FROM documents d"
        " LEFT JOIN property_details p ON p.document_id = d.document_id"
        " WHERE d.vision_status = 'queued' AND d.vision_run_id IS NOT DISTINCT FROM $1"
        " ORDER BY d.finished_at, d.seq LIMIT $2",
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
