"""Turning one stored PDF into page text, with the work spread over the pool."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from docmill_contracts.messages import OcrJob, PageText
from docmill_contracts.pipeline import PipelineConfig
from docmill_ocr.errors import BadDocumentError, PageError
from docmill_ocr.pages import ocr_page, read_text_layers
from docmill_ocr.pdf import check_header, inspect_pdf
from docmill_ocr.settings import Limits
from docmill_runtime.procpool import TaskCrashedError, TaskPool, TaskTimeoutError

T = TypeVar("T")
ProgressHook = Callable[[int, int], Awaitable[None]]

# Text layers are cheap (~1,300 pages/s): read them in chunks to save round trips.
TEXT_CHUNK_PAGES = 16
# The pool's hard limit sits above Tesseract's own, so Tesseract can be stopped cleanly first.
POOL_SLACK_S = 5.0


@dataclass(frozen=True, kw_only=True)
class ReadOptions:
    """How to read one document: the job's overrides over KV `pipeline`."""

    use_embedded: bool | None  # None = per page: text layer if usable, else Tesseract
    dpi: int
    lang: str
    page_workers: int

    @classmethod
    def for_job(cls, job: OcrJob, pipeline: PipelineConfig) -> ReadOptions:
        """Job options win; None falls back to the live pipeline config."""
        opts = job.options
        use_embedded = (
            opts.use_embedded_ocr
            if opts.use_embedded_ocr is not None
            else pipeline.use_embedded_ocr
        )
        return cls(
            use_embedded=use_embedded,
            dpi=opts.dpi or pipeline.poppler_dpi or 300,
            lang=opts.tesseract_lang or pipeline.tesseract_lang or "eng+kan",
            page_workers=page_workers(pipeline),
        )


def page_workers(pipeline: PipelineConfig) -> int:
    """Pages of one document read at once."""
    return max(1, pipeline.ocr_page_workers) if pipeline.enable_ocr_multiprocessing else 1


def pool_size(pipeline: PipelineConfig) -> int:
    """Processes in the OCR pool: page workers for each document handled at once."""
    if not pipeline.enable_ocr_multiprocessing:
        return 1  # still a separate process: rendering never runs on the event loop
    return page_workers(pipeline) * max(1, pipeline.ocr_workers)


def check_file(path: Path, *, size: int) -> None:
    """Refuse empty and non-PDF files from their first bytes."""
    with path.open("rb") as fh:
        check_header(fh.read(1024), size=size)


async def read_document(
    *,
    pool: TaskPool,
    path: Path,
    options: ReadOptions,
    limits: Limits,
    max_pages: int,
    on_progress: ProgressHook,
) -> list[PageText]:
    """Every page's text, in page order; PermanentError for hostile or unreadable files."""
    timeout = limits.page_timeout_s + POOL_SLACK_S
    count = await _in_pool(
        pool.run(inspect_pdf, str(path), max_pages=max_pages, time_limit=timeout),
        what="opening the PDF",
        limit=limits.page_timeout_s,
        document_level=True,
    )
    await on_progress(0, count)
    pages: dict[int, PageText] = {}
    to_ocr: list[int] = []
    if options.use_embedded is False:
        to_ocr = list(range(count))
    else:
        for first in range(0, count, TEXT_CHUNK_PAGES):
            last = min(count, first + TEXT_CHUNK_PAGES)
            layers = await _in_pool(
                pool.run(read_text_layers, str(path), first, last, time_limit=timeout),
                what=f"reading pages {first + 1}-{last}",
                limit=limits.page_timeout_s,
            )
            for index, (text, usable) in enumerate(layers, start=first):
                if usable or options.use_embedded is True:
                    pages[index] = PageText(page=index + 1, text=text, source="text_layer")
                else:
                    to_ocr.append(index)
            await on_progress(len(pages), count)
    if to_ocr:
        await _ocr_pages(
            pool=pool,
            path=path,
            indexes=to_ocr,
            pages=pages,
            options=options,
            limits=limits,
            on_progress=lambda done: on_progress(done, count),
        )
    return [pages[i] for i in range(count)]


async def _ocr_pages(
    *,
    pool: TaskPool,
    path: Path,
    indexes: list[int],
    pages: dict[int, PageText],
    options: ReadOptions,
    limits: Limits,
    on_progress: Callable[[int], Awaitable[None]],
) -> None:
    """OCR `indexes` with up to `page_workers` pages in flight; first failure wins."""
    gate = asyncio.Semaphore(options.page_workers)
    timeout = limits.page_timeout_s + POOL_SLACK_S

    async def one(index: int) -> None:
        async with gate:
            text = await _in_pool(
                pool.run(
                    ocr_page,
                    str(path),
                    index,
                    dpi=options.dpi,
                    lang=options.lang,
                    limits=limits,
                    time_limit=timeout,
                ),
                what=f"page {index + 1}",
                limit=limits.page_timeout_s,
            )
        pages[index] = PageText(page=index + 1, text=text, source="tesseract")
        await on_progress(len(pages))

    tasks = [asyncio.create_task(one(i), name=f"ocr-page-{i + 1}") for i in indexes]
    try:
        await asyncio.gather(*tasks)
    finally:
        # A failed page ends the document: stop queueing its other pages.
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


async def _in_pool(
    call: Coroutine[Any, Any, T], *, what: str, limit: float, document_level: bool = False
) -> T:
    """Await a pool task, turning a stuck or crashed worker into a document failure."""
    error = BadDocumentError if document_level else PageError
    try:
        return await call
    except TaskTimeoutError:
        raise error(f"{what} took longer than {limit:g} s") from None
    except TaskCrashedError:
        raise error(f"{what} crashed the PDF reader") from None
