"""The fee reader on deeds whose fee table is only a scanned image.

The deeds and fee tables come from the `holdout` families: wording, fonts and table
layouts neither the detector nor the row rules were tuned on.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from docmill_contracts.messages import FeeFound, VisionJob
from docmill_runtime.procpool import TaskPool
from docmill_synth import generate_deed
from docmill_synth.feedeed import FeeDeed, deed_with_fee_table
from docmill_vision.detector import DetectorConfig
from docmill_vision.fee import find_fee
from docmill_vision.pages import init_process
from docmill_vision.settings import VisionSettings

pytestmark = pytest.mark.slow

DEEDS = 10
# Holdout seeds 9000..9009: measured 8 of 10, the same before and after the weak-candidate
# and vote changes (20 seeds gave 18 of 20; the full bench set runs in `make bench
# BENCH=vision`). The misses: seed 9001, whose fee row no reading gets, and seed 9005,
# read as 2.0 under a seal. The goal is 0.95.
MIN_RIGHT = 0.8


@pytest.fixture(scope="module")
async def pool():
    async with TaskPool(
        size=2, initializer=init_process, initargs=(DetectorConfig(),), name="vision-test"
    ) as pool:
        yield pool


def _settings() -> VisionSettings:
    from docmill_runtime.settings import WorkerSettings

    return VisionSettings(worker=WorkerSettings.from_env("vision"), detector=DetectorConfig())


def _job(name: str, pages: list[int] | None = None) -> VisionJob:
    return VisionJob(
        document_id=name,
        batch_id="t",
        filename=f"{name}.pdf",
        object_name=name,
        candidate_pages=pages or [],
    )


async def test_reads_the_registration_fee_from_image_only_tables(pool, tmp_path: Path) -> None:
    async def read(seed: int) -> tuple[FeeDeed, FeeFound, list]:
        deed = deed_with_fee_table(seed, family="holdout", table_family="holdout")
        path = tmp_path / f"{deed.filename}.pdf"
        path.write_bytes(deed.pdf)
        found, readings = await find_fee(
            _job(deed.filename), path=path, pool=pool, settings=_settings()
        )
        return deed, found, readings

    # Deeds share the pool, so both processes stay busy while one deed waits on a page.
    results = await asyncio.gather(*(read(9000 + seed) for seed in range(DEEDS)))
    right, misses = 0, []
    for deed, found, readings in results:
        if found.registration_fee == deed.registration_fee and found.page == deed.fee_page:
            right += 1
            assert found.box is not None and len(found.box) == 4
        else:
            misses.append((deed.filename, deed.registration_fee, found, readings))
    assert right >= DEEDS * MIN_RIGHT, (right, misses)


async def test_candidate_pages_from_the_extractor_win(pool, tmp_path: Path) -> None:
    deed = deed_with_fee_table(77, family="holdout", table_family="holdout")
    path = tmp_path / "d.pdf"
    path.write_bytes(deed.pdf)
    found, readings = await find_fee(
        _job("d", pages=[1]), path=path, pool=pool, settings=_settings()
    )
    assert [r.page for r in readings] == [1]
    assert found.registration_fee is None
    assert found.reason == "no fee table found on pages 1"


async def test_a_deed_without_fee_table_gets_a_reason(pool, tmp_path: Path) -> None:
    deed = generate_deed(5, family="holdout")
    path = tmp_path / "plain.pdf"
    path.write_bytes(deed.pdf)
    found, _ = await find_fee(_job("plain"), path=path, pool=pool, settings=_settings())
    assert found.registration_fee is None and found.page is None
    assert found.reason is not None and found.reason.startswith("no fee table found on pages")
