"""Error kinds that decide a message's fate: term, nak with backoff, or ack."""


class DocmillError(Exception):
    """Base of every docmill runtime error."""


class PermanentError(DocmillError):
    """The input can never succeed (not a PDF, encrypted, ...): term and report."""


class RetryableError(DocmillError):
    """A transient failure (LLM 5xx, timeout): nak and try again later."""

    def __init__(self, message: str, *, delay: float | None = None) -> None:
        super().__init__(message)
        self.delay = delay


class WaitError(RetryableError):
    """A dependency is down (an open circuit breaker): hold the message and try again.

    The worker keeps the message, heart-beating it, and calls the handler again after
    `delay`, so an outage does not use up the document's deliveries. Past the worker's
    hold limit, or on shutdown, it is nak'd like any retryable error.
    """
