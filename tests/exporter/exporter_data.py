"""The exporter tests' data set: what is inserted, and what an export of it must hold."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import asyncpg

MIGRATION = (
    Path(__file__).resolve().parents[2]
    / "services/gateway/src/docmill_gateway/migrations/0001_initial.sql"
)
BATCHES = ("BATCH_A", "BATCH_B", "BATCH_C")
DOCS = 300
SELLERS = 3
BUYERS = 7
EVIL_NAME = '=HYPERLINK("http://evil.example/x","click")'
AADHAAR = "1234 5678 9012"
PAN = "ABCDE1234F"


@dataclass
class Doc:
    document_id: str
    batch_id: str
    created_at: dt.datetime
    status: str
    sellers: int
    buyers: int


@dataclass
class Dataset:
    """What was inserted, so tests can compute the rows they expect."""

    docs: list[Doc] = field(default_factory=list)

    def done(self) -> list[Doc]:
        """Exportable documents in export order."""
        return [d for d in self.docs if d.status == "done"]

    def rows_of(self, docs: list[Doc]) -> int:
        """Rows an export of `docs` holds: one per party, one for a deed without parties."""
        return sum(max(1, d.sellers + d.buyers) for d in docs)


def build_dataset() -> Dataset:
    """300 deeds over 30 days in three batches; some not done; ~3,000 parties."""
    data = Dataset()
    base = dt.datetime(2024, 1, 1, 10, 0, tzinfo=dt.UTC)
    for i in range(DOCS):
        status = "done"
        if i % 17 == 5:
            status = "failed"
        elif i % 23 == 7:
            status = "queued"
        sellers, buyers = SELLERS, BUYERS
        if i == 42:
            sellers, buyers = 0, 0  # a deed whose parties could not be read
        data.docs.append(
            Doc(
                document_id=f"DOC{i:05d}",
                batch_id=BATCHES[i % len(BATCHES)],
                created_at=base + dt.timedelta(days=i // 10, minutes=i % 10),
                status=status,
                sellers=sellers,
                buyers=buyers,
            )
        )
    return data


async def seed_database(dsn: str, data: Dataset) -> None:
    """Apply the gateway's migration and insert `data` with COPY."""
    conn = await asyncpg.connect(dsn)
    try:
        await conn.execute(MIGRATION.read_text())
        await conn.copy_records_to_table(
            "batches",
            records=[(b, f"name of {b}") for b in BATCHES],
            columns=["batch_id", "batch_name"],
        )
        await conn.copy_records_to_table(
            "documents",
            records=[
                (
                    d.document_id,
                    d.batch_id,
                    f"{d.document_id}.pdf",
                    f"docs/{d.document_id}",
                    "0" * 64,
                    1000,
                    d.status,
                    d.created_at,
                    d.created_at.date(),
                    "Sub-Registrar Jayanagar",
                )
                for d in data.docs
            ],
            columns=[
                "document_id",
                "batch_id",
                "filename",
                "object_name",
                "sha256",
                "size_bytes",
                "status",
                "created_at",
                "transaction_date",
                "registration_office",
            ],
        )
        await conn.copy_records_to_table(
            "property_details",
            records=[
                (
                    d.document_id,
                    1200.5,
                    "Green Acres",
                    "12 MG Road",
                    2400.0,
                    "560001",
                    "Karnataka",
                    2500000.0,
                    175000.0,
                    25000.0,
                    2600000.0,
                    "No",
                )
                for d in data.docs
            ],
            columns=[
                "document_id",
                "schedule_b_area",
                "schedule_c_property_name",
                "schedule_c_property_address",
                "schedule_c_property_area",
                "pincode",
                "state",
                "sale_consideration",
                "stamp_duty_fee",
                "registration_fee",
                "guidance_value",
                "paid_in_cash_mode",
            ],
        )
        await conn.copy_records_to_table(
            "parties",
            records=list(_party_records(data)),
            columns=[
                "document_id",
                "role",
                "position",
                "name",
                "gender",
                "aadhaar_number",
                "pan_card_number",
                "address",
                "pincode",
                "state",
                "phone_number",
                "email",
                "property_share",
            ],
        )
    finally:
        await conn.close()


def _party_records(data: Dataset) -> Iterator[tuple[object, ...]]:
    for d in data.docs:
        # Buyers first and positions reversed on purpose: the export must reorder them.
        for role, count in (("B", d.buyers), ("S", d.sellers)):
            for position in reversed(range(1, count + 1)):
                name = f"{d.document_id}-{role}{position}"
                if d.document_id == "DOC00000" and role == "S" and position == 1:
                    name = EVIL_NAME
                yield (
                    d.document_id,
                    role,
                    position,
                    name,
                    "Male" if position % 2 else "Female",
                    AADHAAR,
                    PAN,
                    f"{position} Temple Street",
                    "560002",
                    "Karnataka",
                    "+91 98450 12345",
                    f"{role.lower()}{position}@example.com",
                    f"{100 // max(1, count)}%",
                )
