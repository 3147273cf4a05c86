"""The `main` family: four deed layouts the rules extractor is developed against."""

from __future__ import annotations

import random
from collections.abc import Callable

from docmill_synth.render import Block, Heading, Para
from docmill_synth.values import DeedFacts, PartyFacts
from docmill_synth.wording import (
    AMOUNT_STYLES,
    DATE_STYLES,
    write_aadhaar,
    write_amount,
    write_area,
    write_date,
    write_full_address,
    write_phone,
    write_sro,
)

ROLE_WORDS = [
    ("VENDOR", "PURCHASER"),
    ("SELLER", "BUYER"),
    ("FIRST PARTY", "SECOND PARTY"),
    ("EXECUTANT", "CLAIMANT"),
]
Template = Callable[[DeedFacts, random.Random], list[Block]]


def _payment(facts: DeedFacts, rng: random.Random) -> str:
    m = facts.money
    if m.cash:
        return rng.choice(["paid in cash", "paid by way of cash", "paid in cash mode"])
    return rng.choice(
        [
            f"paid by way of RTGS/NEFT transfer from {m.bank}",
            f"paid by Cheque No. {m.instrument_no} drawn on {m.bank}",
            f"paid by Demand Draft No. {m.instrument_no} issued by {m.bank}",
        ]
    )


def _party_prose(p: PartyFacts, rng: random.Random) -> str:
    ids = f"holding Aadhaar No. {write_aadhaar(p.aadhaar, rng)}"
    if p.pan:
        ids += f" and PAN {p.pan}"
    contact = f"Mobile: {write_phone(p.phone, rng)}"
    if p.phone2:
        contact += f", Alternate Mobile: {write_phone(p.phone2, rng)}"
    if p.email:
        contact += f", Email: {p.email}"
    text = (
        f"{p.title} {p.name}, {p.relation} {p.relative}, aged about {p.age} years, "
        f"residing at {write_full_address(p, rng)}, {ids}, {contact}"
    )
    if p.share is not None:
        text += f", having {p.share}% share in the Schedule Property"
    return text


def _party_lines(p: PartyFacts, rng: random.Random, *, number: int) -> str:
    lines = [
        f"{number}. {p.title} {p.name}, {p.relation} {p.relative}, aged about {p.age} years,",
        f"Residing at: {write_full_address(p, rng)}",
        f"Aadhaar No: {write_aadhaar(p.aadhaar, rng)}" + (f", PAN: {p.pan}" if p.pan else ""),
        f"Phone: {write_phone(p.phone, rng)}"
        + (f", Secondary Phone: {write_phone(p.phone2, rng)}" if p.phone2 else ""),
    ]
    if p.email:
        lines.append(f"Email: {p.email}")
    if p.share is not None:
        lines.append(f"Share: {p.share}%")
    return "\n".join(lines)


def _party_form(p: PartyFacts, rng: random.Random) -> str:
    rows = [
        f"Name : {p.name}",
        f"Gender : {p.gender}",
        f"Relation : {p.relation} {p.relative}",
        f"Age : {p.age} years",
        f"Address : {p.address}",
        f"Pincode : {p.pincode}",
        f"State : {p.state}",
        f"Aadhaar : {write_aadhaar(p.aadhaar, rng)}",
        f"PAN : {p.pan or '-'}",
        f"Phone : {write_phone(p.phone, rng)}",
        f"Alternate Phone : {write_phone(p.phone2, rng) if p.phone2 else 'Nil'}",
        f"Email : {p.email or 'Nil'}",
    ]
    if p.share is not None:
        rows.append(f"Property Share : {p.share}%")
    return "\n".join(rows)


def _schedules(facts: DeedFacts, rng: random.Random, *, style: int) -> list[Block]:
    pr = facts.prop
    b_head, c_head = [
        ("SCHEDULE 'B' PROPERTY", "SCHEDULE 'C' PROPERTY"),
        ("SCHEDULE - B", "SCHEDULE - C"),
        ("SCHEDULE B", "SCHEDULE C"),
    ][style % 3]
    n, s, e, w = pr.boundaries
    b_text = (
        f"All that piece and parcel of land bearing Sy. No. {pr.survey_no}, Khata No. "
        f"{pr.khata_no}, measuring {write_area(pr.b_area_sqft, pr.b_area_sqm, rng)}, "
        f"bounded on the East by {e}, West by {w}, North by {n} and South by {s}."
    )
    c_text = (
        f"Property Name: {pr.kind}\nProperty Address: {pr.address}, {pr.state} - "
        f"{pr.pincode}\nArea: {write_area(pr.c_area_sqft, None, rng)}"
    )
    return [Heading(b_head, 11), Para(b_text), Heading(c_head, 11), Para(c_text)]


def _fees(facts: DeedFacts, rng: random.Random, style: str) -> str:
    m = facts.money
    return (
        f"The guidance value of the Schedule Property is {write_amount(m.guidance, style)}. "
        f"Stamp duty of {write_amount(m.stamp_duty, style)} has been paid on this deed and "
        f"registration fee of {write_amount(m.registration_fee, style)} is paid."
    )


def template_listed(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """Numbered party lists under role headings; schedules at the end."""
    seller, buyer = rng.choice(ROLE_WORDS)
    amt, date = rng.choice(AMOUNT_STYLES), rng.choice(DATE_STYLES)
    blocks: list[Block] = [
        Heading("SALE DEED"),
        Para(
            f"This Sale Deed is made and executed on this {write_date(facts.date, date)} at "
            f"{facts.execution_city}."
        ),
        Heading(f"{seller}(S)", 11),
    ]
    blocks += [Para(_party_lines(p, rng, number=i)) for i, p in enumerate(facts.sellers, 1)]
    blocks.append(Para(f"(hereinafter called the {seller})"))
    blocks.append(Heading(f"{buyer}(S)", 11))
    blocks += [Para(_party_lines(p, rng, number=i)) for i, p in enumerate(facts.buyers, 1)]
    blocks.append(Para(f"(hereinafter called the {buyer})"))
    m = facts.money
    blocks += [
        Para(
            f"WHEREAS the {seller} acquired the Schedule Property under a sale deed dated "
            f"{write_date(facts.prior_date, 'dash')} registered as document No. "
            f"{facts.prior_doc_no}."
        ),
        Para(
            f"The {buyer} has agreed to purchase the Schedule Property for a total sale "
            f"consideration of {write_amount(m.consideration, amt)}, {_payment(facts, rng)}."
        ),
        Para(_fees(facts, rng, amt)),
        *_schedules(facts, rng, style=0),
        Para(f"Registered at the {write_sro(facts.sro_place, rng)}."),
    ]
    return blocks


def template_prose(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """One flowing BY ... IN FAVOUR OF ... paragraph, roles named after the parties."""
    seller, buyer = rng.choice(ROLE_WORDS)
    amt, date = rng.choice(AMOUNT_STYLES), rng.choice(DATE_STYLES)
    sellers = "; ".join(f"({i}) {_party_prose(p, rng)}" for i, p in enumerate(facts.sellers, 1))
    buyers = "; ".join(f"({i}) {_party_prose(p, rng)}" for i, p in enumerate(facts.buyers, 1))
    m = facts.money
    return [
        Heading("DEED OF SALE"),
        Para(
            f"THIS DEED OF SALE is made and executed on {write_date(facts.date, date)} at "
            f"{facts.execution_city} BY: {sellers}; hereinafter jointly called the {seller}(S) "
            f"(which expression shall include their heirs and assigns) IN FAVOUR OF: {buyers}; "
            f"hereinafter called the {buyer}(S)."
        ),
        Para(
            f"WHEREAS the {seller}(S) are the absolute owners of the property described in the "
            f"schedules below, having purchased it on {write_date(facts.prior_date, 'slash')}."
        ),
        Para(
            f"NOW THIS DEED WITNESSETH that in consideration of "
            f"{write_amount(m.consideration, amt)} {_payment(facts, rng)}, the {seller}(S) hereby "
            f"sell the Schedule Property to the {buyer}(S)."
        ),
        Para(_fees(facts, rng, amt)),
        *_schedules(facts, rng, style=1),
        Para(
            f"This deed is presented for registration before the {write_sro(facts.sro_place, rng)}."
        ),
    ]


def template_form(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """A form with `Label : value` lines for each party and each amount."""
    seller, buyer = rng.choice(ROLE_WORDS)
    amt, date = rng.choice(AMOUNT_STYLES), rng.choice(DATE_STYLES)
    m = facts.money
    blocks: list[Block] = [
        Heading("SALE DEED"),
        Para(
            f"Date of Execution : {write_date(facts.date, date)}\n"
            f"Registration Office : {write_sro(facts.sro_place, rng)}"
        ),
    ]
    for i, p in enumerate(facts.sellers, 1):
        blocks += [Heading(f"{seller} {i}", 11), Para(_party_form(p, rng))]
    for i, p in enumerate(facts.buyers, 1):
        blocks += [Heading(f"{buyer} {i}", 11), Para(_party_form(p, rng))]
    blocks += [
        Heading("CONSIDERATION AND FEES", 11),
        Para(
            f"Sale Consideration : {write_amount(m.consideration, amt)}\n"
            f"Guidance Value : {write_amount(m.guidance, amt)}\n"
            f"Stamp Duty : {write_amount(m.stamp_duty, amt)}\n"
            f"Registration Fee : {write_amount(m.registration_fee, amt)}\n"
            f"Paid in Cash : {'Yes' if m.cash else 'No'}"
        ),
        *_schedules(facts, rng, style=2),
    ]
    return blocks


def template_property_first(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """Schedules and money first, parties afterwards, office in the closing line."""
    seller, buyer = rng.choice(ROLE_WORDS)
    amt, date = rng.choice(AMOUNT_STYLES), rng.choice(DATE_STYLES)
    m = facts.money
    blocks: list[Block] = [
        Heading("DEED OF ABSOLUTE SALE"),
        Para(f"Executed on: {write_date(facts.date, date)}"),
        *_schedules(facts, rng, style=rng.randint(0, 2)),
        Heading("CONSIDERATION", 11),
        Para(
            f"Total sale consideration of {write_amount(m.consideration, amt)} "
            f"{_payment(facts, rng)}. Guidance value: {write_amount(m.guidance, amt)}. "
            f"Stamp duty paid: {write_amount(m.stamp_duty, amt)}. Registration fee: "
            f"{write_amount(m.registration_fee, amt)}."
        ),
        Heading("DETAILS OF THE PARTIES", 11),
    ]
    for i, p in enumerate(facts.sellers, 1):
        blocks += [Heading(f"{seller} No. {i}", 10.5), Para(_party_prose(p, rng))]
    for i, p in enumerate(facts.buyers, 1):
        blocks += [Heading(f"{buyer} No. {i}", 10.5), Para(_party_prose(p, rng))]
    blocks.append(
        Para(f"Signed before the {write_sro(facts.sro_place, rng)} on the date mentioned above.")
    )
    return blocks


MAIN_TEMPLATES: dict[str, Template] = {
    "listed": template_listed,
    "prose": template_prose,
    "form": template_form,
    "property_first": template_property_first,
}
