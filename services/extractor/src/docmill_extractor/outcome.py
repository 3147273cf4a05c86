"""What an extraction becomes on the wire."""

from __future__ import annotations

from docmill_contracts.messages import DocumentExtracted, ExtractJob, PageText
from docmill_contracts.provenance import Provenance
from docmill_contracts.saledeed import SaleDeed
from docmill_extractor.backends import Extraction
from docmill_extractor.errors import NoTextError
from docmill_extractor.rules.provenance import locate
from docmill_normalize import is_likely_fee

FEE_PATH = "property_details.registration_fee"


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
    """The DocumentExtracted for `job`; the vision step is owed a missing or doubtful fee."""
    deed = extraction.sale_deed
    needs_vision = deed is not None and fee_is_doubtful(
        deed, pages=pages, provenance=extraction.provenance
    )
    return DocumentExtracted(
        document_id=job.document_id,
        batch_id=job.batch_id,
        doc_type=job.doc_type,
        sale_deed=deed,
        page_count=job.page_count or len(pages),
        text_sources=[page.source for page in pages],
        backend=backend,
        warnings=extraction.warnings,
        needs_vision=needs_vision,
        invoice=extraction.invoice,
        text_document=extraction.text_document,
        provenance=extraction.provenance,
        cached=cached,
    )


def fee_is_doubtful(
    deed: SaleDeed, *, pages: list[PageText], provenance: dict[str, Provenance]
) -> bool:
    """True when the vision step should read the fee table: no fee, or one to check."""
    pd = deed.property_details
    fee = pd.registration_fee
    if fee is None:
        return True
    base = max(pd.sale_consideration or 0.0, pd.guidance_value or 0.0)
    # A fee far from the usual share of the value is a misread or cut-short figure.
    return not is_likely_fee(fee, base=base) or fee_read_by_ocr(
        pages, provenance=provenance, fee=fee
    )


def fee_read_by_ocr(
    pages: list[PageText], *, provenance: dict[str, Provenance], fee: float
) -> bool:
    """True when the fee was read from a page Tesseract recognised, not a text layer.

    Such a fee usually comes from a scanned fee table, where a seal or a fold can cost
    the OCR'd text a digit or a row; the vision step reads the table image better.
    """
    where = provenance.get(FEE_PATH) or locate(pages, fee)
    sources = {page.page: page.source for page in pages}
    if where.page is None:
        return any(source != "text_layer" for source in sources.values())
    return sources.get(where.page, "text_layer") != "text_layer"
