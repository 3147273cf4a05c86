"""How the reserve deed family writes values: amounts, dates, parties, areas and recitals."""

from __future__ import annotations

import datetime as dt
import random

from docmill_synth.render import Block, Heading, Para, Row
from docmill_synth.values import (
    MALE_NAMES,
    SRO_PLACES,
    SURNAMES,
    DeedFacts,
    MoneyFacts,
    PartyFacts,
    PropertyFacts,
)

_ONES = (
    "Zero One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen "
    "Fifteen Sixteen Seventeen Eighteen Nineteen"
).split()
_TENS = "- - Twenty Thirty Forty Fifty Sixty Seventy Eighty Ninety".split()
_DAY_WORDS = (
    "First Second Third Fourth Fifth Sixth Seventh Eighth Ninth Tenth Eleventh Twelfth "
    "Thirteenth Fourteenth Fifteenth Sixteenth Seventeenth Eighteenth Nineteenth Twentieth "
    "Twenty-first Twenty-second Twenty-third Twenty-fourth Twenty-fifth Twenty-sixth "
    "Twenty-seventh Twenty-eighth Twenty-ninth Thirtieth Thirty-first"
).split()
MONTHS = (
    "January February March April May June July August September October November December"
).split()
RELATION_WORDS = {"S/o": "son of", "D/o": "daughter of", "W/o": "wife of"}
AMOUNT_STYLES = ("words", "slash", "paise", "plain", "inr")
DATE_STYLES = ("dot", "dash", "slash", "ordinal", "words", "short_month")
_FRACTIONS = {50: "one-half", 25: "one-fourth", 75: "three-fourths"}


def _below_hundred(n: int) -> str:
    if n < 20:
        return _ONES[n]
    return _TENS[n // 10] + (f" {_ONES[n % 10]}" if n % 10 else "")


def spell_indian(n: int) -> str:
    """Spell a whole number in words the Indian way (crore, lakh, thousand, hundred)."""
    parts: list[str] = []
    for unit, size in (("Crore", 10**7), ("Lakh", 10**5), ("Thousand", 1000), ("Hundred", 100)):
        if n >= size:
            count = n // size
            head = spell_indian(count) if count >= 100 else _below_hundred(count)
            parts.append(f"{head} {unit}")
            n %= size
    if n or not parts:
        parts.append(_below_hundred(n))
    return " ".join(parts)


def group_indian(n: int) -> str:
    """Group digits as 12,34,56,789."""
    digits = str(n)
    head, tail = digits[:-3], digits[-3:]
    groups = []
    while head:
        groups.insert(0, head[-2:])
        head = head[:-2]
    return ",".join([*groups, tail])


def write_rupees(value: int, style: str) -> str:
    """Write a rupee amount in one of AMOUNT_STYLES."""
    grouped = group_indian(value)
    match style:
        case "words":
            return f"Rs. {grouped}/- (Rupees {spell_indian(value)} Only)"
        case "slash":
            return f"Rs.{grouped}/-"
        case "paise":
            return f"Rs. {grouped}.00"
        case "plain":
            return f"Rs. {value}/-"
        case _:
            return f"INR {grouped}/-"


def _ordinal(n: int) -> str:
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def write_day(value: dt.date, style: str) -> str:
    """Write a date in one of DATE_STYLES."""
    month = MONTHS[value.month - 1]
    match style:
        case "dot":
            return f"{value.day:02d}.{value.month:02d}.{value.year}"
        case "dash":
            return f"{value.day:02d}-{value.month:02d}-{value.year}"
        case "slash":
            return f"{value.day:02d}/{value.month:02d}/{value.year}"
        case "ordinal":
            return f"{_ordinal(value.day)} day of {month} {value.year}"
        case "words":
            return f"{_DAY_WORDS[value.day - 1]} day of {month}, {spell_indian(value.year)}"
        case _:
            return f"{value.day:02d}-{month[:3]}-{value.year}"


def write_uid(aadhaar: str, rng: random.Random) -> str:
    """Write an Aadhaar number as it appears on the card or run together."""
    digits = aadhaar.replace("-", "")
    return rng.choice([f"{digits[:4]} {digits[4:8]} {digits[8:]}", aadhaar, digits])


def write_mobile(number: str, rng: random.Random) -> str:
    """Write a mobile number with or without the country code."""
    return rng.choice([number, f"+91 {number[:5]} {number[5:]}", f"+91-{number}", number])


def relation(p: PartyFacts, rng: random.Random) -> str:
    """Return the party's relation to a named relative, abbreviated or spelled out."""
    word = RELATION_WORDS[p.relation] if rng.random() < 0.5 else p.relation
    return f"{word} {p.relative}"


def occupation(p: PartyFacts, rng: random.Random) -> str:
    """Return a plausible occupation for the party's age and gender."""
    if p.age >= 62:
        return "Retired"
    common = ["Business", "Private Service", "Software Professional", "Government Service"]
    extra = ["Homemaker", "Teacher"] if p.gender == "Female" else ["Agriculturist", "Contractor"]
    return rng.choice(common + extra)


def residence(p: PartyFacts, rng: random.Random) -> str:
    """Return the party's address closed by state and PIN code."""
    return rng.choice(
        [
            f"{p.address}, {p.state} - {p.pincode}",
            f"{p.address} - {p.pincode}, {p.state}",
            f"{p.address}, {p.state}, PIN Code {p.pincode}",
        ]
    )


def contact_details(p: PartyFacts, rng: random.Random) -> list[str]:
    """Return the party's identity and contact entries, each as `Label: value`."""
    entries = [f"Aadhaar No. {write_uid(p.aadhaar, rng)}"]
    if p.pan:
        entries.append(f"{rng.choice(['PAN', 'PAN No.', 'Income Tax PAN'])}: {p.pan}")
    entries.append(f"{rng.choice(['Mobile', 'Mob. No.', 'Cell'])}: {write_mobile(p.phone, rng)}")
    if p.phone2:
        entries.append(f"Alternate Mobile: {write_mobile(p.phone2, rng)}")
    if p.email:
        entries.append(f"{rng.choice(['E-mail', 'Email ID', 'e-mail'])}: {p.email}")
    return entries


def share_text(share: int, rng: random.Random) -> str:
    """Write a seller's share in the property, as a fraction or a percentage."""
    if share == 100:
        return rng.choice(["the entire (100%) share", "100% share", "full 100% share"])
    if share in _FRACTIONS and rng.random() < 0.6:
        words = _FRACTIONS[share]
        return rng.choice([f"{words} undivided share", f"{words} ({share}%) share"])
    return rng.choice([f"{share}% undivided share", f"{share} per cent share"])


def area_sqft(value: float, rng: random.Random) -> str:
    """Write an area in square feet."""
    number = (
        f"{value:,.2f}" if value != int(value) else rng.choice([f"{value:.0f}", f"{value:,.0f}"])
    )
    return f"{number} {rng.choice(['Sq.ft', 'square feet', 'Sft', 'sq. ft'])}"


def area_b(pr: PropertyFacts, rng: random.Random) -> str:
    """Write the Schedule B extent, in square metres when the deed measured it so."""
    if pr.b_area_sqm is None:
        return area_sqft(pr.b_area_sqft, rng)
    sqm = f"{pr.b_area_sqm:.2f} {rng.choice(['Sq. Mtrs', 'square metres', 'Sq.M'])}"
    if rng.random() < 0.5:
        return sqm
    return f"{sqm} (equivalent to {pr.b_area_sqft:.2f} Sq.ft)"


def dimensions(sqft: float) -> tuple[int, int] | None:
    """Return East-West and North-South feet whose product is the area, if a neat pair exists."""
    if sqft != int(sqft):
        return None
    whole = int(sqft)
    pairs = [(a, whole // a) for a in range(15, 101) if whole % a == 0 and a <= whole // a <= 150]
    return min(pairs, key=lambda ab: ab[1] - ab[0]) if pairs else None


def payment_text(m: MoneyFacts, rng: random.Random) -> str:
    """Return how the whole consideration was paid."""
    if m.cash:
        return rng.choice(["paid in cash", "paid wholly in cash", "received in cash in full"])
    return rng.choice(
        [
            f"paid by Cheque No. {m.instrument_no} drawn on {m.bank}",
            f"paid by Demand Draft No. {m.instrument_no} of {m.bank}",
            f"paid through RTGS from {m.bank} vide UTR ending {m.instrument_no}",
        ]
    )


def acquisition_recital(facts: DeedFacts, rng: random.Random, *, vendor: str) -> str:
    """Return how the vendor came to own the property under an earlier registered deed."""
    office = rng.choice([p for p in SRO_PLACES if p != facts.sro_place])
    kind = rng.choice(["Sale Deed", "Sale Deed", "Gift Deed", "Partition Deed"])
    text = (
        f"The {vendor} acquired the Schedule Property under a registered {kind} dated "
        f"{write_day(facts.prior_date, rng.choice(DATE_STYLES))}, registered as Document No. "
        f"{facts.prior_doc_no} of Book-I in the office of the Sub-Registrar, {office}"
    )
    if kind == "Sale Deed":
        earlier = int(facts.money.consideration * rng.uniform(0.15, 0.6)) // 1000 * 1000
        text += f", for a consideration of {write_rupees(earlier, 'slash')} paid at that time"
    return (
        text + f". The Khata of the property stands in the name of the {vendor} "
        f"(Khata No. {facts.prop.khata_no}) and all taxes have been paid up to date."
    )


def witness_lines(facts: DeedFacts, rng: random.Random) -> list[str]:
    """Return two witnesses who are none of the parties."""
    taken = {p.name for p in [*facts.sellers, *facts.buyers]}
    lines: list[str] = []
    while len(lines) < 2:
        name = f"{rng.choice(MALE_NAMES)} {rng.choice(SURNAMES)}"
        if name in taken:
            continue
        taken.add(name)
        father = f"{rng.choice([n for n in MALE_NAMES if n != name.split()[0]])} {name.split()[-1]}"
        lines.append(f"{len(lines) + 1}. Sri {name}, S/o {father}, {facts.execution_city}")
    return lines


def party_prose(p: PartyFacts, rng: random.Random) -> str:
    """Describe a party in one running sentence with ids in brackets."""
    ids = "; ".join(contact_details(p, rng))
    return (
        f"{p.title} {p.name}, aged about {p.age} years, {relation(p, rng)}, "
        f"Occupation: {occupation(p, rng)}, residing at {residence(p, rng)} ({ids})"
    )


def short_party(p: PartyFacts, rng: random.Random, number: int) -> str:
    """Describe a party briefly, as a numbered entry of a short-form deed."""
    text = (
        f"{number}) {p.title} {p.name}, {relation(p, rng)}, aged {p.age} years, "
        f"r/o {residence(p, rng)}. " + ", ".join(contact_details(p, rng))
    )
    if p.share is not None:
        text += f". Owner of {share_text(p.share, rng)}"
    return text + "."


def party_rows(p: PartyFacts, rng: random.Random) -> list[Block]:
    """Tabulate a party, one row per particular."""
    rows: list[Block] = [
        Row("Name", f"{p.title} {p.name}"),
        Row("Relationship", f"{RELATION_WORDS[p.relation]} {p.relative}"),
        Row("Age / Occupation", f"{p.age} years / {occupation(p, rng)}"),
        Row("Address", p.address),
        Row("PIN Code", p.pincode),
        Row("State", p.state),
        Row("Aadhaar No.", write_uid(p.aadhaar, rng)),
    ]
    if p.pan:
        rows.append(Row("PAN", p.pan))
    rows.append(Row("Mobile No.", write_mobile(p.phone, rng)))
    if p.phone2:
        rows.append(Row("Alternate Mobile", write_mobile(p.phone2, rng)))
    if p.email:
        rows.append(Row("E-mail", p.email))
    if p.share is not None:
        rows.append(Row("Extent of share", share_text(p.share, rng)))
    return rows


def named_party(p: PartyFacts, rng: random.Random, number: int) -> str:
    """Name a party with relation, age and residence only."""
    return (
        f"({number}) {p.title} {p.name}, {RELATION_WORDS[p.relation]} {p.relative}, aged "
        f"{p.age} years, residing at {residence(p, rng)}"
    )


def boundaries(facts: DeedFacts) -> str:
    """Write the four boundaries of the schedule land."""
    n, s, e, w = facts.prop.boundaries
    return f"East by: {e}; West by: {w}; North by: {n}; South by: {s}"


def signature_blocks(
    facts: DeedFacts, rng: random.Random, *, seller: str, buyer: str
) -> list[Block]:
    """Return the signature lines of both sides and the witnesses."""
    return [
        Para(f"{seller}(S):\n" + "\n".join(f"{p.title} {p.name}" for p in facts.sellers)),
        Para(f"{buyer}(S):\n" + "\n".join(f"{p.title} {p.name}" for p in facts.buyers)),
        Heading("WITNESSES", 10.5),
        Para("\n".join(witness_lines(facts, rng))),
    ]


def identification_blocks(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """Return each party's identity documents and contacts, as given at registration."""
    blocks: list[Block] = [Heading("IDENTIFICATION OF THE PARTIES", 11)]
    for p in [*facts.sellers, *facts.buyers]:
        blocks.append(Para(f"{p.title} {p.name}\n" + " | ".join(contact_details(p, rng))))
    return blocks
