"""Fee-table rows: splitting OCR lines, naming the registration row, reading real crops."""

from __future__ import annotations

import random
import shutil

import numpy as np
import pytest

from docmill_synth.feetable import render_fee_table, sample_fee_rows
from docmill_vision.tablerows import (
    TableRow,
    is_registration_label,
    read_table,
    registration_fee,
    split_row,
)


@pytest.mark.unit
@pytest.mark.parametrize(
    ("line", "label", "amount"),
    [
        ("Registration Fee Rs. 1,23,450/-", "Registration Fee", 123450.0),
        ("2 | Registration Fees | 12,340.00", "Registration Fees", 12340.0),
        ("1 Stamp Duty R4521 7,000.00", "Stamp Duty R4521", 7000.0),
        ("Total Amount 8,560", "Total Amount", 8560.0),
        ("Particulars Amount (Rs.)", "Particulars Amount (Rs.)", None),
        ("Scanning Fee 250", "Scanning Fee", 250.0),
    ],
)
def test_split_row(line: str, label: str, amount: float | None) -> None:
    row = split_row(line)
    assert row.amount == amount
    assert row.label.replace("(Rs.)", "").strip() == label.replace("(Rs.)", "").strip() or (
        label.startswith(row.label)
    )


@pytest.mark.unit
@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Registration Fee", True),
        ("Fee for Registration", True),
        ("Regn. Fee", True),
        ("Resstreuon Fees", True),  # OCR under a seal
        ("Stamp Duty", False),
        ("Total", False),
        ("Scanning Charges", False),
        ("Mutation Fee", False),
        ("Particulars", False),
    ],
)
def test_is_registration_label(label: str, expected: bool) -> None:
    assert is_registration_label(label) is expected


@pytest.mark.unit
def test_registration_fee_from_its_row_or_from_the_total() -> None:
    rows = [
        TableRow("Stamp Duty", 7000.0, ""),
        TableRow("Registration Fee", 1000.0, ""),
        TableRow("Total", 8000.0, ""),
    ]
    assert registration_fee(rows) == 1000.0
    unreadable = [rows[0], TableRow("Registration Fee", None, ""), rows[2]]
    assert registration_fee(unreadable) == 1000.0
    assert registration_fee([rows[0], rows[2]]) is None


def test_read_table_on_rendered_tables() -> None:
    assert shutil.which("tesseract"), "tesseract is required: apt-get install tesseract-ocr"
    rng = random.Random(7)
    hits = 0
    for i in range(8):
        fee = 1230 + 970 * i
        rows = sample_fee_rows(rng, registration_fee=fee, family="main")
        image = render_fee_table(rows, rng=rng, family="main", scale=rng.uniform(0.8, 1.3))
        hits += registration_fee(read_table(np.asarray(image))) == fee
    assert hits >= 7
