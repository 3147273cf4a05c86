"""Errors of the vision service."""

from docmill_runtime.errors import DocmillError, PermanentError


class VisionError(DocmillError):
    """Base of the vision service's errors."""


class UnknownReaderError(VisionError, PermanentError):
    """KV `pipeline` names a fee reader this worker does not have."""
