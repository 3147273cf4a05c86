"""The `rules` backend: docmill_extractor.rules in a process, off the event loop."""

from __future__ import annotations

from docmill_contracts.messages import DocType, PageText
from docmill_extractor.backends import Extraction, register_backend
from docmill_extractor.errors import ExtractionFailedError, UnsupportedDocumentError
from docmill_extractor.settings import ExtractorSettings
from docmill_runtime.procpool import TaskCrashedError, TaskPool, TaskTimeoutError


def extract_in_process(pages: list[PageText], doc_type: DocType = "sale_deed") -> Extraction:
    """Run the rules for `doc_type` (pool side; imported lazily to keep start-up light)."""
    from docmill_extractor import rules

    if doc_type == "invoice":
        found = rules.extract_invoice(pages)
        return Extraction(
            invoice=found.invoice, warnings=list(found.warnings), provenance=found.provenance
        )
    if doc_type == "text":
        return Extraction(text_document=rules.extract_text(pages))
    result = rules.extract_sale_deed(pages)
    return Extraction(
        sale_deed=result.deed, warnings=list(result.warnings), provenance=result.provenance
    )


SUPPORTED = ("sale_deed", "invoice", "text")


class RulesBackend:
    """Deterministic regular-expression parsers; CPU-bound, so they run in a pool."""

    name = "rules"

    def __init__(self, settings: ExtractorSettings) -> None:
        self._time_limit = settings.time_limit_s
        self._pool = TaskPool(size=settings.rules_processes, name="rules")

    async def extract(self, *, doc_type: DocType, pages: list[PageText]) -> Extraction:
        """Sale deeds, invoices and generic text; images need a vision backend."""
        if doc_type not in SUPPORTED:
            raise UnsupportedDocumentError(f"backend 'rules' cannot extract {doc_type!r} documents")
        try:
            return await self._pool.run(
                extract_in_process, pages, doc_type, time_limit=self._time_limit
            )
        except TaskTimeoutError:
            raise ExtractionFailedError(
                f"rules extraction took longer than {self._time_limit:g} s"
            ) from None
        except TaskCrashedError:
            raise ExtractionFailedError("rules extraction crashed its worker process") from None

    async def aclose(self) -> None:
        """Stop the pool."""
        await self._pool.close()


register_backend("rules", RulesBackend)
