"""Wording for the `hobli` family: rupees in words, dates, shares, parties, payments."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from docmill_synth.values import BANKS, MALE_NAMES, SQFT_PER_SQM, SURNAMES, DeedFacts, PartyFacts

_ONES = (
    "Zero One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen "
    "Fifteen Sixteen Seventeen Eighteen Nineteen"
).split()
_TENS = "- - Twenty Thirty Forty Fifty Sixty Seventy Eighty Ninety".split()
OCCUPATIONS = [
    "Agriculturist",
    "Business",
    "Private Service",
    "Retired",
    "Housewife",
    "Software Engineer",
    "Teacher",
    "Government Service",
    "Advocate",
    "Doctor",
]
# Offices and villages that are never this deed's registration office.
OTHER_OFFICES = [
    "Anekal",
    "Hoskote",
    "Nelamangala",
    "Devanahalli",
    "Ramanagara",
    "Kunigal",
    "Srirangapatna",
    "Bidadi",
    "Magadi",
    "Channapatna",
]
VILLAGES = [
    "Kodihalli",
    "Doddakallasandra",
    "Hosahalli",
    "Chikkabettahalli",
    "Kempapura",
    "Nagadevanahalli",
    "Bommanahalli",
    "Gollahalli",
]
HOBLIS = ["Kasaba", "Uttarahalli", "Varthur", "Jala", "Dasanapura", "Begur", "Yeshwanthapura"]
_RELATION_WORDS = {"S/o": "son of", "D/o": "daughter of", "W/o": "wife of"}
_FRACTIONS = {
    50: ["one-half", "1/2", "half"],
    25: ["one-fourth", "1/4th"],
    75: ["three-fourth", "3/4th"],
    20: ["one-fifth", "1/5th"],
}


def _below_thousand(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    words = [f"{_ONES[hundreds]} Hundred"] if hundreds else []
    if rest >= 20:
        words.append(_TENS[rest // 10] + (f" {_ONES[rest % 10]}" if rest % 10 else ""))
    elif rest:
        words.append(_ONES[rest])
    return " ".join(words)


def rupees_in_words(value: int) -> str:
    """Spell a whole rupee amount in the Indian system (crores, lakhs, thousands)."""
    words = []
    for unit, size in (("Crore", 10**7), ("Lakh", 10**5), ("Thousand", 1000)):
        count, value = divmod(value, size)
        if count:
            plural = "s" if count > 1 and unit != "Thousand" else ""
            words.append(f"{_below_thousand(count)} {unit}{plural}")
    if value:
        words.append(_below_thousand(value))
    return " ".join(words)


def group_indian(value: int) -> str:
    """Group digits as 12,34,56,789."""
    digits = str(value)
    head, tail = digits[:-3], digits[-3:]
    groups = []
    while len(head) > 2:
        head, groups = head[:-2], [head[-2:], *groups]
    return ",".join([g for g in [head, *groups] if g] + [tail])


def write_rupees(value: int, rng: random.Random, *, words: bool = True) -> str:
    """Write an amount in figures, with the words in brackets when asked."""
    g = group_indian(value)
    figure = rng.choice([f"Rs. {g}/-", f"Rs.{g}/-", f"Rs. {g}.00", f"INR {g}/-"])
    if not words:
        return figure
    return f"{figure} ({rng.choice(['Rupees', 'Rupees'])} {rupees_in_words(value)} only)"


def ordinal(n: int) -> str:
    """Return 1st, 2nd, 3rd, 11th ..."""
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def write_day(value: dt.date, rng: random.Random, *, formal: bool = False) -> str:
    """Write a date as a document writer would; `formal` gives 'this 5th day of ...'."""
    month = value.strftime("%B")
    if formal:
        return f"this {ordinal(value.day)} day of {month}{rng.choice([',', ''])} {value.year}"
    return rng.choice(
        [
            value.strftime("%d-%m-%Y"),
            value.strftime("%d/%m/%Y"),
            value.strftime("%d.%m.%Y"),
            f"{value.day} {month} {value.year}",
            value.strftime("%d-%b-%Y"),
        ]
    )


def write_share(percent: int, rng: random.Random) -> str:
    """Write a seller's share: '50% undivided share', 'one-half share', '1/4th share'."""
    words = [f"{percent}%", f"{percent} per cent"] + _FRACTIONS.get(percent, [])
    return f"{rng.choice(words)} {rng.choice(['undivided share', 'share', 'share and interest'])}"


def write_aadhaar(value: str, rng: random.Random) -> str:
    """Write an Aadhaar number in groups of four, hyphenated or run together."""
    digits = value.replace("-", "")
    return rng.choice([value, f"{digits[:4]} {digits[4:8]} {digits[8:]}", digits])


def write_phone(value: str, rng: random.Random) -> str:
    """Write a mobile number as people give it."""
    return rng.choice([value, f"+91 {value}", f"{value[:5]} {value[5:]}", f"+91-{value}"])


def write_home(p: PartyFacts, rng: random.Random) -> str:
    """Write a party's address with state and PIN code."""
    return rng.choice(
        [
            f"{p.address}, {p.state} - {p.pincode}",
            f"{p.address}, {p.state}, PIN: {p.pincode}",
            f"{p.address} - {p.pincode}, {p.state}",
            f"{p.address}, {p.state}, Pin Code {p.pincode}",
        ]
    )


def write_relation(p: PartyFacts, rng: random.Random) -> str:
    """Write 'S/o Ramesh Rao' or 'wife of Sri Ramesh Rao'."""
    word = _RELATION_WORDS[p.relation]
    return rng.choice(
        [f"{p.relation} {p.relative}", f"{word} Sri {p.relative}", f"{word} {p.relative}"]
    )


def contact_items(p: PartyFacts, rng: random.Random) -> list[tuple[str, str]]:
    """Labelled identity and contact particulars of one party; absent ones left out."""
    items = [
        (rng.choice(["Aadhaar No.", "Aadhaar", "Aadhaar (UID) No."]), write_aadhaar(p.aadhaar, rng))
    ]
    if p.pan:
        items.append((rng.choice(["PAN", "PAN No.", "Income Tax PAN"]), p.pan))
    items.append((rng.choice(["Mobile", "Mobile No.", "Phone", "Cell"]), write_phone(p.phone, rng)))
    if p.phone2:
        label = rng.choice(["Alternate Mobile", "Alt. Phone", "Other Mobile"])
        items.append((label, write_phone(p.phone2, rng)))
    if p.email:
        items.append((rng.choice(["E-mail", "Email ID", "e-mail"]), p.email))
    return items


def write_outsider(rng: random.Random) -> str:
    """Name a man who is not a party: an attorney holder, witness or document writer."""
    surname = rng.choice(SURNAMES)
    return (
        f"Sri {rng.choice(MALE_NAMES)} {surname}, S/o {rng.choice(MALE_NAMES)} {surname}, "
        f"aged about {rng.randint(30, 70)} years"
    )


def number(value: float) -> str:
    """Write 1200.0 as 1200 and 1234.5 as 1234.50."""
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.2f}"


def _dimensions(sqft: float, rng: random.Random) -> tuple[int, int] | None:
    if not float(sqft).is_integer():
        return None
    whole = int(sqft)
    pairs = [(a, whole // a) for a in range(20, 100) if whole % a == 0 and a <= whole // a <= 120]
    return rng.choice(pairs) if pairs else None


def write_extent(sqft: float, sqm: float | None, rng: random.Random) -> str:
    """Write an extent in feet and sq.ft, or in square metres when the deed was measured so."""
    if sqm is not None:
        metres = f"{sqm:.2f} {rng.choice(['sq. metres', 'Sq.Mtrs', 'square metres'])}"
        return rng.choice([metres, f"{metres} (equivalent to {number(sqft)} sq.ft)"])
    area = f"{number(sqft)} {rng.choice(['sq.ft', 'Sq. Ft.', 'square feet', 'Sft'])}"
    dims = _dimensions(sqft, rng)
    if dims and rng.random() < 0.6:
        ew, ns = dims if rng.random() < 0.5 else dims[::-1]
        area = f"East to West {ew} ft and North to South {ns} ft, in all {area}"
    if rng.random() < 0.4:
        area += f" ({sqft / SQFT_PER_SQM:.2f} sq. metres)"
    return area


def attorney_clause(facts: DeedFacts, rng: random.Random) -> tuple[int, str] | None:
    """Maybe a power-of-attorney holder signing for one seller: (seller index, clause)."""
    # A seller living away often signs through a power-of-attorney holder, who is no party.
    if rng.random() < 0.6:
        return None
    i = rng.randrange(len(facts.sellers))
    pronoun = "his" if facts.sellers[i].gender == "Male" else "her"
    granted = facts.date - dt.timedelta(days=rng.randint(30, 700))
    return i, (
        f"represented by {pronoun} General Power of Attorney Holder {write_outsider(rng)}, "
        f"under a GPA dated {write_day(granted, rng)} registered as Document No. "
        f"{rng.choice(OTHER_OFFICES)[:3].upper()}-4-{rng.randint(10, 999)} in the office of the "
        f"Sub-Registrar, {rng.choice(OTHER_OFFICES)}"
    )


def recital_clause(facts: DeedFacts, rng: random.Random, seller: str) -> str:
    """The title recital: an earlier deed with its own date, office and price."""
    price = round(facts.money.consideration * rng.uniform(0.2, 0.5) / 1000) * 1000
    return (
        f"WHEREAS the {seller}(S) acquired the Schedule property under a registered Sale Deed "
        f"dated {write_day(facts.prior_date, rng)}, registered as Document No. "
        f"{facts.prior_doc_no} of Book-I in the office of the Sub-Registrar, "
        f"{rng.choice(OTHER_OFFICES)}, for a consideration of {write_rupees(price, rng)} then "
        f"paid, and since then the Khata stands in the name of the {seller}(S)."
    )


def shares_clause(facts: DeedFacts, rng: random.Random, seller: str) -> str:
    """Each seller's share in the property."""
    if len(facts.sellers) == 1:
        p = facts.sellers[0]
        return f"The {seller} {p.name} is the absolute owner of {write_share(100, rng)} therein."
    each = "; ".join(
        f"{seller} No. {i} ({p.name}) holds {write_share(p.share, rng)}"
        for i, p in enumerate(facts.sellers, 1)
    )
    return f"The {seller}S are joint owners of the Schedule property: {each}."


def fees_clause(facts: DeedFacts, rng: random.Random) -> str:
    """Guidance value, stamp duty and registration fee."""
    m = facts.money
    stamp_on = facts.date - dt.timedelta(days=rng.randint(0, 6))
    return (
        f"The market value of the Schedule property as per the guidance value notified for the "
        f"area is {write_rupees(m.guidance, rng)}. Stamp duty of "
        f"{write_rupees(m.stamp_duty, rng, words=False)} is paid on e-stamp certificate No. "
        f"IN-KA{rng.randint(10**13, 10**14 - 1)} dated {write_day(stamp_on, rng)}, and "
        f"registration fee of {write_rupees(m.registration_fee, rng, words=False)} is paid."
    )


def witness_lines(rng: random.Random, city: str) -> str:
    """Two attesting witnesses, neither a party."""
    return f"1. {write_outsider(rng)}, {city}\n2. {write_outsider(rng)}, {city}"


@dataclass(frozen=True, slots=True)
class Payment:
    amount: int
    mode: str  # "Cash", "Cheque", "Demand Draft", "NEFT", "RTGS"
    reference: str
    bank: str
    paid_on: dt.date


def plan_payments(facts: DeedFacts, rng: random.Random) -> list[Payment]:
    """Split the consideration into an advance or two and the balance paid on the deed date."""
    m = facts.money
    amounts, left = [], m.consideration
    for _ in range(rng.choice([0, 1, 1, 2])):
        part = max(10_000, round(m.consideration * rng.uniform(0.05, 0.3) / 10_000) * 10_000)
        if part < left:
            amounts.append(part)
            left -= part
    amounts.append(left)
    payments = []
    for i, amount in enumerate(amounts):
        last = i == len(amounts) - 1
        paid_on = facts.date - dt.timedelta(days=0 if last else rng.randint(10, 120))
        if m.cash:
            payments.append(
                Payment(amount=amount, mode="Cash", reference="-", bank="-", paid_on=paid_on)
            )
            continue
        mode = rng.choice(["Cheque", "Demand Draft", "NEFT", "RTGS"])
        ref = m.instrument_no if last else str(rng.randint(100000, 999999))
        if mode in ("NEFT", "RTGS"):
            ref = f"UTR {rng.choice(['SBIN', 'CNRB', 'HDFC', 'KARB'])}{paid_on:%y%m%d}{ref}"
        bank = m.bank if last else rng.choice(BANKS)
        payments.append(
            Payment(amount=amount, mode=mode, reference=ref, bank=bank, paid_on=paid_on)
        )
    return payments


def describe_payment(p: Payment, rng: random.Random) -> str:
    """One line of a payment table, amount first."""
    amount = write_rupees(p.amount, rng, words=False)
    when = write_day(p.paid_on, rng)
    if p.mode == "Cash":
        return f"{amount} paid in cash on {when}"
    if p.mode in ("NEFT", "RTGS"):
        return f"{amount} by {p.mode} transfer, {p.reference}, from {p.bank}, dated {when}"
    return f"{amount} by {p.mode} No. {p.reference} dated {when} drawn on {p.bank}"
