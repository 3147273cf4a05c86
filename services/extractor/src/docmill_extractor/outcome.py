"""What an extraction becomes on the wire."""

from __future__ import annotations

from docmill_contracts.messages import DocumentExtracted, ExtractJob, PageText
from docmill_extractor.backends import Extraction
from docmill_extractor.errors import NoTextError


def require_text(pages: list[PageText]) -> None:
    """Refuse a document whose pages hold no text at all."""
    if not any(page.text.strip() for page in pages):
        raise NoTextError(f"no text found in the document ({len(pages)} pages blank or unreadable)")


def build_result(
    job: ExtractJob,
    *,
    pages: list[PageText],
    extraction: Extraction,
    backend: str,
    cached: bool = False,
) -> DocumentExtracted:
    """The DocumentExtracted for `job`; the fee missing means the vision step may find it."""
    deed = extraction.sale_deed
    fee_missing = deed is not None and deed.property_details.registration_fee is None
    return DocumentExtracted(
        document_id=job.document_id,
        batch_id=job.batch_id,
        doc_type=job.doc_type,
        sale_deed=deed,
        page_count=job.page_count or len(pages),
        text_sources=[page.source for page in pages],
        backend=backend,
        warnings=extraction.warnings,
        needs_vision=fee_missing,
        invoice=extraction.invoice,
        text_document=extraction.text_document,
        provenance=extraction.provenance,
        cached=cached,
    )
