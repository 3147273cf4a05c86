"""Extraction backends behind one small interface, chosen by name.

A backend turns page text into a document Struct. `rules` works offline; LLM
backends (`gemini`, `openai`) register a factory here and nothing else changes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Protocol

import msgspec

from docmill_contracts.invoice import Invoice, TextDocument
from docmill_contracts.messages import DocType, PageText
from docmill_contracts.provenance import Provenance
from docmill_contracts.saledeed import SaleDeed
from docmill_extractor.errors import UnknownBackendError
from docmill_extractor.settings import ExtractorSettings


class Extraction(msgspec.Struct, frozen=True, kw_only=True):
    """What a backend found in one document."""

    sale_deed: SaleDeed | None = None
    invoice: Invoice | None = None
    text_document: TextDocument | None = None
    warnings: list[str] = msgspec.field(default_factory=list)
    provenance: dict[str, Provenance] = msgspec.field(default_factory=dict)


class Backend(Protocol):
    """One way of extracting structured data; owns its clients, pools and limits."""

    name: str

    async def extract(self, *, doc_type: DocType, pages: list[PageText]) -> Extraction:
        """Structured data of a `doc_type` document; PermanentError/RetryableError on failure."""
        ...

    async def aclose(self) -> None:
        """Release the backend's resources."""
        ...


BackendFactory = Callable[[ExtractorSettings], Backend]
_FACTORIES: dict[str, BackendFactory] = {}


def register_backend(name: str, factory: BackendFactory) -> None:
    """Make backend `name` available to every worker built after this call."""
    _FACTORIES[name] = factory


def backend_names() -> list[str]:
    """Names of every registered backend."""
    return sorted(_FACTORIES)


class Backends:
    """The backends of one worker, created on first use and closed together."""

    def __init__(self, settings: ExtractorSettings) -> None:
        self._settings = settings
        self._live: dict[str, Backend] = {}

    def get(self, name: str) -> Backend:
        """The backend called `name`; UnknownBackendError when there is none."""
        backend = self._live.get(name)
        if backend is None:
            factory = _FACTORIES.get(name)
            if factory is None:
                known = ", ".join(backend_names()) or "none"
                raise UnknownBackendError(f"unknown extraction backend {name!r} (known: {known})")
            backend = self._live[name] = factory(self._settings)
        return backend

    async def aclose(self) -> None:
        """Close every backend that was used."""
        for backend in self._live.values():
            with contextlib.suppress(Exception):
                await backend.aclose()
        self._live.clear()
