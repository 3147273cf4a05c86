import re

import pymupdf
import pytest

from docmill_contracts.saledeed import Party
from docmill_synth import FAMILIES, generate_deed

pytestmark = pytest.mark.slow

SEEDS = range(12, 24)
MALE_MARKS = r"\b(Sri|Shri|Mr\.|S/o|son of)\s"
FEMALE_MARKS = r"\b(Smt\.|Mrs\.|Ms\.|Kum\.|D/o|W/o|daughter of|wife of)\s"
SHARE_WORDS = {
    50: ["one-half", "1/2", "half"],
    25: ["one-fourth", "1/4th"],
    75: ["three-fourth", "3/4th"],
    20: ["one-fifth", "1/5th"],
}


@pytest.fixture(scope="module")
def deeds() -> dict[int, tuple]:
    out = {}
    for seed in SEEDS:
        deed = generate_deed(seed, family="hobli")
        with pymupdf.open(stream=deed.pdf, filetype="pdf") as doc:
            text = re.sub(r"\s+", " ", " ".join(page.get_text() for page in doc))
        out[seed] = (deed, text)
    return out


def _grouped(value: float) -> str:
    digits = str(int(value))
    head, tail = digits[:-3], digits[-3:]
    pairs = [head[max(0, i - 2) : i] for i in range(len(head), 0, -2)][::-1]
    return ",".join([*pairs, tail]) if head else tail


def _dates(iso: str) -> list[str]:
    y, m, d = (int(x) for x in iso.split("-"))
    months = "January February March April May June July August September October November December"
    month = months.split()[m - 1]
    suffix = "th" if 11 <= d <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")
    return [
        f"{d:02d}-{m:02d}-{y}",
        f"{d:02d}/{m:02d}/{y}",
        f"{d:02d}.{m:02d}.{y}",
        f"{d} {month} {y}",
        f"{d:02d}-{month[:3]}-{y}",
        f"{d}{suffix} day of {month}, {y}",
        f"{d}{suffix} day of {month} {y}",
    ]


def _areas(sqft: float) -> list[str]:
    whole = f"{sqft:.0f}" if sqft.is_integer() else f"{sqft:.2f}"
    return [whole, f"{sqft:,.0f}", f"{sqft / 10.7639:.2f}"]


def _assert_party(party: Party, text: str, *, seller: bool) -> None:
    low = text.casefold()
    at = low.index(party.name.casefold())
    window = text[max(0, at - 8) : at + len(party.name) + 60]
    marks = MALE_MARKS if party.gender == "Male" else FEMALE_MARKS
    assert re.search(marks, window), window
    assert party.address.casefold() in low
    assert party.pincode in text and party.state in text
    digits = re.sub(r"\D", "", text)
    for number in (party.aadhaar_number, party.phone_number, party.secondary_phone_number):
        if number:
            assert number.replace("-", "") in digits
    for optional in (party.email, party.pan_card_number):
        if optional:
            assert optional in text
    if seller:
        pct = int(party.property_share.rstrip("%"))
        forms = [f"{pct}%", f"{pct} per cent", *SHARE_WORDS.get(pct, [])]
        assert any(f"{form} {tail}" in text for form in forms for tail in ("undivided", "share"))


def test_every_template_is_reached(deeds) -> None:
    assert {deed.template for deed, _ in deeds.values()} == set(FAMILIES["hobli"])
    assert len(FAMILIES["hobli"]) == 4


@pytest.mark.parametrize("seed", SEEDS)
def test_truth_is_printed(deeds, seed: int) -> None:
    deed, text = deeds[seed]
    truth = deed.truth
    assert any(form in text for form in _dates(truth.transaction_date))
    place = truth.registration_office.split(", ", 1)[1]
    assert re.search(rf"Sub-Registrar( Office)?, {re.escape(place)}\b", text)
    pd = truth.property_details
    assert pd.schedule_c_property_name in text
    assert pd.schedule_c_property_address in text
    assert f"{pd.pincode}" in text and pd.state in text
    assert any(a in text for a in _areas(pd.schedule_b_area))
    assert any(a in text for a in _areas(pd.schedule_c_property_area))
    for amount in (
        pd.sale_consideration,
        pd.stamp_duty_fee,
        pd.registration_fee,
        pd.guidance_value,
    ):
        assert _grouped(amount) in text
    paid_in_cash = re.search(r"paid in cash on|Paid in cash Yes|Mode of payment Cash", text)
    by_bank = re.search(r"Cheque No\.|Demand Draft No\.|NEFT transfer|RTGS transfer", text)
    assert bool(paid_in_cash) == (pd.paid_in_cash_mode == "Yes") != bool(by_bank)
    for party in truth.sellers:
        _assert_party(party, text, seller=True)
    for party in truth.buyers:
        _assert_party(party, text, seller=False)


@pytest.mark.parametrize("seed", [12, 19])
def test_same_seed_same_deed(deeds, seed: int) -> None:
    first, text = deeds[seed]
    again = generate_deed(seed, family="hobli")
    with pymupdf.open(stream=again.pdf, filetype="pdf") as doc:
        again_text = re.sub(r"\s+", " ", " ".join(page.get_text() for page in doc))
    assert (again.truth, again.template, again_text) == (first.truth, first.template, text)
