"""Fake Gemini and OpenAI servers, fast-retrying LLM settings, a private NATS and worker."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import nats
import pytest
from llm_fakes import Answer, FakeLlm, serve
from nats.js import JetStreamContext

from docmill_devstack.nats import start_nats
from docmill_runtime.natsio import ensure_topology
from docmill_runtime.testing import WorkerProcess, start_worker_process


@pytest.fixture
def fake_llm() -> Iterator[Callable[..., FakeLlm]]:
    """Start fake servers for a test: fake_llm("gemini", answer=...)."""
    stops: list[Callable[[], None]] = []

    def start(kind: str, *, answer: Answer, **kw: object) -> FakeLlm:
        fake = FakeLlm(kind=kind, answer=answer, **kw)  # type: ignore[arg-type]
        stops.append(serve(fake))
        return fake

    yield start
    for stop in stops:
        stop()


@pytest.fixture
def private_nats(tmp_path: Path) -> Iterator[str]:
    """A nats-server of this test's own."""
    server = start_nats(tmp_path / "nats")
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture
async def js(private_nats: str) -> AsyncIterator[JetStreamContext]:
    nc = await nats.connect(private_nats)
    js = nc.jetstream()
    await ensure_topology(js)
    try:
        yield js
    finally:
        await nc.drain()


@pytest.fixture
def start_extractor(private_nats: str, tmp_path: Path) -> Iterator[Callable[..., WorkerProcess]]:
    """Start the extractor worker as a process (stopped at the end of the test)."""
    started: list[WorkerProcess] = []

    def start(**env: str) -> WorkerProcess:
        worker = start_worker_process(
            "docmill_extractor",
            nats_url=private_nats,
            log_path=tmp_path / f"extractor-{len(started)}.log",
            env=env,
        )
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.stop()
