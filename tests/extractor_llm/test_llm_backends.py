"""The gemini and openai backends, through the real client libraries, against fake servers."""

from __future__ import annotations

import asyncio
import json

import msgspec
import pytest
from llm_fakes import fast_settings, user_text

from docmill_contracts.messages import PageText
from docmill_extractor.backends.gemini import GeminiBackend
from docmill_extractor.backends.openai_compat import OpenAIBackend
from docmill_extractor.errors import (
    LlmOutputError,
    LlmRejectedError,
    LlmTransientError,
    LlmUnavailableError,
)
from docmill_synth.invoice import generate_invoice

INVOICE = generate_invoice(7)
PAGES = [PageText(page=1, text="TAX INVOICE\nInvoice No: X\n(the fake ignores the text)")]
BACKENDS = {"gemini": GeminiBackend, "openai": OpenAIBackend}


def invoice_answer(body: dict) -> str:
    return msgspec.json.encode(INVOICE.truth).decode()


def backend_for(fake, **kw):
    return BACKENDS[fake.kind](fast_settings(fake, **kw))


@pytest.fixture(params=["gemini", "openai"])
def kind(request) -> str:
    return request.param


async def test_success_decodes_into_the_invoice_struct(fake_llm, kind):
    fake = fake_llm(kind, answer=invoice_answer)
    backend = backend_for(fake)
    try:
        got = await backend.extract(doc_type="invoice", pages=PAGES)
    finally:
        await backend.aclose()
    assert got.invoice == INVOICE.truth
    assert got.warnings == []  # the truth adds up
    assert len(fake.requests) == 1
    request = fake.requests[0]
    assert "=== Page 1 ===" in user_text(kind, request.body)
    if kind == "gemini":
        assert request.path == "/v1beta/models/gemini-2.5-flash:generateContent"
        assert request.headers["x-goog-api-key"] == "test-gemini-key"
        config = request.body["generationConfig"]
        assert config["responseMimeType"] == "application/json"
        assert "invoice_number" in json.dumps(config["responseJsonSchema"])
        assert "Indian" not in json.dumps(request.body["systemInstruction"])
    else:
        assert request.path == "/v1/chat/completions"
        assert request.headers["authorization"] == "Bearer test-openai-key"
        assert request.body["response_format"] == {"type": "json_object"}
        assert request.body["model"] == "fake-model"
        assert "invoice_number" in request.body["messages"][0]["content"]


async def test_malformed_json_is_retried_then_decoded(fake_llm, kind):
    fake = fake_llm(kind, answer=invoice_answer, script=["malformed"])
    backend = backend_for(fake)
    try:
        got = await backend.extract(doc_type="invoice", pages=PAGES)
    finally:
        await backend.aclose()
    assert got.invoice == INVOICE.truth
    assert len(fake.requests) == 2


async def test_schema_violations_are_retryable_and_never_open_the_breaker(fake_llm, kind):
    # A PAN that breaks the sale deed's pattern: valid JSON, invalid document.
    bad = json.dumps({"sellers": [{"pan_card_number": "not-a-pan"}]})
    fake = fake_llm(kind, answer=lambda body: bad)
    backend = backend_for(fake, breaker_threshold=2)
    try:
        with pytest.raises(LlmOutputError, match="sale_deed schema"):
            await backend.extract(doc_type="sale_deed", pages=PAGES)
        assert len(fake.requests) == 3  # three attempts
        assert (await backend.status()).state == "closed"
    finally:
        await backend.aclose()


async def test_429_then_success(fake_llm, kind):
    fake = fake_llm(kind, answer=invoice_answer, script=[429])
    backend = backend_for(fake)
    try:
        got = await backend.extract(doc_type="invoice", pages=PAGES)
    finally:
        await backend.aclose()
    assert got.invoice == INVOICE.truth
    assert len(fake.requests) == 2


@pytest.mark.parametrize("status", [400, 401, 403])
async def test_client_errors_are_not_retried(fake_llm, kind, status):
    fake = fake_llm(kind, answer=invoice_answer, default=status)
    backend = backend_for(fake)
    try:
        with pytest.raises(LlmRejectedError, match=str(status)):
            await backend.extract(doc_type="invoice", pages=PAGES)
    finally:
        await backend.aclose()
    assert len(fake.requests) == 1


async def test_five_500s_open_the_breaker_and_it_recovers(fake_llm, kind):
    fake = fake_llm(kind, answer=invoice_answer, default=500)
    backend = backend_for(fake, breaker_reset_s=0.6)
    try:
        with pytest.raises(LlmTransientError, match="500"):
            await backend.extract(doc_type="invoice", pages=PAGES)  # 3 attempts
        assert len(fake.requests) == 3
        with pytest.raises(LlmUnavailableError) as opened:
            await backend.extract(doc_type="invoice", pages=PAGES)  # 2 more: the 5th opens it
        assert len(fake.requests) == 5
        assert 0 < opened.value.delay <= 0.6
        status = await backend.status()
        assert (status.state, status.reachable) == ("open", False)
        assert "500" in (status.last_error or "")

        # While open, nothing reaches the server: the document waits.
        with pytest.raises(LlmUnavailableError):
            await backend.extract(doc_type="invoice", pages=PAGES)
        assert len(fake.requests) == 5

        fake.default = "ok"
        await asyncio.sleep(0.7)
        assert (await backend.status()).state == "half_open"
        got = await backend.extract(doc_type="invoice", pages=PAGES)
        assert got.invoice == INVOICE.truth
        assert (await backend.status()).state == "closed"
    finally:
        await backend.aclose()


async def test_half_open_lets_exactly_one_request_through(fake_llm):
    fake = fake_llm("openai", answer=invoice_answer, script=[500, 500], delay_s=0.0)
    backend = backend_for(fake, breaker_threshold=2, attempts=1, breaker_reset_s=0.3)
    try:
        for _ in range(2):
            with pytest.raises(LlmTransientError):
                await backend.extract(doc_type="invoice", pages=PAGES)
        assert (await backend.status()).state == "open"
        await asyncio.sleep(0.4)
        fake.delay_s = 0.5  # the probe is slow; a second document arrives meanwhile
        results = await asyncio.gather(
            backend.extract(doc_type="invoice", pages=PAGES),
            backend.extract(doc_type="invoice", pages=PAGES),
            return_exceptions=True,
        )
    finally:
        await backend.aclose()
    kinds = sorted(type(r).__name__ for r in results)
    assert kinds == ["Extraction", "LlmUnavailableError"], results
    assert len(fake.requests) == 3


async def test_missing_gemini_key_is_permanent(fake_llm):
    fake = fake_llm("gemini", answer=invoice_answer)
    backend = backend_for(fake, gemini_api_key="")
    with pytest.raises(LlmRejectedError, match="GEMINI_API_KEY"):
        await backend.extract(doc_type="invoice", pages=PAGES)
    assert fake.requests == []


def test_keys_never_show_in_settings_repr(fake_llm):
    settings = fast_settings(fake_llm("openai", answer=invoice_answer))
    assert "test-openai-key" not in repr(settings)


async def test_unreachable_server_is_transient_and_counts_for_the_breaker(fake_llm, kind):
    fake = fake_llm(kind, answer=invoice_answer)
    fake.url = "http://127.0.0.1:9"  # discard port: connection refused
    backend = backend_for(fake, breaker_threshold=3)
    try:
        with pytest.raises((LlmTransientError, LlmUnavailableError), match="unreachable"):
            await backend.extract(doc_type="invoice", pages=PAGES)
        assert (await backend.status()).state == "open"
    finally:
        await backend.aclose()
