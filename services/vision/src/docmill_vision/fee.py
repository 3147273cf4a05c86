"""Finding the registration fee on page images: choose pages, read them, decide.

How a page is read (Tesseract in the pool, or Gemini on the crops) is the reader's
business; see readers.py.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

import structlog

from docmill_contracts.messages import FeeFound, VisionJob
from docmill_runtime.procpool import TaskPool
from docmill_vision.clues import FeeClues
from docmill_vision.pages import PageReading, choose_pages
from docmill_vision.readers import FeeReader, TesseractReader
from docmill_vision.settings import VisionSettings

log = structlog.get_logger(__name__)

OnPage = Callable[[int, int], Awaitable[None]]


async def find_fee(
    job: VisionJob,
    *,
    path: Path,
    pool: TaskPool,
    settings: VisionSettings,
    reader: FeeReader | None = None,
    on_page: OnPage | None = None,
) -> tuple[FeeFound, list[PageReading]]:
    """The fee for `job`'s document (or None with the reason), and what each page showed."""
    reader = reader or TesseractReader(pool=pool, settings=settings)
    clues = FeeClues(text_fee=job.text_fee, property_value=job.property_value)
    pages, _count = await pool.run(
        choose_pages,
        str(path),
        candidates=list(job.candidate_pages),
        max_pages=settings.max_pages,
        time_limit=settings.page_timeout_s,
    )
    readings: list[PageReading] = []
    done = 0

    async def read(number: int) -> PageReading:
        nonlocal done
        reading = await reader.read_page(str(path), number, clues=clues)
        done += 1
        if on_page is not None:
            await on_page(done, len(pages))
        return reading

    # Pages go in priority order, a pool's worth at a time, and stop at the first fee.
    for start in range(0, len(pages), max(1, pool.size)):
        batch = pages[start : start + max(1, pool.size)]
        readings.extend(await asyncio.gather(*(read(n) for n in batch)))
        best = next((r for r in readings if r.fee is not None), None)
        if best is not None:
            table = best.fee
            assert table is not None
            return (
                FeeFound(
                    document_id=job.document_id,
                    batch_id=job.batch_id,
                    registration_fee=table.fee,
                    page=best.page,
                    box=[round(v, 1) for v in table.box],
                ),
                readings,
            )
    return (
        FeeFound(
            document_id=job.document_id,
            batch_id=job.batch_id,
            registration_fee=None,
            reason=_reason(pages, readings),
        ),
        readings,
    )


def _reason(pages: list[int], readings: list[PageReading]) -> str:
    looked = ", ".join(str(p) for p in pages) or "none"
    with_tables = [r.page for r in readings if r.tables]
    if not with_tables:
        return f"no fee table found on pages {looked}"
    where = ", ".join(str(p) for p in with_tables)
    return f"fee table found on page {where} but no registration fee row could be read"
