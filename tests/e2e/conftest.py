"""Fixtures for end-to-end tests: the five services as processes on a fresh NATS + DB."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from e2e.stack import RunningStack, running_stack


@pytest.fixture(scope="module")
def stack(pg_server) -> Iterator[RunningStack]:  # noqa: ANN001
    """The whole docmill stack for one test module."""
    with running_stack(pg_server) as st:
        yield st


@pytest.fixture
def client(stack: RunningStack) -> Iterator[httpx.Client]:
    """An HTTP client for the stack's gateway."""
    with httpx.Client(base_url=stack.base_url, timeout=60) as c:
        yield c
