"""How the `ward` family's drafters write parties, money, dates and measurements."""

from __future__ import annotations

import datetime as dt
import random

from docmill_synth.render import Block, Row
from docmill_synth.values import FEMALE_NAMES, MALE_NAMES, SURNAMES, DeedFacts, PartyFacts

OCCUPATIONS = [
    "Business",
    "Retired Government Servant",
    "Software Engineer",
    "Agriculturist",
    "Housewife",
    "Private Service",
    "Teacher",
    "Medical Practitioner",
    "Chartered Accountant",
]
OTHER_OFFICES = ["Varthur", "Hebbal", "Banashankari", "Srirampura", "Peenya", "Chamarajpet"]
_ONES = (
    "Zero One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen "
    "Fifteen Sixteen Seventeen Eighteen Nineteen"
).split()
_TENS = "_ _ Twenty Thirty Forty Fifty Sixty Seventy Eighty Ninety".split()
_RELATION_WORDS = {"S/o": "son of", "D/o": "daughter of", "W/o": "wife of"}
_FRACTIONS = {50: ["one-half", "1/2", "half"], 25: ["1/4th", "one-fourth"], 75: ["3/4th"]}


def _words_below_thousand(n: int) -> str:
    parts = []
    if n >= 100:
        parts.append(f"{_ONES[n // 100]} Hundred")
        n %= 100
    if n >= 20:
        parts.append(_TENS[n // 10] + (f" {_ONES[n % 10]}" if n % 10 else ""))
    elif n:
        parts.append(_ONES[n])
    return " ".join(parts)


def rupees_in_words(value: int) -> str:
    """Spell a rupee amount in the Indian system: crores, lakhs, thousands."""
    parts = []
    for unit, size in (("Crore", 10_000_000), ("Lakh", 100_000), ("Thousand", 1000)):
        if value >= size:
            parts.append(f"{_words_below_thousand(value // size)} {unit}")
            value %= size
    if value:
        parts.append(_words_below_thousand(value))
    return " ".join(parts) or "Zero"


def group_indian(value: int) -> str:
    """Group digits as 12,34,56,789."""
    text = str(value)
    if len(text) <= 3:
        return text
    head, tail = text[:-3], text[-3:]
    pairs = []
    while len(head) > 2:
        pairs.insert(0, head[-2:])
        head = head[:-2]
    return ",".join([head, *pairs, tail])


def money(value: int, rng: random.Random, *, words: bool | None = None) -> str:
    """Rupees in figures, and in words when the drafter spells them out."""
    grouped = group_indian(value)
    figure = rng.choice([f"Rs. {grouped}/-", f"Rs.{grouped}/-", f"Rs {grouped}.00"])
    if words is None:
        words = rng.random() < 0.6
    return f"{figure} (Rupees {rupees_in_words(value)} only)" if words else figure


def deed_date(value: dt.date, rng: random.Random) -> str:
    """A date as Karnataka drafters write it."""
    day = value.day
    suffix = "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    month = value.strftime("%B")
    return rng.choice(
        [
            f"{day}{suffix} day of {month}, {value.year}",
            value.strftime("%d-%m-%Y"),
            value.strftime("%d/%m/%Y"),
            f"{day}{suffix} {month} {value.year}",
            value.strftime("%d.%m.%Y"),
            f"{value.strftime('%d')}-{value.strftime('%b')}-{value.year}",
        ]
    )


def aadhaar(value: str, rng: random.Random) -> str:
    """An Aadhaar number grouped as printed on the card, hyphenated or run together."""
    digits = value.replace("-", "")
    return rng.choice([f"{digits[:4]} {digits[4:8]} {digits[8:]}", value, digits])


def mobile(value: str, rng: random.Random) -> str:
    """A mobile number as parties give it."""
    return rng.choice([value, f"+91 {value}", f"{value[:5]} {value[5:]}", f"+91-{value}"])


def postal_address(p: PartyFacts, rng: random.Random) -> str:
    """The party's address with state and PIN code."""
    return rng.choice(
        [
            f"{p.address}, {p.state} - {p.pincode}",
            f"{p.address} - {p.pincode}, {p.state}",
            f"{p.address}, {p.state}, PIN Code {p.pincode}",
        ]
    )


def relation(p: PartyFacts, rng: random.Random) -> str:
    """`S/o X` or `son of X`."""
    word = p.relation if rng.random() < 0.6 else _RELATION_WORDS[p.relation]
    return f"{word} {p.relative}"


def occupation(p: PartyFacts, rng: random.Random) -> str:
    """An occupation that suits the party."""
    return rng.choice([o for o in OCCUPATIONS if p.gender == "Female" or o != "Housewife"])


def titled(p: PartyFacts) -> str:
    """The name with its honorific, which is what tells a reader the gender."""
    return f"{p.title} {p.name}"


def share_words(share: int, rng: random.Random, *, sole: bool) -> str:
    """A seller's share in the property in one drafter's words."""
    if sole:
        return rng.choice(["the entire 100% share", "the whole (100%) share"])
    options = [f"{share}% undivided share", f"{share}% (percent) share"]
    options += [f"{f} undivided share ({share}%)" for f in _FRACTIONS.get(share, [])]
    options += [f"{f} share" for f in _FRACTIONS.get(share, []) if "/" in f]
    return rng.choice(options)


def stranger(rng: random.Random, *, male: bool | None = None) -> str:
    """A person who is not a party: witness, attorney, earlier owner."""
    if male is None:
        male = rng.random() < 0.7
    first = rng.choice(MALE_NAMES if male else FEMALE_NAMES)
    return f"{'Sri' if male else 'Smt.'} {first} {rng.choice(SURNAMES)}"


def area(sqft: float, sqm: float | None, rng: random.Random, *, sides: bool = True) -> str:
    """An extent in square feet (with its sides when they are whole feet) or square metres."""
    if sqm is not None:
        unit = rng.choice(["Sq. Mtrs.", "square metres", "sq. metres"])
        return f"{sqm:.2f} {unit}"
    unit = rng.choice(["Sq. Ft.", "square feet", "sq.ft.", "Sft"])
    total = f"{sqft:,.0f}" if sqft >= 1000 and rng.random() < 0.5 else f"{sqft:g}"
    pairs = [(a, int(sqft) // a) for a in range(20, 61) if int(sqft) % a == 0]
    pairs = [(a, b) for a, b in pairs if a <= b <= 100 and sqft == int(sqft)]
    has_sides = bool(pairs)
    if sides and has_sides and rng.random() < 0.6:
        ew, ns = rng.choice(pairs)
        return f"East to West {ew} feet and North to South {ns} feet, in all {total} {unit}"
    return f"{total} {unit}"


def payments(total: int, *, cash: bool, bank: str, number: str, rng: random.Random) -> list[str]:
    """Instalments of the consideration that add up to `total`, one line each."""
    count = rng.choice([1, 2, 2, 3]) if total >= 500_000 else 1
    cuts = sorted(rng.sample(range(1, total // 10_000), count - 1)) if count > 1 else []
    marks = [0, *(c * 10_000 for c in cuts), total]
    parts = [b - a for a, b in zip(marks, marks[1:], strict=False)]
    lines = []
    for i, part in enumerate(parts):
        when = ["as advance on the agreement of sale", "as part payment"][min(i, 1)]
        when = "this day" if i == len(parts) - 1 else when
        if cash:
            lines.append(f"Rs. {group_indian(part)}/- paid in cash {when}")
            continue
        ref = str(int(number) + 7 * i)
        lines.append(
            rng.choice(
                [
                    f"Rs. {group_indian(part)}/- by Cheque No. {ref} drawn on {bank}",
                    f"Rs. {group_indian(part)}/- by Demand Draft No. {ref} of {bank}",
                    f"Rs. {group_indian(part)}/- by RTGS (UTR {bank.split()[0].upper()[:4]}"
                    f"R5{ref}{ref[:3]}) from {bank}",
                ]
            )
            + f", {when}"
        )
    return lines


def contacts(p: PartyFacts, rng: random.Random) -> str:
    """Mobile, alternate mobile and e-mail, as far as the party gave them."""
    text = f"Mobile No. {mobile(p.phone, rng)}"
    if p.phone2:
        text += f", Alternate Mobile No. {mobile(p.phone2, rng)}"
    if p.email:
        text += f", E-mail: {p.email}"
    return text


def party_rows(p: PartyFacts, rng: random.Random, *, label: str) -> list[Block]:
    """A party as label/value rows of a clerk's form."""
    rows: list[Block] = [
        Row(label, titled(p)),
        Row("Father's / Husband's Name", relation(p, rng)),
        Row("Age / Occupation", f"{p.age} years / {occupation(p, rng)}"),
        Row("Address", postal_address(p, rng)),
        Row("Aadhaar No.", aadhaar(p.aadhaar, rng)),
    ]
    if p.pan:
        rows.append(Row("PAN", p.pan))
    rows.append(Row("Mobile", mobile(p.phone, rng)))
    if p.phone2:
        rows.append(Row("Alternate Mobile", mobile(p.phone2, rng)))
    if p.email:
        rows.append(Row("E-mail", p.email))
    return rows


def party_sentence(p: PartyFacts, rng: random.Random) -> str:
    """A party in one running clause."""
    ids = f"Aadhaar No. {aadhaar(p.aadhaar, rng)}" + (f", PAN {p.pan}" if p.pan else "")
    return (
        f"{titled(p)}, {relation(p, rng)}, aged about {p.age} years, {occupation(p, rng)} "
        f"by occupation, presently residing at {postal_address(p, rng)}, holding {ids}, "
        f"{contacts(p, rng)}"
    )


def party_cells(p: PartyFacts, rng: random.Random) -> str:
    """A party as one pipe-separated table row."""
    cells = [
        titled(p),
        f"{p.age} yrs",
        relation(p, rng),
        postal_address(p, rng),
        f"Aadhaar {aadhaar(p.aadhaar, rng)}" + (f" | PAN {p.pan}" if p.pan else ""),
        contacts(p, rng),
    ]
    return " | ".join(cells)


def seller_share(facts: DeedFacts, p: PartyFacts, rng: random.Random) -> str:
    """The seller's share; a sole seller owns all of it."""
    return share_words(p.share or 0, rng, sole=len(facts.sellers) == 1)


def prior_office(facts: DeedFacts, rng: random.Random) -> str:
    """An office for the earlier deed, never this deed's office."""
    return rng.choice([o for o in OTHER_OFFICES if o != facts.sro_place])


def property_line(facts: DeedFacts) -> str:
    """The conveyed property's address with state and PIN code."""
    pr = facts.prop
    return f"{pr.address}, {pr.state} - {pr.pincode}"


def fees_sentence(facts: DeedFacts, rng: random.Random) -> str:
    """Guidance value, stamp duty and registration fee in one paragraph."""
    m = facts.money
    return (
        f"The market value of the Schedule Property as per the guidance value notified under "
        f"Section 45-B of the Karnataka Stamp Act, 1957 is {money(m.guidance, rng)}. Stamp duty "
        f"of {money(m.stamp_duty, rng, words=False)} is paid on this instrument and registration "
        f"fee of {money(m.registration_fee, rng, words=False)} is paid separately."
    )
