import pytest

from docmill_normalize import (
    infer_gender,
    is_valid_aadhaar,
    normalize_aadhaar,
    normalize_pan,
    normalize_phone,
    normalize_pincode,
    verhoeff_check_digit,
)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    "text", ["234567890123", "2345 6789 0123", "2345-6789-0123", "23456789 0123"]
)
def test_normalize_aadhaar(text: str) -> None:
    assert normalize_aadhaar(text) == "2345-6789-0123"


def test_normalize_aadhaar_wrong_length() -> None:
    assert normalize_aadhaar("2345 6789 012") is None


def test_verhoeff_known_values() -> None:
    # Published Verhoeff example: 236 -> check digit 3.
    assert verhoeff_check_digit("236") == 3
    body = "49918621071"
    full = body + str(verhoeff_check_digit(body))
    assert is_valid_aadhaar(full)
    wrong = full[:-1] + str((int(full[-1]) + 1) % 10)
    assert not is_valid_aadhaar(wrong)


def test_aadhaar_starting_with_zero_or_one_is_invalid() -> None:
    body = "12345678901"
    assert not is_valid_aadhaar(body + str(verhoeff_check_digit(body)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ABCDE1234F", "ABCDE1234F"),
        ("abcde1234f", "ABCDE1234F"),
        ("ABCDE 1234 F", "ABCDE1234F"),
        ("ABCD0I234F", "ABCDO1234F"),  # 0 in a letter slot is O, I in a digit slot is 1
        ("ABCDE12S4F", "ABCDE1254F"),  # S in a digit slot is a 5
        ("ABC1234F", None),
        ("1234567890", None),
    ],
)
def test_normalize_pan(text: str, expected: str | None) -> None:
    assert normalize_pan(text) == expected


@pytest.mark.parametrize(
    "text", ["9876543210", "+91 98765 43210", "+91-9876543210", "09876543210", "98765-43210"]
)
def test_normalize_phone(text: str) -> None:
    assert normalize_phone(text) == "9876543210"


def test_normalize_phone_rejects_short() -> None:
    assert normalize_phone("98765") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("560001", "560001"), ("560 001", "560001"), ("56001", None), ("060001", None)],
)
def test_normalize_pincode(text: str, expected: str | None) -> None:
    assert normalize_pincode(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Rajesh Kumar", "Male"),
        ("Sri Ramesh", "Male"),
        ("Shri. Anil", "Male"),
        ("Rajesh S/o Krishna", "Male"),
        ("Mrs. Lakshmi", "Female"),
        ("Smt. Geetha W/o Ravi", "Female"),
        ("Ms Priya", "Female"),
        ("Kum. Anitha D/o Mohan", "Female"),
        ("Anitha D / o Mohan", "Female"),
        ("Lakshmi wife of Ravi", "Female"),
        ("Rahul son of Mohan", "Male"),
        ("Dr. Kavya W/o Sunil", "Female"),
        ("Kavya Rao", None),
    ],
)
def test_infer_gender(text: str, expected: str | None) -> None:
    assert infer_gender(text) == expected
