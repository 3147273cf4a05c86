"""Wording for the `district` family: older typed Karnataka deed drafting habits."""

from __future__ import annotations

import datetime as dt
import random

from docmill_synth.render import Row
from docmill_synth.values import MALE_NAMES, SRO_PLACES, SURNAMES, DeedFacts, PartyFacts

_ONES = (
    "Zero One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen "
    "Fifteen Sixteen Seventeen Eighteen Nineteen"
).split()
_TENS = ["", "", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety"]
_FLAT_KINDS = ("Residential Flat", "Apartment", "Villa")
FRACTIONS = {50: ("1/2", "half"), 25: ("1/4th", "one-fourth"), 75: ("3/4th", "three-fourth")}
MONEY_STYLES = ["figures", "paise", "plain", "spaced"]
DATE_STYLES = ["day_of", "dash", "slash", "dot", "abbr", "month_first", "day_month"]


def _two_digits(n: int) -> str:
    if n < 20:
        return _ONES[n]
    return _TENS[n // 10] + ("" if n % 10 == 0 else f" {_ONES[n % 10]}")


def spell_rupees(value: int) -> str:
    """Spell a rupee amount the Indian way: Forty Five Lakhs Twenty Thousand."""
    parts: list[str] = []
    for size, word in ((10**7, "Crore"), (10**5, "Lakh"), (1000, "Thousand"), (100, "Hundred")):
        count, value = divmod(value, size)
        if count:
            plural = "s" if count > 1 and size >= 10**5 else ""
            parts.append(f"{_two_digits(count)} {word}{plural}")
    if value:
        parts.append(_two_digits(value))
    return " ".join(parts)


def group_indian(value: int) -> str:
    """Group digits as 45,00,000."""
    head, tail = str(value)[:-3], str(value)[-3:]
    groups: list[str] = []
    while len(head) > 2:
        groups.insert(0, head[-2:])
        head = head[:-2]
    return ",".join(([head] if head else []) + groups + [tail])


def money(value: int, style: str, *, words: bool = False) -> str:
    """Write a rupee amount in figures, optionally followed by words."""
    figures = {
        "figures": f"Rs.{group_indian(value)}/-",
        "paise": f"Rs. {group_indian(value)}.00",
        "plain": f"Rs. {value}/-",
    }.get(style, f"Rs. {group_indian(value)}/-")
    if words:
        return f"{figures} (Rupees {spell_rupees(value)} only)"
    return figures


def _ordinal(n: int) -> str:
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def date_text(value: dt.date, style: str) -> str:
    """Write a date as typed deeds do."""
    month = value.strftime("%B")
    match style:
        case "day_of":
            return f"{_ordinal(value.day)} day of {month}, {value.year}"
        case "dash":
            return value.strftime("%d-%m-%Y")
        case "slash":
            return value.strftime("%d/%m/%Y")
        case "dot":
            return f"{value.day}.{value.month}.{value.year}"
        case "abbr":
            return value.strftime("%d-%b-%Y")
        case "month_first":
            return f"{month} {value.day}, {value.year}"
        case _:
            return f"{_ordinal(value.day)} {month} {value.year}"


def pick_styles(rng: random.Random) -> tuple[str, str]:
    """Return one deed's (money style, date style)."""
    return rng.choice(MONEY_STYLES), rng.choice(DATE_STYLES)


def plural(word: str, count: int) -> str:
    """Vendor -> Vendors when there are several."""
    return word + ("S" if word.isupper() else "s") if count > 1 else word


def share_text(share: int, rng: random.Random) -> str:
    """Write a seller's share: 50% undivided share, half share, 1/4th share."""
    if share == 100:
        return rng.choice(["entire 100% share", "full and absolute (100%) share"])
    options = [f"{share}% undivided share", f"{share} per cent share"]
    if share in FRACTIONS:
        frac, word = FRACTIONS[share]
        options += [f"{frac} undivided share", f"{word} ({frac}) share"]
    return rng.choice(options)


def pronoun(p: PartyFacts) -> str:
    """his / her."""
    return "his" if p.gender == "Male" else "her"


def show_name(p: PartyFacts, *, upper: bool) -> str:
    """Honorific and name, capitals as many typists wrote them."""
    return f"{p.title} {p.name.upper() if upper else p.name}"


def relation_text(p: PartyFacts, rng: random.Random) -> str:
    """son of late Sri ..., W/o ..., daughter of ..."""
    if rng.random() < 0.35:
        return f"{p.relation} {p.relative}"
    word = {"S/o": "son of", "D/o": "daughter of", "W/o": "wife of"}[p.relation]
    late = "late " if p.relation != "W/o" and rng.random() < 0.5 else ""
    return f"{word} {late}Sri {p.relative}"


def occupation(p: PartyFacts, rng: random.Random) -> str:
    """A plausible occupation."""
    jobs = ["Business", "Agriculturist", "Private Service", "Retired Govt. Servant", "Advocate"]
    if p.gender == "Female":
        jobs += ["Housewife", "Teacher"]
    return rng.choice(jobs)


def full_address(address: str, state: str, pincode: str, rng: random.Random) -> str:
    """Address with state and PIN in one of the usual orders."""
    return rng.choice(
        [
            f"{address}, {state} - {pincode}",
            f"{address}, {state}, PIN - {pincode}",
            f"{address} - {pincode}, {state} State",
            f"{address}, {state}, Pin Code: {pincode}",
        ]
    )


def phone_text(value: str, rng: random.Random) -> str:
    """A mobile number as people write it."""
    return rng.choice(
        [value, f"+91 {value}", f"+91-{value[:5]} {value[5:]}", f"{value[:5]} {value[5:]}"]
    )


def aadhaar_text(value: str, rng: random.Random) -> str:
    """An Aadhaar number grouped or run together."""
    digits = value.replace("-", "")
    return rng.choice([f"{digits[:4]} {digits[4:8]} {digits[8:]}", digits, value])


def id_clauses(p: PartyFacts, rng: random.Random) -> list[str]:
    """Aadhaar, PAN, phones and e-mail as comma-separated clauses."""
    out = [f"Aadhaar No. {aadhaar_text(p.aadhaar, rng)}"]
    if p.pan:
        out.append(f"PAN: {p.pan}")
    out.append(f"Mobile No. {phone_text(p.phone, rng)}")
    if p.phone2:
        out.append(f"Alternate Mobile No. {phone_text(p.phone2, rng)}")
    if p.email:
        out.append(f"e-mail: {p.email}")
    return out


def party_prose(p: PartyFacts, rng: random.Random, *, upper: bool, ids: bool) -> str:
    """Sri X, son of late Sri Y, aged about 54 years, residing at ..."""
    parts = [
        show_name(p, upper=upper),
        relation_text(p, rng),
        f"aged about {p.age} years",
        f"Occupation: {occupation(p, rng)}",
        f"residing at {full_address(p.address, p.state, p.pincode, rng)}",
    ]
    if ids:
        parts += id_clauses(p, rng)
    return ", ".join(parts)


def party_rows(p: PartyFacts, rng: random.Random, *, label: str) -> list[Row]:
    """One party's Section 32A particulars as label/value rows."""
    rows = [
        Row(label, show_name(p, upper=True)),
        Row("Gender", p.gender),
        Row("Aadhaar No.", aadhaar_text(p.aadhaar, rng)),
        Row("PAN", p.pan or "Not furnished (Form 60)"),
        Row("Mobile No.", phone_text(p.phone, rng)),
    ]
    if p.phone2:
        rows.append(Row("Alternate Mobile", phone_text(p.phone2, rng)))
    rows.append(Row("E-mail", p.email or "--"))
    return rows


def sro_text(place: str, rng: random.Random) -> str:
    """The Sub-Registrar office as endorsements name it."""
    return rng.choice(
        [
            f"Sub-Registrar Office, {place}",
            f"office of the Sub-Registrar, {place}",
            f"Sub-Registrar, {place}",
            f"SUB-REGISTRAR OFFICE, {place.upper()}",
        ]
    )


def other_person(rng: random.Random) -> str:
    """A third person's name: earlier owner, witness."""
    return f"{rng.choice(MALE_NAMES)} {rng.choice(SURNAMES)}"


def payment_text(facts: DeedFacts, rng: random.Random, *, style: str) -> str:
    """How the consideration was paid; the word cash appears only when it was."""
    m = facts.money
    if m.cash:
        return rng.choice(
            [
                "paid in cash by the Purchaser",
                "received in ready cash in the presence of the witnesses",
                "paid by way of cash on the date of this deed",
            ]
        )
    cheque_day = date_text(facts.date - dt.timedelta(days=rng.randint(0, 6)), "dash")
    advance = m.consideration // 10 // 1000 * 1000
    no2 = str(int(m.instrument_no) + rng.randint(1, 40))
    return rng.choice(
        [
            f"paid by Cheque No. {m.instrument_no} dated {cheque_day} drawn on {m.bank}",
            f"paid by Demand Draft No. {m.instrument_no} dated {cheque_day} issued by {m.bank}",
            f"paid through RTGS from the account of the Purchaser with {m.bank}, "
            f"UTR No. {m.bank[:4].upper().strip()}R5{m.instrument_no}{rng.randint(10, 99)}",
            f"paid as follows: {money(advance, style)} as advance by Cheque No. {no2} drawn on "
            f"{m.bank}, and the balance of {money(m.consideration - advance, style)} by "
            f"Cheque No. {m.instrument_no} dated {cheque_day} drawn on {m.bank}",
        ]
    )


def recital_text(facts: DeedFacts, rng: random.Random, *, seller: str) -> str:
    """How the sellers came to own the property, with the earlier deed's own particulars."""
    other_sro = rng.choice([s for s in SRO_PLACES if s != facts.sro_place])
    prior = date_text(facts.prior_date, rng.choice(DATE_STYLES))
    price = int(facts.money.consideration * rng.uniform(0.15, 0.6)) // 1000 * 1000
    reg = (
        f"registered as Document No. {facts.prior_doc_no} of Book-I in the office of the "
        f"Sub-Registrar, {other_sro}"
    )
    owner = f"Sri {other_person(rng)}"
    kind = rng.choice(["purchase", "partition", "gift"])
    if kind == "purchase":
        how = (
            f"purchased by the {seller} from {owner} for a consideration of "
            f"{money(price, 'figures')} under a registered Sale Deed dated {prior}, {reg}"
        )
    elif kind == "partition":
        how = (
            f"allotted to the share of the {seller} in the family partition effected between "
            f"{owner} and his children under the Partition Deed dated {prior}, {reg}"
        )
    else:
        how = f"gifted to the {seller} by {owner} under a registered Gift Deed dated {prior}, {reg}"
    khata = f"Khata No. {facts.prop.khata_no}"
    return (
        f"WHEREAS the Schedule Property was {how}; and since then the Schedule Property has "
        f"been in the peaceful possession and enjoyment of the {seller}, the {khata} standing in "
        f"the name of the {seller} and taxes having been paid up to date."
    )


def dimensions(sqft: float) -> str | None:
    """East-West by North-South feet for a whole-number area, when it factors neatly."""
    if sqft != int(sqft):
        return None
    for side in range(20, 81):
        other = int(sqft) // side
        if side * other == int(sqft) and side <= other <= 3 * side:
            return f"East to West {side} ft. and North to South {other} ft."
    return None


def area_text(sqft: float, sqm: float | None, rng: random.Random) -> str:
    """An area in square feet, or in square metres with or without the feet equivalent."""
    if sqm is not None:
        metres = f"{sqm:.2f} {rng.choice(['Sq. Mtrs.', 'square metres', 'sq.m.'])}"
        return rng.choice([metres, f"{metres} ({sqft:.2f} Sq. Ft.)"])
    number = f"{sqft:.2f}" if sqft != int(sqft) else rng.choice([str(int(sqft)), f"{int(sqft):,}"])
    return f"{number} {rng.choice(['Sq. Ft.', 'square feet', 'sq.ft.', 'Sft.'])}"


def is_flat(facts: DeedFacts) -> bool:
    """True when schedule B is an undivided share of land under a built unit."""
    return facts.prop.kind in _FLAT_KINDS


def boundaries_text(facts: DeedFacts) -> str:
    """East by ..., West by ..., North by ..., South by ..."""
    n, s, e, w = facts.prop.boundaries
    return f"East by: {e}; West by: {w}; North by: {n}; South by: {s}."


def schedule_b_text(facts: DeedFacts, rng: random.Random) -> str:
    """The land: survey number, khata, measurements and boundaries."""
    pr = facts.prop
    area = area_text(pr.b_area_sqft, pr.b_area_sqm, rng)
    khata = rng.choice(["Khata No.", "Municipal Khata No.", "PID No."])
    if is_flat(facts):
        return (
            f"All that undivided share, right, title and interest measuring {area} in the "
            f"land bearing Sy. No. {pr.survey_no}, {khata} {pr.khata_no}, the said land being "
            f"bounded on the {boundaries_text(facts)}"
        )
    dims = dimensions(pr.b_area_sqft) if pr.b_area_sqm is None else None
    measure = f"measuring {dims + ' in all ' if dims else ''}{area}"
    return (
        f"All that piece and parcel of the land bearing Sy. No. {pr.survey_no}, {khata} "
        f"{pr.khata_no}, {measure}, and bounded on the {boundaries_text(facts)}"
    )


def schedule_c_text(facts: DeedFacts, rng: random.Random) -> str:
    """The unit sold: its kind, address and area."""
    pr = facts.prop
    where = full_address(pr.address, pr.state, pr.pincode, rng)
    measure = "super built-up area of" if is_flat(facts) else "total extent of"
    return (
        f"Description: {pr.kind}\nSituated at: {where}\n"
        f"Having a {measure} {area_text(pr.c_area_sqft, None, rng)}"
    )
