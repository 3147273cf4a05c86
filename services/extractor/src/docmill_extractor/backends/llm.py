"""What every LLM backend shares: prompts, schemas, decoding, checks and provenance."""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from functools import cache
from typing import Any

import msgspec

from docmill_contracts.invoice import Invoice
from docmill_contracts.llmstatus import BackendStatus
from docmill_contracts.messages import DocType, PageText
from docmill_contracts.saledeed import SaleDeed
from docmill_extractor.backends import Extraction
from docmill_extractor.errors import UnsupportedDocumentError
from docmill_extractor.prompts import load_prompt, prompt_version
from docmill_extractor.rules.checks import check_deed
from docmill_extractor.rules.generic import extract_text
from docmill_extractor.rules.invoice_checks import check_invoice
from docmill_extractor.rules.provenance import provenance_of
from docmill_llm.jsonout import decode_answer, inline_schema
from docmill_llm.resilience import Resilience
from docmill_llm.settings import LlmSettings

SCHEMAS: dict[str, type[msgspec.Struct]] = {"sale_deed": SaleDeed, "invoice": Invoice}
_DECODERS = {name: msgspec.json.Decoder(struct) for name, struct in SCHEMAS.items()}


@cache
def json_schema(doc_type: str) -> dict[str, Any]:
    """The JSON Schema of `doc_type`'s Struct, definitions inlined for picky servers."""
    return inline_schema(SCHEMAS[doc_type])


def system_prompt(doc_type: str) -> str:
    """The prompt file for `doc_type` with its schema filled in."""
    return load_prompt(doc_type).replace("{schema}", json.dumps(json_schema(doc_type)))


def document_text(pages: list[PageText]) -> str:
    """Page texts with page markers, so the model can keep pages apart."""
    ordered = sorted(pages, key=lambda p: p.page)
    return "\n".join(f"=== Page {p.page} ===\n{p.text}" for p in ordered)


def decode_output(doc_type: str, raw: str | None) -> msgspec.Struct:
    """The model's answer as the document Struct; LlmOutputError (retryable) otherwise."""
    return decode_answer(raw, _DECODERS[doc_type], what=doc_type)


class LlmBackend(ABC):
    """An LLM behind retries and a breaker; subclasses only send one request."""

    name: str

    def __init__(self, settings: LlmSettings) -> None:
        self.settings = settings
        self.resilience = Resilience(self.name, settings)

    @property
    def cache_version(self) -> str:
        """Part of the cache key: answers change with the prompt and the model."""
        return f"{prompt_version()}-{self.model}"

    @property
    @abstractmethod
    def model(self) -> str:
        """The model this backend asks."""

    @abstractmethod
    async def complete(self, *, system: str, text: str, doc_type: str) -> str | None:
        """Send one request; raise LlmTransientError / LlmRejectedError on failure."""

    async def extract(self, *, doc_type: DocType, pages: list[PageText]) -> Extraction:
        """Ask the model for `doc_type`, decode, then check and locate values like the rules."""
        if doc_type == "text":
            return Extraction(text_document=extract_text(pages))
        if doc_type not in SCHEMAS:
            raise UnsupportedDocumentError(f"backend {self.name!r} cannot extract {doc_type!r}")
        system, text = system_prompt(doc_type), document_text(pages)

        async def attempt() -> msgspec.Struct:
            return decode_output(
                doc_type, await self.complete(system=system, text=text, doc_type=doc_type)
            )

        document = await self.resilience.call(attempt)
        provenance = provenance_of(document, pages)
        if isinstance(document, SaleDeed):
            return Extraction(
                sale_deed=document, warnings=check_deed(document), provenance=provenance
            )
        assert isinstance(document, Invoice)
        return Extraction(invoice=document, warnings=check_invoice(document), provenance=provenance)

    async def status(self) -> BackendStatus:
        """Breaker state, for KV `pipeline` key `llm_status`."""
        return await self.resilience.status()
