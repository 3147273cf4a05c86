"""The audit deed family: every template renders and prints its own ground truth."""

from __future__ import annotations

import datetime as dt
import functools
import re

import msgspec
import pymupdf
import pytest

from docmill_contracts.saledeed import Party, SaleDeed
from docmill_normalize import format_indian
from docmill_synth.deed import FAMILIES, generate_deed
from docmill_synth.templates_audit import AUDIT_TEMPLATES

SEEDS = range(32)
MALE_TITLES = {"Sri", "Shri", "Mr."}
FEMALE_TITLES = {"Smt.", "Mrs.", "Ms.", "Kum."}
TITLE = re.compile(r"(Sri|Shri|Mr\.|Smt\.|Mrs\.|Ms\.|Kum\.) ")
PAN_SHAPE = re.compile(r"(?<![A-Za-z])[A-Za-z]{5}\d{4}[A-Za-z](?![A-Za-z\d])")
AADHAAR_SHAPE = re.compile(r"(?<![\d-])\d{4}[ -]?\d{4}[ -]?\d{4}(?![\d-])")
FRACTIONS = {50: "1/2", 25: "1/4", 75: "3/4"}
FOOTER = re.compile(r"Page \d+ of \d+")


@functools.cache
def _deed(seed: int) -> tuple[str, SaleDeed, str]:
    deed = generate_deed(seed, family="audit")
    return _text(deed.pdf), deed.truth, deed.template


def _has_digits(text: str, digits: str) -> bool:
    """True when `digits` appear in order, spaces or hyphens allowed between them."""
    pattern = r"[ -]?".join(digits)
    return re.search(rf"(?<!\d){pattern}(?!\d)", text) is not None


def _has_amount(text: str, value: float) -> bool:
    forms = {format_indian(int(value)), str(int(value))}
    return any(re.search(rf"(?<![\d,]){re.escape(f)}(?![\d,])", text) for f in forms)


def _has_area(text: str, value: float) -> bool:
    forms = {f"{value:.2f}", f"{value:g}", format_indian(value)}
    return any(re.search(rf"(?<![\d,.]){re.escape(f)}(?![\d,])", text) for f in forms)


def _date_forms(iso: str) -> set[str]:
    day = dt.date.fromisoformat(iso)
    n = day.day
    suffix = "th" if 11 <= n <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return {
        f"{day:%d.%m.%Y}",
        f"{day:%d-%m-%Y}",
        f"{day:%d/%m/%Y}",
        f"{n}{suffix} day of {day:%B %Y}",
    }


def _missing_party_values(text: str, p: Party, *, seller: bool) -> list[str]:
    missing = []
    for field in ("name", "address", "state", "email"):
        value = getattr(p, field)
        if value is not None and value not in text:
            missing.append(field)
    if not _has_digits(text, p.pincode):
        missing.append("pincode")
    if not _has_digits(text, p.aadhaar_number.replace("-", "")):
        missing.append("aadhaar_number")
    if p.pan_card_number and p.pan_card_number.casefold() not in text.casefold():
        missing.append("pan_card_number")
    for field in ("phone_number", "secondary_phone_number"):
        value = getattr(p, field)
        if value is not None and not _has_digits(text, value):
            missing.append(field)
    titles = set(re.findall(rf"{TITLE.pattern}{re.escape(p.name)}", text))
    expected = MALE_TITLES if p.gender == "Male" else FEMALE_TITLES
    if not titles or not titles <= expected:
        missing.append("gender")
    if seller:
        percent = int(p.property_share.rstrip("%"))
        forms = [p.property_share, f"{FRACTIONS.get(percent, '-')} undivided share"]
        if not any(f in text for f in forms):
            missing.append("property_share")
    return missing


def test_audit_is_a_registered_family() -> None:
    assert FAMILIES["audit"] is AUDIT_TEMPLATES
    assert len(AUDIT_TEMPLATES) >= 4


def test_every_template_renders() -> None:
    rendered = {_deed(seed)[2] for seed in SEEDS}
    assert rendered == set(AUDIT_TEMPLATES)
    for seed in SEEDS:
        text, truth, _ = _deed(seed)
        assert "SALE" in text
        assert truth.sellers and truth.buyers


@pytest.mark.parametrize("seed", SEEDS)
def test_scored_truth_is_printed(seed: int) -> None:
    text, truth, template = _deed(seed)
    pd, missing = truth.property_details, []
    if not any(form in text for form in _date_forms(truth.transaction_date)):
        missing.append("transaction_date")
    place = truth.registration_office.removeprefix("Sub-Registrar Office, ")
    if not re.search(rf"Sub[- ]Registrar(?: Office)?, {re.escape(place)}(?![A-Za-z])", text):
        missing.append("registration_office")
    for field in ("schedule_c_property_name", "schedule_c_property_address", "state"):
        if getattr(pd, field) not in text:
            missing.append(field)
    if not _has_digits(text, pd.pincode):
        missing.append("pincode")
    for field in ("sale_consideration", "stamp_duty_fee", "registration_fee", "guidance_value"):
        if not _has_amount(text, getattr(pd, field)):
            missing.append(field)
    if not _has_area(text, pd.schedule_c_property_area):
        missing.append("schedule_c_property_area")
    sqm = re.search(r"measuring ([\d.]+) Sq\. Mtrs", text)
    b_area = float(sqm.group(1)) * 10.7639 if sqm else None
    if b_area is None and not _has_area(text, pd.schedule_b_area):
        missing.append("schedule_b_area")
    if b_area is not None and abs(b_area - pd.schedule_b_area) > 0.005 * pd.schedule_b_area:
        missing.append("schedule_b_area")
    if ("cash" in text.casefold()) != (pd.paid_in_cash_mode == "Yes"):
        missing.append("paid_in_cash_mode")
    for i, p in enumerate(truth.sellers):
        missing += [f"sellers[{i}].{f}" for f in _missing_party_values(text, p, seller=True)]
    for i, p in enumerate(truth.buyers):
        missing += [f"buyers[{i}].{f}" for f in _missing_party_values(text, p, seller=False)]
    assert missing == [], f"{template}: {missing}"


@pytest.mark.parametrize("seed", SEEDS)
def test_no_stray_identity_numbers(seed: int) -> None:
    text, truth, template = _deed(seed)
    parties = truth.sellers + truth.buyers
    pans = {m.upper() for m in PAN_SHAPE.findall(text)}
    aadhaars = {re.sub(r"\D", "", m) for m in AADHAAR_SHAPE.findall(text)}
    assert pans == {p.pan_card_number for p in parties if p.pan_card_number}, template
    assert aadhaars == {p.aadhaar_number.replace("-", "") for p in parties}, template


def test_same_seed_same_deed() -> None:
    first, second = generate_deed(7, family="audit"), generate_deed(7, family="audit")
    assert msgspec.json.encode(first.truth) == msgspec.json.encode(second.truth)
    assert _deed(7)[0] == _text(second.pdf)
    other = generate_deed(8, family="audit")
    assert msgspec.json.encode(other.truth) != msgspec.json.encode(first.truth)


def _text(pdf: bytes) -> str:
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        text = " ".join(page.get_text() for page in doc)
    # Page footers land mid-sentence in the text layer wherever a page breaks.
    return re.sub(r"\s+", " ", FOOTER.sub(" ", text))
