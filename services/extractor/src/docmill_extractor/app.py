"""Wiring of the extractor worker: settings, backends, the WorkerSpec."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from nats.aio.msg import Msg

import docmill_extractor.backends.gemini  # noqa: F401 - registers the `gemini` backend
import docmill_extractor.backends.openai_compat  # noqa: F401 - registers the `openai` backend
import docmill_extractor.backends.rules  # noqa: F401 - registers the `rules` backend
from docmill_contracts import subjects as s
from docmill_extractor.backends import Backends
from docmill_extractor.caching import StatusBoard
from docmill_extractor.handlers import ExtractorContext, handle_extract_job
from docmill_extractor.settings import ExtractorSettings
from docmill_runtime.consumer import Handler
from docmill_runtime.service import Runtime, WorkerSpec, run_worker


def build_spec(settings: ExtractorSettings) -> WorkerSpec:
    """The extractor worker: durable `extractor` on stream EXTRACT."""

    @asynccontextmanager
    async def handler_factory(runtime: Runtime) -> AsyncIterator[Handler]:
        backends = Backends(settings)
        try:
            ctx = ExtractorContext(
                runtime=runtime, settings=settings, backends=backends, board=StatusBoard()
            )

            async def handler(msg: Msg) -> None:
                await handle_extract_job(msg, ctx=ctx)

            yield handler
        finally:
            await backends.aclose()

    return WorkerSpec(
        stage="extract",
        stream=s.STREAM_EXTRACT,
        durable=s.CONSUMER_EXTRACT,
        handler_factory=handler_factory,
    )


async def main() -> None:
    """Run the extractor worker until SIGTERM/SIGINT."""
    settings = ExtractorSettings.from_env()
    await run_worker(build_spec(settings), settings.worker)
