"""The `holdout` family: layouts and wording never used while writing the extractor.

Nothing here may be copied into `templates_main`; these deeds exist to show the
rules generalise to phrasing they were not written against.
"""

from __future__ import annotations

import random

from docmill_synth.render import Block, Heading, Para, Row
from docmill_synth.templates_main import Template
from docmill_synth.values import DeedFacts, PartyFacts
from docmill_synth.wording import (
    AMOUNT_STYLES,
    write_aadhaar,
    write_amount,
    write_area,
    write_date,
    write_phone,
)

_RELATION_WORDS = {"S/o": "son of", "D/o": "daughter of", "W/o": "wife of"}


def _rows(p: PartyFacts, rng: random.Random) -> list[Block]:
    rows: list[Block] = [
        Row("Full Name", f"{p.title} {p.name}"),
        Row("Son/Daughter/Wife of", f"{p.relation} {p.relative}"),
        Row("UID (Aadhaar) No.", write_aadhaar(p.aadhaar, rng)),
        Row("Income Tax PAN", p.pan or "Not furnished"),
        Row("Contact No.", write_phone(p.phone, rng)),
    ]
    if p.phone2:
        rows.append(Row("Alternate Contact", write_phone(p.phone2, rng)))
    if p.email:
        rows.append(Row("E-mail ID", p.email))
    rows += [Row("Permanent Address", p.address), Row("PIN", p.pincode), Row("State", p.state)]
    if p.share is not None:
        rows.append(Row("Extent of Share", f"{p.share} per cent"))
    return rows


def template_tabulated(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """Two-column particulars, transferor/transferee, market value, fees at the end."""
    m, pr = facts.money, facts.prop
    amt = rng.choice(AMOUNT_STYLES)
    blocks: list[Block] = [
        Heading("CONVEYANCE DEED"),
        Row("Date of Execution", write_date(facts.date, rng.choice(["dot", "day_month", "dash"]))),
        Row("Registering Authority", f"Sub-Registrar, {facts.sro_place}"),
    ]
    for i, p in enumerate(facts.sellers, 1):
        blocks += [Heading(f"Particulars of Transferor No. {i}", 10.5), *_rows(p, rng)]
    for i, p in enumerate(facts.buyers, 1):
        blocks += [Heading(f"Particulars of Transferee No. {i}", 10.5), *_rows(p, rng)]
    blocks += [
        Heading("B SCHEDULE (Undivided share in land)", 11),
        Row("Survey Number", pr.survey_no),
        Row("Extent", write_area(pr.b_area_sqft, pr.b_area_sqm, rng)),
        Heading("C SCHEDULE (Property conveyed)", 11),
        Row("Description", pr.kind),
        Row("Situated at", f"{pr.address}, {pr.state} - {pr.pincode}"),
        Row("Built-up Extent", write_area(pr.c_area_sqft, None, rng)),
        Heading("Valuation and Duties", 11),
        Row("Consideration Amount", write_amount(m.consideration, amt)),
        Row("Market Value", write_amount(m.guidance, amt)),
        Row("Stamp Duty Levied", write_amount(m.stamp_duty, amt)),
        Row("Registration Charges", write_amount(m.registration_fee, amt)),
        Row("Payment Mode", "Cash" if m.cash else f"Bank transfer through {m.bank}"),
    ]
    return blocks


def _narrative_party(p: PartyFacts, rng: random.Random) -> str:
    bits = [f"Aadhaar {write_aadhaar(p.aadhaar, rng)}"]
    if p.pan:
        bits.append(f"PAN No. {p.pan}")
    bits.append(f"Ph. {write_phone(p.phone, rng)}")
    if p.phone2:
        bits.append(f"Alt. Ph. {write_phone(p.phone2, rng)}")
    if p.email:
        bits.append(f"e-mail {p.email}")
    text = (
        f"{p.title} {p.name}, {_RELATION_WORDS[p.relation]} {p.relative}, now aged "
        f"{p.age}, permanently residing at {p.address}, {p.state}, PIN Code {p.pincode} "
        f"({'; '.join(bits)})"
    )
    if p.share is not None:
        text += f", who owns an undivided {p.share} per cent interest"
    return text


def template_narrative(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """Vendor/vendee narrative opening with the price; the date sits in the closing clause."""
    m, pr = facts.money, facts.prop
    amt = rng.choice(["rs_words", "rs_plain", "inr"])
    vendors = ", AND ".join(_narrative_party(p, rng) for p in facts.sellers)
    vendees = ", AND ".join(_narrative_party(p, rng) for p in facts.buyers)
    mode = "in ready cash" if m.cash else f"through demand draft drawn on {m.bank}"
    return [
        Heading("ABSOLUTE SALE DEED"),
        Para(
            f"KNOW ALL MEN BY THESE PRESENTS that for a price of "
            f"{write_amount(m.consideration, amt)} received {mode}, the property hereunder "
            f"described is conveyed absolutely."
        ),
        Heading("THE VENDORS", 11),
        Para(f"{vendors}, who are together referred to as the Vendors;"),
        Heading("THE VENDEES", 11),
        Para(f"{vendees}, who are together referred to as the Vendees."),
        Heading("DESCRIPTION OF PROPERTY", 11),
        Para(
            f"Schedule B: land measuring {write_area(pr.b_area_sqft, pr.b_area_sqm, rng)} in "
            f"Survey No. {pr.survey_no}."
        ),
        Para(
            f"Schedule C: the {pr.kind} located at {pr.address}, {pr.state} - {pr.pincode}, "
            f"having a super built-up area of {write_area(pr.c_area_sqft, None, rng)}."
        ),
        Para(
            f"The market value fixed by the Government for the property is "
            f"{write_amount(m.guidance, amt)}, on which stamp duty amounting to "
            f"{write_amount(m.stamp_duty, amt)} and registration fees of "
            f"{write_amount(m.registration_fee, amt)} have been remitted."
        ),
        Para(
            f"IN WITNESS WHEREOF the Vendors have signed this deed on "
            f"{write_date(facts.date, rng.choice(['month_first', 'slash', 'day_of']))} in the "
            f"presence of the Sub-Registrar at {facts.sro_place}."
        ),
    ]


def template_memorandum(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """Numbered memorandum clauses, parties joined with semicolons, buyers listed first."""
    m, pr = facts.money, facts.prop

    def one(p: PartyFacts) -> str:
        items = [
            f"{p.title} {p.name} {p.relation} {p.relative}",
            f"age {p.age}",
            f"address {p.address}, {p.state} {p.pincode}",
            f"Aadhaar - {write_aadhaar(p.aadhaar, rng)}",
        ]
        items.append(f"PAN - {p.pan}" if p.pan else "PAN - not available")
        items.append(f"mobile - {write_phone(p.phone, rng)}")
        if p.phone2:
            items.append(f"other mobile - {write_phone(p.phone2, rng)}")
        if p.email:
            items.append(f"email - {p.email}")
        if p.share is not None:
            items.append(f"ownership share - {p.share}%")
        return "; ".join(items)

    amt = rng.choice(["rs_compact", "rs_paise", "lakhs"])
    return [
        Heading("MEMORANDUM OF SALE"),
        Para(f"1. Date: {write_date(facts.date, rng.choice(['iso', 'dot', 'month_first']))}"),
        Para(
            "2. Persons acquiring the property (Buyers):\n"
            + "\n".join(f"({chr(96 + i)}) {one(p)}." for i, p in enumerate(facts.buyers, 1))
        ),
        Para(
            "3. Persons transferring the property (Sellers):\n"
            + "\n".join(f"({chr(96 + i)}) {one(p)}." for i, p in enumerate(facts.sellers, 1))
        ),
        Para(
            f"4. Price agreed and received: {write_amount(m.consideration, amt)}, "
            f"{'settled in cash' if m.cash else 'settled by NEFT'}."
        ),
        Para(
            f"5. Government guidance value: {write_amount(m.guidance, amt)}; duty on stamp: "
            f"{write_amount(m.stamp_duty, amt)}; fee for registration: "
            f"{write_amount(m.registration_fee, amt)}."
        ),
        Para(
            f"6. Schedule-B land: {write_area(pr.b_area_sqft, pr.b_area_sqm, rng)}. "
            f"Schedule-C unit: {pr.kind}, at {pr.address}, {pr.state} {pr.pincode}, "
            f"{write_area(pr.c_area_sqft, None, rng)}."
        ),
        Para(f"7. Place of registration: SRO {facts.sro_place}."),
    ]


HOLDOUT_TEMPLATES: dict[str, Template] = {
    "tabulated": template_tabulated,
    "narrative": template_narrative,
    "memorandum": template_memorandum,
}
