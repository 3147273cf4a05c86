"""The extractor worker with the `openai` backend: cache hits, waiting on an open breaker."""

from __future__ import annotations

import asyncio

import msgspec
import pytest

from docmill_contracts import subjects as s
from docmill_contracts.llmstatus import LLM_STATUS_KEY, llm_status_decoder
from docmill_contracts.messages import (
    DocumentExtracted,
    ExtractJob,
    PageText,
    progress_decoder,
    result_decoder,
)
from docmill_contracts.saledeed import SaleDeed
from docmill_runtime.natsio import publish_bounded
from docmill_runtime.testing import fetch_one

pytestmark = pytest.mark.slow

DEED = SaleDeed(transaction_date="2021-03-12", registration_office="Sub-Registrar, Jayanagar")
TEXT = "SALE DEED\nexecuted on 12-03-2021 before the Sub-Registrar, Jayanagar\n"


def deed_answer(body: dict) -> str:
    return msgspec.json.encode(DEED).decode()


def _env(fake, **extra: str) -> dict[str, str]:
    return {
        "DOCMILL_OPENAI_BASE_URL": f"{fake.url}/v1",
        "OPENAI_API_KEY": "secret-test-key",
        "DOCMILL_OPENAI_MODEL": "fake-model",
        "DOCMILL_LLM_RETRY_MIN_S": "0.01",
        "DOCMILL_LLM_RETRY_MAX_S": "0.05",
        **extra,
    }


async def _send(js, doc_id: str, *, sha: str = "") -> None:
    job = ExtractJob(
        document_id=doc_id,
        batch_id="llm1",
        filename=f"{doc_id}.pdf",
        sha256=sha,
        pages=[PageText(page=1, text=TEXT)],
        backend="openai",
    )
    # EXTRACT is the bounded stage-2 queue: wait for room as the OCR worker does.
    await publish_bounded(js, s.batch_subject(s.EXTRACT, "llm1"), job)


async def _result(js, wait_s: float = 60):
    msg = await fetch_one(js, stream=s.STREAM_RESULTS, durable=s.CONSUMER_RESULTS, wait_s=wait_s)
    return result_decoder.decode(msg.data)


async def test_same_document_twice_is_answered_from_the_cache(js, start_extractor, fake_llm):
    fake = fake_llm("openai", answer=deed_answer)
    worker = start_extractor(**_env(fake))

    await _send(js, "d1", sha="ab" * 32)
    first = await _result(js)
    await _send(js, "d2", sha="ab" * 32)
    second = await _result(js)

    assert isinstance(first, DocumentExtracted) and isinstance(second, DocumentExtracted)
    assert (first.backend, first.cached) == ("openai", False)
    assert (second.backend, second.cached) == ("openai", True)
    assert first.sale_deed == second.sale_deed == DEED
    assert first.provenance["transaction_date"].page == 1
    assert len(fake.requests) == 1
    kv = await js.key_value(s.KV_CACHE)
    keys = await kv.keys()
    assert (
        len(keys) == 1 and keys[0].startswith("sale_deed.openai.") and keys[0].endswith("ab" * 32)
    )
    assert "secret-test-key" not in worker.log_path.read_text()


async def test_open_breaker_makes_documents_wait_then_they_finish(js, start_extractor, fake_llm):
    fake = fake_llm("openai", answer=deed_answer, default=500)
    # The breaker stays open longer than the redelivery backoff (2 s, 4 s), so the third
    # delivery finds it open and waits.
    start_extractor(
        **_env(
            fake,
            DOCMILL_LLM_ATTEMPTS="1",
            DOCMILL_LLM_BREAKER_THRESHOLD="2",
            DOCMILL_LLM_BREAKER_RESET_S="6",
        )
    )
    events = await js.subscribe(s.batch_subject(s.EVENTS, "llm1"), ordered_consumer=True)
    await _send(js, "w1")

    statuses: list[str] = []
    while "waiting" not in statuses:
        msg = await events.next_msg(timeout=30)
        statuses.append(progress_decoder.decode(msg.data).status)
    await events.unsubscribe()
    assert "failed" not in statuses
    assert len(fake.requests) == 2  # the breaker stopped the calls at the threshold

    kv = await js.key_value(s.KV_PIPELINE)
    status = llm_status_decoder.decode((await kv.get(LLM_STATUS_KEY)).value).backends["openai"]
    assert (status.state, status.reachable) == ("open", False)

    fake.default = "ok"  # the server comes back; the waiting document finishes
    result = await _result(js, wait_s=60)
    assert isinstance(result, DocumentExtracted), result
    assert result.sale_deed == DEED
    await asyncio.sleep(0.2)
    status = llm_status_decoder.decode((await kv.get(LLM_STATUS_KEY)).value).backends["openai"]
    assert status.state == "closed" and status.reachable
