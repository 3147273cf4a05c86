"""The scaffold of a worker process: signals, resources, loops, drain."""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, AsyncExitStack
from dataclasses import dataclass, field

import structlog
from nats.aio.client import Client
from nats.aio.msg import Msg
from nats.js import JetStreamContext

from docmill_contracts import subjects as s
from docmill_contracts.messages import DocumentFailed, job_ref_decoder
from docmill_contracts.pipeline import PipelineConfig
from docmill_runtime import metrics, natsio
from docmill_runtime.consumer import Handler, PullWorker
from docmill_runtime.health import serve_health
from docmill_runtime.logging import configure_logging
from docmill_runtime.pipeline import read_pipeline, watch_pipeline
from docmill_runtime.settings import WorkerSettings
from docmill_runtime.slots import Slots

log = structlog.get_logger(__name__)


@dataclass(kw_only=True)
class Runtime:
    """What a service's handlers get: connections, live config, the stop signal."""

    settings: WorkerSettings
    nc: Client
    js: JetStreamContext
    stop: asyncio.Event
    pipeline: PipelineConfig = field(default_factory=PipelineConfig)


@dataclass(frozen=True, kw_only=True)
class WorkerSpec:
    stage: str  # "ocr" | "extract" | "vision" | "export"
    stream: str
    durable: str
    # Builds the handler and owns its resources (process pools, clients).
    handler_factory: Callable[[Runtime], AbstractAsyncContextManager[Handler]]
    report_failures: bool = True  # publish DocumentFailed for document jobs
    # Messages held beyond the stage's concurrency: their handlers prepare (download,
    # open) while the others run, so a process pool behind them never waits for work.
    prefetch: int = 0


def install_signal_handlers(stop: asyncio.Event) -> None:
    """SIGTERM and SIGINT set `stop`: the loops finish their work and return."""
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)


async def report_document_failure(js: JetStreamContext, msg: Msg, reason: str, permanent: bool,
                                  *, stage: str) -> None:
    """Publish a DocumentFailed result for the job in `msg`."""
    ref = job_ref_decoder.decode(msg.data)
    failed = DocumentFailed(
        document_id=ref.document_id,
        batch_id=ref.batch_id,
        stage=stage,  # type: ignore[arg-type]
        reason=reason,
        permanent=permanent,
    )
    await natsio.publish(
        js,
        s.batch_subject(s.RESULTS, ref.batch_id),
        failed,
        request_id=(msg.headers or {}).get(s.HEADER_REQUEST_ID),
        # The job's attempt keeps a rerun's failure from being dropped as a duplicate.
        msg_id=s.msg_id(ref.document_id, f"{stage}-failed-{ref.attempt}", _delivered(msg)),
    )


def _delivered(msg: Msg) -> int:
    try:
        return msg.metadata.num_delivered
    except Exception:  # noqa: BLE001
        return 1


@contextlib.asynccontextmanager
async def open_runtime(settings: WorkerSettings, stop: asyncio.Event) -> AsyncIterator[Runtime]:
    """Connect to NATS, make sure the topology exists, drain on exit."""
    nc = await natsio.connect(settings.nats_url, name=f"docmill-{settings.service}")
    js = nc.jetstream()
    try:
        await natsio.ensure_topology(js)
        runtime = Runtime(settings=settings, nc=nc, js=js, stop=stop)
        runtime.pipeline = await read_pipeline(js)
        yield runtime
    finally:
        with contextlib.suppress(Exception):
            await asyncio.wait_for(nc.drain(), timeout=10)
        if not nc.is_closed:
            await nc.close()


async def run_worker(spec: WorkerSpec, settings: WorkerSettings) -> None:
    """Run one worker service until SIGTERM/SIGINT, then drain gracefully."""
    configure_logging(service=settings.service, fmt=settings.log_format, level=settings.log_level)
    stop = asyncio.Event()
    install_signal_handlers(stop)
    async with AsyncExitStack() as stack:
        runtime = await stack.enter_async_context(open_runtime(settings, stop))
        slots = Slots(runtime.pipeline.concurrency(spec.stage) + spec.prefetch)
        metrics.CONCURRENCY.labels(spec.stage).set(slots.limit)
        handler = await stack.enter_async_context(spec.handler_factory(runtime))

        async def on_failure(msg: Msg, reason: str, permanent: bool) -> None:
            await report_document_failure(runtime.js, msg, reason, permanent, stage=spec.stage)

        worker = PullWorker(
            js=runtime.js,
            stream=spec.stream,
            durable=spec.durable,
            stage=spec.stage,
            handler=handler,
            slots=slots,
            on_failure=on_failure if spec.report_failures else None,
            fetch_timeout_s=settings.fetch_timeout_s,
            grace_period_s=settings.grace_period_s,
            max_hold_s=settings.max_hold_s,
        )

        async def on_pipeline(config: PipelineConfig) -> None:
            runtime.pipeline = config
            limit = config.concurrency(spec.stage) + spec.prefetch
            if limit != slots.limit:
                log.info("concurrency_resized", stage=spec.stage, old=slots.limit, new=limit)
                await slots.resize(limit)
                metrics.CONCURRENCY.labels(spec.stage).set(limit)

        def check() -> dict[str, object]:
            connected = runtime.nc.is_connected
            return {
                "ok": connected and worker.ready.is_set(),
                "service": settings.service,
                "nats_connected": connected,
                "in_flight": slots.active,
                "concurrency": slots.limit,
            }

        server = await serve_health(
            host=settings.health_host, port=settings.health_port, check=check
        )
        stack.push_async_callback(_close_server, server)
        log.info("worker_started", stage=spec.stage, concurrency=slots.limit)
        async with asyncio.TaskGroup() as tg:
            tg.create_task(watch_pipeline(runtime.js, stop=stop, on_change=on_pipeline))
            tg.create_task(worker.run(stop))
        log.info("worker_stopped", stage=spec.stage)


async def _close_server(server: asyncio.Server) -> None:
    server.close()
    with contextlib.suppress(Exception):
        await server.wait_closed()

