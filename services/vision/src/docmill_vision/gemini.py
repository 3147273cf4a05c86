"""The `gemini` fee reader: each detected table crop, as an inline PNG, asked for its fees."""

from __future__ import annotations

import time

import msgspec

from docmill_llm.gemini import GeminiClient, image_part
from docmill_llm.jsonout import decode_answer, inline_schema
from docmill_llm.resilience import Resilience
from docmill_runtime.procpool import TaskPool
from docmill_vision.clues import NO_CLUES, FeeClues
from docmill_vision.pages import PageReading, TableCrop, TableReading, crop_tables
from docmill_vision.settings import VisionSettings
from docmill_vision.tablerows import TableRow, is_registration_label

SYSTEM = (
    "You read the fee table of an Indian property sale deed (the sub-registrar's "
    "endorsement). Answer with JSON only. registration_fee is the amount of the "
    "registration fee row (labels like 'Registration Fee', 'Regn. Fee', 'Fee for "
    "Registration', 'Registration Charges'), in rupees, as a number without grouping; "
    "never the stamp duty, a cess, a scanning fee or the total. Use null for what you "
    "cannot read. List every row you see in rows."
)
PROMPT = "Read this fee table."


class FeeRowAnswer(msgspec.Struct, frozen=True, kw_only=True):
    label: str
    amount: float | None = None


class FeeAnswer(msgspec.Struct, frozen=True, kw_only=True):
    registration_fee: float | None = None
    stamp_duty: float | None = None
    total: float | None = None
    rows: list[FeeRowAnswer] = msgspec.field(default_factory=list)


_DECODER = msgspec.json.Decoder(FeeAnswer)
SCHEMA = inline_schema(FeeAnswer)


def checked_fee(answer: FeeAnswer) -> float | None:
    """The model's fee, unless it is no fee at all or really the total or the stamp duty."""
    fee = answer.registration_fee
    if fee is None or fee < 1:
        return None
    named = [r.amount for r in answer.rows if is_registration_label(r.label)]
    if fee in {answer.total, answer.stamp_duty} and fee not in named:
        return None
    return fee


class GeminiReader:
    """Detection and cropping in the pool; reading by Gemini, behind retries and a breaker."""

    name = "gemini"

    def __init__(self, *, pool: TaskPool, settings: VisionSettings) -> None:
        self._pool = pool
        self._settings = settings
        self._client = GeminiClient(settings.llm)
        self.resilience = Resilience("gemini-vision", settings.llm)

    async def read_page(self, path: str, number: int, *, clues: FeeClues = NO_CLUES) -> PageReading:
        """Crop the page's tables in the pool, then ask the model about each.

        The model reads the image on its own (a fee in the prompt would bias it); a
        figure `clues` rule out is dropped.
        """
        crops, detect_s = await self._pool.run(
            crop_tables,
            path,
            number,
            dpi=self._settings.dpi,
            time_limit=self._settings.page_timeout_s,
        )
        started = time.perf_counter()
        tables = [await self._read(crop, clues=clues) for crop in crops]
        return PageReading(
            page=number, tables=tables, detect_s=detect_s, ocr_s=time.perf_counter() - started
        )

    async def _read(self, crop: TableCrop, *, clues: FeeClues) -> TableReading:
        async def attempt() -> FeeAnswer:
            raw = await self._client.generate_json(
                contents=[image_part(crop.png), PROMPT], system=SYSTEM, schema=SCHEMA
            )
            return decode_answer(raw, _DECODER, what="fee table")

        answer = await self.resilience.call(attempt)
        rows = [TableRow(label=r.label, amount=r.amount, text=r.label) for r in answer.rows]
        fee = checked_fee(answer)
        if fee is not None and not clues.allows(fee):
            fee = None
        return TableReading(box=crop.box, score=crop.score, rows=rows, fee=fee)

    async def aclose(self) -> None:
        """Close the client's connections."""
        await self._client.aclose()
