"""Wiring of the OCR worker: settings, the process pool, the WorkerSpec."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytesseract
import structlog
from nats.aio.msg import Msg

from docmill_contracts import subjects as s
from docmill_ocr.engine import engine_name
from docmill_ocr.handlers import OcrContext, handle_ocr_job
from docmill_ocr.pdf import init_process
from docmill_ocr.reader import pool_size
from docmill_ocr.settings import OcrSettings
from docmill_runtime.consumer import Handler
from docmill_runtime.procpool import TaskPool
from docmill_runtime.service import Runtime, WorkerSpec, run_worker

log = structlog.get_logger(__name__)


async def check_tesseract(pool: TaskPool) -> bool:
    """Say loudly at start-up when Tesseract is missing, instead of on the first scan."""
    engine = await pool.run(engine_name, time_limit=60)
    if engine is None:
        log.error(
            "tesseract_missing",
            command=pytesseract.pytesseract.tesseract_cmd,
            hint="install tesseract-ocr; scanned pages cannot be read until then",
        )
        return False
    log.info("tesseract_engine", engine=engine)
    return True


def build_spec(settings: OcrSettings) -> WorkerSpec:
    """The OCR worker: durable `ocr` on stream OCR."""

    @asynccontextmanager
    async def handler_factory(runtime: Runtime) -> AsyncIterator[Handler]:
        pool = TaskPool(
            size=pool_size(runtime.pipeline),
            initializer=init_process,
            initargs=(settings.tesseract_lib,),
            preload=("docmill_ocr.pages",),
            name="ocr",
        )
        async with pool:
            await check_tesseract(pool)
            ctx = OcrContext(runtime=runtime, settings=settings, pool=pool)

            async def handler(msg: Msg) -> None:
                await handle_ocr_job(msg, ctx=ctx)

            yield handler

    return WorkerSpec(
        stage="ocr",
        stream=s.STREAM_OCR,
        durable=s.CONSUMER_OCR,
        handler_factory=handler_factory,
        prefetch=settings.prefetch,
    )


async def main() -> None:
    """Run the OCR worker until SIGTERM/SIGINT."""
    settings = OcrSettings.from_env()
    await run_worker(build_spec(settings), settings.worker)
