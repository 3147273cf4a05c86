"""Wording of the `registry` family: amounts, dates, parties, payments as deeds put them."""

from __future__ import annotations

import datetime as dt
import random

from docmill_synth import values as v
from docmill_synth.values import DeedFacts, PartyFacts

_ONES = (
    "Zero One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen "
    "Fifteen Sixteen Seventeen Eighteen Nineteen"
).split()
_TENS = "_ _ Twenty Thirty Forty Fifty Sixty Seventy Eighty Ninety".split()
_FRACTIONS = {25: "one-fourth", 50: "one-half", 75: "three-fourth"}
_OCCUPATIONS = {
    "Male": ["Business", "Private Service", "Retired", "Agriculturist", "Software Engineer"],
    "Female": ["Housewife", "Private Service", "Teacher", "Business", "Retired"],
}
_COMPLEX_KINDS = {"Residential Flat", "Apartment", "Villa", "Commercial Shop"}
_BANK_CODES = {
    "State Bank of India": "SBIN",
    "Canara Bank": "CNRB",
    "HDFC Bank": "HDFC",
    "ICICI Bank": "ICIC",
    "Bank of Baroda": "BARB",
    "Karnataka Bank": "KARB",
    "Axis Bank": "UTIB",
}


def _below_hundred(n: int) -> str:
    if n < 20:
        return _ONES[n]
    return _TENS[n // 10] + (f" {_ONES[n % 10]}" if n % 10 else "")


def spell_indian(n: int) -> str:
    """Spell a whole number in the Indian system (crore, lakh, thousand)."""
    if n == 0:
        return "Zero"
    crore, rest = divmod(n, 10_000_000)
    lakh, rest = divmod(rest, 100_000)
    thousand, rest = divmod(rest, 1000)
    hundred, rest = divmod(rest, 100)
    parts = [f"{spell_indian(crore)} Crore"] if crore else []
    parts += [f"{_below_hundred(lakh)} Lakh"] if lakh else []
    parts += [f"{_below_hundred(thousand)} Thousand"] if thousand else []
    parts += [f"{_ONES[hundred]} Hundred"] if hundred else []
    parts += [_below_hundred(rest)] if rest else []
    return " ".join(parts)


def group_indian(n: int) -> str:
    """Group digits the Indian way: 12,34,56,789."""
    digits = str(int(n))
    head, tail = digits[:-3], digits[-3:]
    pairs = []
    while head:
        pairs.insert(0, head[-2:])
        head = head[:-2]
    return ",".join([*pairs, tail])


def rupees(value: int, rng: random.Random, *, words: bool = False) -> str:
    """Write an amount in figures, and in words as well when `words`."""
    g = group_indian(value)
    figures = rng.choice([f"Rs.{g}/-", f"Rs. {g}/-", f"Rs. {g}.00", f"Rs {g}/-"])
    if not words:
        return figures
    spelt = spell_indian(value)
    return rng.choice([f"{figures} (Rupees {spelt} Only)", f"Rupees {spelt} only ({figures})"])


def _ordinal(n: int) -> str:
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def deed_date(d: dt.date, rng: random.Random, *, formal: bool = False) -> str:
    """Write a date as deeds do; `formal` gives the '5th day of March 2019' kind."""
    month = d.strftime("%B")
    formal_styles = [
        f"{_ordinal(d.day)} day of {month} {d.year}",
        f"{_ordinal(d.day)} day of {month}, {d.year}",
    ]
    if formal:
        return rng.choice(formal_styles)
    return rng.choice(
        [
            *formal_styles,
            d.strftime("%d-%m-%Y"),
            d.strftime("%d/%m/%Y"),
            d.strftime("%d.%m.%Y"),
            f"{d.day} {month} {d.year}",
            f"{_ordinal(d.day)} {month}, {d.year}",
        ]
    )


def aadhaar_text(value: str, rng: random.Random) -> str:
    """Write an Aadhaar number as it is printed on the card or typed plainly."""
    digits = value.replace("-", "")
    return rng.choice([f"{digits[:4]} {digits[4:8]} {digits[8:]}", digits, value])


def phone_text(value: str, rng: random.Random) -> str:
    """Write a mobile number, sometimes with the country code."""
    return rng.choice([value, f"+91 {value}", f"+91-{value}", f"{value[:5]} {value[5:]}"])


def share_text(pct: int, rng: random.Random) -> str:
    """Write a seller's share: '50% (fifty percent) undivided share', 'one-half share'."""
    if pct == 100:
        return rng.choice(["the entire (100%) share", "100% (absolute) share"])
    options = [
        f"{pct}% ({spell_indian(pct).lower()} percent) undivided share",
        f"{pct}% undivided share",
    ]
    if pct in _FRACTIONS:
        options.append(f"{_FRACTIONS[pct]} share")
    return rng.choice(options)


def sro_text(place: str, rng: random.Random) -> str:
    """Name the registration office as deeds and endorsements do."""
    return rng.choice(
        [
            f"Sub-Registrar, {place}",
            f"Sub-Registrar of {place}",
            f"office of the Sub-Registrar, {place}",
            f"Sub Registrar Office, {place}",
        ]
    )


def area_text(sqft: float, sqm: float | None, rng: random.Random) -> str:
    """Write an extent in square feet, or in square metres when the deed used them."""
    if sqm is not None:
        metres = f"{sqm:.2f}"
        return rng.choice(
            [f"{metres} Sq. Mtrs", f"{metres} square metres", f"{metres} Sq.M. ({sqft:.2f} Sq.Ft.)"]
        )
    feet = f"{sqft:,.0f}" if rng.random() < 0.4 else f"{sqft:.0f}"
    text = f"{feet} {rng.choice(['Sq. Ft.', 'square feet', 'Sq.Ft', 'SFT'])}"
    if rng.random() < 0.3:
        text += f" ({sqft / 10.7639:.2f} Sq. Mtrs)"
    return text


def dimensions(sqft: float) -> tuple[int, int] | None:
    """Return (east-west, north-south) feet whose product is `sqft`, if a plausible pair exists."""
    if sqft != int(sqft):
        return None
    whole = int(sqft)
    sides = [a for a in range(20, int(whole**0.5) + 1) if whole % a == 0]
    return (sides[-1], whole // sides[-1]) if sides else None


def relation_text(p: PartyFacts, rng: random.Random) -> str:
    """Write the S/o, D/o or W/o relation, abbreviated or in full."""
    spelt = {"S/o": "son of", "D/o": "daughter of", "W/o": "wife of"}[p.relation]
    return rng.choice(
        [f"{p.relation} {p.relative}", f"{spelt} Sri {p.relative}", f"{spelt} {p.relative}"]
    )


def occupation(p: PartyFacts, rng: random.Random) -> str:
    """Pick an occupation plausible for the party."""
    return rng.choice(_OCCUPATIONS[p.gender])


def residence(p: PartyFacts, rng: random.Random) -> str:
    """Write the party's address with its pincode and state."""
    return rng.choice(
        [
            f"{p.address} - {p.pincode}, {p.state}",
            f"{p.address}, {p.state} - {p.pincode}",
            f"{p.address}, {p.state}, PIN Code: {p.pincode}",
        ]
    )


def contact_text(p: PartyFacts, rng: random.Random) -> str:
    """Aadhaar, PAN, phones and e-mail of a party in one run of text."""
    parts = [f"Aadhaar No. {aadhaar_text(p.aadhaar, rng)}"]
    if p.pan:
        parts.append(f"PAN: {p.pan}")
    parts.append(f"Mobile No. {phone_text(p.phone, rng)}")
    if p.phone2:
        parts.append(f"Alternate Mobile No. {phone_text(p.phone2, rng)}")
    if p.email:
        parts.append(f"E-mail: {p.email}")
    return ", ".join(parts)


def party_prose(p: PartyFacts, rng: random.Random, *, with_ids: bool = True) -> str:
    """One party described in a sentence, as in the opening of a deed."""
    age = rng.choice([f"aged about {p.age} years", f"aged {p.age} years"])
    head = [f"{p.title} {p.name}", age, relation_text(p, rng)]
    if rng.random() < 0.5:
        head[1], head[2] = head[2], head[1]
    text = ", ".join(
        [*head, f"Occupation: {occupation(p, rng)}", f"residing at {residence(p, rng)}"]
    )
    if with_ids:
        text += f", {contact_text(p, rng)}"
    if p.share is not None:
        text += f", owner of {share_text(p.share, rng)} in the Schedule Property"
    return text


def other_sro(facts: DeedFacts, rng: random.Random) -> str:
    """A registration office other than this deed's, for the earlier title deed."""
    return rng.choice([p for p in v.SRO_PLACES if p != facts.sro_place])


def person(rng: random.Random, *, avoid: set[str]) -> str:
    """A witness or identifier: name, relation and address."""
    while True:
        if rng.random() < 0.6:
            first, title, rel = rng.choice(v.MALE_NAMES), "Sri", "S/o"
        else:
            first, title, rel = rng.choice(v.FEMALE_NAMES), "Smt.", "W/o"
        surname = rng.choice(v.SURNAMES)
        if f"{first} {surname}" not in avoid:
            break
    city, _, prefix, localities = v.PLACES[0]
    return (
        f"{title} {first} {surname}, {rel} {rng.choice(v.MALE_NAMES)} {surname}, "
        f"No. {rng.randint(1, 400)}, {rng.choice(v.STREETS)}, {rng.choice(localities)}, "
        f"{city} - {prefix}{rng.randint(1, 99):03d}"
    )


def party_names(facts: DeedFacts) -> set[str]:
    """Every party name of the deed, to keep witnesses distinct from them."""
    return {p.name for p in [*facts.sellers, *facts.buyers]}


def _instrument(facts: DeedFacts, rng: random.Random, *, number: str, day: dt.date) -> str:
    bank = facts.money.bank
    kind = rng.choice(["cheque", "dd", "rtgs"])
    if kind == "cheque":
        return f"by Cheque No. {number} dated {deed_date(day, rng)} drawn on {bank}"
    if kind == "dd":
        return f"by Demand Draft No. {number} dated {deed_date(day, rng)} issued by {bank}"
    utr = f"{_BANK_CODES.get(bank, 'UTIB')}R{day:%Y%m%d}{number}"
    return f"by RTGS transfer from {bank} on {deed_date(day, rng)} (UTR No. {utr})"


def payment_lines(facts: DeedFacts, rng: random.Random) -> list[str]:
    """How the consideration reached the vendors: one or two payments."""
    m = facts.money
    if m.cash:
        return [f"{rupees(m.consideration, rng)} paid in cash by the Purchaser(s) to the Vendor(s)"]
    if rng.random() < 0.45:
        return [
            f"{rupees(m.consideration, rng)} paid "
            + _instrument(facts, rng, number=m.instrument_no, day=facts.date)
        ]
    advance = max(100_000, int(round(m.consideration * rng.uniform(0.1, 0.3), -4)))
    agreed = facts.date - dt.timedelta(days=rng.randint(20, 150))
    first = _instrument(facts, rng, number=str(rng.randint(100000, 999999)), day=agreed)
    second = _instrument(facts, rng, number=m.instrument_no, day=facts.date)
    return [
        f"{rupees(advance, rng)} paid as advance {first}, at the time of the agreement of sale",
        f"{rupees(m.consideration - advance, rng)} being the balance paid {second}",
    ]


def has_schedule_a(facts: DeedFacts) -> bool:
    """True for units in a complex, whose deeds describe the whole land as Schedule A."""
    return facts.prop.kind in _COMPLEX_KINDS


def schedule_a_text(facts: DeedFacts, rng: random.Random) -> str:
    """The whole land of the complex; its extent is not this deed's Schedule B."""
    pr = facts.prop
    return (
        f"All that piece and parcel of the converted land bearing Sy. No. {pr.survey_no}, "
        f"measuring {rng.randint(2, 6)} Acres {rng.randint(1, 39)} Guntas, situated within the "
        f"limits of {pr.city}, on which a building complex has been constructed."
    )


def schedule_b_text(facts: DeedFacts, rng: random.Random) -> str:
    """The land conveyed: survey and khata numbers, extent, boundaries."""
    pr = facts.prop
    north, south, east, west = pr.boundaries
    area = area_text(pr.b_area_sqft, pr.b_area_sqm, rng)
    plot = pr.b_area_sqm is None and not has_schedule_a(facts)
    dims = dimensions(pr.b_area_sqft) if plot else None
    if dims and rng.random() < 0.6:
        measure = (
            f"measuring East to West {dims[0]} feet and North to South {dims[1]} feet, "
            f"in all measuring {area}"
        )
    else:
        measure = f"measuring {area}"
    if has_schedule_a(facts):
        lead = (
            f"All that undivided share, right, title and interest to the extent of {area} in "
            f"the Schedule 'A' land"
        )
    else:
        lead = f"All that piece and parcel of the land {measure}"
    return (
        f"{lead}, bearing Sy. No. {pr.survey_no}, Khata No. {pr.khata_no}, situated at "
        f"{pr.city}, and bounded on the:\nEast by: {east}\nWest by: {west}\n"
        f"North by: {north}\nSouth by: {south}"
    )


def schedule_c_text(facts: DeedFacts, rng: random.Random) -> str:
    """The property itself: its kind, address and area."""
    pr = facts.prop
    word = rng.choice(["bearing the address", "situated at", "located at"])
    return (
        f"All that {pr.kind} {word} {pr.address}, {pr.state} - {pr.pincode}, measuring "
        f"{area_text(pr.c_area_sqft, None, rng)}, together with all rights of way, easements "
        f"and appurtenances thereto."
    )


def recital_text(facts: DeedFacts, rng: random.Random, *, lead: str = "WHEREAS the") -> str:
    """How the vendors acquired the property: an earlier deed, office and amount."""
    earlier = facts.money.consideration * rng.uniform(0.25, 0.7) // 1000 * 1000
    return (
        f"{lead} Vendor(s) acquired the Schedule Property under a registered Sale Deed "
        f"dated {deed_date(facts.prior_date, rng)}, registered as Document No. "
        f"{facts.prior_doc_no} of Book I in the office of the Sub-Registrar, "
        f"{other_sro(facts, rng)}, for a consideration of {rupees(int(earlier), rng)} then paid, "
        f"and the khata of the property stands in the name of the Vendor(s) as Khata No. "
        f"{facts.prop.khata_no}."
    )
