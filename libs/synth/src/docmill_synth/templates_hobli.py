"""The `hobli` family: deeds as town document writers and city law firms draft them."""

from __future__ import annotations

import random

from docmill_synth.hobli_wording import (
    HOBLIS,
    OCCUPATIONS,
    VILLAGES,
    attorney_clause,
    contact_items,
    describe_payment,
    fees_clause,
    plan_payments,
    recital_clause,
    rupees_in_words,
    shares_clause,
    witness_lines,
    write_day,
    write_extent,
    write_home,
    write_relation,
    write_rupees,
    write_share,
)
from docmill_synth.render import Block, Heading, Para, Row
from docmill_synth.templates_main import Template
from docmill_synth.values import DeedFacts, PartyFacts

ROLES = [("VENDOR", "PURCHASER"), ("VENDOR", "VENDEE"), ("SELLER", "PURCHASER")]


def _name(p: PartyFacts, *, caps: bool) -> str:
    return f"{p.title} {p.name.upper() if caps else p.name}"


def _party_paragraph(p: PartyFacts, rng: random.Random, *, caps: bool) -> str:
    ids = ", ".join(f"{label}: {value}" for label, value in contact_items(p, rng))
    return (
        f"{_name(p, caps=caps)}, {write_relation(p, rng)}, aged about {p.age} years, "
        f"Occupation: {rng.choice(OCCUPATIONS)}, residing at {write_home(p, rng)}, {ids}"
    )


def _schedule_b(facts: DeedFacts, rng: random.Random) -> str:
    pr = facts.prop
    n, s, e, w = pr.boundaries
    return (
        f"All that piece and parcel of the property bearing Sy. No. {pr.survey_no}, Khata No. "
        f"{pr.khata_no}, measuring {write_extent(pr.b_area_sqft, pr.b_area_sqm, rng)}, and "
        f"bounded on the East by {e}, West by {w}, North by {n}, South by {s}."
    )


def _schedule_c(facts: DeedFacts, rng: random.Random) -> str:
    pr = facts.prop
    return (
        f"The {pr.kind} situated at {pr.address}, {pr.state} - {pr.pincode}, having an area of "
        f"{write_extent(pr.c_area_sqft, None, rng)}, together with all rights of way and "
        f"easements attached thereto."
    )


def _payment_lines(facts: DeedFacts, rng: random.Random) -> str:
    payments = plan_payments(facts, rng)
    lines = [f"{i}. {describe_payment(p, rng)}" for i, p in enumerate(payments, 1)]
    lines.append(f"TOTAL: {write_rupees(facts.money.consideration, rng)}")
    return "\n".join(lines)


def template_absolute(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """Long formal deed: BY AND BETWEEN, recitals, payment list, three schedules."""
    seller, buyer = rng.choice(ROLES)
    caps = rng.random() < 0.5
    attorney = attorney_clause(facts, rng)
    blocks: list[Block] = [
        Heading("ABSOLUTE SALE DEED"),
        Para(
            "THIS ABSOLUTE SALE DEED is made and executed on "
            f"{write_day(facts.date, rng, formal=True)} "
            f"at {facts.execution_city}, BY AND BETWEEN:"
        ),
    ]
    for i, p in enumerate(facts.sellers):
        text = f"{i + 1}) {_party_paragraph(p, rng, caps=caps)}"
        if attorney and attorney[0] == i:
            text += f"; {attorney[1]}"
        blocks.append(Para(text + ";", indent=14))
    blocks.append(
        Para(
            f"hereinafter called the {seller}(S), which expression shall mean and include their "
            "heirs, executors, administrators and assigns, of the FIRST PART;"
        )
    )
    blocks.append(Para("AND"))
    blocks += [
        Para(f"{i}) {_party_paragraph(p, rng, caps=caps)};", indent=14)
        for i, p in enumerate(facts.buyers, 1)
    ]
    blocks.append(Para(f"hereinafter called the {buyer}(S), of the SECOND PART."))
    blocks += [
        Para(recital_clause(facts, rng, seller)),
        Para(shares_clause(facts, rng, seller)),
        Para(
            f"AND WHEREAS the {buyer}(S) offered to purchase the Schedule 'C' property for a total "
            f"sale consideration of {write_rupees(facts.money.consideration, rng)}, which the "
            f"{seller}(S) have received in full as follows:"
        ),
        Para(_payment_lines(facts, rng), indent=14),
        Para(
            f"NOW THIS DEED WITNESSETH that the {seller}(S) hereby convey by way of absolute sale "
            f"the Schedule 'C' property to the {buyer}(S), free from all encumbrances."
        ),
        Para(fees_clause(facts, rng)),
        Heading("SCHEDULE 'A' PROPERTY", 11),
        Para(
            f"All that converted land in Sy. No. {facts.prop.survey_no.split('/')[0]} of "
            f"{rng.choice(VILLAGES)} Village, {rng.choice(HOBLIS)} Hobli, measuring "
            f"{rng.randint(1, 6)} Acres {rng.randint(1, 39)} Guntas."
        ),
        Heading("SCHEDULE 'B' PROPERTY", 11),
        Para(f"Out of the Schedule 'A' property: {_schedule_b(facts, rng)}"),
        Heading("SCHEDULE 'C' PROPERTY (the property hereby sold)", 11),
        Para(_schedule_c(facts, rng)),
        Para(
            f"IN WITNESS WHEREOF the parties have signed this deed, which is presented for "
            f"registration in the office of the Sub-Registrar, {facts.sro_place}."
        ),
        Heading("WITNESSES:", 10.5),
        Para(witness_lines(rng, facts.execution_city)),
    ]
    return blocks


def _form_party(p: PartyFacts, rng: random.Random, *, role: str, i: int) -> list[Block]:
    rows: list[Block] = [
        Row(f"Name of the {role.title()} {i}", f"{p.title} {p.name}"),
        Row("Father's/Husband's name", write_relation(p, rng)),
        Row("Age", f"{p.age} years"),
        Row("Address", f"{p.address}, {p.state}"),
        Row("PIN Code", p.pincode),
    ]
    rows += [Row(label, value) for label, value in contact_items(p, rng)]
    if p.share is not None:
        rows.append(Row("Share", write_share(p.share, rng)))
    return rows


def template_printed(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """Short printed form from a document writer's shop, blanks filled in."""
    seller, buyer = rng.choice(ROLES)
    pr, m = facts.prop, facts.money
    blocks: list[Block] = [
        Heading("SALE DEED"),
        Para(
            f"(Printed form - {rng.choice(['Sri Lakshmi', 'Om Sai'])} Document Writers, "
            f"opp. Sub-Registrar Office, {facts.sro_place})"
        ),
        Row("Date of execution", write_day(facts.date, rng)),
        Row("Place of execution", facts.execution_city),
    ]
    for i, p in enumerate(facts.sellers, 1):
        blocks += [Heading(f"{seller} - {i}", 10.5), *_form_party(p, rng, role=seller, i=i)]
    for i, p in enumerate(facts.buyers, 1):
        blocks += [Heading(f"{buyer} - {i}", 10.5), *_form_party(p, rng, role=buyer, i=i)]
    n, s, e, w = pr.boundaries
    cash = "Cash" if m.cash else rng.choice(["Bank transfer / Cheque", "Through bank (not cash)"])
    blocks += [
        Heading("PROPERTY PARTICULARS", 11),
        Row("Sy. No. / Khata No.", f"{pr.survey_no} / {pr.khata_no}"),
        Row("Schedule 'B' extent", write_extent(pr.b_area_sqft, pr.b_area_sqm, rng)),
        Row("Boundaries", f"E: {e}, W: {w}, N: {n}, S: {s}"),
        Row("Schedule 'C' property", pr.kind),
        Row("Schedule 'C' address", pr.address),
        Row("PIN Code / State", f"{pr.pincode} / {pr.state}"),
        Row("Schedule 'C' extent", write_extent(pr.c_area_sqft, None, rng)),
        Heading("CONSIDERATION", 11),
        Row("Sale consideration", write_rupees(m.consideration, rng, words=False)),
        Row("In words", f"Rupees {rupees_in_words(m.consideration)} only"),
        Row("Mode of payment", cash),
        Para(_payment_lines(facts, rng), indent=14),
        Row("Market value", write_rupees(m.guidance, rng, words=False)),
        Row("Stamp duty paid", write_rupees(m.stamp_duty, rng, words=False)),
        Row("Registration fee", write_rupees(m.registration_fee, rng, words=False)),
        Row("Registering office", f"Sub-Registrar, {facts.sro_place}"),
        Para(recital_clause(facts, rng, seller)),
        Para(
            f"The {seller}(S) have received the above consideration in full and put the "
            f"{buyer}(S) in possession of the Schedule 'C' property this day."
        ),
        Para(f"Signature of {seller}(S): ____________    Signature of {buyer}(S): ____________"),
        Heading("WITNESSES:", 10.5),
        Para(witness_lines(rng, facts.execution_city)),
    ]
    return blocks


def template_summary(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """A front summary page for the registering office, then a middling deed body."""
    seller, buyer = rng.choice([("EXECUTANT", "CLAIMANT"), ("VENDOR", "PURCHASER")])
    m, pr = facts.money, facts.prop
    blocks: list[Block] = [
        Heading(rng.choice(["DOCUMENT SUMMARY", "MEMORANDUM OF REGISTRATION"])),
        Row("Nature of document", "Sale Deed (Article 20(1))"),
        Row("Date of execution", write_day(facts.date, rng)),
        Row("Office of registration", f"Sub-Registrar Office, {facts.sro_place}"),
        Row(f"{seller.title()}(s)", "; ".join(f"{p.title} {p.name}" for p in facts.sellers)),
        Row(f"{buyer.title()}(s)", "; ".join(f"{p.title} {p.name}" for p in facts.buyers)),
        Row("Property", f"{pr.kind}, {pr.address}"),
        Row("Consideration", write_rupees(m.consideration, rng, words=False)),
        Row("Market value", write_rupees(m.guidance, rng, words=False)),
        Row("Stamp duty", write_rupees(m.stamp_duty, rng, words=False)),
        Row("Registration fee", write_rupees(m.registration_fee, rng, words=False)),
        Row("Scanning fee", "Rs. 35/-"),
        Row("Paid in cash", "Yes" if m.cash else "No"),
        Heading("SALE DEED"),
        Para(
            f"This Sale Deed is executed on {write_day(facts.date, rng)} at "
            f"{facts.execution_city} by:"
        ),
    ]
    attorney = attorney_clause(facts, rng)
    for i, p in enumerate(facts.sellers):
        lines = [
            f"{seller} No. {i + 1}: {p.title} {p.name}, {write_relation(p, rng)}, "
            f"{p.age} years, {rng.choice(OCCUPATIONS)}",
            f"Address: {write_home(p, rng)}",
            *(f"{label}: {value}" for label, value in contact_items(p, rng)),
            f"Entitled to: {write_share(p.share, rng)}",
        ]
        if attorney and attorney[0] == i:
            lines.append(f"({attorney[1]})")
        blocks.append(Para("\n".join(lines)))
    blocks.append(Para(f"in favour of the {buyer}(S):"))
    for i, p in enumerate(facts.buyers, 1):
        ids = ", ".join(f"{label} {value}" for label, value in contact_items(p, rng))
        blocks.append(
            Para(
                f"{buyer} No. {i}: {p.title} {p.name}, {write_relation(p, rng)}, aged {p.age}, "
                f"resident of {write_home(p, rng)}. {ids}."
            )
        )
    paid = "in cash" if m.cash else "through banking channels"
    blocks += [
        Para(recital_clause(facts, rng, seller)),
        Para(
            f"The sale consideration is {write_rupees(m.consideration, rng)}, paid {paid} as "
            f"under, receipt whereof the {seller}(S) hereby acknowledge:"
        ),
        Para(_payment_lines(facts, rng), indent=14),
        Heading("SCHEDULE - B", 11),
        Para(_schedule_b(facts, rng)),
        Heading("SCHEDULE - C", 11),
        Para(_schedule_c(facts, rng)),
        Para(fees_clause(facts, rng)),
        Heading("WITNESSES:", 10.5),
        Para(witness_lines(rng, facts.execution_city)),
    ]
    return blocks


def template_firm(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """A city law firm's deed: numbered clauses, identities in an annexure at the end."""
    seller, buyer = rng.choice(ROLES)
    m, pr = facts.money, facts.prop
    sellers = "; ".join(
        f"({i}) {_name(p, caps=True)}, {write_relation(p, rng)}, aged {p.age} years, residing at "
        f"{write_home(p, rng)}"
        for i, p in enumerate(facts.sellers, 1)
    )
    buyers = "; ".join(
        f"({i}) {_name(p, caps=True)}, {write_relation(p, rng)}, aged {p.age} years, residing at "
        f"{write_home(p, rng)}"
        for i, p in enumerate(facts.buyers, 1)
    )
    mode = "in cash" if m.cash else "by the banking instruments listed below"
    blocks: list[Block] = [
        Heading("DEED OF SALE"),
        Para(
            f"THIS DEED OF SALE is made at {facts.execution_city} on "
            f"{write_day(facts.date, rng, formal=True)}"
        ),
        Para(f'BY: {sellers}; (the "{seller}S")', indent=14),
        Para(f'TO AND IN FAVOUR OF: {buyers}; (the "{buyer}S")', indent=14),
        Heading("1. RECITALS", 11),
        Para("A. " + recital_clause(facts, rng, seller)),
        Para("B. " + shares_clause(facts, rng, seller)),
        Heading("2. CONSIDERATION", 11),
        Para(
            f"2.1 The {buyer}S have paid {write_rupees(m.consideration, rng)} as the "
            f"full and final sale consideration, {mode}:"
        ),
        Para(_payment_lines(facts, rng), indent=14),
        Para(f"2.2 The {seller}S acknowledge receipt of the entire consideration."),
        Heading("3. STAMP DUTY AND REGISTRATION", 11),
        Para("3.1 " + fees_clause(facts, rng)),
        Para(
            f"3.2 This deed shall be registered before the Sub-Registrar, {facts.sro_place}, "
            f"and the {buyer}S shall bear the costs thereof."
        ),
        Heading("SCHEDULE B (Land)", 11),
        Para(_schedule_b(facts, rng)),
        Heading(f"SCHEDULE C ({pr.kind} conveyed)", 11),
        Para(_schedule_c(facts, rng)),
        Heading("WITNESSES:", 10.5),
        Para(witness_lines(rng, facts.execution_city)),
        Heading("ANNEXURE - PARTICULARS OF THE PARTIES", 11),
    ]
    attorney = attorney_clause(facts, rng)
    for role, parties in ((seller, facts.sellers), (buyer, facts.buyers)):
        for i, p in enumerate(parties, 1):
            blocks.append(Heading(f"{role} {i}: {p.name}", 10.5))
            blocks += [Row(label, value) for label, value in contact_items(p, rng)]
            if attorney and role == seller and attorney[0] == i - 1:
                blocks.append(Para(f"Signing: {attorney[1]}."))
    return blocks


HOBLI_TEMPLATES: dict[str, Template] = {
    "absolute": template_absolute,
    "printed": template_printed,
    "summary": template_summary,
    "firm": template_firm,
}
