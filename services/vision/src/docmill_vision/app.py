"""Wiring of the vision worker: settings and the WorkerSpec."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from nats.aio.msg import Msg

from docmill_contracts import subjects as s
from docmill_runtime.consumer import Handler
from docmill_runtime.service import Runtime, WorkerSpec, run_worker
from docmill_vision.handlers import handle_vision_job
from docmill_vision.settings import VisionSettings


def build_spec(settings: VisionSettings) -> WorkerSpec:
    """The vision worker: durable `vision` on stream VISION."""

    @asynccontextmanager
    async def handler_factory(runtime: Runtime) -> AsyncIterator[Handler]:
        async def handler(msg: Msg) -> None:
            await handle_vision_job(msg, runtime=runtime)

        yield handler

    return WorkerSpec(
        stage="vision",
        stream=s.STREAM_VISION,
        durable=s.CONSUMER_VISION,
        handler_factory=handler_factory,
    )


async def main() -> None:
    """Run the vision worker until SIGTERM/SIGINT."""
    settings = VisionSettings.from_env()
    await run_worker(build_spec(settings), settings.worker)
