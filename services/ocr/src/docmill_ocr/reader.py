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
from docmill_ocr.language import first_language, script_language, tesseract_lang
from docmill_ocr.pages import PagePlan, PageResult, inspect_image, ocr_page, read_text_layers
from docmill_ocr.pdf import check_header, inspect_pdf
from docmill_ocr.settings import Limits, OcrSettings
from docmill_runtime.procpool import TaskCrashedError, TaskPool, TaskTimeoutError

T = TypeVar("T")
ProgressHook = Callable[[int, int], Awaitable[None]]

# Text layers are cheap (~1,300 pages/s): read them in chunks to save round trips.
TEXT_CHUNK_PAGES = 16
# The pool's hard limit sits above Tesseract's own, so Tesseract can be stopped cleanly first.
POOL_SLACK_S = 5.0


@dataclass(frozen=True, kw_only=True)
class ReadOptions:
    """How to read one document: the job's overrides over KV `pipeline` and settings."""

    use_embedded: bool | None  # None = per page: text layer if usable, else Tesseract
    dpi: int
    lang: str  # every language pages may be in
    auto_language: bool  # try the likely language first, per page
    preprocess: bool  # high_accuracy: despeckle and deskew before Tesseract
    output_format: str
    psm: int
    page_workers: int

    @classmethod
    def for_job(cls, job: OcrJob, pipeline: PipelineConfig, settings: OcrSettings) -> ReadOptions:
        """Job options win; None falls back to the live pipeline config."""
        opts = job.options
        use_embedded = (
            opts.use_embedded_ocr
            if opts.use_embedded_ocr is not None
            else pipeline.use_embedded_ocr
        )
        dpi = opts.dpi or pipeline.poppler_dpi or 300
        if opts.mode == "fast":
            dpi = opts.dpi or min(dpi, settings.fast_dpi)
        elif opts.mode == "high_accuracy":
            dpi = max(dpi, 300)
        auto = opts.auto_language_detection is not False
        if opts.language_hint and not auto:
            lang = tesseract_lang(opts.language_hint)
        else:
            lang = opts.tesseract_lang or pipeline.tesseract_lang or "eng+kan"
        return cls(
            use_embedded=use_embedded,
            dpi=dpi,
            lang=lang,
            auto_language=auto,
            preprocess=opts.mode == "high_accuracy",
            output_format=opts.output_format or "raw",
            psm=settings.psm,
            page_workers=page_workers(pipeline),
        )

    def plan(self, *, limits: Limits, guess: str | None) -> PagePlan:
        """The per-page task settings, trying `guess` first when detection is on."""
        first = (guess or first_language(self.lang)) if self.auto_language else self.lang
        return PagePlan(
            dpi=self.dpi,
            lang=self.lang,
            guess=first,
            preprocess=self.preprocess,
            output_format=self.output_format,
            psm=self.psm,
            limits=limits,
        )


def page_workers(pipeline: PipelineConfig) -> int:
    """Pages of one document read at once."""
    return max(1, pipeline.ocr_page_workers) if pipeline.enable_ocr_multiprocessing else 1


def pool_size(pipeline: PipelineConfig) -> int:
    """Processes in the OCR pool: page workers for each document handled at once."""
    if not pipeline.enable_ocr_multiprocessing:
        return 1  # still a separate process: rendering never runs on the event loop
    return page_workers(pipeline) * max(1, pipeline.ocr_workers)


def check_file(path: Path, *, size: int) -> str:
    """The file's kind from its first bytes; refuses empty and unknown files."""
    with path.open("rb") as fh:
        return check_header(fh.read(1024), size=size)


async def read_document(
    *,
    pool: TaskPool,
    path: Path,
    kind: str = "pdf",
    options: ReadOptions,
    limits: Limits,
    max_pages: int,
    on_progress: ProgressHook,
) -> list[PageText]:
    """Every page's text, in page order; PermanentError for hostile or unreadable files."""
    timeout = limits.page_timeout_s + POOL_SLACK_S
    if kind == "pdf":
        opening = pool.run(inspect_pdf, str(path), max_pages=max_pages, time_limit=timeout)
    else:
        opening = pool.run(
            inspect_image, str(path), max_pages=max_pages, limits=limits, time_limit=timeout
        )
    count = await _in_pool(
        opening,
        what=f"opening the {kind.upper()}",
        limit=limits.page_timeout_s,
        document_level=True,
    )
    await on_progress(0, count)
    pages: dict[int, PageText] = {}
    to_ocr: list[int] = []
    if options.use_embedded is False or kind != "pdf":
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
                    language = script_language(text, allowed=options.lang) if usable else None
                    pages[index] = PageText(
                        page=index + 1, text=text, source="text_layer", language=language
                    )
                else:
                    to_ocr.append(index)
            await on_progress(len(pages), count)
    if to_ocr:
        await _ocr_pages(
            pool=pool,
            path=path,
            kind=kind,
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
    kind: str,
    indexes: list[int],
    pages: dict[int, PageText],
    options: ReadOptions,
    limits: Limits,
    on_progress: Callable[[int], Awaitable[None]],
) -> None:
    """OCR `indexes`, `page_workers` pages at once or more on idle workers; first failure wins."""
    timeout = limits.page_timeout_s + POOL_SLACK_S
    # The language of the page read last: the cheap first guess for the next one.
    guess: list[str | None] = [_layer_language(pages)]
    in_flight = 0

    def may_start() -> bool:
        # Our own share of the pool, or a worker that would otherwise sit idle (the last
        # document's pages, a document waiting for its neighbour to be fetched).
        return in_flight < options.page_workers or pool.idle > 0

    async def one(index: int) -> None:
        nonlocal in_flight
        await pool.wait_until(may_start)
        in_flight += 1
        try:
            result: PageResult = await _in_pool(
                pool.run(
                    ocr_page,
                    str(path),
                    index,
                    kind=kind,
                    plan=options.plan(limits=limits, guess=guess[0]),
                    time_limit=timeout,
                ),
                what=f"page {index + 1}",
                limit=limits.page_timeout_s,
            )
        finally:
            in_flight -= 1
        if "+" not in result.language:
            guess[0] = result.language
        pages[index] = PageText(
            page=index + 1, text=result.text, source="tesseract", language=result.language
        )
        await on_progress(len(pages))

    tasks = [asyncio.create_task(one(i), name=f"ocr-page-{i + 1}") for i in indexes]
    try:
        await asyncio.gather(*tasks)
    finally:
        # A failed page ends the document: stop queueing its other pages.
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


def _layer_language(pages: dict[int, PageText]) -> str | None:
    """The language of the document's text layers, when they have one of their own."""
    found = {p.language for p in pages.values() if p.language and "+" not in p.language}
    return found.pop() if len(found) == 1 else None


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
