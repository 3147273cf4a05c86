"""Wiring: the read-only pool, the exports object store, the handler, the worker spec."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from docmill_contracts import subjects as s
from docmill_exporter.database import open_pool
from docmill_exporter.handlers import ExportDeps, make_export_handler
from docmill_exporter.settings import ExporterSettings
from docmill_runtime.consumer import Handler
from docmill_runtime.service import Runtime, WorkerSpec, run_worker


def build_spec(settings: ExporterSettings) -> WorkerSpec:
    """The exporter as a worker: EXPORT stream, durable `exporter`, replies instead of failures."""

    @contextlib.asynccontextmanager
    async def handler_factory(runtime: Runtime) -> AsyncIterator[Handler]:
        pool = await open_pool(
            settings.database_url,
            timezone=settings.timezone,
            max_size=settings.pool_size,
        )
        try:
            exports = await runtime.js.object_store(s.OBJ_EXPORTS)
            yield make_export_handler(
                ExportDeps(
                    pool=pool,
                    nc=runtime.nc,
                    exports=exports,
                    chunk_rows=settings.chunk_rows,
                    sample_rows=settings.sample_rows,
                    tmp_dir=settings.tmp_dir,
                    heartbeat_s=settings.heartbeat_s,
                )
            )
        finally:
            await pool.close()

    return WorkerSpec(
        stage="export",
        stream=s.STREAM_EXPORT,
        durable=s.CONSUMER_EXPORT,
        handler_factory=handler_factory,
        # Exports are not documents: failures go back to the gateway as ExportReady(error=...).
        report_failures=False,
    )


async def main() -> None:
    """Run the exporter until SIGTERM/SIGINT."""
    settings = ExporterSettings.from_env()
    await run_worker(build_spec(settings), settings.worker)
