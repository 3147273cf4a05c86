"""Why a document cannot be read; every reason is meant for a person to act on."""

from docmill_runtime.errors import DocmillError, PermanentError, RetryableError


class OcrError(DocmillError):
    """Base of the OCR service's errors."""


class BadDocumentError(OcrError, PermanentError):
    """The file is not a readable PDF (not a PDF, empty, corrupt, encrypted, too big)."""


class PageError(OcrError, PermanentError):
    """One page cannot be read (zero size, oversized, stuck, crashes the renderer)."""


class OcrEngineError(OcrError, RetryableError):
    """Tesseract is missing or misconfigured on this worker; another may manage."""
