"""Pure pieces of the OCR service: text-layer quality and the time-limited pool."""

from __future__ import annotations

import asyncio
import os
import time

import pytest

from docmill_ocr.textquality import is_usable_text
from docmill_runtime.procpool import TaskCrashedError, TaskPool, TaskTimeoutError


@pytest.mark.parametrize(
    ("text", "usable"),
    [
        ("This sale deed is executed at Bengaluru on 12 March 2021", True),
        ("ಈ ಕ್ರಯ ಪತ್ರವನ್ನು ಬೆಂಗಳೂರಿನಲ್ಲಿ ಬರೆದುಕೊಡಲಾಗಿದೆ ಮತ್ತು ನೋಂದಾಯಿಸಲಾಗಿದೆ", True),
        ("", False),
        ("   \n\n  3  \n", False),
        ("\ufffd" * 40, False),
        ("Sale deed " + "\ufffd" * 30, False),
        ("\ue000\ue001\ue002" * 10, False),
        ("!@#$%^&*()_+{}|:<>?~" * 3, False),
    ],
)
def test_text_layer_quality(text, usable):
    assert is_usable_text(text) is usable


def _sleep(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


def _die() -> None:
    os._exit(3)


async def test_pool_timeout_recycles_and_keeps_serving():
    async with TaskPool(size=1, name="test") as pool:
        first = pool.generation
        with pytest.raises(TaskTimeoutError):
            await pool.run(_sleep, 30, time_limit=0.5)
        assert pool.generation == first + 1
        assert await pool.run(_sleep, 0, time_limit=10) > 0


async def test_pool_crash_is_reported_and_pool_recovers():
    async with TaskPool(size=1, name="test") as pool:
        with pytest.raises(TaskCrashedError):
            await pool.run(_die, time_limit=10)
        assert await pool.run(_sleep, 0, time_limit=10) > 0


async def test_other_tasks_survive_a_neighbours_timeout():
    async with TaskPool(size=2, name="test") as pool:
        stuck = asyncio.create_task(pool.run(_sleep, 30, time_limit=0.5))
        fine = asyncio.create_task(pool.run(_sleep, 1.0, time_limit=10))
        with pytest.raises(TaskTimeoutError):
            await stuck
        assert await fine > 0  # resubmitted to the fresh pool, not failed


def _wait_for_file(path: str) -> int:
    while not os.path.exists(path):
        time.sleep(0.01)
    return os.getpid()


def _touch(path: str) -> None:
    with open(path, "w"):
        pass


async def test_pool_counts_idle_workers_and_wakes_waiters_when_a_task_ends(tmp_path):
    flag = str(tmp_path / "go")
    async with TaskPool(size=2, name="test") as pool:
        assert pool.idle == 2
        held = asyncio.create_task(pool.run(_wait_for_file, flag, time_limit=30))
        await asyncio.sleep(0)
        assert pool.idle == 1
        await asyncio.wait_for(pool.wait_until(lambda: pool.idle == 1), 1)  # true already
        second = asyncio.create_task(pool.run(_wait_for_file, flag, time_limit=30))
        queued = asyncio.create_task(pool.run(_sleep, 0, time_limit=30))
        await asyncio.sleep(0)
        assert pool.idle == 0  # two running, one queued

        woken = asyncio.create_task(pool.wait_until(lambda: pool.idle == 2))
        await asyncio.sleep(0.2)
        assert not woken.done()
        _touch(flag)
        await asyncio.gather(held, second, queued)
        await asyncio.wait_for(woken, 10)
        assert pool.idle == 2
