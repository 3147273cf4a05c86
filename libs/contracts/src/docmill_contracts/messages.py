"""Every message that crosses NATS. JSON on the wire, a schema version on each.

Fields are added with defaults, never changed, so old and new workers can run
side by side. Unknown fields are ignored between services.
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec
from msgspec import Meta, Struct

from docmill_contracts import SCHEMA_VERSION
from docmill_contracts.invoice import Invoice, TextDocument
from docmill_contracts.provenance import Provenance
from docmill_contracts.saledeed import SaleDeed

DocumentId = Annotated[str, Meta(min_length=1, max_length=200)]
BatchId = Annotated[str, Meta(pattern=r"^[A-Za-z0-9_\-]{1,64}$")]
DocType = Literal["sale_deed", "invoice", "text", "image_analysis"]
Stage = Literal["ocr", "extract", "vision", "export"]


class JobRef(Struct, frozen=True, kw_only=True):
    """The part every document job shares; enough to report a failure for it."""

    document_id: DocumentId
    batch_id: BatchId
    filename: str = ""
    attempt: int = 0


# `language_hint` values docmill reads (ISO 639-1/-2 codes and names), to Tesseract's
# traineddata names; a hint may join several with "+" ("en+kn").
LANGUAGE_CODES = {
    "en": "eng",
    "eng": "eng",
    "english": "eng",
    "kn": "kan",
    "kan": "kan",
    "kannada": "kan",
}
# What an uploaded file may be, by its first bytes. A plain str on the wire, so a new
# kind never makes an older worker refuse the job.
MEDIA_TYPES = ("application/pdf", "image/png", "image/jpeg", "image/tiff")


class OcrOptions(Struct, frozen=True, kw_only=True):
    """Per-job OCR overrides; None means "use KV pipeline"."""

    use_embedded_ocr: bool | None = None
    tesseract_lang: str | None = None
    dpi: int | None = None
    mode: Literal["fast", "high_accuracy"] | None = None
    # Seed 001's OCR preferences; None keeps the service defaults (auto, raw).
    auto_language_detection: bool | None = None
    language_hint: str | None = None  # ISO 639 ("en", "kn") or Tesseract codes ("eng+kan")
    output_format: Literal["raw", "paragraph"] | None = None


class OcrJob(Struct, frozen=True, kw_only=True):
    """Stage 1: read the text of one uploaded document."""

    v: int = SCHEMA_VERSION
    document_id: DocumentId
    batch_id: BatchId
    filename: str
    object_name: str  # key in object store `documents`
    sha256: str = ""
    doc_type: DocType = "sale_deed"
    attempt: int = 0
    options: OcrOptions = msgspec.field(default_factory=OcrOptions)
    # What the gateway found the file to be; the OCR service still checks the bytes.
    media_type: str = "application/pdf"


class PageText(Struct, frozen=True, kw_only=True):
    page: int  # 1-based
    text: str
    source: Literal["text_layer", "tesseract", "image"] = "text_layer"
    language: str | None = None


class ExtractJob(Struct, frozen=True, kw_only=True):
    """Stage 2: turn page text into structured data.

    Text over the claim-check limit travels as `text_object` in the object store
    instead of inline `pages`.
    """

    v: int = SCHEMA_VERSION
    document_id: DocumentId
    batch_id: BatchId
    filename: str
    object_name: str = ""
    sha256: str = ""
    doc_type: DocType = "sale_deed"
    attempt: int = 0
    page_count: int = 0
    pages: list[PageText] = msgspec.field(default_factory=list)
    text_object: str | None = None
    backend: str | None = None


class VisionJob(Struct, frozen=True, kw_only=True):
    """Stage 3: find a field the text missed (the registration fee) on page images."""

    v: int = SCHEMA_VERSION
    document_id: DocumentId
    batch_id: BatchId
    filename: str
    object_name: str
    attempt: int = 0
    candidate_pages: list[int] = msgspec.field(default_factory=list)
    # The fee the text gave when it was read only from OCR'd pages: the vision step
    # confirms it from the table image, or corrects it.
    text_fee: float | None = None
    # The higher of price and guidance value: rules out figures no fee could be.
    property_value: float | None = None


class DocumentExtracted(Struct, frozen=True, kw_only=True, tag="extracted"):
    """A document's structured data; replaces whatever was stored for it before."""

    v: int = SCHEMA_VERSION
    document_id: DocumentId
    batch_id: BatchId
    doc_type: DocType = "sale_deed"
    sale_deed: SaleDeed | None = None
    page_count: int = 0
    text_sources: list[str] = msgspec.field(default_factory=list)
    backend: str = "rules"
    warnings: list[str] = msgspec.field(default_factory=list)
    # The vision step is owed a look: the fee is missing, or was read from OCR'd text.
    needs_vision: bool = False
    invoice: Invoice | None = None
    text_document: TextDocument | None = None
    # Dotted field path -> page, source span and confidence of that value.
    provenance: dict[str, Provenance] = msgspec.field(default_factory=dict)
    cached: bool = False  # served from KV `cache`, not extracted again


class FeeFound(Struct, frozen=True, kw_only=True, tag="fee_found"):
    """The vision step read the registration fee from a page image."""

    v: int = SCHEMA_VERSION
    document_id: DocumentId
    batch_id: BatchId
    registration_fee: float | None
    page: int | None = None
    box: list[float] | None = None  # x0, y0, x1, y1 in page pixels
    reason: str | None = None  # why no fee was found, when registration_fee is None


class DocumentFailed(Struct, frozen=True, kw_only=True, tag="failed"):
    """A document that cannot be processed, with a reason a person can act on."""

    v: int = SCHEMA_VERSION
    document_id: DocumentId
    batch_id: BatchId
    stage: Stage
    reason: str
    permanent: bool = True


Result = DocumentExtracted | FeeFound | DocumentFailed
result_decoder = msgspec.json.Decoder(Result)


class ProgressEvent(Struct, frozen=True, kw_only=True):
    """Live progress; losing one is harmless."""

    v: int = SCHEMA_VERSION
    document_id: DocumentId
    batch_id: BatchId
    filename: str = ""
    stage: Stage
    status: Literal["started", "page", "done", "failed", "waiting"]
    page: int = 0
    pages: int = 0
    at: float = 0.0  # unix time

    @property
    def percent(self) -> float:
        return round(100.0 * self.page / self.pages, 1) if self.pages else 0.0


class ExportFilters(Struct, frozen=True, kw_only=True):
    """The seed-000 export filters, already parsed by the gateway."""

    start_index: int = 0
    end_index: int | None = None
    batch_ids: list[str] = msgspec.field(default_factory=list)
    start_date: str | None = None  # ISO date, on the document's created_at
    end_date: str | None = None


class ExportRequest(Struct, frozen=True, kw_only=True):
    v: int = SCHEMA_VERSION
    export_id: str
    reply_to: str  # core NATS subject the ExportReady is published to
    format: Literal["xlsx", "csv", "json"] = "xlsx"
    filename: str = "whole_data.xlsx"
    filters: ExportFilters = msgspec.field(default_factory=ExportFilters)
    mask_ids: bool = False


class ExportReady(Struct, frozen=True, kw_only=True):
    v: int = SCHEMA_VERSION
    export_id: str
    object_name: str | None  # key in object store `exports`; None when nothing matched
    filename: str
    rows: int = 0
    error: str | None = None


job_ref_decoder = msgspec.json.Decoder(JobRef)
ocr_job_decoder = msgspec.json.Decoder(OcrJob)
extract_job_decoder = msgspec.json.Decoder(ExtractJob)
vision_job_decoder = msgspec.json.Decoder(VisionJob)
progress_decoder = msgspec.json.Decoder(ProgressEvent)
export_request_decoder = msgspec.json.Decoder(ExportRequest)
export_ready_decoder = msgspec.json.Decoder(ExportReady)

encode = msgspec.json.encode
