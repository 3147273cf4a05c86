"""Why a document cannot be extracted."""

from docmill_llm.errors import (
    LlmError,
    LlmOutputError,
    LlmRejectedError,
    LlmTransientError,
    LlmUnavailableError,
)
from docmill_runtime.errors import DocmillError, PermanentError

# The LLM errors live with the LLM plumbing in docmill_llm; re-exported for the handlers.
__all__ = [
    "ExtractionFailedError",
    "ExtractorError",
    "LlmError",
    "LlmOutputError",
    "LlmRejectedError",
    "LlmTransientError",
    "LlmUnavailableError",
    "NoTextError",
    "UnknownBackendError",
    "UnsupportedDocumentError",
]


class ExtractorError(DocmillError):
    """Base of the extractor service's errors."""


class UnknownBackendError(ExtractorError, PermanentError):
    """The job or KV `pipeline` names a backend this worker does not have."""


class UnsupportedDocumentError(ExtractorError, PermanentError):
    """The backend cannot extract this document type."""


class NoTextError(ExtractorError, PermanentError):
    """OCR found no text at all, so there is nothing to extract from."""


class ExtractionFailedError(ExtractorError, PermanentError):
    """The backend failed on this text in a way a retry will not fix."""
