"""Errors of the vision service."""

from docmill_runtime.errors import DocmillError


class VisionError(DocmillError):
    """Base of the vision service's errors."""
