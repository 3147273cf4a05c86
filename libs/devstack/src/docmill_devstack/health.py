"""Waiting for a freshly started service process to answer its health endpoint."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable

import httpx

from docmill_devstack.errors import DevstackError


def wait_healthy(
    url: str,
    proc: subprocess.Popen[bytes],
    *,
    within_s: float = 90.0,
    describe: Callable[[], str] = lambda: "",
) -> None:
    """Poll `url` until it answers 200; fail at once if `proc` exits, or when time runs out.

    `describe()` adds context to the error, e.g. the tail of the service's log.
    """
    deadline = time.monotonic() + within_s
    while True:
        if proc.poll() is not None:
            raise DevstackError(f"{url}: service exited with {proc.returncode}. {describe()}")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline:
            raise DevstackError(f"{url} not healthy within {within_s:g} s. {describe()}")
        time.sleep(0.2)
