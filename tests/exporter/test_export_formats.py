"""CSV and JSON renderings of the same rows, and the read-only session."""

from __future__ import annotations

import csv
import io

import asyncpg
import msgspec
import pytest
from exporter_data import EVIL_NAME, Dataset

from docmill_contracts.messages import ExportFilters
from docmill_exporter.database import open_pool
from docmill_exporter.rows import COLUMNS


async def test_csv(run_export, dataset: Dataset) -> None:
    ready, path = await run_export(fmt="csv")
    assert ready.error is None and ready.filename == "whole_data.csv"
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM for Excel
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
    assert rows[0] == list(COLUMNS)
    assert len(rows) - 1 == ready.rows == dataset.rows_of(dataset.done())
    first = rows[1]
    # The formula-looking name and the +91 phone are quoted so spreadsheets keep them as text.
    assert first[COLUMNS.index("Name")] == "'" + EVIL_NAME
    assert first[COLUMNS.index("Phone")] == "'+91 98450 12345"
    assert first[COLUMNS.index("Sale_Consideration")] == "2500000"
    assert first[COLUMNS.index("Transaction_Date")] == "2024-01-01"
    assert first[COLUMNS.index("Property_Share")] == "33%"
    buyer = next(r for r in rows[1:] if r[1] == "B")
    assert buyer[COLUMNS.index("Property_Share")] == ""


async def test_csv_masked(run_export) -> None:
    _, path = await run_export(fmt="csv", filters=ExportFilters(end_index=2), mask_ids=True)
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
    assert {r["Aadhaar"] for r in rows} == {"XXXX-XXXX-9012"}
    assert {r["PAN"] for r in rows} == {"XXXXXX234F"}


async def test_json(run_export, dataset: Dataset) -> None:
    ready, path = await run_export(fmt="json", mask_ids=True)
    rows = msgspec.json.decode(path.read_bytes())
    assert len(rows) == ready.rows == dataset.rows_of(dataset.done())
    first = rows[0]
    assert list(first) == list(COLUMNS)
    # JSON is data, not a spreadsheet: text stays exactly as extracted.
    assert first["Name"] == EVIL_NAME
    assert first["SL_NO"] == 1 and first["USER_TYPE"] == "S"
    assert first["Sale_Consideration"] == 2500000.0
    assert first["Transaction_Date"] == "2024-01-01"
    assert first["Aadhaar"] == "XXXX-XXXX-9012" and first["PAN"] == "XXXXXX234F"
    assert all(r["Property_Share"] is None for r in rows if r["USER_TYPE"] == "B")


async def test_json_of_nothing_is_not_uploaded(run_export) -> None:
    ready, path = await run_export(fmt="json", filters=ExportFilters(batch_ids=["NONE"]))
    assert ready.object_name is None and path is None


async def test_session_refuses_writes_even_for_the_owner(seeded_db: str) -> None:
    # The owner may write; the exporter's session setting is what stops it.
    pool = await open_pool(seeded_db, max_size=1)
    try:
        async with pool.acquire() as conn:
            assert await conn.fetchval("SHOW default_transaction_read_only") == "on"
            with pytest.raises(asyncpg.exceptions.ReadOnlySQLTransactionError):
                await conn.execute("INSERT INTO batches (batch_id, batch_name) VALUES ('X', 'x')")
            with pytest.raises(asyncpg.exceptions.ReadOnlySQLTransactionError):
                await conn.execute("DELETE FROM parties")
            assert await conn.fetchval("SELECT count(*) FROM batches WHERE batch_id = 'X'") == 0
    finally:
        await pool.close()


async def test_reader_role_can_export_but_not_write(pg_reader_dsn: str, seeded_db: str) -> None:
    conn = await asyncpg.connect(pg_reader_dsn)
    try:
        assert await conn.fetchval("SELECT count(*) FROM parties") > 2000
        with pytest.raises(asyncpg.exceptions.InsufficientPrivilegeError):
            await conn.execute("UPDATE documents SET status = 'failed'")
    finally:
        await conn.close()
