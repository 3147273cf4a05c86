"""Wording of the `taluk` family: how taluk-town deed writers put values on paper."""

from __future__ import annotations

import datetime as dt
import random
import string

from docmill_synth.render import Block, Row
from docmill_synth.values import MALE_NAMES, SRO_PLACES, SURNAMES, DeedFacts, PartyFacts

_ONES = (
    "Zero One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen "
    "Fifteen Sixteen Seventeen Eighteen Nineteen"
).split()
_TENS = "- - Twenty Thirty Forty Fifty Sixty Seventy Eighty Ninety".split()
_FRACTIONS = {50: "one-half", 25: "one-fourth", 75: "three-fourth", 100: "entire"}
# Plot sizes a layout is usually cut to: (east-west, north-south) in feet.
_DIMENSIONS = {
    600: (20, 30),
    800: (20, 40),
    1000: (25, 40),
    1200: (30, 40),
    1500: (30, 50),
    2400: (40, 60),
    4000: (50, 80),
}
_FLATS = ("Residential Flat", "Apartment")
_OCCUPATIONS = [
    "Agriculturist",
    "Business",
    "Private Service",
    "Retired Govt. Employee",
    "Software Engineer",
    "Teacher",
    "Advocate",
]


def group_indian(value: int) -> str:
    """Group digits the Indian way: 12,34,567."""
    text = str(value)
    head, tail = text[:-3], text[-3:]
    parts: list[str] = []
    while len(head) > 2:
        parts.insert(0, head[-2:])
        head = head[:-2]
    return ",".join([head, *parts, tail] if head else [*parts, tail])


def _two_digits(n: int) -> str:
    return _ONES[n] if n < 20 else _TENS[n // 10] + (f" {_ONES[n % 10]}" if n % 10 else "")


def spell_rupees(value: int) -> str:
    """Spell a whole-rupee amount in lakhs and crores."""
    words: list[str] = []
    for unit, name in ((10**7, "Crore"), (10**5, "Lakh"), (1000, "Thousand"), (100, "Hundred")):
        count, value = divmod(value, unit)
        if count:
            words.append(f"{spell_rupees(count) if count >= 100 else _two_digits(count)} {name}")
    if value:
        words.append(_two_digits(value))
    return " ".join(words)


def write_rupees(value: int, rng: random.Random) -> str:
    """Write an amount as a deed writer or Kaveri printout does."""
    grouped = group_indian(value)
    return rng.choice(
        [
            f"Rs. {grouped}/- (Rupees {spell_rupees(value)} only)",
            f"Rs.{grouped}/-",
            f"Rs. {grouped}.00",
            f"Rs. {grouped}/-",
            f"Rs. {value}.00",
        ]
    )


def write_day(value: dt.date, rng: random.Random) -> str:
    """Write a date in one of the styles seen in Karnataka deeds."""
    day = value.day
    suffix = "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return rng.choice(
        [
            f"{day}{suffix} day of {value:%B} {value.year}",
            f"{day}{suffix} {value:%B} {value.year}",
            value.strftime("%d-%m-%Y"),
            value.strftime("%d/%m/%Y"),
            value.strftime("%d.%m.%Y"),
            value.strftime("%d-%b-%Y"),
        ]
    )


def write_sq(value: float) -> str:
    """Write an area number: whole numbers without decimals."""
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


def honorific(p: PartyFacts) -> str:
    """The party's title as written before the name."""
    return {"Sri": "Sri.", "Shri": "Shri."}.get(p.title, p.title)


def occupation(p: PartyFacts, rng: random.Random) -> str:
    """An occupation that fits the party."""
    extra = ["Housewife"] if p.relation == "W/o" else []
    return rng.choice(_OCCUPATIONS + extra)


def write_mobile(value: str, rng: random.Random) -> str:
    """Write a mobile number with or without +91 or a space in the middle."""
    return rng.choice([value, f"+91 {value}", f"{value[:5]} {value[5:]}", f"+91-{value}"])


def write_aadhaar_no(value: str, rng: random.Random) -> str:
    """Write an Aadhaar number in fours, hyphenated or run together."""
    digits = value.replace("-", "")
    return rng.choice([f"{digits[:4]} {digits[4:8]} {digits[8:]}", value, digits])


def write_address(p: PartyFacts, rng: random.Random) -> str:
    """The party's residence with its PIN and state."""
    return rng.choice(
        [
            f"{p.address}, {p.state} - {p.pincode}",
            f"{p.address} - {p.pincode}, {p.state} State",
            f"{p.address}, {p.state}, Pin Code: {p.pincode}",
        ]
    )


def share_phrase(share: int, rng: random.Random) -> str:
    """A seller's share of the schedule property."""
    forms = [f"{share}% undivided share", f"{share} per cent share"]
    if share in _FRACTIONS:
        forms.append(f"{_FRACTIONS[share]} ({share}%) share")
    return rng.choice(forms)


def party_intro(p: PartyFacts, rng: random.Random) -> str:
    """Sri. X, aged 45 years, S/o Y, Agriculturist, R/at ..."""
    return (
        f"{honorific(p)} {p.name}, aged {rng.choice(['', 'about '])}{p.age} years, "
        f"{p.relation} {p.relative}, {occupation(p, rng)}, "
        f"{rng.choice(['R/at', 'residing at', 'R/o'])} {write_address(p, rng)}"
    )


def party_ids(p: PartyFacts, rng: random.Random) -> str:
    """Aadhaar, PAN, mobiles and e-mail as one run of text."""
    parts = [f"Aadhaar No. {write_aadhaar_no(p.aadhaar, rng)}"]
    if p.pan:
        parts.append(f"PAN: {p.pan}")
    parts.append(f"Mobile No. {write_mobile(p.phone, rng)}")
    if p.phone2:
        parts.append(f"Alternate Mobile No. {write_mobile(p.phone2, rng)}")
    if p.email:
        parts.append(f"E-mail: {p.email}")
    return ", ".join(parts)


def identity_table(parties: list[PartyFacts], rng: random.Random, *, role: str) -> str:
    """A `Name | Aadhaar | PAN | Mobile | E-mail` table as typed in deeds."""
    lines = [f"Sl. | {role} | Aadhaar No. | PAN | Mobile | Alt. Mobile | E-mail"]
    for i, p in enumerate(parties, 1):
        alt = write_mobile(p.phone2, rng) if p.phone2 else "-"
        lines.append(
            f"{i} | {honorific(p)} {p.name} | {write_aadhaar_no(p.aadhaar, rng)} | "
            f"{p.pan or '-'} | {write_mobile(p.phone, rng)} | {alt} | {p.email or '-'}"
        )
    return "\n".join(lines)


def random_person(rng: random.Random, *, avoid: set[str]) -> str:
    """A man's name for a witness or an attorney, never one of the parties."""
    while True:
        name = f"{rng.choice(MALE_NAMES)} {rng.choice(SURNAMES)}"
        if name not in avoid:
            return name


def gpa_clause(facts: DeedFacts, rng: random.Random) -> str | None:
    """Sometimes one seller signs through a General Power of Attorney holder."""
    if rng.random() > 0.35:
        return None
    names = {p.name for p in [*facts.sellers, *facts.buyers]}
    holder = random_person(rng, avoid=names)
    seller = rng.choice(facts.sellers)
    made = facts.date - dt.timedelta(days=rng.randint(20, 700))
    return (
        f"The said {honorific(seller)} {seller.name} is represented herein by the General Power "
        f"of Attorney holder Sri. {holder}, aged {rng.randint(30, 65)} years, S/o "
        f"{rng.choice(MALE_NAMES)} {holder.split()[-1]}, under a GPA dated {write_day(made, rng)}, "
        f"registered as document No. GPA-{rng.randint(10, 999)}/{made.year}-{made.year % 100 + 1}. "
        f"The attorney holder signs only on behalf of the principal and is not a party hereto."
    )


def prior_title(facts: DeedFacts, rng: random.Random, *, owner: str) -> str:
    """The recital of how the sellers came to own the property."""
    office = rng.choice([p for p in SRO_PLACES if p != facts.sro_place])
    when = write_day(facts.prior_date, rng)
    if rng.random() < 0.4:
        return (
            f"the schedule property was allotted to the share of the {owner} under a registered "
            f"Partition Deed dated {when}, registered as document No. {facts.prior_doc_no} in the "
            f"office of the Sub-Registrar, {office}, and the khata stands in their name(s)."
        )
    earlier = facts.money.consideration * rng.randint(25, 70) // 100 // 1000 * 1000
    vendor = random_person(rng, avoid={p.name for p in facts.sellers})
    return (
        f"the {owner} purchased the schedule property from Sri. {vendor} under a registered sale "
        f"deed dated {when} for a consideration of Rs. {group_indian(earlier)}/-, registered as "
        f"document No. {facts.prior_doc_no} in the office of the Sub-Registrar, {office}."
    )


def payment_lines(facts: DeedFacts, rng: random.Random) -> list[str]:
    """Instalments by cheque/RTGS with bank, date and amount, ending in a total row."""
    m = facts.money
    n = rng.choice([1, 2, 3])
    cuts = sorted(rng.sample(range(1, 20), n - 1))
    parts = [(b - a) * m.consideration // 20 for a, b in zip([0, *cuts], [*cuts, 20], strict=True)]
    parts[-1] = m.consideration - sum(parts[:-1])
    lines = ["Sl. | Mode | Instrument / UTR No. | Bank | Date | Amount"]
    for i, amount in enumerate(parts, 1):
        when = facts.date - dt.timedelta(days=(n - i) * rng.randint(5, 40))
        if i == n:
            mode, ref = "Cheque", m.instrument_no
        else:
            mode = rng.choice(["RTGS", "NEFT"])
            ref = rng.choice(["SBIN", "CNRB", "HDFC", "UTIB"]) + "".join(
                rng.choices(string.digits, k=12)
            )
        lines.append(
            f"{i} | {mode} | {ref} | {m.bank} | {when:%d-%m-%Y} | Rs. {group_indian(amount)}/-"
        )
    lines.append(f"Total | | | | | Rs. {group_indian(m.consideration)}/-")
    return lines


def land_extent(facts: DeedFacts, rng: random.Random) -> str:
    """The schedule B extent: plot dimensions, or undivided share of land for flats."""
    pr = facts.prop
    if pr.b_area_sqm is not None:
        size = f"{pr.b_area_sqm:.2f} sq.m (equivalent to {pr.b_area_sqft:,.2f} sq.ft)"
    else:
        size = f"{write_sq(pr.b_area_sqft)} {rng.choice(['sq.ft', 'Sq.Ft.', 'square feet'])}"
    if pr.kind in _FLATS:
        return f"{size} of undivided share, right, title and interest in the land"
    dims = _DIMENSIONS.get(int(pr.b_area_sqft)) if pr.b_area_sqm is None else None
    if dims:
        return f"East to West {dims[0]} feet and North to South {dims[1]} feet, in all {size}"
    return size


def unit_area(facts: DeedFacts, rng: random.Random) -> str:
    """The schedule C area, named for what the property is."""
    pr = facts.prop
    label = {
        "Residential Flat": "super built-up area",
        "Apartment": "super built-up area",
        "Independent House": "built-up area",
        "Villa": "built-up area",
        "Commercial Shop": "carpet area",
    }.get(pr.kind, "area")
    return f"{label} of {write_sq(pr.c_area_sqft)} {rng.choice(['sq.ft', 'Sq.Ft', 'sq. feet'])}"


def boundaries(facts: DeedFacts) -> str:
    """East, West, North and South boundaries of the schedule property."""
    n, s, e, w = facts.prop.boundaries
    return f"East by: {e}; West by: {w}; North by: {n}; South by: {s}."


def witnesses(facts: DeedFacts, rng: random.Random) -> str:
    """Two attesting witnesses with their places."""
    avoid = {p.name for p in [*facts.sellers, *facts.buyers]}
    return "\n".join(
        f"{i}. Sri. {random_person(rng, avoid=avoid)}, R/at {rng.choice(SRO_PLACES)}"
        for i in (1, 2)
    )


def estamp_number(rng: random.Random) -> str:
    """An e-stamp certificate number as SHCIL prints it."""
    return f"IN-KA{rng.randint(10**13, 10**14 - 1)}{rng.choice(string.ascii_uppercase)}"


def party_rows(p: PartyFacts, rng: random.Random, *, seller: bool) -> list[Block]:
    """The label/value rows of one party in a form deed."""
    rows: list[Block] = [
        Row("Name", f"{honorific(p)} {p.name}"),
        Row("Gender", p.gender),
        Row("Age", f"{p.age} years"),
        Row("Father / Husband", f"{p.relation} {p.relative}"),
        Row("Occupation", occupation(p, rng)),
        Row("Address", p.address),
        Row("PIN Code", p.pincode),
        Row("State", p.state),
        Row("Aadhaar No.", write_aadhaar_no(p.aadhaar, rng)),
    ]
    if p.pan:
        rows.append(Row("PAN", p.pan))
    rows.append(Row("Mobile", write_mobile(p.phone, rng)))
    if p.phone2:
        rows.append(Row("Alternate Mobile", write_mobile(p.phone2, rng)))
    if p.email:
        rows.append(Row("E-mail", p.email))
    if seller:
        rows.append(Row("Share in Property", f"{p.share}%"))
    return rows
