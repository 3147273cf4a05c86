"""Repairs of Tesseract slips: taken only when the value's own check proves them."""

import pytest

from docmill_normalize import (
    find_dates,
    mend_ordinals,
    ocr_digits,
    ordinal_suffix,
    parse_amount,
    parse_area,
    repair_aadhaar,
    verhoeff_check_digit,
)

pytestmark = pytest.mark.unit

BODY = "73015520847"
AADHAAR = BODY + str(verhoeff_check_digit(BODY))
GROUPED = f"{AADHAAR[:4]}-{AADHAAR[4:8]}-{AADHAAR[8:]}"


def test_ocr_digits_reads_look_alike_letters() -> None:
    assert ocr_digits("S6O OlB") == "560018"


@pytest.mark.parametrize(
    "garbled",
    [
        f"{AADHAAR[:3]} {AADHAAR[3:]}",  # a narrow digit split off
        AADHAAR.replace("0", "O").replace("1", "l"),
        AADHAAR.replace("5", "S"),
        f"{AADHAAR[:4]}-{AADHAAR[4:8].replace('8', 'B')} {AADHAAR[8:]}",
    ],
)
def test_repair_aadhaar_accepts_a_number_passing_verhoeff(garbled: str) -> None:
    assert repair_aadhaar(garbled) == GROUPED


def test_repair_aadhaar_refuses_a_number_failing_verhoeff() -> None:
    wrong = AADHAAR[:-1] + str((int(AADHAAR[-1]) + 1) % 10)
    assert repair_aadhaar(wrong) is None
    assert repair_aadhaar(AADHAAR[:-1]) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Stamp duty of INR 3 2,40,500 has been paid", 3_240_500.0),
        ("for Rs.2 .45,00,000.00 paid", 24_500_000.0),
        ("Rs. 7.80.180 only", 780_180.0),
        ("Guidance value Rupees 2,1 0,50,000/- only", 21_050_000.0),
        ("Rs. 1,250.75 for stationery", 1_250.75),
        ("Rs. 1.25 crore", 12_500_000.0),
        ("Rs. 195.96 Lakhs", 19_596_000.0),
    ],
)
def test_parse_amount_joins_figures_when_grouping_proves_it(text: str, expected: float) -> None:
    assert parse_amount(text, require_currency=True) == expected


def test_parse_amount_keeps_figures_apart_when_grouping_does_not_fit() -> None:
    # "7 2,50" is no grouping; the first amount stays the 7 printed.
    assert parse_amount("Rs. 7 2,50 and more", require_currency=True) == 7.0


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("executed on this Qth day of March 2022", "2022-03-09"),
        ("the lst day of June, 2021", "2021-06-01"),
        ("on 2Ist October 2020", "2020-10-21"),
        ("dated 1Oth May 2019", "2019-05-10"),
    ],
)
def test_find_dates_reads_look_alike_days_that_fit_their_suffix(text: str, iso: str) -> None:
    assert [d.iso for d in find_dates(text)] == [iso]


@pytest.mark.parametrize("text", ["the Oth day of May 2020", "3Oth February 2020", "Ist Floor"])
def test_find_dates_refuses_days_no_reading_fits(text: str) -> None:
    assert find_dates(text) == []


@pytest.mark.parametrize(
    ("text", "sqft"),
    [("built-up area of 1204 .5 sq ft", 1204.5), ("measuring 100 Sq. Mirs", 1076.39)],
)
def test_parse_area_tolerates_ocr_spacing_and_units(text: str, sqft: float) -> None:
    assert parse_area(text) == sqft


def test_parse_amount_reads_a_space_standing_for_a_comma() -> None:
    assert parse_amount("Guidance Value : Rs.6,41,18 000/-", require_currency=True) == 64_118_000.0


@pytest.mark.parametrize(
    ("text", "mended"),
    [
        ("No. 12, 4st Main Road", "No. 12, 1st Main Road"),
        ("Sth Block, Jayanagar", "5th Block, Jayanagar"),
        ("lst Cross and 2Ind Stage", "1st Cross and 2Ind Stage"),
        ("the 1Oth day", "the 10th day"),
        ("Both parties, the gist, 14st, 22nd, 3rd", "Both parties, the gist, 14st, 22nd, 3rd"),
    ],
)
def test_mend_ordinals_only_where_one_reading_fits_the_suffix(text: str, mended: str) -> None:
    assert mend_ordinals(text) == mended


@pytest.mark.parametrize(("number", "suffix"), [(1, "st"), (11, "th"), (22, "nd"), (113, "th")])
def test_ordinal_suffix(number: int, suffix: str) -> None:
    assert ordinal_suffix(number) == suffix
