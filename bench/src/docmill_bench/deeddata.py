"""Benchmark data: done sale deeds with their parties, bulk-inserted with COPY."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

import asyncpg

from docmill_gateway.db.migrate import apply_migrations

SELLERS = 3
BUYERS = 7
PARTIES_PER_DEED = SELLERS + BUYERS
BATCH_SIZE = 500

_FIRST = ("Ravi", "Suresh", "Lakshmi", "Anita", "Mohammed", "Priya", "ರವಿ", "Venkatesh", "Kavya")
_LAST = ("Kumar", "Sharma", "Reddy", "Gowda", "Khan", "Iyer", "ಗೌಡ", "Rao", "Naik")
_STREETS = ("MG Road", "Brigade Road", "4th Cross, Jayanagar", "Residency Road", "Temple St")
_OFFICES = ("Sub-Registrar Jayanagar", "Sub-Registrar Basavanagudi", "Sub-Registrar Hebbal")


async def seed_deeds(dsn: str, *, parties: int, seed: int = 0) -> int:
    """Apply the gateway migrations and insert deeds holding `parties` party rows; returns deeds."""
    rng = random.Random(seed)
    deeds = max(1, parties // PARTIES_PER_DEED)
    base = dt.datetime(2024, 1, 1, 9, 0, tzinfo=dt.UTC)
    conn = await asyncpg.connect(dsn)
    try:
        await apply_migrations(conn)
        batches = [f"BATCH_20240101_090000_{i:08x}" for i in range(deeds // BATCH_SIZE + 1)]
        await conn.copy_records_to_table(
            "batches",
            records=[(b, f"Sale_Deed_{i:03d}", "completed") for i, b in enumerate(batches)],
            columns=["batch_id", "batch_name", "status"],
        )
        ids = [f"DOC_{i:07d}" for i in range(deeds)]
        await conn.copy_records_to_table(
            "documents",
            records=[
                (
                    doc,
                    batches[i // BATCH_SIZE],
                    f"{doc}.pdf",
                    f"originals/{doc}",
                    f"{i:064x}",
                    250_000 + i,
                    "done",
                    base + dt.timedelta(minutes=i),
                    dt.date(2023, 1, 1) + dt.timedelta(days=i % 700),
                    _OFFICES[i % len(_OFFICES)],
                )
                for i, doc in enumerate(ids)
            ],
            columns=[
                "document_id", "batch_id", "filename", "object_name", "sha256", "size_bytes",
                "status", "created_at", "transaction_date", "registration_office",
            ],
        )  # fmt: skip
        await conn.copy_records_to_table(
            "property_details",
            records=[_property(doc, rng) for doc in ids],
            columns=[
                "document_id", "schedule_b_area", "schedule_c_property_name",
                "schedule_c_property_address", "schedule_c_property_area", "pincode", "state",
                "sale_consideration", "stamp_duty_fee", "registration_fee", "guidance_value",
                "paid_in_cash_mode",
            ],
        )  # fmt: skip
        await conn.copy_records_to_table(
            "parties",
            records=_parties(ids, rng),
            columns=[
                "document_id", "role", "position", "name", "gender", "aadhaar_number",
                "pan_card_number", "address", "pincode", "state", "phone_number",
                "secondary_phone_number", "email", "property_share",
            ],
        )  # fmt: skip
        await conn.execute("ANALYZE")
    finally:
        await conn.close()
    return deeds


def _property(doc: str, rng: random.Random) -> tuple[object, ...]:
    price = float(rng.randrange(1_500_000, 90_000_000, 1000))
    return (
        doc,
        float(rng.randrange(600, 4800)),
        f"Site No. {rng.randrange(1, 900)}",
        f"{rng.randrange(1, 400)}, {rng.choice(_STREETS)}, Bengaluru",
        round(rng.uniform(600, 4800), 2),
        f"5600{rng.randrange(10, 99)}",
        "Karnataka",
        price,
        round(price * 0.056),
        round(price * 0.01),
        round(price * 0.95),
        rng.choice(("No", "Yes")),
    )


def _parties(ids: list[str], rng: random.Random) -> Iterator[tuple[object, ...]]:
    for doc in ids:
        for role, count in (("S", SELLERS), ("B", BUYERS)):
            for position in range(1, count + 1):
                name = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
                if rng.random() < 0.001:
                    name = '=HYPERLINK("http://evil.example","x")'  # kept inert by the export
                yield (
                    doc,
                    role,
                    position,
                    name,
                    rng.choice(("Male", "Female")),
                    f"{rng.randrange(10**11, 10**12)}",
                    f"ABCDE{rng.randrange(1000, 9999)}F",
                    f"{rng.randrange(1, 999)}, {rng.choice(_STREETS)}, Bengaluru & Co <{role}>",
                    f"5600{rng.randrange(10, 99)}",
                    "Karnataka",
                    f"+91 98{rng.randrange(10**7, 10**8)}",
                    None if rng.random() < 0.7 else f"080 {rng.randrange(10**7, 10**8)}",
                    f"{role.lower()}{position}.{doc.lower()}@example.com",
                    f"{100 // count}%" if role == "S" else None,
                )
