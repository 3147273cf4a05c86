import pytest

from docmill_normalize import format_indian, parse_amount, parse_amount_words, spell_amount

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rs. 45,00,000/-", 4_500_000.0),
        ("Rs.45,00,000.00", 4_500_000.0),
        ("INR 4500000", 4_500_000.0),
        ("₹ 45 lakhs", 4_500_000.0),
        ("1.2 crores", 12_000_000.0),
        ("Rs. 2.5 Cr.", 25_000_000.0),
        ("Rs 45, 00,000/- only", 4_500_000.0),
        ("a sum of Rs. 1,23,45,678.50 paid", 12_345_678.5),
        ("Rupees Forty Five Lakhs Only", 4_500_000.0),
        ("Rupees One Crore Twenty Lakh Fifty Thousand Only", 12_050_000.0),
        ("Rupees Two Lakh Five Hundred and Fifty Only", 200_550.0),
        ("3,500,000", 3_500_000.0),
    ],
)
def test_parse_amount(text: str, expected: float) -> None:
    assert parse_amount(text) == expected


def test_parse_amount_none_without_amount() -> None:
    assert parse_amount("no money mentioned here") is None


def test_require_currency_skips_bare_numbers() -> None:
    assert parse_amount("Sy. No. 45, paid Rs. 1,000", require_currency=True) == 1000.0


def test_parse_amount_words_ignores_text_without_numbers() -> None:
    assert parse_amount_words("Rupees Only") is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [(4_500_000, "45,00,000"), (999, "999"), (1000, "1,000"), (123_456_789, "12,34,56,789")],
)
def test_format_indian(value: int, expected: str) -> None:
    assert format_indian(value) == expected


def test_format_indian_with_paise() -> None:
    assert format_indian(4_500_000.5, decimals=2) == "45,00,000.50"


@pytest.mark.parametrize("value", [1, 19, 100, 4_520_000, 12_345_678, 250_000, 70_00_000, 999_999])
def test_spell_amount_round_trips(value: int) -> None:
    assert parse_amount_words(f"Rupees {spell_amount(value)} Only") == value


def test_spell_amount_words() -> None:
    assert spell_amount(4_520_000) == "Forty Five Lakh Twenty Thousand"
