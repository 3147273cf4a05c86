"""Exporter errors; every one of them ends in an ExportReady with the reason."""

from docmill_runtime.errors import DocmillError


class ExporterError(DocmillError):
    """Base of every exporter error."""


class ExportRequestError(ExporterError):
    """The request cannot be served as asked (bad filter, unknown format)."""


class ExportWriteError(ExporterError):
    """Writing or uploading the export file failed."""
