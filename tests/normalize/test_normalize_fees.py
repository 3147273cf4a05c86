import pytest

from docmill_normalize import is_likely_fee, is_possible_fee

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("fee", "base", "likely", "possible"),
    [
        (45_000.0, 4_500_000.0, True, True),  # 1%: Karnataka's rate
        (30_000.0, 60_000_000.0, False, True),  # a capped fee on a costly flat
        (332.0, 33_200_000.0, False, False),  # "3,32,000" cut short by OCR
        (5.05, 50_500_000.0, False, False),  # a paise cell read as the rupees
        (3_000_000.0, 30_000_000.0, False, False),  # 10%: that is a stamp duty, not a fee
        (1_000.0, None, True, True),  # no value known: nothing to judge by
    ],
)
def test_fee_against_the_property_value(fee, base, likely, possible) -> None:
    assert is_likely_fee(fee, base=base) is likely
    assert is_possible_fee(fee, base=base) is possible
