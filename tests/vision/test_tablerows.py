"""Fee-table rows: splitting OCR lines, naming the registration row, reading real crops."""

from __future__ import annotations

import random
import shutil

import numpy as np
import pytest

from docmill_synth.feetable import render_fee_table, sample_fee_rows
from docmill_vision.clues import FeeClues
from docmill_vision.tableocr import read_table
from docmill_vision.tablerows import (
    TableRow,
    adds_up,
    has_paise_column,
    is_registration_label,
    join_paise,
    parse_figure,
    registration_fee,
    split_row,
)
from docmill_vision.tablevote import consensus_fee


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
        # OCR slips: an irregular group, seal specks after the amount, a space in a group.
        ("Regn. Fee CH69633 1,32000.00", "Regn. Fee CH69633", 132000.0),
        ("2 Regn. Fee Online Rs. 4,18,600/- ql", "Regn. Fee Online", 418600.0),
        ("Registration Fees (Rs.) 4, 36,000", "Registration Fees (Rs.)", 436000.0),
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
        ("Registration charges", True),
        ("Registration Fees (Rs.)", True),
        ("Regn. Fee", True),
        # Long, but a fee head from its first words; OCR drops the `1`.
        ("Registration fees u/Art. of the Table of Fees", True),
        ("Fees for registration as per Article 1 of the Table", True),
        ("Aogistration fees u/Art. cf tie fabio Feos", True),  # under a seal
        ("Legislation fee", False),
        ("Presented for registration at the office between 10 and 11 AM", False),
        ("Duty on Stamp", False),
        ("Infrastructure Cess", False),
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
    # Implied from a misread amount (a fraction of a rupee): no fee rather than a wrong one.
    garbled = [TableRow("Stamp Duty", 6999.5, ""), unreadable[1], rows[2]]
    assert registration_fee(garbled) is None


@pytest.mark.unit
def test_a_seal_fragment_naming_registration_is_not_the_fee_row() -> None:
    rows = [
        TableRow("UB REGIS,", 1.0, ""),  # the seal's SUB REGISTRAR over the table
        TableRow("Service charges", 200.0, ""),
        TableRow("Registration fees u/Art. of the Table of Fees", 332000.0, ""),
    ]
    assert registration_fee(rows) == 332000.0


def _rows(lines: list[str]) -> list[TableRow]:
    return [split_row(line) for line in lines]


@pytest.mark.unit
def test_rupee_and_paise_columns_make_one_amount() -> None:
    # Tesseract's lines of a `Sl. No. | Description | Rs. | Ps.` endorsement table.
    rows = join_paise(
        _rows(
            [
                "No. JéA-1-06075-2023-24 Book |",
                "SL.No. Description Rs. Ps.",
                "1. Stamp duty paid 20,94,000 00",
                "2. Misc. fee 40 50",
                "3. REGISTRATION FEE 3,49,000 00",
                "4. Kaveri service charges 150 00",
                "5. Surcharge 62,820 00",
                "TOTAL 25,06,010 50",
            ]
        )
    )
    amounts = {r.label: r.amount for r in rows if r.amount is not None}
    assert amounts["Misc. fee"] == 40.5
    assert amounts["TOTAL"] == 2506010.5
    assert registration_fee(rows) == 349000.0
    assert adds_up(rows)


@pytest.mark.unit
def test_a_paise_column_without_its_header_and_a_lost_rupee_cell() -> None:
    lines = [
        "1 Stamp duty paid 20.94.000 00",
        "2 Misc. fee 00",  # the rupees lost: the serial number is not them
        "3 REGISTRATION FEE 3.49.000 00",
        "4 Kaveri service charges 150 00",
    ]
    assert has_paise_column(_rows(lines))
    rows = join_paise(_rows(lines))
    assert [r.amount for r in rows] == [2094000.0, None, 349000.0, 150.0]
    assert registration_fee(rows) == 349000.0


@pytest.mark.unit
@pytest.mark.parametrize(
    "lines",
    [
        # One amount column: receipts, serial numbers and small fees stay as they are.
        ["Fee Receipt No. Amount", "Registration Fee 10021 2,15,000.00", "Scanning Fee 10022 60"],
        ["Sl. Nature of fee Amount", "1 Registration Fee 2,15,000/-", "2 Copying fee 80"],
        ["Particulars Amount (Rs.)", "Stamp Duty 12", "Registration Fee 44,000", "Total 44,012"],
    ],
)
def test_tables_without_a_paise_column_are_left_alone(lines: list[str]) -> None:
    rows = _rows(lines)
    assert not has_paise_column(rows)
    assert join_paise(rows) == rows


@pytest.mark.unit
@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("1,23,456", 123456.0),
        ("1,32000.00", 132000.0),
        ("3052300.00", 3052300.0),
        ("12,340.50", 12340.5),
        ("4, 36,000", 436000.0),
        ("250", 250.0),
        ("44.9", None),  # `44,900` with a group lost: not a figure to trust
    ],
)
def test_parse_figure(raw: str, value: float | None) -> None:
    assert parse_figure(raw) == value


@pytest.mark.unit
def test_consensus_takes_the_fee_that_balances_the_total() -> None:
    # Three passes over a sealed table: each garbles a different row.
    passes = [
        [
            TableRow("Stamp Duty", 924000.0, ""),
            TableRow("Regn. Fee", 32000.0, ""),  # leading digit under the seal
            TableRow("Scanning Fee", 100.0, ""),
            TableRow("Total Paid", 1056100.0, ""),
        ],
        [
            TableRow("Stamp Duty", 24000.0, ""),
            TableRow("Regn. Fee", 132000.0, ""),
            TableRow("Scanning Fee", 100.0, ""),
            TableRow("Total Paid", 1056100.0, ""),
        ],
        [
            TableRow("Stamp Duty", 924000.0, ""),
            TableRow("Regn. Fee", 32000.0, ""),
            TableRow("Scanning Fee", 100.0, ""),
            TableRow("Total Paid", 1056100.0, ""),
        ],
    ]
    assert consensus_fee(passes) == 132000.0
    # Without a balancing choice the majority wins, never a zero.
    unbalanced = [[TableRow("Regn. Fee", 32000.0, "")], [TableRow("Regn. Fee", 0.0, "")]] * 2
    assert consensus_fee(unbalanced + [[TableRow("Regn. Fee", 32000.0, "")]]) == 32000.0


@pytest.mark.unit
def test_an_unreadable_label_is_the_fee_when_every_other_row_is_known() -> None:
    rows = [
        TableRow("Mutation Fee", 50.0, ""),
        TableRow("af for ee", 228150.0, ""),  # "Fee for Registration" under a seal
        TableRow("nd Tot", 228200.0, ""),
    ]
    assert registration_fee(rows) is None
    assert consensus_fee([rows]) == 228150.0
    # No total: one unknown `... Fee` row among known heads is the fee.
    no_total = [rows[0], TableRow("texqn. Fee DD", 61000.0, ""), TableRow("Cess", 7320.0, "")]
    assert consensus_fee([no_total]) == 61000.0
    # Two unknown rows: nothing says which one is the fee.
    assert consensus_fee([[*rows[:2], TableRow("qwerty", 0.0, ""), rows[2]]]) is None


def test_read_table_on_rendered_tables() -> None:
    assert shutil.which("tesseract"), "tesseract is required: apt-get install tesseract-ocr"
    rng = random.Random(7)
    hits = 0
    for i in range(8):
        fee = 1230 + 970 * i
        rows = sample_fee_rows(rng, registration_fee=fee, family="main")
        image = render_fee_table(rows, rng=rng, family="main", scale=rng.uniform(0.8, 1.3))
        hits += read_table(np.asarray(image)).fee == fee
    assert hits >= 7


def test_a_fee_the_ocr_text_gave_is_confirmed_by_one_reading() -> None:
    assert shutil.which("tesseract"), "tesseract is required: apt-get install tesseract-ocr"
    rng = random.Random(11)
    rows = [
        r
        for r in sample_fee_rows(rng, registration_fee=4560, family="main")
        if r.key != "total"  # without a total no single reading can prove itself
    ]
    image = np.asarray(render_fee_table(rows, rng=rng, family="main", scale=1.0))
    alone = read_table(image)
    confirmed = read_table(image, clues=FeeClues(text_fee=4560.0))
    assert confirmed.fee == 4560.0 and confirmed.readings == 1
    assert alone.fee == 4560.0 and alone.readings > 1
    # A text fee no reading gives changes nothing: the table's own reading stands.
    assert read_table(image, clues=FeeClues(text_fee=9999.0)).fee == 4560.0
    # On a property worth Rs. 50 crore, 4,560 is no registration fee: a misreading.
    assert read_table(image, clues=FeeClues(property_value=5e8)).fee is None
    assert read_table(image, clues=FeeClues(property_value=456_000)).fee == 4560.0


@pytest.mark.unit
def test_fee_clues_rule_out_figures_no_fee_could_be() -> None:
    clues = FeeClues(text_fee=505000.0, property_value=50_500_000.0)
    assert clues.confirms(505000.0) and not clues.confirms(303000.0)
    assert clues.allows(505000.0) and clues.allows(303000.0)
    assert not clues.allows(5.05) and not clues.allows(5_000_000.0)
    assert FeeClues().allows(5.05)  # nothing known, nothing ruled out


@pytest.mark.unit
def test_a_tie_goes_to_the_figure_a_seal_cut_short() -> None:
    def reading(fee: float) -> list[TableRow]:
        return [TableRow("Cess on Stamp Duty", 289520.0, ""), TableRow("Registration Fee", fee, "")]

    # No total to check against; two readings lost the leading digit under the seal.
    votes = [reading(17000.0), reading(17000.0), reading(7.0), reading(517000.0), reading(517000.0)]
    assert consensus_fee(votes) == 517000.0
    # Without a tie the majority still wins.
    assert consensus_fee([reading(17000.0), reading(17000.0), reading(517000.0)]) == 17000.0


@pytest.mark.unit
def test_a_fee_no_property_could_carry_is_read_off_the_total() -> None:
    from docmill_vision.tableocr import _implied_instead
    from docmill_vision.tablerows import implied_fee

    rows = [
        TableRow("Stamp Duty", 3030000.0, ""),
        TableRow("REGISTRATION FEE", 5.05, ""),  # `5,05,000` with its paise misread
        TableRow("Cess", 303000.0, ""),
        TableRow("Total", 3838000.0, ""),
        TableRow("fAtla", 2.0, ""),  # a signature's scrawl after the total
    ]
    assert implied_fee(rows, rows[1]) == 505000.0
    clues = FeeClues(text_fee=303000.0, property_value=50_500_000.0)
    assert _implied_instead([rows], clues=clues) == 505000.0
    # Without the property's value, nothing says 5.05 is wrong.
    assert _implied_instead([rows], clues=FeeClues()) is None
