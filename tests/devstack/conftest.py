"""Fixtures for the devstack tests."""

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from docmill_devstack.fixtures import make_test_dir


@pytest.fixture
def server_dir() -> Iterator[Path]:
    """A temp folder the PostgreSQL OS user can enter, removed afterwards."""
    path = make_test_dir()
    yield path
    shutil.rmtree(path, ignore_errors=True)
