"""The registration fee read from a fee table in OCR text, or left for the vision step."""

import pytest

from docmill_extractor.rules.money import read_registration_fee

pytestmark = pytest.mark.unit

HEAD = "Details of fees paid:\nParticulars Amount\n"


def test_a_table_that_adds_up_gives_its_fee() -> None:
    text = HEAD + (
        "Stamp Duty Rs.30,30,000/-\nREGISTRATION FEE Rs.5,05,000/-\n"
        "Cess (10% of S.D.) Rs.3,03,000/-\nTotal Rs.38,38,000/-\n"
    )
    assert read_registration_fee(text) == 505000.0


def test_the_next_rows_figure_is_not_the_fee() -> None:
    # OCR lost the fee's own figure under a seal; the cess row's follows the label.
    text = HEAD + (
        "Stamp Duty Rs.30,30,000/-\nREGISTRATION FEE Ff | Recd.\n"
        "Cess (10% of S.D.) Rs.3,03,000/-\nTotal Rs.38,38,000/-\n"
    )
    assert read_registration_fee(text) is None


def test_a_table_whose_rows_miss_its_total_is_left_for_vision() -> None:
    # The stamp duty row misread (`Ri9/80,30,000`): the fee read may be as wrong.
    text = HEAD + (
        "Stamp Duty a i ta Ri9/80,30,000/-\nREGISTRATION FEE Rs.3,03,000/- | Recd.\n"
        "Cess (10% of S.D.) Rs.3,03,000/-\nTotal Rs.38,38,000/-\n"
    )
    assert read_registration_fee(text) is None


def test_fees_outside_a_table_are_read_as_before() -> None:
    assert read_registration_fee("Registration Fee\nRs. 5,37,920/-\nTotal\nRs. 9/-\n") == 537920.0
    text = "Stamp duty Rs. 50,000/-\nRegistration fee Rs. 10,000/-\nScanning fee Rs. 200/-\n"
    assert read_registration_fee(text) == 10000.0
