"""Why a document cannot be extracted."""

from docmill_runtime.errors import DocmillError, PermanentError, RetryableError, WaitError


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


class LlmError(ExtractorError):
    """Base of what can go wrong talking to an LLM."""


class LlmUnavailableError(LlmError, WaitError):
    """The circuit breaker is open: the document waits in place instead of failing."""


class LlmTransientError(LlmError, RetryableError):
    """429, 5xx, a timeout or a network error: worth retrying."""


class LlmOutputError(LlmError, RetryableError):
    """The model answered, but not with JSON matching the document's schema."""


class LlmRejectedError(LlmError, PermanentError):
    """400/401/403 or a missing key: retrying the same request will not help."""
