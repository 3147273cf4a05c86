"""How the `circle` family's drafters write amounts, dates, shares, parties and payments."""

from __future__ import annotations

import datetime as dt
import random

from docmill_synth.render import Block, Heading, Para
from docmill_synth.values import (
    MALE_NAMES,
    PROJECTS,
    SRO_PLACES,
    SURNAMES,
    DeedFacts,
    PartyFacts,
)

_ONES = (
    "Zero One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen "
    "Fifteen Sixteen Seventeen Eighteen Nineteen"
).split()
_TENS = "_ _ Twenty Thirty Forty Fifty Sixty Seventy Eighty Ninety".split()
OCCUPATIONS = [
    "Business",
    "Private Service",
    "Retired",
    "Housewife",
    "Agriculturist",
    "Software Engineer",
    "Advocate",
    "Government Service",
]
_SHARE_WORDS = {
    100: ["entire 100% share", "whole (100%) share", "absolute and entire (100%) share"],
    50: ["50% undivided share", "one-half (1/2) share", "half share (50%)"],
    25: ["1/4th share", "one-fourth (25%) share", "25% undivided share"],
    75: ["3/4th share", "three-fourth (75%) share"],
}


def _words_below_thousand(n: int) -> str:
    parts = []
    if n >= 100:
        parts.append(f"{_ONES[n // 100]} Hundred")
        n %= 100
    if n >= 20:
        parts.append(_TENS[n // 10] + (f"-{_ONES[n % 10]}" if n % 10 else ""))
    elif n:
        parts.append(_ONES[n])
    return " ".join(parts)


def spell_rupees(n: int) -> str:
    """Spell a whole rupee amount in the Indian system (crore, lakh, thousand)."""
    parts = []
    for unit, name in ((10_000_000, "Crore"), (100_000, "Lakh"), (1000, "Thousand")):
        if n >= unit:
            parts.append(f"{_words_below_thousand(n // unit)} {name}")
            n %= unit
    if n:
        parts.append(_words_below_thousand(n))
    return " ".join(parts) or "Zero"


def group_indian(n: int) -> str:
    """Group digits as 1,23,45,678."""
    s = str(n)
    if len(s) <= 3:
        return s
    head, tail = s[:-3], s[-3:]
    pairs = []
    while len(head) > 2:
        pairs.insert(0, head[-2:])
        head = head[:-2]
    return ",".join([head, *pairs, tail])


def write_rupees(n: int, rng: random.Random, *, words: bool | None = None) -> str:
    """Write an amount in figures, sometimes followed by the words a drafter types."""
    figure = rng.choice(
        [f"Rs. {group_indian(n)}/-", f"Rs.{group_indian(n)}.00", f"Rs {group_indian(n)}/-"]
    )
    if words is None:
        words = rng.random() < 0.5
    return f"{figure} (Rupees {spell_rupees(n)} only)" if words else figure


def _ordinal(n: int) -> str:
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def write_day(value: dt.date, rng: random.Random) -> str:
    """Write a date as one of the styles Karnataka deed writers use."""
    return rng.choice(
        [
            f"{_ordinal(value.day)} day of {value:%B} {value.year}",
            f"{_ordinal(value.day)} day of {value:%B}, {value.year}",
            f"{value:%d-%m-%Y}",
            f"{value:%d/%m/%Y}",
            f"{value:%d.%m.%Y}",
            f"{value.day} {value:%B} {value.year}",
            f"{value:%d-%b-%Y}",
        ]
    )


def write_share(percent: int, rng: random.Random) -> str:
    """Write a seller's share as a percentage or a fraction."""
    choices = _SHARE_WORDS.get(
        percent, [f"{percent}% undivided share", f"{percent} per cent share"]
    )
    return rng.choice(choices)


def write_relation(p: PartyFacts, rng: random.Random) -> str:
    """Write `S/o X` or `son of X`, as the drafter likes."""
    spelled = {"S/o": "son of", "D/o": "daughter of", "W/o": "wife of"}[p.relation]
    return f"{rng.choice([p.relation, spelled])} {p.relative}"


def write_mobile(value: str, rng: random.Random) -> str:
    """Write a mobile number as people give it."""
    return rng.choice([value, f"+91 {value}", f"{value[:5]} {value[5:]}", f"+91-{value}"])


def write_uid(value: str, rng: random.Random) -> str:
    """Write an Aadhaar number grouped in fours or run together."""
    digits = value.replace("-", "")
    return rng.choice([f"{digits[:4]} {digits[4:8]} {digits[8:]}", digits, value])


def write_residence(p: PartyFacts, rng: random.Random) -> str:
    """Write where a party lives, with state and pincode."""
    return rng.choice(
        [
            f"{p.address}, {p.state} - {p.pincode}",
            f"{p.address}, {p.state}, Pin Code: {p.pincode}",
            f"{p.address} - {p.pincode}, {p.state} State",
        ]
    )


def write_office(place: str, rng: random.Random) -> str:
    """Write the Sub-Registrar office of `place`."""
    return rng.choice(
        [
            f"Sub-Registrar Office, {place}",
            f"Office of the Sub-Registrar, {place}",
            f"Sub-Registrar, {place}",
            f"office of the Sub-Registrar at {place}",
        ]
    )


def other_office(facts: DeedFacts, rng: random.Random) -> str:
    """An office other than this deed's, where the earlier title deed was registered."""
    return rng.choice([p for p in SRO_PLACES if p != facts.sro_place])


def project_name(facts: DeedFacts, rng: random.Random) -> str:
    """The apartment project named in the property address, else one the drafter names."""
    return next((p for p in PROJECTS if p in facts.prop.address), None) or rng.choice(PROJECTS)


def earlier_owner(rng: random.Random) -> str:
    """A previous owner who is party to the earlier deed only."""
    return f"Sri {rng.choice(MALE_NAMES)} {rng.choice(SURNAMES)}"


def contact_bits(p: PartyFacts, rng: random.Random) -> list[str]:
    """Aadhaar, PAN, mobiles and e-mail as `Label: value` pieces."""
    bits = [f"Aadhaar No. {write_uid(p.aadhaar, rng)}"]
    if p.pan:
        bits.append(f"PAN: {p.pan}")
    bits.append(f"Mobile No. {write_mobile(p.phone, rng)}")
    if p.phone2:
        bits.append(f"Alternate Mobile No. {write_mobile(p.phone2, rng)}")
    if p.email:
        bits.append(f"E-mail: {p.email}")
    return bits


def split_payment(facts: DeedFacts, rng: random.Random) -> list[tuple[str, int]]:
    """Instalments by cheque, DD or RTGS that add up to the consideration."""
    m, total = facts.money, facts.money.consideration
    count = rng.choice([1, 2, 2, 3])
    cuts = sorted(rng.sample(range(1, 20), count - 1))
    amounts = [total * c // 20 // 1000 * 1000 for c in cuts]
    parts = [b - a for a, b in zip([0, *amounts], amounts, strict=False)]
    parts.append(total - sum(parts))
    rows = []
    for i, amount in enumerate(parts):
        paid = facts.date - dt.timedelta(days=rng.randint(1, 90) if i < len(parts) - 1 else 0)
        number = str(int(m.instrument_no) + i * rng.randint(3, 40))
        mode = rng.choice(
            [
                f"Cheque No. {number} dated {paid:%d.%m.%Y}, {m.bank}",
                f"Demand Draft No. {number} dated {paid:%d/%m/%Y}, {m.bank}",
                f"RTGS UTR {m.bank.split()[0].upper()[:4]}R{number}{i} dated {paid:%d-%m-%Y}",
            ]
        )
        rows.append((mode, amount))
    return rows


def kind_group(kind: str) -> str:
    """Which schedule wording fits the property: flat, land, house or shop."""
    if kind in ("Residential Flat", "Apartment"):
        return "flat"
    if kind in ("Independent House", "Villa"):
        return "house"
    return "shop" if kind == "Commercial Shop" else "land"


def write_sqft(value: float, rng: random.Random) -> str:
    """Write square feet as a typist would."""
    number = f"{value:,.0f}" if value == int(value) and rng.random() < 0.3 else f"{value:g}"
    return f"{number} {rng.choice(['Sq. Ft.', 'sq.ft.', 'square feet', 'Sft'])}"


def land_measure(sqft: float, sqm: float | None, rng: random.Random) -> str:
    """The land's extent: dimensions when they divide evenly, else the total."""
    if sqm is not None:
        text = f"{sqm:.2f} {rng.choice(['Square Metres', 'Sq. Mtrs.', 'sq.mtrs'])}"
        return text + (f" (i.e., {sqft:.2f} sq.ft.)" if rng.random() < 0.5 else "")
    for width in (20, 30, 40, 25, 50):
        if sqft == int(sqft) and int(sqft) % width == 0 and width <= sqft / width <= 3 * width:
            return (
                f"East to West {width} feet and North to South {sqft / width:g} feet, "
                f"in all {write_sqft(sqft, rng)}"
            )
    return write_sqft(sqft, rng)


def schedule_blocks(
    facts: DeedFacts, rng: random.Random, *, labels: tuple[str, str]
) -> list[Block]:
    """Schedule B (land or undivided share) and C (the property sold), A for flats."""
    pr, group = facts.prop, kind_group(facts.prop.kind)
    n, s, e, west = pr.boundaries
    khata = rng.choice(
        [
            f"Khata No. {pr.khata_no}",
            f"E-Khata No. {pr.khata_no}",
            f"Municipal Khata No. {pr.khata_no}, PID No. {rng.randint(10, 99)}-"
            f"{rng.randint(1, 60)}-{pr.khata_no}",
        ]
    )
    bounds = f"East by: {e}; West by: {west}; North by: {n}; South by: {s}."
    blocks: list[Block] = []
    if group == "flat":
        land = (
            land_measure(pr.b_area_sqft, pr.b_area_sqm, rng)
            if pr.b_area_sqm
            else (write_sqft(pr.b_area_sqft, rng))
        )
        blocks += [
            Heading("SCHEDULE 'A' PROPERTY (Entire Land)", 11),
            Para(
                f"All that piece and parcel of converted land bearing Sy. No. {pr.survey_no}, "
                f"measuring {rng.randint(1, 4)} Acres {rng.randint(1, 39)} Guntas, on which the "
                f"apartment building known as {project_name(facts, rng)} has been constructed."
            ),
        ]
        b_text = f"{rng.choice(['An', 'The'])} undivided share, right, title and interest in the "
        b_text += f"Schedule 'A' land, to the extent of {land}, carried with the apartment."
    else:
        land = land_measure(pr.b_area_sqft, pr.b_area_sqm, rng)
        b_text = (
            f"All that piece and parcel of the property bearing Sy. No. {pr.survey_no}, {khata}, "
            f"measuring {land}, and bounded on the: {bounds}"
        )
    what = {
        "flat": "super built-up area",
        "house": "built-up area of the building",
        "shop": "carpet area of the shop",
        "land": "area",
    }[group]
    c_text = (
        f"Nature of property: {pr.kind}\nSituated at: {pr.address}, {pr.state} - {pr.pincode}\n"
        f"Total {what}: {write_sqft(pr.c_area_sqft, rng)}"
    )
    if group == "flat":
        c_text += f"\n{khata}. {bounds}"
    return [*blocks, Heading(labels[0], 11), Para(b_text), Heading(labels[1], 11), Para(c_text)]


def witness_blocks(rng: random.Random) -> list[Block]:
    """Two attesting witnesses and the signature line."""
    names = [earlier_owner(rng).replace("Sri ", "") for _ in range(2)]
    return [
        Heading("WITNESSES:", 10.5),
        Para(f"1. {names[0]}\n2. {names[1]}"),
        Para("SELLER(S)                                                    PURCHASER(S)"),
    ]
