"""What can go wrong talking to an LLM, as the error kinds that decide a message's fate."""

from docmill_runtime.errors import DocmillError, PermanentError, RetryableError, WaitError

TRANSIENT_STATUS = {408, 429, 500, 502, 503, 504}


class LlmError(DocmillError):
    """Base of what can go wrong talking to an LLM."""


class LlmUnavailableError(LlmError, WaitError):
    """The circuit breaker is open: the document waits in place instead of failing."""


class LlmTransientError(LlmError, RetryableError):
    """429, 5xx, a timeout or a network error: worth retrying."""


class LlmOutputError(LlmError, RetryableError):
    """The model answered, but not with JSON matching the expected schema."""


class LlmRejectedError(LlmError, PermanentError):
    """400/401/403 or a missing key: retrying the same request will not help."""


def classify_status(code: int | None, message: str) -> LlmError:
    """429 and 5xx are worth retrying; other 4xx are the request's fault."""
    if code is None or code in TRANSIENT_STATUS or code >= 500:
        return LlmTransientError(f"LLM server error {code}: {message[:200]}")
    return LlmRejectedError(f"LLM refused the request ({code}): {message[:200]}")
