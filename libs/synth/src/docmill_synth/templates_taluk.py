"""The `taluk` family: e-stamped, Kaveri-registered deeds as drafted in taluk towns.

Written apart from the extraction rules and the other families; never used to tune them.
"""

from __future__ import annotations

import random

from docmill_synth.render import Block, Heading, Para, Row
from docmill_synth.taluk_wording import (
    boundaries,
    estamp_number,
    gpa_clause,
    honorific,
    identity_table,
    land_extent,
    party_ids,
    party_intro,
    party_rows,
    payment_lines,
    prior_title,
    share_phrase,
    unit_area,
    witnesses,
    write_day,
    write_rupees,
)
from docmill_synth.templates_main import Template
from docmill_synth.values import DeedFacts, PartyFacts


def _names(parties: list[PartyFacts]) -> str:
    return ", ".join(f"{honorific(p)} {p.name}" for p in parties)


def _pid(facts: DeedFacts, rng: random.Random) -> str:
    return f"{rng.randint(100, 999)}-{rng.randint(10, 99)}-{facts.prop.khata_no}"


def _schedule_b(facts: DeedFacts, rng: random.Random) -> str:
    pr = facts.prop
    return (
        f"All that piece and parcel of the converted land bearing Sy. No. {pr.survey_no}, "
        f"E-Khata No. {pr.khata_no}, PID No. {_pid(facts, rng)}, situated at {pr.city}, "
        f"measuring {land_extent(facts, rng)}, and bounded on the {boundaries(facts)}"
    )


def _schedule_c(facts: DeedFacts, rng: random.Random) -> str:
    pr = facts.prop
    return rng.choice(
        [
            f"The {pr.kind} situated at {pr.address}, {pr.state} - {pr.pincode}, having a "
            f"{unit_area(facts, rng)}, together with all easementary rights.",
            f"Nature of property: {pr.kind}. Address: {pr.address}, {pr.state}, PIN {pr.pincode}. "
            f"The {unit_area(facts, rng)}.",
        ]
    )


def _payment(facts: DeedFacts, rng: random.Random, *, seller: str, buyer: str) -> list[Block]:
    total = write_rupees(facts.money.consideration, rng)
    if facts.money.cash:
        return [
            Para(
                f"The {seller} have received the entire sale consideration of {total} from the "
                f"{buyer} in cash, the receipt of which the {seller} hereby admit and acknowledge."
            )
        ]
    return [
        Para(
            f"The {buyer} have paid the sale consideration of {total} to the {seller} as "
            f"detailed below, the receipt of which the {seller} hereby acknowledge:"
        ),
        Para("\n".join(payment_lines(facts, rng))),
    ]


def _covenants(seller: str, buyer: str) -> Para:
    return Para(
        f"The {seller} assure the {buyer} that the schedule property is free from all "
        f"encumbrances, court attachments and acquisition proceedings, and the {seller} shall "
        f"indemnify the {buyer} against any defect in title. The {buyer} shall get the khata "
        f"transferred to their name(s) in the records of the local authority."
    )


def _seller_paras(facts: DeedFacts, rng: random.Random, *, ids: bool) -> list[Block]:
    blocks: list[Block] = []
    for i, p in enumerate(facts.sellers, 1):
        text = f"{i}. {party_intro(p, rng)}"
        if ids:
            text += f", {party_ids(p, rng)}"
        text += f", having {share_phrase(p.share or 100, rng)} in the schedule property."
        blocks.append(Para(text))
    gpa = gpa_clause(facts, rng)
    return blocks + ([Para(gpa)] if gpa else [])


def _buyer_paras(facts: DeedFacts, rng: random.Random, *, ids: bool) -> list[Block]:
    return [
        Para(f"{i}. {party_intro(p, rng)}" + (f", {party_ids(p, rng)}." if ids else "."))
        for i, p in enumerate(facts.buyers, 1)
    ]


def template_estamp_cover(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """An e-stamp cover page of label/value rows, then a prose deed with inline ids."""
    m = facts.money
    seller, buyer = rng.choice([("SELLER(S)", "BUYER(S)"), ("SELLERS", "PURCHASERS")])
    certificate = estamp_number(rng)
    blocks: list[Block] = [
        Heading("INDIA NON JUDICIAL - GOVERNMENT OF KARNATAKA e-Stamp", 12),
        Row("Certificate No.", certificate),
        Row("Certificate Issued Date", write_day(facts.date, rng)),
        Row("Article", "Article No. 20(1) Conveyance"),
        Row("Description", "Sale Deed"),
        Row("Consideration", write_rupees(m.consideration, rng)),
        Row("Market Value", write_rupees(m.guidance, rng)),
        Row("First Party", _names(facts.sellers)),
        Row("Second Party", _names(facts.buyers)),
        Row("Stamp Duty Paid", write_rupees(m.stamp_duty, rng)),
        Row("Sub-Registrar Office", facts.sro_place),
        Heading("SALE DEED"),
        Para(
            f"This Sale Deed is executed on {write_day(facts.date, rng)} at "
            f"{facts.execution_city}, by:"
        ),
        Heading(seller, 11),
        *_seller_paras(facts, rng, ids=True),
        Para(
            f"(hereinafter jointly called the {seller}, which expression shall include their "
            f"heirs, legal representatives and assigns) IN FAVOUR OF:"
        ),
        Heading(buyer, 11),
        *_buyer_paras(facts, rng, ids=True),
        Para(f"(hereinafter called the {buyer})."),
        Para(f"WHEREAS {prior_title(facts, rng, owner=seller)}"),
        Para(
            f"AND WHEREAS the {seller} have agreed to sell and the {buyer} have agreed to "
            f"purchase the schedule property for a total sale consideration of "
            f"{write_rupees(m.consideration, rng)}."
        ),
        *_payment(facts, rng, seller=seller, buyer=buyer),
        _covenants(seller, buyer),
        Heading("SCHEDULE 'B' PROPERTY", 11),
        Para(_schedule_b(facts, rng)),
        Heading("SCHEDULE 'C' PROPERTY", 11),
        Para(_schedule_c(facts, rng)),
        Para(
            f"The guidance value of the schedule property is {write_rupees(m.guidance, rng)}. "
            f"Stamp duty of {write_rupees(m.stamp_duty, rng)} has been paid through e-stamp "
            f"certificate No. {certificate}, and registration fee of "
            f"{write_rupees(m.registration_fee, rng)} is paid online through Kaveri."
        ),
        Para(
            f"IN WITNESS WHEREOF the parties have signed this deed before the Sub-Registrar, "
            f"{facts.sro_place}, on the day first above written."
        ),
        Heading("WITNESSES", 11),
        Para(witnesses(facts, rng)),
    ]
    return blocks


def template_indenture(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """Numbered clauses between VENDORS and VENDEE(S), A/B/C schedules, id table, fee rows."""
    m, pr = facts.money, facts.prop
    acres, guntas = rng.randint(1, 6), rng.randint(1, 39)
    blocks: list[Block] = [
        Heading("INDENTURE OF SALE"),
        Para(
            f"THIS INDENTURE OF SALE made on this {write_day(facts.date, rng)} at "
            f"{facts.execution_city} BETWEEN:"
        ),
        *[
            Para(f"({i}) {party_intro(p, rng)}, entitled to {share_phrase(p.share or 100, rng)}")
            for i, p in enumerate(facts.sellers, 1)
        ],
        Para(
            "hereinafter called the VENDORS (which term shall mean and include their heirs, "
            "executors and assigns) of the ONE PART;"
        ),
        Para("AND"),
        *[Para(f"({i}) {party_intro(p, rng)}") for i, p in enumerate(facts.buyers, 1)],
        Para("hereinafter called the VENDEE(S) of the OTHER PART."),
    ]
    gpa = gpa_clause(facts, rng)
    if gpa:
        blocks.append(Para(gpa))
    blocks += [
        Para(f"1. WHEREAS {prior_title(facts, rng, owner='VENDORS')}"),
        Para(
            "2. The VENDORS, being in need of funds for family necessities, offered to sell "
            "the Schedule 'B' and 'C' properties and the VENDEE(S) agreed to purchase the "
            f"same for a total sale consideration of {write_rupees(m.consideration, rng)}."
        ),
        Para("3. The payment of the sale consideration is as follows:"),
        *_payment(facts, rng, seller="VENDORS", buyer="VENDEE(S)"),
        Para("4. " + _covenants("VENDORS", "VENDEE(S)").text),
        Para(
            f"5. The guidance value of the schedule property as notified by the Government is "
            f"{write_rupees(m.guidance, rng)} and stamp duty is paid accordingly."
        ),
        Heading("SCHEDULE 'A' PROPERTY", 11),
        Para(
            f"All that converted residential land bearing Sy. No. {pr.survey_no}, totally "
            f"measuring {acres} Acres {guntas} Guntas, situated at {pr.city}, formed into a "
            f"layout/building as approved by the local planning authority."
        ),
        Heading("SCHEDULE 'B' PROPERTY", 11),
        Para("Out of the Schedule 'A' property: " + _schedule_b(facts, rng)),
        Heading("SCHEDULE 'C' PROPERTY (property hereby sold)", 11),
        Para(_schedule_c(facts, rng)),
        Heading("DETAILS OF THE PARTIES", 11),
        Para(identity_table(facts.sellers, rng, role="Vendor")),
        Para(identity_table(facts.buyers, rng, role="Vendee")),
        Heading("FEE PARTICULARS", 11),
        Row("Market Value", write_rupees(m.guidance, rng)),
        Row("Stamp Duty", write_rupees(m.stamp_duty, rng)),
        Row("Registration Fee", write_rupees(m.registration_fee, rng)),
        Row("Scanning Fee", "Rs. 100/-"),
        Row("Registering Office", f"Sub-Registrar, {facts.sro_place}"),
        Heading("WITNESSES", 11),
        Para(witnesses(facts, rng)),
    ]
    return blocks


def template_kaveri_form(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """A key/value form throughout: FIRST PARTY / SECOND PARTY rows, schedule and money rows."""
    m, pr = facts.money, facts.prop
    blocks: list[Block] = [
        Heading("DEED OF SALE"),
        Row("Nature of Document", "Conveyance - Article No. 20(1)"),
        Row("Date of Execution", write_day(facts.date, rng)),
        Row("Place of Execution", facts.execution_city),
        Row("Registration Office", f"Office of the Sub-Registrar, {facts.sro_place}"),
        Row("E-Stamp Certificate", estamp_number(rng)),
        Heading("FIRST PARTY (SELLERS)", 11),
    ]
    for i, p in enumerate(facts.sellers, 1):
        blocks += [Para(f"First Party No. {i}"), *party_rows(p, rng, seller=True)]
    blocks.append(Heading("SECOND PARTY (BUYERS)", 11))
    for i, p in enumerate(facts.buyers, 1):
        blocks += [Para(f"Second Party No. {i}"), *party_rows(p, rng, seller=False)]
    gpa = gpa_clause(facts, rng)
    blocks += [
        Heading("RECITALS", 11),
        Para(f"Derivation of title: {prior_title(facts, rng, owner='FIRST PARTY')}"),
        *([Para(gpa)] if gpa else []),
        Para(
            "The FIRST PARTY hereby convey, transfer and sell the schedule property to the "
            "SECOND PARTY with all rights of way, water and other easements, and put the "
            "SECOND PARTY in vacant possession of the same on this day."
        ),
        Heading("SCHEDULE PROPERTY", 11),
        Row("Sy. No.", pr.survey_no),
        Row("E-Khata / PID No.", f"{pr.khata_no} / {_pid(facts, rng)}"),
        Row("Schedule B (land)", land_extent(facts, rng)),
        Row("Boundaries", boundaries(facts)),
        Row("Schedule C property", pr.kind),
        Row("Schedule C address", f"{pr.address}, {pr.state} - {pr.pincode}"),
        Row("Schedule C area", unit_area(facts, rng)),
        Heading("CONSIDERATION AND FEES", 11),
        Row("Sale Consideration", write_rupees(m.consideration, rng)),
        Row("Mode of Payment", "Cash" if m.cash else "Cheque / RTGS as tabulated below"),
    ]
    if not m.cash:
        blocks.append(Para("\n".join(payment_lines(facts, rng))))
    blocks += [
        Row("Guidance Value", write_rupees(m.guidance, rng)),
        Row("Stamp Duty", write_rupees(m.stamp_duty, rng)),
        Row("Registration Fee", write_rupees(m.registration_fee, rng)),
        Heading("WITNESSES", 11),
        Para(witnesses(facts, rng)),
    ]
    return blocks


def template_schedule_first(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """A first-page summary block and the schedule up front; parties in one long paragraph."""
    m = facts.money
    seller, buyer = rng.choice([("VENDOR(S)", "PURCHASER(S)"), ("FIRST PARTY", "SECOND PARTY")])
    summary = [
        "Article No. 20(1) Conveyance",
        f"Consideration: {write_rupees(m.consideration, rng)}",
        f"Market Value: {write_rupees(m.guidance, rng)}",
        f"Stamp Duty paid: {write_rupees(m.stamp_duty, rng)}",
        f"E-stamp Certificate No.: {estamp_number(rng)}",
        f"Sub-Registrar Office: {facts.sro_place}",
    ]
    sellers = "; ".join(
        f"({i}) {party_intro(p, rng)}, {party_ids(p, rng)}, owner of "
        f"{share_phrase(p.share or 100, rng)}"
        for i, p in enumerate(facts.sellers, 1)
    )
    buyers = "; ".join(
        f"({i}) {party_intro(p, rng)}, {party_ids(p, rng)}" for i, p in enumerate(facts.buyers, 1)
    )
    gpa = gpa_clause(facts, rng)
    blocks: list[Block] = [
        Para(rng.choice(["\n", " | "]).join(summary)),
        Heading("ABSOLUTE SALE DEED"),
        Heading("SCHEDULE-B", 11),
        Para(_schedule_b(facts, rng)),
        Heading("SCHEDULE-C", 11),
        Para(_schedule_c(facts, rng)),
        Para(
            f"THIS DEED OF ABSOLUTE SALE of the above scheduled property is executed on "
            f"{write_day(facts.date, rng)} at {facts.execution_city} BY: {sellers}; "
            f"hereinafter called the {seller}; IN FAVOUR OF: {buyers}; hereinafter called "
            f"the {buyer}."
        ),
        *([Para(gpa)] if gpa else []),
        Para(f"WHEREAS {prior_title(facts, rng, owner=seller)}"),
        Para(
            f"NOW THIS DEED WITNESSETH that for a total sale consideration of "
            f"{write_rupees(m.consideration, rng)} the {seller} hereby sell, convey and "
            f"transfer the schedule property absolutely unto the {buyer}."
        ),
        *_payment(facts, rng, seller=seller, buyer=buyer),
        _covenants(seller, buyer),
        Heading("ENDORSEMENT", 11),
        Para(
            f"Presented for registration in the office of the Sub-Registrar, "
            f"{facts.sro_place}. Guidance value: {write_rupees(m.guidance, rng)}. Stamp duty "
            f"paid: {write_rupees(m.stamp_duty, rng)}. Registration fee of "
            f"{write_rupees(m.registration_fee, rng)} collected vide Kaveri receipt No. "
            f"{rng.randint(10**6, 10**7 - 1)}."
        ),
        Heading("WITNESSES", 11),
        Para(witnesses(facts, rng)),
    ]
    return blocks


TALUK_TEMPLATES: dict[str, Template] = {
    "estamp_cover": template_estamp_cover,
    "indenture": template_indenture,
    "kaveri_form": template_kaveri_form,
    "schedule_first": template_schedule_first,
}
