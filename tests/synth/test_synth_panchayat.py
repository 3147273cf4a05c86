import datetime as dt
import re

import pymupdf
import pytest

from docmill_contracts.saledeed import Party
from docmill_synth import FAMILIES, generate_deed

pytestmark = pytest.mark.slow

FAMILY = "panchayat"
SEEDS = range(16)
SQFT_IN_SQM = 10.7639
MALE = r"(?:Sri|Shri|Mr\.)"
FEMALE = r"(?:Smt\.|Mrs\.|Ms\.|Kum\.)"
FRACTIONS = {50: ["1/2"], 25: ["1/4"], 75: ["3/4"]}


def _text(pdf: bytes) -> str:
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        return re.sub(r"\s+", " ", " ".join(page.get_text() for page in doc))


@pytest.fixture(scope="module")
def deeds() -> dict[int, tuple]:
    out = {}
    for seed in SEEDS:
        deed = generate_deed(seed, family=FAMILY)
        out[seed] = (deed, _text(deed.pdf))
    return out


def _has_amount(text: str, value: float) -> bool:
    plain = text.replace(",", "")
    return re.search(rf"(?<!\d){int(value)}(?:\.00)?(?![\d])", plain) is not None


def _has_area(text: str, value: float) -> bool:
    numbers = [float(n) for n in re.findall(r"\d+(?:\.\d+)?", text.replace(",", ""))]
    if any(abs(n - value) <= 0.01 for n in numbers):
        return True
    # Square metres: a decimal in the text that converts to the value.
    decimals = (float(n) for n in re.findall(r"\d+\.\d+", text))
    return any(abs(n * SQFT_IN_SQM - value) <= 0.05 for n in decimals)


def _date_forms(value: dt.date) -> list[str]:
    month, day = value.strftime("%B"), value.day
    suffix = "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return [
        value.strftime("%d-%m-%Y"),
        value.strftime("%d/%m/%Y"),
        value.strftime("%d.%m.%Y"),
        f"{day}{suffix} day of {month} {value.year}",
        f"{month} {day}, {value.year}",
    ]


def _check_party(text: str, digits: str, party: Party) -> None:
    title = MALE if party.gender == "Male" else FEMALE
    assert re.search(rf"{title} {re.escape(party.name)}\b", text), party.name
    for value in (party.address, party.pincode, party.state):
        assert value in text
    assert party.aadhaar_number.replace("-", "") in digits
    for phone in (party.phone_number, party.secondary_phone_number):
        if phone:
            assert phone in digits
    for optional in (party.pan_card_number, party.email):
        if optional:
            assert optional in text


def test_every_template_is_reachable(deeds) -> None:
    assert {deed.template for deed, _ in deeds.values()} == set(FAMILIES[FAMILY])
    assert len(FAMILIES[FAMILY]) == 4


@pytest.mark.parametrize("seed", SEEDS)
def test_truth_values_are_printed(deeds, seed: int) -> None:
    deed, text = deeds[seed]
    truth, digits = deed.truth, re.sub(r"\D", "", text)
    assert any(form in text for form in _date_forms(dt.date.fromisoformat(truth.transaction_date)))
    place = truth.registration_office.split(", ", 1)[1]
    assert re.search(rf"Sub[- ]Registrar(?: Office)?,? {re.escape(place)}\b", text)
    for party in [*truth.sellers, *truth.buyers]:
        _check_party(text, digits, party)
    for party in truth.sellers:
        share = int(party.property_share.rstrip("%"))
        forms = [f"{share}%", f"{share} per cent", *FRACTIONS.get(share, [])]
        assert any(form in text for form in forms), party.property_share
    pd = truth.property_details
    for value in (pd.schedule_c_property_name, pd.schedule_c_property_address, pd.pincode):
        assert value in text
    assert pd.state in text
    for amount in (
        pd.sale_consideration,
        pd.guidance_value,
        pd.stamp_duty_fee,
        pd.registration_fee,
    ):
        assert _has_amount(text, amount), amount
    assert _has_area(text, pd.schedule_b_area) and _has_area(text, pd.schedule_c_property_area)
    assert ("cash" in text.lower()) == (pd.paid_in_cash_mode == "Yes")


@pytest.mark.parametrize("seed", [0, 5, 9])
def test_same_seed_same_deed(deeds, seed: int) -> None:
    again = generate_deed(seed, family=FAMILY)
    first, text = deeds[seed]
    assert again.truth == first.truth and again.template == first.template
    assert _text(again.pdf) == text
