"""The `gemini` fee reader through the real google-genai client against a fake Gemini server."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from PIL import Image

from docmill_contracts.messages import VisionJob
from docmill_llm.errors import LlmTransientError, LlmUnavailableError
from docmill_llm.testing import FakeLlm, fast_settings, inline_images, serve
from docmill_runtime.procpool import TaskPool
from docmill_runtime.settings import WorkerSettings
from docmill_synth.feedeed import deed_with_fee_table
from docmill_vision.detector import DetectorConfig
from docmill_vision.errors import UnknownReaderError
from docmill_vision.fee import find_fee
from docmill_vision.gemini import FeeAnswer, FeeRowAnswer, GeminiReader, checked_fee
from docmill_vision.pages import init_process
from docmill_vision.readers import Readers, TesseractReader
from docmill_vision.settings import VisionSettings

DEED = deed_with_fee_table(41, family="holdout", table_family="holdout")


@pytest.fixture(scope="module")
async def pool():
    async with TaskPool(
        size=1, initializer=init_process, initargs=(DetectorConfig(),), name="gemini-test"
    ) as pool:
        yield pool


@pytest.fixture
def fake_gemini():
    stops = []

    def start(**kw: object) -> FakeLlm:
        fake = FakeLlm(kind="gemini", **kw)  # type: ignore[arg-type]
        stops.append(serve(fake))
        return fake

    yield start
    for stop in stops:
        stop()


def _settings(fake: FakeLlm, **kw: object) -> VisionSettings:
    return VisionSettings(
        worker=WorkerSettings.from_env("vision"),
        detector=DetectorConfig(),
        llm=fast_settings(fake, **kw),
    )


def _job() -> VisionJob:
    return VisionJob(
        document_id="d", batch_id="t", filename="d.pdf", object_name="d", candidate_pages=[]
    )


def _pdf(tmp_path: Path) -> Path:
    path = tmp_path / "deed.pdf"
    path.write_bytes(DEED.pdf)
    return path


def fee_answer(body: dict) -> str:
    """What a model would say about the crop it was sent (the fake checks it is a PNG)."""
    [(mime, data)] = inline_images(body)
    assert mime == "image/png"
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG"
    return json.dumps(
        {
            "registration_fee": DEED.registration_fee,
            "total": DEED.registration_fee + 1000,
            "rows": [
                {"label": "Regn. Fee", "amount": DEED.registration_fee},
                {"label": "Stamp Duty", "amount": 1000},
            ],
        }
    )


async def test_the_crop_goes_inline_and_the_fee_comes_back(pool, fake_gemini, tmp_path):
    fake = fake_gemini(answer=fee_answer)
    settings = _settings(fake)
    reader = GeminiReader(pool=pool, settings=settings)
    try:
        found, readings = await find_fee(
            _job(), path=_pdf(tmp_path), pool=pool, settings=settings, reader=reader
        )
    finally:
        await reader.aclose()
    assert found.registration_fee == DEED.registration_fee
    assert found.page == DEED.fee_page
    assert found.box is not None and len(found.box) == 4
    request = fake.requests[0]
    assert request.path == "/v1beta/models/gemini-2.5-flash:generateContent"
    assert request.headers["x-goog-api-key"] == "test-gemini-key"
    assert request.body["generationConfig"]["responseMimeType"] == "application/json"
    assert "registration_fee" in json.dumps(request.body["generationConfig"]["responseJsonSchema"])
    assert "stamp duty" in json.dumps(request.body["systemInstruction"]).lower()
    # The model saw the detected table, not the whole page.
    [(_, png)] = inline_images(request.body)
    crop = Image.open(io.BytesIO(png))
    x0, y0, x1, y1 = found.box
    assert abs(crop.width - (x1 - x0)) < 0.3 * (x1 - x0)
    assert abs(crop.height - (y1 - y0)) < 0.3 * (y1 - y0)
    assert readings[-1].fee is not None and readings[-1].fee.rows[0].label == "Regn. Fee"


async def test_a_failing_server_opens_the_breaker_like_the_extractor(pool, fake_gemini, tmp_path):
    fake = fake_gemini(answer=fee_answer, default=503)
    settings = _settings(fake, attempts=2, breaker_threshold=3, breaker_reset_s=60.0)
    reader = GeminiReader(pool=pool, settings=settings)
    path = _pdf(tmp_path)
    try:
        with pytest.raises(LlmTransientError, match="503"):
            await find_fee(_job(), path=path, pool=pool, settings=settings, reader=reader)
        assert len(fake.requests) == 2  # retried once
        with pytest.raises(LlmUnavailableError) as opened:
            await find_fee(_job(), path=path, pool=pool, settings=settings, reader=reader)
        assert len(fake.requests) == 3  # the third failure opened it
        assert 0 < opened.value.delay <= 60
        status = await reader.resilience.status()
        assert (status.state, status.reachable) == ("open", False)
        # While open, nothing reaches the server: the document waits in place.
        with pytest.raises(LlmUnavailableError):
            await find_fee(_job(), path=path, pool=pool, settings=settings, reader=reader)
        assert len(fake.requests) == 3
    finally:
        await reader.aclose()


async def test_an_answer_that_is_not_the_schema_is_retried(pool, fake_gemini, tmp_path):
    fake = fake_gemini(answer=fee_answer, script=["malformed"])
    settings = _settings(fake)
    reader = GeminiReader(pool=pool, settings=settings)
    try:
        found, _ = await find_fee(
            _job(), path=_pdf(tmp_path), pool=pool, settings=settings, reader=reader
        )
    finally:
        await reader.aclose()
    assert found.registration_fee == DEED.registration_fee
    assert len(fake.requests) == 2


def test_the_total_or_the_stamp_duty_is_not_taken_for_the_fee() -> None:
    rows = [FeeRowAnswer(label="Stamp Duty", amount=7000), FeeRowAnswer(label="Total", amount=8000)]
    assert checked_fee(FeeAnswer(registration_fee=8000, total=8000, rows=rows)) is None
    assert checked_fee(FeeAnswer(registration_fee=7000, stamp_duty=7000, rows=rows)) is None
    assert checked_fee(FeeAnswer(registration_fee=0)) is None
    fee_row = [*rows, FeeRowAnswer(label="Registration Fee", amount=1000)]
    assert checked_fee(FeeAnswer(registration_fee=1000, total=8000, rows=fee_row)) == 1000


async def test_readers_by_name(pool) -> None:
    settings = VisionSettings(worker=WorkerSettings.from_env("vision"), detector=DetectorConfig())
    readers = Readers(pool=pool, settings=settings)
    try:
        assert isinstance(readers.get("tesseract"), TesseractReader)
        assert isinstance(readers.get("gemini"), GeminiReader)
        assert readers.get("gemini") is readers.get("gemini")
        with pytest.raises(UnknownReaderError, match="known: tesseract, gemini"):
            readers.get("paddle")
    finally:
        await readers.aclose()
