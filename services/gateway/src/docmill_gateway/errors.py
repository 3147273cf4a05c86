"""Gateway domain errors; routes turn them into the seed's HTTP errors."""


class GatewayError(Exception):
    """Base of gateway domain errors."""


class NotFoundError(GatewayError):
    """A document, batch or ticket that does not exist."""


class ConflictError(GatewayError):
    """An operation that cannot run in the current state (already running...)."""


class InvalidUploadError(GatewayError):
    """An uploaded file that is not acceptable (not a PDF, empty, too big)."""
