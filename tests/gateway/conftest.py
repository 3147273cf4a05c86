"""The gateway alone as a process on a fresh NATS + DB: jobs it dispatches stay in the streams."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import nats
import pytest
from e2e.stack import RunningStack, running_stack


@pytest.fixture(scope="module")
def gateway(pg_server) -> Iterator[RunningStack]:  # noqa: ANN001
    """A running gateway with a 1 MB upload limit and a fast dispatcher."""
    env = {"DOCMILL_MAX_UPLOAD_MB": "1", "DOCMILL_DISPATCH_INTERVAL_S": "0.1",
           "DOCMILL_STATS_CACHE_S": "0", "DOCMILL_INFO_CACHE_S": "0"}
    with running_stack(pg_server, services=["gateway"], extra_env=env) as st:
        yield st


@pytest.fixture
async def api(gateway: RunningStack) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=gateway.base_url, timeout=30) as client:
        yield client


@pytest.fixture
async def js(gateway: RunningStack):  # noqa: ANN201
    nc = await nats.connect(gateway.nats.url)
    yield nc.jetstream()
    await nc.close()

