"""OCR end to end: gateway, OCR and extractor processes on a fresh nats-server and database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from e2e.stack import RunningStack, running_stack


@pytest.fixture(scope="module")
def ocr_stack(pg_server) -> Iterator[RunningStack]:  # noqa: ANN001
    """Only the services a scanned deed passes through."""
    with running_stack(pg_server, services=["gateway", "ocr", "extractor"]) as st:
        yield st
