"""Page scheduling of one document over the pool, in process with a real pool."""

from __future__ import annotations

import asyncio
import os
import time
from pathlib import Path

from docmill_ocr.pdf import init_process
from docmill_ocr.reader import ReadOptions, read_document
from docmill_ocr.settings import Limits
from docmill_runtime.procpool import TaskPool

from .support import scanned_pdf

TEXTS = ["FIRST PAGE OF THE SALE DEED", "SECOND PAGE OF THE SALE DEED", "THIRD PAGE OF THE DEED"]


def _options(page_workers: int) -> ReadOptions:
    return ReadOptions(
        use_embedded=None,
        dpi=200,
        lang="eng",
        auto_language=False,
        preprocess=False,
        output_format="raw",
        psm=6,
        page_workers=page_workers,
    )


async def _read(pool: TaskPool, path: Path, *, page_workers: int) -> tuple[list, int]:
    """The pages read, and the most page tasks that ran at once."""
    running = most = 0
    run = pool.run

    async def counting_run(fn, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        nonlocal running, most
        if fn.__name__ != "ocr_page":
            return await run(fn, *args, **kwargs)
        running += 1
        most = max(most, running)
        try:
            return await run(fn, *args, **kwargs)
        finally:
            running -= 1

    pool.run = counting_run  # type: ignore[method-assign]
    try:

        async def no_progress(done: int, total: int) -> None:
            return None

        pages = await read_document(
            pool=pool,
            path=path,
            options=_options(page_workers),
            limits=Limits(),
            max_pages=10,
            on_progress=no_progress,
        )
    finally:
        del pool.run
    return pages, most


async def test_idle_workers_read_more_pages_of_a_document_than_its_share(tmp_path):
    path = tmp_path / "deed.pdf"
    path.write_bytes(scanned_pdf(TEXTS))
    async with TaskPool(size=2, initializer=init_process, name="test") as pool:
        pages, most = await _read(pool, path, page_workers=1)
    assert most == 2  # nothing else wanted the second worker
    assert [p.page for p in pages] == [1, 2, 3]
    for page, text in zip(pages, TEXTS, strict=True):
        assert page.source == "tesseract"
        assert text.split()[0] in page.text


def _wait_for_file(path: str) -> None:
    while not os.path.exists(path):
        time.sleep(0.01)


async def test_a_busy_pool_keeps_a_document_to_its_share(tmp_path):
    path = tmp_path / "deed.pdf"
    path.write_bytes(scanned_pdf(TEXTS))
    flag = tmp_path / "go"
    async with TaskPool(size=2, initializer=init_process, name="test") as pool:
        other = asyncio.create_task(pool.run(_wait_for_file, str(flag), time_limit=300))
        await asyncio.sleep(0)
        assert pool.idle == 1
        pages, most = await _read(pool, path, page_workers=1)
        flag.touch()
        await other
    assert most == 1  # the other worker was never idle
    assert [p.page for p in pages] == [1, 2, 3]
