"""Shared fixtures: real nats-server and PostgreSQL (see docmill_devstack), worker processes."""

import os
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import nats
import pytest
from nats.js import JetStreamContext

from docmill_devstack.fixtures import (  # noqa: F401 - re-exported as pytest fixtures
    devstack_dir,
    fresh_database,
    nats_server,
    nats_url,
    pg_database,
    pg_dsn,
    pg_reader_dsn,
    pg_server,
)
from docmill_devstack.nats import start_nats
from docmill_devstack.ports import use_port_block
from docmill_runtime.natsio import ensure_topology
from docmill_runtime.testing import WorkerProcess, start_worker_process

# Each pytest-xdist worker ("gw0", "gw1", ...) picks ports from its own block, so stacks
# started side by side never pick the same port.
use_port_block(int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")))


@pytest.fixture
def private_nats(tmp_path: Path) -> Iterator[str]:
    """A nats-server of this test's own: the work streams are shared by every batch."""
    server = start_nats(tmp_path / "nats")
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture
async def private_js(private_nats: str) -> AsyncIterator[JetStreamContext]:
    """JetStream on the test's own nats-server, with docmill's streams and buckets."""
    nc = await nats.connect(private_nats)
    js = nc.jetstream()
    await ensure_topology(js)
    try:
        yield js
    finally:
        await nc.drain()


@pytest.fixture
def start_worker(private_nats: str, tmp_path: Path) -> Iterator[Callable[..., WorkerProcess]]:
    """Start a worker service as a process on the test's nats-server: start_worker(module)."""
    started: list[WorkerProcess] = []

    def start(module: str, **env: str) -> WorkerProcess:
        worker = start_worker_process(
            module,
            nats_url=private_nats,
            log_path=tmp_path / f"{module}-{len(started)}.log",
            env=env,
        )
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.stop()
