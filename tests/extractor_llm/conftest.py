"""Fake Gemini and OpenAI servers, and LLM settings that retry fast."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from llm_fakes import Answer, FakeLlm, serve

from docmill_extractor.settings import LlmSettings


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


def fast_settings(fake: FakeLlm, **kw: object) -> LlmSettings:
    """Settings pointing at `fake`, with millisecond backoff so tests stay quick."""
    base: dict[str, object] = dict(
        wait_min_s=0.01, wait_max_s=0.05, timeout_s=10.0, breaker_reset_s=60.0
    )
    if fake.kind == "gemini":
        base.update(gemini_api_key="test-gemini-key", gemini_base_url=fake.url)
    else:
        base.update(
            openai_api_key="test-openai-key",
            openai_base_url=f"{fake.url}/v1",
            openai_model="fake-model",
        )
    base.update(kw)
    return LlmSettings(**base)  # type: ignore[arg-type]
