"""The many ways one value is written in a deed: amounts, dates, ids, areas."""

from __future__ import annotations

import datetime as dt
import random

from docmill_normalize import format_indian, spell_amount
from docmill_synth.values import PartyFacts

AMOUNT_STYLES = ["rs_words", "rs_compact", "rs_paise", "inr", "lakhs", "rs_plain"]
DATE_STYLES = ["day_of", "dash", "slash", "month_first", "dot", "iso", "day_month"]


def _ordinal(n: int) -> str:
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def write_amount(value: int, style: str) -> str:
    """Write a rupee amount in one of AMOUNT_STYLES."""
    grouped = format_indian(value)
    if style == "lakhs" and value % 1000 == 0 and value >= 100_000:
        lakhs = f"{value / 100_000:.2f}".rstrip("0").rstrip(".")
        return f"Rs. {lakhs} Lakhs"
    if style == "rs_words":
        return f"Rs. {grouped}/- (Rupees {spell_amount(value)} Only)"
    if style == "rs_compact":
        return f"Rs.{grouped}/-"
    if style == "rs_paise":
        return f"Rs.{grouped}.00"
    if style == "inr":
        return f"INR {grouped}"
    return f"Rs. {grouped}"


def write_date(value: dt.date, style: str) -> str:
    """Write a date in one of DATE_STYLES."""
    month = value.strftime("%B")
    match style:
        case "day_of":
            return f"{_ordinal(value.day)} day of {month} {value.year}"
        case "dash":
            return value.strftime("%d-%m-%Y")
        case "slash":
            return value.strftime("%d/%m/%Y")
        case "month_first":
            return f"{month} {value.day}, {value.year}"
        case "dot":
            return value.strftime("%d.%m.%Y")
        case "iso":
            return value.isoformat()
        case _:
            return f"{_ordinal(value.day)} {month}, {value.year}"


def write_aadhaar(value: str, rng: random.Random) -> str:
    """Write an Aadhaar number grouped by spaces, hyphens or not at all."""
    digits = value.replace("-", "")
    return rng.choice([value, f"{digits[:4]} {digits[4:8]} {digits[8:]}", digits])


def write_phone(value: str, rng: random.Random) -> str:
    """Write a mobile number with or without a country prefix."""
    return rng.choice([value, f"+91 {value}", f"+91-{value[:5]} {value[5:]}", f"0{value}"])


def write_area(sqft: float, sqm: float | None, rng: random.Random) -> str:
    """Write an area in sq ft wording, or in square metres when the deed used them."""
    if sqm is not None:
        return f"{sqm:.2f} {rng.choice(['Sq. Mtrs', 'sq.m', 'square metres'])}"
    number = f"{sqft:,.0f}" if rng.random() < 0.3 else f"{sqft:g}"
    return f"{number} {rng.choice(['sq.ft', 'Sq. Ft.', 'square feet', 'sq ft', 'SFT'])}"


def write_full_address(party: PartyFacts, rng: random.Random) -> str:
    """Write an address with its state and pincode, in one of several orders."""
    return rng.choice(
        [
            f"{party.address}, {party.state} - {party.pincode}",
            f"{party.address}, {party.state}, PIN: {party.pincode}",
            f"{party.address} - {party.pincode}, {party.state}",
            f"{party.address}, {party.state} {party.pincode}",
        ]
    )


def write_sro(place: str, rng: random.Random) -> str:
    """Write the registration office as deeds do."""
    return rng.choice(
        [
            f"Sub-Registrar Office, {place}",
            f"office of the Sub-Registrar, {place}",
            f"Sub Registrar Office at {place}",
            f"Sub-Registrar, {place}",
        ]
    )
