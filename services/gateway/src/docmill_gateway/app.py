"""Build the FastAPI app; the lifespan owns the pool, NATS and background loops."""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import AsyncIterator

import asyncpg
import structlog
from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from docmill_contracts import subjects as s
from docmill_gateway import consumers
from docmill_gateway.api import (
    documents,
    export,
    failed,
    process,
    system,
    tickets,
    uploads,
    users,
    vision,
)
from docmill_gateway.db.migrate import apply_migrations
from docmill_gateway.dispatcher import Dispatcher
from docmill_gateway.settings import GatewaySettings
from docmill_gateway.state import AppState
from docmill_runtime import natsio
from docmill_runtime.consumer import PullWorker
from docmill_runtime.logging import configure_logging
from docmill_runtime.pipeline import read_pipeline, write_pipeline
from docmill_runtime.slots import Slots

log = structlog.get_logger(__name__)


async def _init_connection(conn: asyncpg.Connection) -> None:
    await conn.set_type_codec("jsonb", encoder=str, decoder=str, schema="pg_catalog")


@contextlib.asynccontextmanager
async def open_state(settings: GatewaySettings) -> AsyncIterator[AppState]:
    """Connect PostgreSQL and NATS, migrate, create the topology, run the loops."""
    pool = await _connect_pool(settings.database_url)
    async with contextlib.AsyncExitStack() as stack:
        stack.push_async_callback(pool.close)
        async with pool.acquire() as conn:
            await apply_migrations(conn)
        nc = await natsio.connect(settings.nats_url, name="docmill-gateway")
        stack.push_async_callback(_drain, nc)
        js = nc.jetstream()
        await natsio.ensure_topology(js)
        config = await read_pipeline(js)
        await natsio.set_stage2_queue_size(js, config.stage2_queue_size)
        kv = await js.key_value(s.KV_PIPELINE)
        try:
            await kv.get(s.PIPELINE_KEY)
        except Exception:  # noqa: BLE001 - first start: write the defaults
            await write_pipeline(js, config)
        dispatcher = Dispatcher(pool=pool, js=js, settings=settings)
        state = AppState(settings=settings, pool=pool, nc=nc, js=js, dispatcher=dispatcher)
        stop = asyncio.Event()
        results = PullWorker(
            js=js,
            stream=s.STREAM_RESULTS,
            durable=s.CONSUMER_RESULTS,
            stage="results",
            handler=consumers.make_result_handler(pool),
            slots=Slots(8),
        )
        async with asyncio.TaskGroup() as tg:
            tg.create_task(dispatcher.run(stop))
            tg.create_task(results.run(stop))
            tg.create_task(consumers.follow_events(js, pool, stop))
            tg.create_task(consumers.follow_max_deliveries(nc, pool, stop))
            try:
                yield state
            finally:
                stop.set()


async def _connect_pool(dsn: str) -> asyncpg.Pool:
    last: Exception | None = None
    for _ in range(60):
        try:
            return await asyncpg.create_pool(dsn, min_size=2, max_size=20, init=_init_connection)
        except (OSError, asyncpg.PostgresError) as err:
            last = err
            await asyncio.sleep(0.5)
    raise ConnectionError(f"cannot reach PostgreSQL at {dsn}: {last}")


async def _drain(nc) -> None:  # noqa: ANN001
    with contextlib.suppress(Exception):
        await asyncio.wait_for(nc.drain(), timeout=10)


def create_app(settings: GatewaySettings | None = None) -> FastAPI:
    """The gateway's FastAPI application."""
    settings = settings or GatewaySettings.from_env()

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with open_state(settings) as state:
            app.state.docmill = state
            log.info("gateway_ready", host=settings.host, port=settings.port)
            yield

    app = FastAPI(
        title="docmill",
        version="0.1.0",
        description="Document extraction pipeline: sale deeds, invoices, text, images.",
        lifespan=lifespan,
    )
    # failed before process: both serve /api/process and must not shadow each other.
    for router in (uploads.router, failed.router, process.router, documents.router,
                   export.router, system.router, users.router, tickets.router,
                   vision.router):
        app.include_router(router)

    @app.middleware("http")
    async def request_id(request: Request, call_next):  # noqa: ANN001, ANN202
        rid = request.headers.get("X-Request-ID") or uuid.uuid4().hex
        request.state.request_id = rid
        with structlog.contextvars.bound_contextvars(request_id=rid):
            response: Response = await call_next(request)
        response.headers["X-Request-ID"] = rid
        return response

    @app.get("/healthz", include_in_schema=False)
    async def healthz(request: Request) -> JSONResponse:
        state: AppState = request.app.state.docmill
        ok = state.nc.is_connected
        try:
            async with state.pool.acquire(timeout=2) as conn:
                await conn.fetchval("SELECT 1")
        except Exception:  # noqa: BLE001
            ok = False
        body = {"ok": ok, "service": "gateway", "dispatcher_leader": state.dispatcher.is_leader}
        return JSONResponse(body, status_code=200 if ok else 503)

    @app.get("/metrics", include_in_schema=False)
    async def metrics() -> Response:
        return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)

    return app


def configure(settings: GatewaySettings) -> None:
    """Process-wide logging for the gateway."""
    configure_logging(service="gateway", fmt=settings.log_format, level=settings.log_level)
