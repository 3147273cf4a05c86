"""Formula-injection escaping and identity masking, without servers."""

from __future__ import annotations

import pytest

from docmill_exporter.safety import (
    clean_text,
    escape_csv,
    is_formula_like,
    mask_aadhaar,
    mask_pan,
)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    "text", ["=1+1", "+91 98450", "-2", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("a","b")']
)
def test_formula_like_text_is_quoted_for_csv(text: str) -> None:
    assert is_formula_like(text)
    assert escape_csv(text) == "'" + text


@pytest.mark.parametrize("text", ["Ravi Kumar", "560001", "a=b", "", "ರವಿ"])
def test_plain_text_is_untouched(text: str) -> None:
    assert not is_formula_like(text)
    assert escape_csv(text) == text


def test_clean_text_drops_control_characters() -> None:
    assert clean_text("Ra\x00vi\x0b Kumar\n") == "Ravi Kumar\n"


@pytest.mark.parametrize(
    ("raw", "masked"),
    [
        ("1234 5678 9012", "XXXX-XXXX-9012"),
        ("1234-5678-9012", "XXXX-XXXX-9012"),
        ("123456789012", "XXXX-XXXX-9012"),
        ("12", "XXXX-XXXX-XXXX"),
        (None, None),
        ("", ""),
    ],
)
def test_mask_aadhaar(raw: str | None, masked: str | None) -> None:
    assert mask_aadhaar(raw) == masked


@pytest.mark.parametrize(
    ("raw", "masked"),
    [
        ("ABCDE1234F", "XXXXXX234F"),
        ("abcde 1234 f", "XXXXXX234F"),
        ("ABC", "XXXXXXXXXX"),
        (None, None),
    ],
)
def test_mask_pan(raw: str | None, masked: str | None) -> None:
    assert mask_pan(raw) == masked
