import datetime as dt
import functools
import re

import pymupdf
import pytest

from docmill_contracts.saledeed import Party
from docmill_synth import FAMILIES, GeneratedDeed, generate_deed

pytestmark = pytest.mark.slow

SEEDS = range(12)
HONORIFICS = {"Sri": "Male", "Shri": "Male", "Mr.": "Male"}
HONORIFICS |= {"Smt.": "Female", "Mrs.": "Female", "Ms.": "Female", "Kum.": "Female"}
FRACTIONS = {25: ["1/4th"], 50: ["1/2", "one-half", "half share"], 75: ["3/4th"]}


@functools.cache
def _deed(seed: int) -> GeneratedDeed:
    return generate_deed(seed, family="circle")


def _text(pdf: bytes) -> str:
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        return re.sub(r"\s+", " ", " ".join(page.get_text() for page in doc))


def _grouped(n: int) -> str:
    """Indian digit grouping, written here apart from the generator: 12,34,567."""
    head, tail = str(n)[:-3], str(n)[-3:]
    pairs = re.findall(r"\d{1,2}(?=(?:\d{2})*$)", head)
    return ",".join([*pairs, tail]) if head else tail


def _date_forms(d: dt.date) -> list[str]:
    day = (
        f"{d.day}{'th' if 11 <= d.day <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(d.day % 10, 'th')}"
    )
    return [
        d.strftime("%d-%m-%Y"),
        d.strftime("%d/%m/%Y"),
        d.strftime("%d.%m.%Y"),
        d.strftime("%d-%b-%Y"),
        f"{d.day} {d:%B} {d.year}",
        f"{day} day of {d:%B} {d.year}",
        f"{day} day of {d:%B}, {d.year}",
    ]


def _area_forms(value: float) -> list[str]:
    return [f"{value:g}", f"{value:,.0f}", f"{value:.2f}", f"{value / 10.7639:.2f}"]


def _assert_party(party: Party, text: str, digits: str) -> None:
    assert party.name in text
    said = {
        HONORIFICS[m]
        for m in re.findall(rf"(\S+) {re.escape(party.name)}\b", text)
        if m in HONORIFICS
    }
    assert said == {party.gender}, (party.name, said)
    assert party.address in text and party.pincode in text and party.state in text
    assert party.aadhaar_number.replace("-", "") in digits
    assert party.phone_number in digits
    for optional in (party.secondary_phone_number,):
        assert optional is None or optional in digits
    for optional in (party.email, party.pan_card_number):
        assert optional is None or optional in text
    if party.property_share is not None:
        share = int(party.property_share.rstrip("%"))
        forms = [f"{share}%", f"{share} per cent", *FRACTIONS.get(share, [])]
        assert any(form in text for form in forms), (party.name, share)


def test_every_template_is_reachable() -> None:
    assert {_deed(s).template for s in SEEDS} == set(FAMILIES["circle"])
    assert len(FAMILIES["circle"]) == 4


@pytest.mark.parametrize("seed", SEEDS)
def test_every_scored_value_is_printed(seed: int) -> None:
    deed = _deed(seed)
    text = _text(deed.pdf)
    digits = re.sub(r"\D", "", text)
    truth, pd = deed.truth, deed.truth.property_details
    for party in [*truth.sellers, *truth.buyers]:
        _assert_party(party, text, digits)
    assert any(form in text for form in _date_forms(dt.date.fromisoformat(truth.transaction_date)))
    place = truth.registration_office.removeprefix("Sub-Registrar Office, ")
    assert re.search(rf"Sub-Registrar\W+(?:Office\W+|at\W+)?{re.escape(place)}\b", text)
    assert pd.schedule_c_property_name in text
    assert f"{pd.schedule_c_property_address}, {pd.state} - {pd.pincode}" in text
    assert any(form in text for form in _area_forms(pd.schedule_b_area))
    assert any(form in text for form in _area_forms(pd.schedule_c_property_area))
    for amount in (
        pd.sale_consideration,
        pd.stamp_duty_fee,
        pd.registration_fee,
        pd.guidance_value,
    ):
        assert _grouped(int(amount)) in text
    assert ("cash" in text.lower()) == (pd.paid_in_cash_mode == "Yes")


@pytest.mark.parametrize("seed", [0, 5, 7])
def test_same_seed_same_deed(seed: int) -> None:
    again = generate_deed(seed, family="circle")
    first = _deed(seed)
    assert again.truth == first.truth and again.template == first.template
    assert _text(again.pdf) == _text(first.pdf)
