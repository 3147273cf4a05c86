"""The `unseen` family: Karnataka absolute sale deeds worded independently of the others.

Each template prints every truth value of the deed; the other dates, offices,
amounts and people it prints belong to earlier deeds, witnesses or stamp papers
and say so in the sentence that carries them.
"""

from __future__ import annotations

import datetime as dt
import random

from docmill_normalize import format_indian, spell_amount
from docmill_synth.render import Block, Heading, Para, Row
from docmill_synth.templates_main import Template
from docmill_synth.values import (
    FEMALE_NAMES,
    MALE_NAMES,
    PLACES,
    SRO_PLACES,
    STREETS,
    SURNAMES,
    DeedFacts,
    PartyFacts,
)

RELATION_WORDS = {"S/o": "son of", "D/o": "daughter of", "W/o": "wife of"}
MONTHS_SHORT = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def _ordinal(n: int) -> str:
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def date_renderings(value: dt.date) -> list[str]:
    """Every way these deeds write `value`: ordinals, short months, dots, weekdays, words."""
    month, day, year = value.strftime("%B"), value.day, value.year
    return [
        f"{_ordinal(day)} day of {month}, {year}",
        f"{day:02d}-{MONTHS_SHORT[value.month - 1]}-{year}",
        f"{day} {month} {year}",
        f"{day:02d}.{value.month:02d}.{year}",
        f"{month} {_ordinal(day)}, {year}",
        f"{value.strftime('%A')}, the {_ordinal(day)} of {month} {year}",
        f"{_ordinal(day)} day of {month}, {spell_amount(year)} "
        f"({day:02d}/{value.month:02d}/{year})",
    ]


def say_date(value: dt.date, rng: random.Random) -> str:
    """Write a date as Karnataka deeds and endorsements do, in one of several styles."""
    return rng.choice(date_renderings(value))


def say_amount(value: int, rng: random.Random) -> str:
    """Write rupees in figures, in words and figures, or words first."""
    grouped, words = format_indian(value), spell_amount(value)
    return rng.choice(
        [
            f"Rs. {grouped}/- (Rupees {words} only)",
            f"Rs.{grouped}/-",
            f"Rs. {grouped}.00",
            f"Rupees {words} only (Rs. {grouped}/-)",
            f"INR {grouped}/-",
            f"Rs. {value}/- (Rupees {words} Only)",
        ]
    )


def say_one_phone(number: str, rng: random.Random) -> str:
    """Write one mobile number in the spacings people use."""
    head, tail = number[:5], number[5:]
    return rng.choice(
        [
            f"{head} {tail}",
            f"+91-{head}-{tail}",
            f"+91 {number}",
            number,
            f"(+91) {head}-{tail}",
            f"0{number}",
        ]
    )


def say_phones(p: PartyFacts, rng: random.Random) -> str:
    """Write a party's one or two numbers behind a label."""
    label = rng.choice(["Mobile: ", "Mob. No. ", "Cell: ", "Ph: ", "Contact No. "])
    text = label + say_one_phone(p.phone, rng)
    if p.phone2:
        text += rng.choice([" / ", " or ", ", "]) + say_one_phone(p.phone2, rng)
    return text


def aadhaar_digits(p: PartyFacts, rng: random.Random) -> str:
    digits = p.aadhaar.replace("-", "")
    return rng.choice([f"{digits[:4]} {digits[4:8]} {digits[8:]}", p.aadhaar, digits])


def say_aadhaar(p: PartyFacts, rng: random.Random) -> str:
    label = rng.choice(["Aadhaar No. ", "Aadhar Card No. ", "UID No. ", "AADHAAR: "])
    return label + aadhaar_digits(p, rng)


def say_pan(p: PartyFacts, rng: random.Random) -> str | None:
    if p.pan:
        return rng.choice(["PAN ", "PAN: ", "P.A.N. No. ", "Income Tax PAN "]) + p.pan
    return rng.choice([None, "PAN not furnished (Form 60 filed)"])


def say_address(
    p: PartyFacts | None,
    rng: random.Random,
    *,
    address: str = "",
    state: str = "",
    pincode: str = "",
) -> str:
    """Write an address with its state and pincode; a party's when `p` is given."""
    if p is not None:
        address, state, pincode = p.address, p.state, p.pincode
    return rng.choice(
        [
            f"{address}, {state} - {pincode}",
            f"{address}, {state}, Pin Code: {pincode}",
            f"{address} - {pincode} ({state})",
            f"{address}, PIN-{pincode}, {state}",
        ]
    )


def say_relation(p: PartyFacts, rng: random.Random) -> str:
    word = RELATION_WORDS[p.relation] if rng.random() < 0.6 else p.relation
    return f"{word} {rng.choice(['Sri ', 'Sri. ', 'Late ', ''])}{p.relative}"


def say_share(share: int, rng: random.Random) -> str:
    return rng.choice(
        [
            f"holding {share}% undivided share in the Schedule Property",
            f"to the extent of {share}% share",
            f"(share: {share}%)",
        ]
    )


def describe_party(p: PartyFacts, rng: random.Random) -> str:
    """One running sentence: name, age, relation, address, ids in brackets, contacts."""
    ids = [say_aadhaar(p, rng)]
    pan = say_pan(p, rng)
    if pan:
        ids.append(pan)
    parts = [
        f"{p.title} {p.name}",
        f"aged about {p.age} years",
        say_relation(p, rng),
        f"residing at {say_address(p, rng)}",
        f"({', '.join(ids)})",
        say_phones(p, rng),
    ]
    if rng.random() < 0.5:
        parts[1], parts[2] = parts[2], parts[1]
    if p.email:
        parts.append(f"{rng.choice(['E-mail: ', 'Email ID: ', 'e-mail '])}{p.email}")
    if p.share is not None:
        parts.append(say_share(p.share, rng))
    return ", ".join(parts)


def party_rows(p: PartyFacts, rng: random.Random) -> list[Block]:
    """A party as a two-column text table."""
    rows = [
        Row("Name", f"{p.title} {p.name}"),
        Row("Father's / Husband's Name", say_relation(p, rng)),
        Row("Age", f"{p.age} years"),
        Row("Residing at", say_address(p, rng)),
        Row("Aadhaar No.", aadhaar_digits(p, rng)),
        Row("PAN", p.pan or "Not available"),
        Row("Phone", say_phones(p, rng)),
    ]
    if p.email:
        rows.append(Row("E-mail", p.email))
    if p.share is not None:
        rows.append(Row("Share conveyed", f"{p.share}%"))
    return rows


def other_people(facts: DeedFacts, rng: random.Random, count: int) -> list[str]:
    """Names of witnesses and earlier owners, never one of the deed's parties."""
    taken = {p.name for p in [*facts.sellers, *facts.buyers]}
    names: list[str] = []
    while len(names) < count:
        first = rng.choice(MALE_NAMES if rng.random() < 0.7 else FEMALE_NAMES)
        name = f"{first} {rng.choice(SURNAMES)}"
        if name not in taken and all(not n.endswith(name) for n in names):
            names.append(f"{'Smt.' if first in FEMALE_NAMES else 'Sri'} {name}")
    return names


def other_office(facts: DeedFacts, rng: random.Random) -> str:
    return rng.choice([p for p in SRO_PLACES if p != facts.sro_place])


def witnesses(facts: DeedFacts, rng: random.Random) -> list[Block]:
    blocks: list[Block] = [
        Heading(rng.choice(["WITNESSES:", "WITNESSES", "IN THE PRESENCE OF:"]), 11)
    ]
    for i, name in enumerate(other_people(facts, rng, 2), 1):
        city = rng.choice(PLACES[:5])
        where = (
            f"No. {rng.randint(1, 400)}, {rng.choice(STREETS)}, {rng.choice(city[3])}, {city[0]}"
        )
        blocks.append(Para(f"{i}. {name}, {rng.randint(25, 70)} yrs, {where}\n(Signature)"))
    return blocks


def payment(facts: DeedFacts, rng: random.Random) -> str:
    """How the consideration was paid; split over two instruments sometimes."""
    m = facts.money
    if m.cash:
        return rng.choice(
            [
                "paid in cash by the PURCHASER(S) to the VENDOR(S), the receipt of which the "
                "VENDOR(S) do hereby admit and acknowledge",
                "received in full by way of cash",
            ]
        )
    paid_on = facts.date - dt.timedelta(days=rng.randint(1, 40))
    if rng.random() < 0.4 and m.consideration >= 200_000:
        first = m.consideration // 2 // 1000 * 1000
        return (
            f"paid as follows: (a) Rs. {format_indian(first)}/- by Cheque No. {m.instrument_no} "
            f"dated {say_date(paid_on, rng)} drawn on {m.bank}, and (b) the balance of Rs. "
            f"{format_indian(m.consideration - first)}/- by RTGS/NEFT transfer through {m.bank} "
            f"on the date of this deed"
        )
    return rng.choice(
        [
            f"paid by Cheque No. {m.instrument_no} dated {say_date(paid_on, rng)} drawn on "
            f"{m.bank}",
            f"paid by RTGS through {m.bank} vide UTR No. UTIBR{m.instrument_no}"
            f"{rng.randint(10000, 99999)}",
            f"paid by Demand Draft No. {m.instrument_no} issued by {m.bank}",
        ]
    )


def _say_number(value: float, rng: random.Random) -> str:
    """An area figure, grouped or not; fractions keep both decimals."""
    decimals = 0 if value.is_integer() else 2
    if rng.random() < 0.4:
        return format_indian(value, decimals=decimals)
    return f"{value:.{decimals}f}"


def b_area(facts: DeedFacts, rng: random.Random) -> str:
    pr = facts.prop
    if pr.b_area_sqm is not None:
        sqm = f"{pr.b_area_sqm:.2f} {rng.choice(['Sq. Meters', 'square metres', 'Sq.Mtrs.'])}"
        return rng.choice([sqm, f"{sqm} (equivalent to {pr.b_area_sqft:.2f} Sq. Ft.)"])
    number = _say_number(pr.b_area_sqft, rng)
    return f"{number} {rng.choice(['Sq. Ft.', 'square feet', 'Sq.ft', 'sft'])}"


def c_area(facts: DeedFacts, rng: random.Random) -> str:
    area = facts.prop.c_area_sqft
    number = _say_number(area, rng)
    return f"{number} {rng.choice(['Sq. Ft.', 'square feet', 'Sq.ft'])}"


def schedules(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """Schedule A (the larger land, a distractor), B (land conveyed) and C (the unit)."""
    pr = facts.prop
    n, s, e, w = pr.boundaries
    letter = rng.choice(["SCHEDULE '{}' PROPERTY", "'{}' SCHEDULE PROPERTY", "SCHEDULE - {}"])
    acres, guntas = rng.randint(1, 6), rng.randint(1, 39)
    parent_sy = f"{rng.randint(301, 450)}/{rng.randint(1, 9)}"
    blocks: list[Block] = []
    if rng.random() < 0.6:
        blocks += [
            Heading(letter.format("A"), 11),
            Para(
                f"All that larger extent of land bearing Sy. No. {parent_sy}, measuring {acres} "
                f"Acres {guntas} Guntas, out of which the property below is carved."
            ),
        ]
    blocks += [
        Heading(letter.format("B"), 11),
        Para(
            f"All that piece and parcel of the land bearing Survey No. {pr.survey_no}, Khata No. "
            f"{pr.khata_no}, measuring in all {b_area(facts, rng)}, and bounded on the: North by "
            f"{n}; South by {s}; East by {e}; West by {w}."
        ),
        Heading(letter.format("C"), 11),
    ]
    c_lines = [
        f"Nature of property: {pr.kind}",
        "Situated at: "
        + say_address(None, rng, address=pr.address, state=pr.state, pincode=pr.pincode),
        f"Extent: {c_area(facts, rng)}",
    ]
    if rng.random() < 0.5:
        blocks.append(Para("\n".join(c_lines)))
    else:
        blocks.append(
            Para(
                f"The {pr.kind} situated at {pr.address}, {pr.state} - {pr.pincode}, having an "
                f"extent of {c_area(facts, rng)}, with all rights of easement and access."
            )
        )
    return blocks


def fees_paragraph(facts: DeedFacts, rng: random.Random) -> Para:
    m = facts.money
    return Para(
        f"The market value of the Schedule Property as per the guidance value notified by the "
        f"Government of Karnataka is {say_amount(m.guidance, rng)}. Stamp duty of "
        f"{say_amount(m.stamp_duty, rng)} is paid on this instrument by e-stamp, and the "
        f"registration fee of {say_amount(m.registration_fee, rng)} is paid to the Sub-Registrar."
    )


def fees_rows(facts: DeedFacts, rng: random.Random) -> list[Block]:
    m = facts.money
    return [
        Heading(rng.choice(["DETAILS OF DUTY AND FEES", "STAMP DUTY AND FEES"]), 11),
        Row("Sale Consideration", say_amount(m.consideration, rng)),
        Row("Guidance (Market) Value", say_amount(m.guidance, rng)),
        Row("Stamp Duty Paid", say_amount(m.stamp_duty, rng)),
        Row(rng.choice(["Registration Fee", "Regn. Fee"]), say_amount(m.registration_fee, rng)),
        Row("Mode of payment", "Cash" if m.cash else "Banking channel (non-cash)"),
    ]


def prior_deed(facts: DeedFacts, rng: random.Random) -> str:
    """Recital of the vendors' own purchase: its date, number and office are the earlier deed's."""
    (owner,) = other_people(facts, rng, 1)
    return (
        f"WHEREAS the Schedule Property was purchased by the VENDOR(S) from {owner} under "
        f"a registered Sale Deed dated {say_date(facts.prior_date, rng)}, registered as Document "
        f"No. {facts.prior_doc_no} of Book-I in the office of the Sub-Registrar, "
        f"{other_office(facts, rng)}, and since then the VENDOR(S) have been in peaceful "
        f"possession and enjoyment of the same;"
    )


def sro(facts: DeedFacts, rng: random.Random) -> str:
    place = facts.sro_place
    return rng.choice(
        [
            f"Sub-Registrar Office, {place}",
            f"office of the Sub-Registrar, {place}",
            f"Sub-Registrar, {place}",
        ]
    )


def _roles(people: list[PartyFacts], rng: random.Random) -> str:
    if len(people) == 1:
        return describe_party(people[0], rng)
    return "; ".join(f"({i}) {describe_party(p, rng)}" for i, p in enumerate(people, 1))


HEIRS = (
    "(which expression shall, wherever the context so requires, mean and include their heirs, "
    "legal representatives, executors, administrators and assigns)"
)


def _conveyance(facts: DeedFacts, rng: random.Random) -> str:
    return (
        f"NOW THIS DEED OF ABSOLUTE SALE WITNESSETH that in consideration of the total sale "
        f"consideration of {say_amount(facts.money.consideration, rng)} {payment(facts, rng)}, "
        f"the VENDOR(S) do hereby sell, convey and transfer absolutely the Schedule Property "
        f"to the PURCHASER(S), to have and to hold the same as absolute owners."
    )


def template_running(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """Parties in one running paragraph per side, recital, conveyance, schedules, witnesses."""
    return [
        Heading("ABSOLUTE SALE DEED"),
        Para(
            f"This Deed of Absolute Sale is executed on this the {say_date(facts.date, rng)} at "
            f"{facts.execution_city}, by and between:"
        ),
        Para(_roles(facts.sellers, rng)),
        Para(f"hereinafter called the VENDOR(S) {HEIRS} of the ONE PART;"),
        Heading("AND", 11),
        Para(_roles(facts.buyers, rng)),
        Para(f"hereinafter called the PURCHASER(S) {HEIRS} of the OTHER PART."),
        Para(prior_deed(facts, rng)),
        Para(
            "AND WHEREAS the VENDOR(S), being in need of funds for family necessities, offered "
            "to sell the Schedule Property and the PURCHASER(S) agreed to purchase the same;"
        ),
        Para(_conveyance(facts, rng)),
        fees_paragraph(facts, rng),
        *schedules(facts, rng),
        Para(
            "IN WITNESS WHEREOF the VENDOR(S) and the PURCHASER(S) have signed this deed on the "
            "day, month and year first above written.\nSignature of VENDOR(S)      Signature of "
            "PURCHASER(S)"
        ),
        *witnesses(facts, rng),
        Para(f"Presented for registration in the {sro(facts, rng)}."),
    ]


def template_blocks(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """VENDOR(S) / PURCHASER(S) blocks as label-value tables, fees as a small table."""
    blocks: list[Block] = [
        Heading("SALE DEED (ABSOLUTE)"),
        Row("Date of execution", say_date(facts.date, rng)),
        Row("Place of execution", facts.execution_city),
        Row("Registering office", sro(facts, rng)),
        Heading("VENDOR(S)", 12),
    ]
    for i, p in enumerate(facts.sellers, 1):
        blocks += [Heading(f"VENDOR No. {i}", 10.5), *party_rows(p, rng)]
    blocks += [Para("(hereinafter called the VENDOR(S))"), Heading("PURCHASER(S)", 12)]
    for i, p in enumerate(facts.buyers, 1):
        blocks += [Heading(f"PURCHASER No. {i}", 10.5), *party_rows(p, rng)]
    blocks += [
        Para("(hereinafter called the PURCHASER(S))"),
        Para(prior_deed(facts, rng)),
        Para(_conveyance(facts, rng)),
        *fees_rows(facts, rng),
        *schedules(facts, rng),
        *witnesses(facts, rng),
    ]
    return blocks


def template_chain_of_title(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """Numbered recitals tracing two earlier deeds, then numbered covenants."""
    first_owner, second_owner = other_people(facts, rng, 2)
    oldest = facts.prior_date - dt.timedelta(days=rng.randint(800, 6000))
    middle = oldest + (facts.prior_date - oldest) * rng.uniform(0.3, 0.7)
    old_price = facts.money.consideration * rng.randint(10, 40) // 100 // 1000 * 1000
    office_a, office_b = other_office(facts, rng), other_office(facts, rng)
    m = facts.money
    blocks: list[Block] = [
        Heading("ABSOLUTE DEED OF SALE"),
        Para(
            f"THIS DEED OF ABSOLUTE SALE is made and executed at {facts.execution_city} on "
            f"{say_date(facts.date, rng)}"
        ),
        Heading("BY", 11),
    ]
    blocks += [Para(f"{i}. {describe_party(p, rng)}") for i, p in enumerate(facts.sellers, 1)]
    blocks += [
        Para(f"hereinafter jointly and severally referred to as the VENDOR(S) {HEIRS};"),
        Heading("IN FAVOUR OF", 11),
    ]
    blocks += [Para(f"{i}. {describe_party(p, rng)}") for i, p in enumerate(facts.buyers, 1)]
    blocks += [
        Para(f"hereinafter referred to as the PURCHASER(S) {HEIRS}."),
        Heading("RECITALS", 11),
        Para(
            f"1. The land described in the Schedule originally belonged to {first_owner}, "
            f"who acquired it under a Partition Deed dated {say_date(oldest, rng)}, registered "
            f"as Document No. {rng.randint(100, 9999)}/{oldest.year} in the office of the "
            f"Sub-Registrar, {office_a}."
        ),
        Para(
            f"2. {first_owner} sold the same to {second_owner} under a Sale Deed dated "
            f"{say_date(middle, rng)} for a consideration of Rs. {format_indian(old_price)}/-, "
            f"registered in the office of the Sub-Registrar, {office_b}."
        ),
        Para(
            f"3. {second_owner} in turn sold it to the VENDOR(S) under a registered Sale "
            f"Deed dated {say_date(facts.prior_date, rng)}, Document No. {facts.prior_doc_no}."
        ),
        Para(
            f"4. The khata of the property stands in the name of the VENDOR(S) under Khata No. "
            f"{facts.prop.khata_no}, and the VENDOR(S) have paid all taxes up to date."
        ),
        Heading("NOW THIS DEED WITNESSETH AS FOLLOWS:", 11),
        Para(
            f"1. In consideration of the sum of {say_amount(m.consideration, rng)} "
            f"{payment(facts, rng)}, the VENDOR(S) hereby sell the Schedule Property to the "
            f"PURCHASER(S) absolutely and forever."
        ),
        Para("2. The VENDOR(S) have this day delivered vacant possession of the property."),
        Para(
            "3. The VENDOR(S) assure that the property is free from all encumbrances, charges, "
            "liens, court attachments and acquisition proceedings."
        ),
        Para("4. " + fees_paragraph(facts, rng).text),
        *schedules(facts, rng),
        *witnesses(facts, rng),
        Para(f"Executed before the {sro(facts, rng)}."),
    ]
    return blocks


def template_summary_first(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """A particulars table up front, then the parties and the conveyance in prose."""
    m = facts.money
    names = (
        [f"{p.title} {p.name}" for p in facts.sellers],
        [f"{p.title} {p.name}" for p in facts.buyers],
    )
    blocks: list[Block] = [
        Heading("ABSOLUTE SALE DEED"),
        Heading("PARTICULARS OF THE INSTRUMENT", 11),
        Row("Nature of document", "Absolute Sale Deed (Article 20(1), Karnataka Stamp Act)"),
        Row("Date of execution", say_date(facts.date, rng)),
        Row("Name(s) of Vendor(s)", "; ".join(names[0])),
        Row("Name(s) of Purchaser(s)", "; ".join(names[1])),
        Row("Consideration", say_amount(m.consideration, rng)),
        Row("Market value", say_amount(m.guidance, rng)),
        Row("Stamp duty", say_amount(m.stamp_duty, rng)),
        Row("Registration fee", say_amount(m.registration_fee, rng)),
        Row("Paid in cash", "Yes" if m.cash else "No"),
        Row("Registering office", sro(facts, rng)),
        Para(f"This Sale Deed is made on {say_date(facts.date, rng)} by:"),
    ]
    blocks += [Para(describe_party(p, rng), indent=18) for p in facts.sellers]
    blocks += [Para("hereinafter called the VENDOR(S), in favour of:")]
    blocks += [Para(describe_party(p, rng), indent=18) for p in facts.buyers]
    blocks += [
        Para("hereinafter called the PURCHASER(S)."),
        Para(prior_deed(facts, rng)),
        Para(_conveyance(facts, rng)),
        *schedules(facts, rng),
        *witnesses(facts, rng),
    ]
    return blocks


def _brief(p: PartyFacts, rng: random.Random) -> str:
    text = f"{p.title} {p.name}, {say_relation(p, rng)}, aged {p.age} years, residing at "
    text += say_address(p, rng)
    if p.share is not None:
        text += f", {say_share(p.share, rng)}"
    return text


def _identity_rows(p: PartyFacts, rng: random.Random) -> Row:
    parts = [say_aadhaar(p, rng)]
    pan = say_pan(p, rng)
    if pan:
        parts.append(pan)
    parts.append(say_phones(p, rng))
    if p.email:
        parts.append(f"E-mail: {p.email}")
    return Row(p.name, "; ".join(parts))


def template_endorsed(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """Brief parties, identity particulars in a table, and the registrar's endorsement in text."""
    m = facts.money
    presenter = facts.buyers[0]
    scan_fee = rng.choice([100, 200, 300])
    fy = facts.date.year if facts.date.month >= 4 else facts.date.year - 1  # financial year
    blocks: list[Block] = [
        Heading("DEED OF CONVEYANCE (SALE)"),
        Para(
            f"THIS SALE DEED is made and entered into on {say_date(facts.date, rng)} at "
            f"{facts.execution_city} BETWEEN"
        ),
    ]
    blocks += [Para(f"({i}) {_brief(p, rng)}") for i, p in enumerate(facts.sellers, 1)]
    blocks += [Para("(hereinafter called the VENDOR(S)) AND")]
    blocks += [Para(f"({i}) {_brief(p, rng)}") for i, p in enumerate(facts.buyers, 1)]
    blocks += [
        Para("(hereinafter called the PURCHASER(S))."),
        Para(prior_deed(facts, rng)),
        Para(_conveyance(facts, rng)),
        *schedules(facts, rng),
        Heading("IDENTITY PARTICULARS OF THE PARTIES", 11),
        *[_identity_rows(p, rng) for p in [*facts.sellers, *facts.buyers]],
        *witnesses(facts, rng),
        Heading("ENDORSEMENT", 11),
        Para(
            f"Presented in the office of the Sub-Registrar, {facts.sro_place} between 11 A.M. "
            f"and 12 Noon on {say_date(facts.date, rng)} by {presenter.title} {presenter.name}, "
            f"who paid Rs. {format_indian(m.registration_fee)}/- towards registration fee and "
            f"Rs. {scan_fee}/- towards scanning fee vide Receipt No. {rng.randint(1000, 99999)}."
        ),
        Para(
            f"Stamp duty of Rs. {format_indian(m.stamp_duty)}/- paid on a market value of Rs. "
            f"{format_indian(m.guidance)}/-. Registered as Document No. "
            f"{facts.sro_place[:3].upper()}-1-{rng.randint(1000, 19999)}/{fy}-"
            f"{(fy + 1) % 100:02d} of Book-I.\nSub-Registrar, {facts.sro_place}"
        ),
    ]
    return blocks


UNSEEN_TEMPLATES: dict[str, Template] = {
    "running": template_running,
    "blocks": template_blocks,
    "chain_of_title": template_chain_of_title,
    "summary_first": template_summary_first,
    "endorsed": template_endorsed,
}
