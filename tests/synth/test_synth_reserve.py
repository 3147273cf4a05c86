"""The reserve deed family: every scored truth value is printed, and a seed fixes the deed."""

import datetime as dt
import functools
import re

import pymupdf
import pytest

from docmill_contracts.saledeed import Party
from docmill_synth import FAMILIES, GeneratedDeed, generate_deed

pytestmark = pytest.mark.slow

SEEDS = range(12)
MONTHS = (
    "January February March April May June July August September October November December"
).split()
DAY_WORDS = (
    "First Second Third Fourth Fifth Sixth Seventh Eighth Ninth Tenth Eleventh Twelfth "
    "Thirteenth Fourteenth Fifteenth Sixteenth Seventeenth Eighteenth Nineteenth Twentieth "
    "Twenty-first Twenty-second Twenty-third Twenty-fourth Twenty-fifth Twenty-sixth "
    "Twenty-seventh Twenty-eighth Twenty-ninth Thirtieth Thirty-first"
).split()
YEAR_WORDS = {
    2015: "Fifteen",
    2016: "Sixteen",
    2017: "Seventeen",
    2018: "Eighteen",
    2019: "Nineteen",
    2020: "Twenty",
    2021: "Twenty One",
    2022: "Twenty Two",
    2023: "Twenty Three",
    2024: "Twenty Four",
    2025: "Twenty Five",
}
TITLE_GENDER = {"Sri": "Male", "Shri": "Male", "Mr.": "Male"}
TITLE_GENDER |= {"Smt.": "Female", "Mrs.": "Female", "Ms.": "Female", "Kum.": "Female"}
FRACTIONS = {50: "one-half", 25: "one-fourth", 75: "three-fourths"}
UNIT = r"\s?(sq|square|sft)"


@functools.cache
def _deed(seed: int) -> tuple[GeneratedDeed, str]:
    deed = generate_deed(seed, family="reserve")
    with pymupdf.open(stream=deed.pdf, filetype="pdf") as doc:
        text = " ".join(page.get_text() for page in doc)
    return deed, re.sub(r"\s+", " ", text)


def _grouped(value: int) -> str:
    head, tail = str(value)[:-3], str(value)[-3:]
    pairs = [head[max(0, i - 2) : i] for i in range(len(head), 0, -2)][::-1]
    return ",".join([*pairs, tail])


def _has_amount(text: str, value: float) -> bool:
    whole = int(value)
    forms = [f"{_grouped(whole)}/-", f"{_grouped(whole)}.00", f"{whole}/-"]
    return any(re.search(rf"(Rs\.?|INR) ?{re.escape(form)}", text) for form in forms)


def _date_forms(day: dt.date) -> list[str]:
    month, dd, mm, yy = MONTHS[day.month - 1], f"{day.day:02d}", f"{day.month:02d}", day.year
    suffix = "th" if 11 <= day.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day.day % 10, "th")
    return [
        f"{dd}.{mm}.{yy}",
        f"{dd}-{mm}-{yy}",
        f"{dd}/{mm}/{yy}",
        f"{dd}-{month[:3]}-{yy}",
        f"{day.day}{suffix} day of {month} {yy}",
        f"{DAY_WORDS[day.day - 1]} day of {month}, Two Thousand {YEAR_WORDS[yy]}",
    ]


def _has_area(text: str, sqft: float, sqm: float | None) -> bool:
    if sqm is not None:
        forms = [f"{sqm:.2f}"]
    elif sqft == int(sqft):
        forms = [f"{sqft:.0f}", f"{sqft:,.0f}"]
    else:
        forms = [f"{sqft:,.2f}", f"{sqft:.2f}"]
    return any(re.search(rf"(?<![\d,.]){re.escape(f)}{UNIT}", text, re.I) for f in forms)


def _near(text: str, anchor: str, *wanted: str, span: int = 80) -> bool:
    """True when every `wanted` follows some occurrence of `anchor` within `span` characters."""
    for hit in re.finditer(re.escape(anchor), text):
        window = text[hit.end() : hit.end() + span]
        if all(w in window for w in wanted):
            return True
    return False


def _check_party(text: str, party: Party) -> None:
    titles = re.findall(rf"(Sri|Shri|Mr\.|Smt\.|Mrs\.|Ms\.|Kum\.) {re.escape(party.name)}\b", text)
    assert titles and {TITLE_GENDER[t] for t in titles} == {party.gender}
    assert _near(text, party.address, party.pincode, party.state)
    a = party.aadhaar_number.replace("-", "")
    assert re.search(rf"{a[:4]}[ -]?{a[4:8]}[ -]?{a[8:]}", text)
    for phone in filter(None, (party.phone_number, party.secondary_phone_number)):
        assert re.search(rf"(?<!\d){phone[:5]} ?{phone[5:]}(?!\d)", text)
    for optional in (party.email, party.pan_card_number):
        if optional:
            assert optional in text


def _share_forms(share: str) -> list[str]:
    value = int(share.rstrip("%"))
    forms = [f"{value}%", f"{value} per cent"]
    return [*forms, FRACTIONS[value]] if value in FRACTIONS else forms


def test_every_template_is_reachable() -> None:
    assert {_deed(seed)[0].template for seed in SEEDS} == set(FAMILIES["reserve"])
    assert len(FAMILIES["reserve"]) == 4


@pytest.mark.parametrize("seed", SEEDS)
def test_truth_values_are_printed(seed: int) -> None:
    deed, text = _deed(seed)
    truth = deed.truth
    assert any(form in text for form in _date_forms(dt.date.fromisoformat(truth.transaction_date)))
    place = truth.registration_office.split(", ", 1)[1]
    assert re.search(rf"Sub-Registrar(?: Office)?, {re.escape(place)}\b", text)
    for party in [*truth.sellers, *truth.buyers]:
        _check_party(text, party)
    for seller in truth.sellers:
        assert any(
            _near(text, seller.name, f, span=400) for f in _share_forms(seller.property_share)
        )
    pd = truth.property_details
    assert pd.schedule_c_property_name in text
    assert _near(text, pd.schedule_c_property_address, pd.pincode, pd.state)
    facts_sqm = re.search(r"([\d.]+) (Sq\. Mtrs|square metres|Sq\.M)\b", text)
    sqm = float(facts_sqm.group(1)) if facts_sqm else None
    if sqm is not None:
        assert abs(sqm * 10.7639104 - pd.schedule_b_area) < 0.05
    assert _has_area(text, pd.schedule_b_area, sqm)
    assert _has_area(text, pd.schedule_c_property_area, None)
    for amount in (
        pd.sale_consideration,
        pd.guidance_value,
        pd.stamp_duty_fee,
        pd.registration_fee,
    ):
        assert _has_amount(text, amount)
    assert ("cash" in text.lower()) == (pd.paid_in_cash_mode == "Yes")


def test_same_seed_same_deed() -> None:
    for seed in (0, 5):
        first, again = _deed(seed)[0], generate_deed(seed, family="reserve")
        assert (first.truth, first.template, first.filename) == (
            again.truth,
            again.template,
            again.filename,
        )
        with pymupdf.open(stream=again.pdf, filetype="pdf") as doc:
            assert re.sub(r"\s+", " ", " ".join(p.get_text() for p in doc)) == _deed(seed)[1]
