"""Fake Gemini and OpenAI servers, fast-retrying LLM settings, a private NATS and worker."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from llm_fakes import Answer, FakeLlm, serve
from nats.js import JetStreamContext

from docmill_runtime.testing import WorkerProcess


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
def js(private_js: JetStreamContext) -> JetStreamContext:
    return private_js


@pytest.fixture
def start_extractor(start_worker: Callable[..., WorkerProcess]) -> Callable[..., WorkerProcess]:
    """Start the extractor worker as a process (stopped at the end of the test)."""
    return lambda **env: start_worker("docmill_extractor", **env)
