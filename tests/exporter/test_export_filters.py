"""Filters pick the right deeds: batches, created_at date range (inclusive), index range."""

from __future__ import annotations

import datetime as dt

import msgspec
import pytest
from exporter_data import Dataset

from docmill_contracts.messages import ExportFilters


async def _exported(run_export, filters: ExportFilters) -> tuple[list[str], list[int], int]:
    ready, path = await run_export(fmt="json", filters=filters)
    assert ready.error is None, ready.error
    rows = msgspec.json.decode(path.read_bytes())
    assert len(rows) == ready.rows
    docs: list[str] = []
    for row in rows:
        if not docs or docs[-1] != row["Document_ID"]:
            docs.append(row["Document_ID"])
    return docs, sorted({row["SL_NO"] for row in rows}), ready.rows


async def test_batch_ids(run_export, dataset: Dataset) -> None:
    docs, _, rows = await _exported(run_export, ExportFilters(batch_ids=["BATCH_A", "BATCH_C"]))
    expected = [d for d in dataset.done() if d.batch_id in ("BATCH_A", "BATCH_C")]
    assert docs == [d.document_id for d in expected]
    assert rows == dataset.rows_of(expected)


async def test_single_batch(run_export, dataset: Dataset) -> None:
    docs, _, _ = await _exported(run_export, ExportFilters(batch_ids=["BATCH_B"]))
    assert docs == [d.document_id for d in dataset.done() if d.batch_id == "BATCH_B"]


async def test_date_range_is_inclusive(run_export, dataset: Dataset) -> None:
    filters = ExportFilters(start_date="2024-01-03", end_date="2024-01-05")
    docs, _, _ = await _exported(run_export, filters)
    first, last = dt.date(2024, 1, 3), dt.date(2024, 1, 5)
    expected = [d.document_id for d in dataset.done() if first <= d.created_at.date() <= last]
    assert docs == expected
    assert len(expected) > 20  # three whole days, minus failed and queued deeds


async def test_open_ended_dates(run_export, dataset: Dataset) -> None:
    docs, _, _ = await _exported(run_export, ExportFilters(start_date="2024-01-29"))
    expected = [d for d in dataset.done() if d.created_at.date() >= dt.date(2024, 1, 29)]
    assert docs == [d.document_id for d in expected]
    docs, _, _ = await _exported(run_export, ExportFilters(end_date="2024-01-01"))
    assert docs == [d.document_id for d in dataset.done() if d.created_at.day == 1][:10]


async def test_index_range_counts_deeds(run_export, dataset: Dataset) -> None:
    docs, sl_nos, _ = await _exported(run_export, ExportFilters(start_index=10, end_index=20))
    assert docs == [d.document_id for d in dataset.done()[10:20]]
    assert sl_nos == list(range(11, 21))


async def test_filters_combine(run_export, dataset: Dataset) -> None:
    filters = ExportFilters(
        batch_ids=["BATCH_A"],
        start_date="2024-01-02",
        end_date="2024-01-20",
        start_index=2,
        end_index=7,
    )
    docs, _, _ = await _exported(run_export, filters)
    matching = [
        d
        for d in dataset.done()
        if d.batch_id == "BATCH_A"
        and dt.date(2024, 1, 2) <= d.created_at.date() <= dt.date(2024, 1, 20)
    ]
    assert docs == [d.document_id for d in matching[2:7]]


@pytest.mark.parametrize(
    "filters",
    [
        ExportFilters(batch_ids=["NO_SUCH_BATCH"]),
        ExportFilters(start_date="2030-01-01"),
        ExportFilters(start_index=10_000),
        ExportFilters(start_index=5, end_index=5),
    ],
)
@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
async def test_nothing_matched(run_export, filters: ExportFilters, fmt: str) -> None:
    ready, path = await run_export(fmt=fmt, filters=filters)
    assert ready.object_name is None
    assert ready.rows == 0
    assert ready.error is None
    assert path is None


@pytest.mark.parametrize(
    ("filters", "reason"),
    [
        (ExportFilters(start_date="yesterday"), "start_date"),
        (ExportFilters(start_date="2024-02-01", end_date="2024-01-01"), "before"),
        (ExportFilters(start_index=10, end_index=3), "end_index"),
    ],
)
async def test_bad_filters_answer_with_an_error(run_export, filters, reason: str) -> None:
    ready, path = await run_export(filters=filters)
    assert ready.error is not None and reason in ready.error
    assert ready.object_name is None and path is None


async def test_unknown_format_answers_with_an_error(run_export) -> None:
    ready, _ = await run_export(fmt="pdf")
    assert ready.error is not None and "pdf" in ready.error
