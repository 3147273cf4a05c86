"""Switching KV `pipeline.llm_backend` to `openai` changes who extracts the next document, live."""

from __future__ import annotations

import asyncio

import httpx
import msgspec
import nats
import pytest
from e2e.flow import upload, wait_until_idle
from e2e.stack import running_stack

from docmill_contracts.pipeline import PipelineConfig
from docmill_contracts.saledeed import SaleDeed
from docmill_runtime.pipeline import read_pipeline, write_pipeline
from docmill_synth import generate_deed

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

# The vision step is not needed to tell the backends apart.
SERVICES = ["gateway", "ocr", "extractor"]
FAKE_OFFICE = "Sub-Registrar Office, Answered By The Fake Server"


def answer(body: dict) -> str:
    return msgspec.json.encode(SaleDeed(registration_office=FAKE_OFFICE)).decode()


async def _set_backend(nats_url: str, name: str) -> None:
    nc = await nats.connect(nats_url)
    try:
        js = nc.jetstream()
        config: PipelineConfig = await read_pipeline(js)
        await write_pipeline(js, msgspec.structs.replace(config, llm_backend=name))
    finally:
        await nc.drain()


def _process(client: httpx.Client, deed) -> dict:
    body = upload(client, [(f"{deed.filename}.pdf", deed.pdf)])
    assert client.post("/api/process/start", json={}).status_code == 200
    wait_until_idle(client, timeout=120)
    docs = client.get("/api/documents", params={"status": "all"}).json()
    found = [d for d in docs if d["filename"] == f"{deed.filename}.pdf"]
    assert len(found) == 1, (body, docs)
    return found[0]


def test_switching_to_openai_changes_the_backend_of_the_next_document(pg_server, fake_llm):
    fake = fake_llm("openai", answer=answer)
    env = {
        "DOCMILL_OPENAI_BASE_URL": f"{fake.url}/v1",
        "OPENAI_API_KEY": "switch-test-key",
        "DOCMILL_LLM_RETRY_MIN_S": "0.01",
        "DOCMILL_LLM_RETRY_MAX_S": "0.05",
    }
    with (
        running_stack(pg_server, services=SERVICES, extra_env=env) as stack,
        httpx.Client(base_url=stack.base_url, timeout=60) as client,
    ):
        first = _process(client, generate_deed(61_001))
        assert first["status"] == "done" and first["backend"] == "rules"
        assert first["registration_office"] != FAKE_OFFICE
        assert fake.requests == []

        asyncio.run(_set_backend(stack.nats.url, "openai"))
        assert client.get("/api/system/config").json()["llm_backend"] == "openai"

        second = _process(client, generate_deed(61_002))
        assert second["status"] == "done", second
        assert second["backend"] == "openai"
        assert second["registration_office"] == FAKE_OFFICE
        assert len(fake.requests) == 1
        assert "extractor" in stack.processes  # same processes, nothing restarted
        assert stack.processes["extractor"].poll() is None
