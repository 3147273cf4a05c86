"""The `taluk` family: reachable templates, truth printed in the PDF, deterministic per seed."""

import datetime as dt
import re

import pymupdf
import pytest

from docmill_synth import FAMILIES, generate_deed

pytestmark = pytest.mark.slow

SEEDS = range(12)
MALE, FEMALE = {"Sri", "Shri", "Mr"}, {"Smt", "Mrs", "Ms", "Kum"}
B_MARK = re.compile(r"SCHEDULE[ -]'?B'?|Schedule B \(land\)")
C_MARK = re.compile(r"SCHEDULE[ -]'?C'?|Schedule C property")


def _text(pdf: bytes) -> str:
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        return re.sub(r"\s+", " ", " ".join(page.get_text() for page in doc))


def _date_forms(value: dt.date) -> set[str]:
    day = value.day
    suffix = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}.get(day, "th")
    return {value.strftime(fmt) for fmt in ("%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%d-%b-%Y")} | {
        f"{day}{suffix} day of {value:%B} {value.year}",
        f"{day}{suffix} {value:%B} {value.year}",
        f"{value:%B} {day}, {value.year}",
    }


def _amount_printed(value: float, plain: str) -> bool:
    return re.search(rf"Rs\. ?{int(value)}\b", plain) is not None


def _area_printed(value: float, segment: str) -> bool:
    number = str(int(value)) if value == int(value) else f"{value:.2f}"
    return re.search(rf"\b{re.escape(number)} ?(sq|Sq|square)", segment) is not None


@pytest.fixture(scope="module")
def deeds() -> list:
    return [generate_deed(seed, family="taluk") for seed in SEEDS]


def test_every_template_is_reachable(deeds: list) -> None:
    assert len(FAMILIES["taluk"]) == 4
    assert {deed.template for deed in deeds} == set(FAMILIES["taluk"])


def test_same_seed_same_deed(deeds: list) -> None:
    for seed in (0, 5, 11):
        again = generate_deed(seed, family="taluk")
        assert again.truth == deeds[seed].truth and again.template == deeds[seed].template
        assert _text(again.pdf) == _text(deeds[seed].pdf)


@pytest.mark.parametrize("seed", SEEDS)
def test_deed_level_truth_is_printed(deeds: list, seed: int) -> None:
    deed = deeds[seed]
    text = _text(deed.pdf)
    plain = text.replace(",", "")
    date = dt.date.fromisoformat(deed.truth.transaction_date)
    assert any(form in text for form in _date_forms(date))
    place = deed.truth.registration_office.removeprefix("Sub-Registrar Office, ")
    assert re.search(rf"Sub-Registrar(?: Office)?[,:]? {re.escape(place)}\b", text)
    pd = deed.truth.property_details
    for amount in (
        pd.sale_consideration,
        pd.guidance_value,
        pd.stamp_duty_fee,
        pd.registration_fee,
    ):
        assert _amount_printed(amount, plain), amount
    assert ("cash" in text.lower()) == (pd.paid_in_cash_mode == "Yes")
    b_at = B_MARK.search(text)
    c_at = C_MARK.search(text, b_at.end())
    b_part, c_part = text[b_at.start() : c_at.start()], text[c_at.start() : c_at.start() + 600]
    assert _area_printed(pd.schedule_b_area, b_part.replace(",", ""))
    assert _area_printed(pd.schedule_c_property_area, c_part.replace(",", ""))
    assert pd.schedule_c_property_name in c_part
    address = re.escape(pd.schedule_c_property_address)
    assert re.search(rf"{address}, {re.escape(pd.state)}\W+(PIN )?{pd.pincode}", c_part)


@pytest.mark.parametrize("seed", SEEDS)
def test_party_truth_is_printed(deeds: list, seed: int) -> None:
    deed = deeds[seed]
    text = _text(deed.pdf)
    digits = re.sub(r"\D", "", text)
    for party in [*deed.truth.sellers, *deed.truth.buyers]:
        name = re.escape(party.name)
        titles = set(re.findall(rf"\b(Sri|Shri|Mr|Smt|Mrs|Ms|Kum)\.? {name}\b", text))
        assert titles and titles <= (MALE if party.gender == "Male" else FEMALE)
        for value in (
            party.address,
            party.pincode,
            party.state,
            party.pan_card_number,
            party.email,
        ):
            assert value is None or value in text, value
        assert party.aadhaar_number.replace("-", "") in digits
        for phone in (party.phone_number, party.secondary_phone_number):
            assert phone is None or phone in digits
    for seller in deed.truth.sellers:
        share = seller.property_share.rstrip("%")
        follow = rf"{re.escape(seller.name)}\b.{{0,500}}?\b{share}(%| per cent)"
        assert re.search(follow, text), seller.name
