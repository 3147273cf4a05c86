"""Extractor service tests: a private nats-server per test and the worker as a process."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from nats.js import JetStreamContext

from docmill_runtime.testing import WorkerProcess


@pytest.fixture
def js(private_js: JetStreamContext) -> JetStreamContext:
    return private_js


@pytest.fixture
def start_extractor(start_worker: Callable[..., WorkerProcess]) -> Callable[..., WorkerProcess]:
    """Start the extractor worker as a process (stopped at the end of the test)."""
    return lambda **env: start_worker("docmill_extractor", **env)
