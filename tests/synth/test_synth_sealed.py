"""The sealed deed family: every scored truth value is printed, nothing contradicts it."""

import datetime as dt
import re

import msgspec
import pymupdf
import pytest

from docmill_contracts.saledeed import SaleDeed
from docmill_synth import FAMILIES, generate_deed

pytestmark = pytest.mark.slow

SEEDS = range(40)
DAYS = (
    "First Second Third Fourth Fifth Sixth Seventh Eighth Ninth Tenth Eleventh Twelfth "
    "Thirteenth Fourteenth Fifteenth Sixteenth Seventeenth Eighteenth Nineteenth Twentieth "
    "Twenty-First Twenty-Second Twenty-Third Twenty-Fourth Twenty-Fifth Twenty-Sixth "
    "Twenty-Seventh Twenty-Eighth Twenty-Ninth Thirtieth Thirty-First"
).split()
YEARS = {
    2015: "Fifteen",
    2016: "Sixteen",
    2017: "Seventeen",
    2018: "Eighteen",
    2019: "Nineteen",
    2020: "Twenty",
    2021: "Twenty-One",
    2022: "Twenty-Two",
    2023: "Twenty-Three",
    2024: "Twenty-Four",
    2025: "Twenty-Five",
}
MONTHS = (
    "January February March April May June July August September October November December"
).split()
FRACTION_WORDS = {50: "one-half", 25: "one-fourth", 75: "three-fourth"}
TITLES = {"Sri": "Male", "Shri": "Male", "Mr.": "Male", "Smt.": "Female", "Mrs.": "Female"}
TITLES |= {"Ms.": "Female", "Kum.": "Female"}
PAN_SHAPE = re.compile(r"\b[A-Z]{5}\d{4}[A-Z]\b")
EMAIL_SHAPE = re.compile(r"[\w.]+@[\w.]+\w")


def _pdf_text(pdf: bytes) -> str:
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        text = "\n".join(page.get_text() for page in doc)
    text = re.sub(r"Page \d+ of \d+", " ", text)
    return re.sub(r"\s+", " ", text)


def _grouped(value: int) -> str:
    # Indian grouping written out here, not borrowed from the generator's helper.
    digits = str(value)
    head, tail = digits[:-3], digits[-3:]
    pairs = []
    while head:
        pairs.insert(0, head[-2:])
        head = head[:-2]
    return ",".join([*pairs, tail]) if pairs else tail


def _has_amount(text: str, value: float) -> bool:
    n = int(value)
    return any(
        re.search(rf"(?<![\d,]){re.escape(form)}(?![\d,])", text) for form in {str(n), _grouped(n)}
    )


def _has_number(text: str, value: float) -> bool:
    forms = {f"{value:.2f}", f"{value:g}"}
    if value == int(value):
        forms.add(f"{value:,.0f}")
    return any(re.search(rf"(?<![\d.,]){re.escape(f)}(?![\d,])", text) for f in forms)


def _date_forms(iso: str) -> list[str]:
    y, m, d = (int(part) for part in iso.split("-"))
    month = MONTHS[m - 1]
    return [
        f"{d:02d}-{m:02d}-{y}",
        f"{d:02d}.{m:02d}.{y}",
        f"{d:02d}/{m:02d}/{y}",
        f"{d} {month} {y}",
        f"the {DAYS[d - 1]} day of {month}, Two Thousand and {YEARS.get(y, '?')}",
    ]


def _problems(truth: SaleDeed, text: str) -> list[str]:
    """Scored truth values that the deed text does not state, or states otherwise."""
    digits = re.sub(r"\D", "", text)
    joined = re.sub(r"(?<=\d) (?=\d)", "", text)  # "560 009" is one pincode
    out: list[str] = []

    def need(ok: bool, what: str) -> None:
        if not ok:
            out.append(what)

    need(any(f in text for f in _date_forms(truth.transaction_date)), "transaction_date")
    place = truth.registration_office.split(", ", 1)[1]
    need(re.search(rf"Sub-Registrar( Office)?, {re.escape(place)}\b", text), "office")
    pd = truth.property_details
    need(pd.schedule_c_property_name in text, "property name")
    need(pd.schedule_c_property_address in text, "property address")
    need(pd.pincode in joined and pd.state in text, "property pincode/state")
    need(_has_number(text, pd.schedule_c_property_area), "schedule C area")
    metres = [float(m) for m in re.findall(r"(\d+\.\d\d) square metres", text)]
    need(
        _has_number(text, pd.schedule_b_area)
        or any(abs(m * 10.7639 - pd.schedule_b_area) < 0.05 for m in metres),
        "schedule B area",
    )
    for name in ("sale_consideration", "stamp_duty_fee", "registration_fee", "guidance_value"):
        need(_has_amount(text, getattr(pd, name)), name)
    denial = "No part of the sale consideration has been paid in cash"
    cash_said = "cash" in text.replace(denial, "").replace("Cash payment No", "").lower()
    need(cash_said == (pd.paid_in_cash_mode == "Yes"), "paid_in_cash_mode")
    need((denial in text) == (pd.paid_in_cash_mode == "No"), "cash denial")

    parties = [*truth.sellers, *truth.buyers]
    shares = {p.property_share for p in truth.sellers}
    for p in parties:
        titled = {
            TITLES[t] for t in re.findall(rf"(\S+) {re.escape(p.name)}\b", text) if t in TITLES
        }
        need(titled == {p.gender}, f"{p.name} gender")
        need(p.aadhaar_number.replace("-", "") in digits, f"{p.name} aadhaar")
        need(p.address in text and p.state in text, f"{p.name} address/state")
        need(p.pincode in joined, f"{p.name} pincode")
        need(p.phone_number in digits, f"{p.name} phone")
        if p.secondary_phone_number:
            need(p.secondary_phone_number in digits, f"{p.name} secondary phone")
        if p.email:
            need(p.email in text, f"{p.name} email")
        if p.pan_card_number:
            need(p.pan_card_number.casefold() in text.casefold(), f"{p.name} pan")
        else:
            need(f"{p.name} (PAN" not in text, f"{p.name} pan printed though absent")
        if p.property_share:
            pct = int(p.property_share.rstrip("%"))
            need(
                p.property_share in text
                or FRACTION_WORDS.get(pct, "%%") in text
                or (len(truth.sellers) > 1 and len(shares) == 1 and "equal shares" in text),
                f"{p.name} share",
            )
    # Nothing else shaped like a PAN or an e-mail: no stray identity for a party to take.
    need(
        set(PAN_SHAPE.findall(text)) == {p.pan_card_number for p in parties} - {None},
        "PAN set",
    )
    need(set(EMAIL_SHAPE.findall(text)) == {p.email for p in parties} - {None}, "email set")
    return out


def _payment_rows_add_up(text: str, total: float) -> bool:
    table = text.split("Amount (Rs.)", 1)[1].split("TOTAL | |", 1)
    rows = re.findall(r"\| ([\d,]+)(?= \d+ \|| *$)", table[0])
    stated = int(re.match(r" ([\d,]+)", table[1]).group(1).replace(",", ""))
    return stated == int(total) == sum(int(r.replace(",", "")) for r in rows)


def test_every_sealed_template_renders() -> None:
    used = {generate_deed(s, family="sealed").template for s in SEEDS}
    assert used == set(FAMILIES["sealed"]) and len(used) == 4


def test_sealed_templates_are_new_names() -> None:
    others = {name for fam, ts in FAMILIES.items() if fam != "sealed" for name in ts}
    assert not set(FAMILIES["sealed"]) & others


@pytest.mark.parametrize("seed", SEEDS)
def test_truth_is_printed_and_not_contradicted(seed: int) -> None:
    deed = generate_deed(seed, family="sealed")
    text = _pdf_text(deed.pdf)
    assert _problems(deed.truth, text) == []
    assert _payment_rows_add_up(text, deed.truth.property_details.sale_consideration)
    assert msgspec.json.decode(msgspec.json.encode(deed.truth), type=SaleDeed) == deed.truth


@pytest.mark.parametrize("seed", [3, 11])
def test_same_seed_same_text_and_truth(seed: int) -> None:
    a, b = generate_deed(seed, family="sealed"), generate_deed(seed, family="sealed")
    assert a.truth == b.truth and a.template == b.template
    assert _pdf_text(a.pdf) == _pdf_text(b.pdf)
    assert generate_deed(seed + 1, family="sealed").truth != a.truth


def _replace(obj, **changes):
    return msgspec.structs.replace(obj, **changes)


@pytest.mark.parametrize("seed", range(8))
def test_checker_catches_wrong_values(seed: int) -> None:
    """The text check must fail when the truth is not what the deed says."""
    deed = generate_deed(seed, family="sealed")
    text, truth = _pdf_text(deed.pdf), deed.truth
    seller, pd = truth.sellers[0], truth.property_details
    day = dt.timedelta(days=1)
    aadhaar = seller.aadhaar_number
    wrong_digit = str((int(aadhaar[-1]) + 1) % 10)
    other_gender = "Female" if seller.gender == "Male" else "Male"
    wrong = [
        _replace(truth, transaction_date=str(dt.date.fromisoformat(truth.transaction_date) + day)),
        _replace(truth, registration_office="Sub-Registrar Office, Nowhere"),
        _replace(
            truth, property_details=_replace(pd, sale_consideration=pd.sale_consideration + 1000)
        ),
        _replace(truth, property_details=_replace(pd, stamp_duty_fee=pd.stamp_duty_fee + 10)),
        _replace(truth, property_details=_replace(pd, guidance_value=pd.guidance_value * 2)),
        _replace(truth, property_details=_replace(pd, schedule_b_area=pd.schedule_b_area + 7)),
        _replace(
            truth,
            property_details=_replace(
                pd, paid_in_cash_mode="No" if pd.paid_in_cash_mode == "Yes" else "Yes"
            ),
        ),
        _replace(truth, sellers=[_replace(seller, aadhaar_number=aadhaar[:-1] + wrong_digit)]),
        _replace(truth, sellers=[_replace(seller, gender=other_gender)]),
        _replace(truth, sellers=[_replace(seller, pincode="999999")]),
        _replace(truth, sellers=[_replace(seller, email="nobody@example.com")]),
        _replace(truth, sellers=[_replace(seller, pan_card_number="ZZZPZ0000Z")]),
        _replace(truth, sellers=[_replace(seller, property_share="45%")]),
        _replace(truth, buyers=[*truth.buyers, _replace(seller, name="Nobody Else")]),
    ]
    assert _problems(truth, text) == []
    for i, bad in enumerate(wrong):
        assert _problems(bad, text), i
    assert not _payment_rows_add_up(text, pd.sale_consideration + 1000)


def test_checker_sees_a_pan_printed_for_a_party_without_one() -> None:
    deed = next(
        d
        for d in (generate_deed(s, family="sealed") for s in SEEDS)
        if any(p.pan_card_number for p in d.truth.sellers)
    )
    cleared = list(deed.truth.sellers)
    cleared[0] = msgspec.structs.replace(cleared[0], pan_card_number=None)
    wrong = msgspec.structs.replace(deed.truth, sellers=cleared)
    assert _problems(wrong, _pdf_text(deed.pdf))
