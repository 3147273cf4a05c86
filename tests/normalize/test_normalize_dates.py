import pytest

from docmill_normalize import find_dates, parse_date

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    "text",
    [
        "15th day of January 2024",
        "this the 15th day of January, 2024",
        "15-01-2024",
        "15/01/2024",
        "January 15, 2024",
        "15.01.2024",
        "2024-01-15",
        "15 Jan 2024",
        "15-Jan-2024",
        "15th January, 2024",
        "15 / 01 / 2024",
        "Monday, the 15th of January 2024",
        "on the 15 of January, 2024",
    ],
)
def test_parse_date_to_iso(text: str) -> None:
    assert parse_date(text) == "2024-01-15"


def test_parse_date_rejects_impossible_dates() -> None:
    assert parse_date("31/02/2024") is None
    assert parse_date("no date") is None


def test_find_dates_in_reading_order() -> None:
    text = "registered on 12-03-2005 and executed on this 1st day of May 2023"
    assert [m.iso for m in find_dates(text)] == ["2005-03-12", "2023-05-01"]
    first = find_dates(text)[0]
    assert text[first.start : first.end] == "12-03-2005"
