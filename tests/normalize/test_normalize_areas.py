import pytest

from docmill_normalize import SQFT_PER_SQM, parse_area

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1200 sq.ft", 1200.0),
        ("1,200 sq ft", 1200.0),
        ("1200 square feet", 1200.0),
        ("1200 Sq. Ft.", 1200.0),
        ("1200 SFT", 1200.0),
        ("measuring 40 x 30 feet", 1200.0),
        ("2 guntas", 2178.0),
        ("100 sq yards", 900.0),
    ],
)
def test_parse_area_sqft(text: str, expected: float) -> None:
    assert parse_area(text) == expected


@pytest.mark.parametrize(
    "text", ["111.48 sq.m", "111.48 Sq. Mtrs", "111.48 square metres", "111.48 sq m"]
)
def test_parse_area_converts_square_metres(text: str) -> None:
    assert parse_area(text) == round(111.48 * SQFT_PER_SQM, 2)


def test_parse_area_none() -> None:
    assert parse_area("no measurement") is None
