"""Exporter fixtures: a seeded database, the real exporter consuming EXPORT, and a client."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import nats
import pytest
from exporter_data import Dataset, build_dataset, seed_database
from nats.aio.client import Client
from nats.js import JetStreamContext

from docmill_contracts import subjects as s
from docmill_contracts.messages import (
    ExportFilters,
    ExportReady,
    ExportRequest,
    export_ready_decoder,
)
from docmill_exporter.app import build_spec
from docmill_exporter.settings import ExporterSettings
from docmill_runtime import natsio
from docmill_runtime.consumer import PullWorker
from docmill_runtime.service import open_runtime
from docmill_runtime.settings import WorkerSettings
from docmill_runtime.slots import Slots


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    """The rows every exporter test module's database holds."""
    return build_dataset()


@pytest.fixture(scope="module")
async def seeded_db(pg_dsn: str, dataset: Dataset) -> str:
    """The module's database with the schema and the dataset; returns the owner DSN."""
    await seed_database(pg_dsn, dataset)
    return pg_dsn


@pytest.fixture(scope="module")
async def exporter(nats_url: str, seeded_db: str, pg_reader_dsn: str) -> AsyncIterator[None]:
    """The real exporter: its handler factory behind the runtime's pull loop on EXPORT."""
    settings = ExporterSettings(
        worker=WorkerSettings(
            service="exporter",
            nats_url=nats_url,
            health_host="127.0.0.1",
            health_port=0,
            log_format="console",
            log_level="warning",
            grace_period_s=5.0,
            fetch_timeout_s=0.2,
        ),
        database_url=pg_reader_dsn,
        chunk_rows=97,  # small and odd, so exports cross many cursor fetches
        sample_rows=50,
        timezone="UTC",
        tmp_dir=None,
        heartbeat_s=1.0,
        pool_size=2,
    )
    spec = build_spec(settings)
    stop = asyncio.Event()
    async with open_runtime(settings.worker, stop) as runtime:
        async with spec.handler_factory(runtime) as handler:
            worker = PullWorker(
                js=runtime.js,
                stream=spec.stream,
                durable=spec.durable,
                stage=spec.stage,
                handler=handler,
                slots=Slots(2),
                fetch_timeout_s=settings.worker.fetch_timeout_s,
                grace_period_s=settings.worker.grace_period_s,
            )
            task = asyncio.create_task(worker.run(stop))
            await asyncio.wait_for(worker.ready.wait(), timeout=10)
            yield
            stop.set()
            await asyncio.wait_for(task, timeout=15)


@pytest.fixture(scope="module")
async def client(nats_url: str) -> AsyncIterator[Client]:
    """A plain NATS client playing the gateway."""
    nc = await nats.connect(nats_url)
    yield nc
    await nc.drain()


ExportCall = Callable[..., Awaitable[tuple[ExportReady, Path | None]]]


@pytest.fixture
def run_export(exporter: None, client: Client, tmp_path: Path) -> ExportCall:
    """Publish an ExportRequest like the gateway, wait for the reply, fetch the file."""

    async def call(
        *,
        fmt: str = "xlsx",
        filters: ExportFilters | None = None,
        mask_ids: bool = False,
        filename: str | None = None,
    ) -> tuple[ExportReady, Path | None]:
        js: JetStreamContext = client.jetstream()
        export_id = uuid.uuid4().hex
        inbox = client.new_inbox()
        sub = await client.subscribe(inbox, max_msgs=1)
        request = ExportRequest(
            export_id=export_id,
            reply_to=inbox,
            format=fmt,  # type: ignore[arg-type]
            filename=filename or f"whole_data.{fmt}",
            filters=filters or ExportFilters(),
            mask_ids=mask_ids,
        )
        await natsio.publish(js, f"{s.EXPORT}.{export_id}", request)
        msg = await sub.next_msg(timeout=60)
        ready = export_ready_decoder.decode(msg.data)
        assert ready.export_id == export_id
        if ready.object_name is None:
            return ready, None
        store = await js.object_store(s.OBJ_EXPORTS)
        path = tmp_path / f"{export_id}.{fmt}"
        with path.open("wb") as out:
            await store.get(ready.object_name, writeinto=out)
        return ready, path

    return call
