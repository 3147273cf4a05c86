"""The `registry` family: four deed layouts drafted the way Karnataka deed writers draft them.

Written apart from the extraction rules, so the family measures how far extraction carries
to deeds it was never shaped against.
"""

from __future__ import annotations

import random

from docmill_synth import registry_wording as w
from docmill_synth.render import Block, Heading, Para, Row
from docmill_synth.templates_main import Template
from docmill_synth.values import DeedFacts, PartyFacts


def _schedules(facts: DeedFacts, rng: random.Random, *, heading: str) -> list[Block]:
    """Schedules A (complexes only), B and C under headings like "SCHEDULE '{}' PROPERTY"."""
    blocks: list[Block] = []
    if w.has_schedule_a(facts):
        blocks += [Heading(heading.format("A"), 11), Para(w.schedule_a_text(facts, rng))]
    return blocks + [
        Heading(heading.format("B"), 11),
        Para(w.schedule_b_text(facts, rng)),
        Heading(heading.format("C"), 11),
        Para(w.schedule_c_text(facts, rng)),
    ]


def _fees(facts: DeedFacts, rng: random.Random) -> str:
    m = facts.money
    return (
        f"The market value of the Schedule Property as per the guidance value notified by the "
        f"Government of Karnataka is {w.rupees(m.guidance, rng)}. Stamp duty of "
        f"{w.rupees(m.stamp_duty, rng)} is paid on this deed by way of e-stamp paper and "
        f"registration fee of {w.rupees(m.registration_fee, rng)} is paid separately."
    )


def _signatures(facts: DeedFacts, rng: random.Random) -> list[Block]:
    avoid = w.party_names(facts)
    return [
        Para(
            "IN WITNESS WHEREOF the parties have signed this deed on the day, month and year "
            "first above written, in the presence of the following witnesses."
        ),
        Para(
            "VENDOR(S):\n"
            + "\n".join(f"{i}. ____________ ({p.name})" for i, p in enumerate(facts.sellers, 1))
        ),
        Para(
            "PURCHASER(S):\n"
            + "\n".join(f"{i}. ____________ ({p.name})" for i, p in enumerate(facts.buyers, 1))
        ),
        Para(f"WITNESSES:\n1. {w.person(rng, avoid=avoid)}\n2. {w.person(rng, avoid=avoid)}"),
    ]


def template_absolute_prose(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """Classic BY / IN FAVOUR OF deed: prose parties, recitals, schedules, fees, witnesses."""
    m = facts.money
    blocks: list[Block] = [
        Heading("DEED OF ABSOLUTE SALE"),
        Para(
            f"THIS DEED OF ABSOLUTE SALE is made and executed at {facts.execution_city} on "
            f"this {w.deed_date(facts.date, rng, formal=True)}, BY:"
        ),
    ]
    blocks += [
        Para(f"{i}) {w.party_prose(p, rng)};", indent=14) for i, p in enumerate(facts.sellers, 1)
    ]
    blocks += [
        Para(
            "hereinafter called the VENDOR(S) (which expression shall wherever the context so "
            "requires mean and include their heirs, legal representatives, executors, "
            "administrators and assigns) of the ONE PART;"
        ),
        Heading("IN FAVOUR OF", 11),
    ]
    blocks += [
        Para(f"{i}) {w.party_prose(p, rng)};", indent=14) for i, p in enumerate(facts.buyers, 1)
    ]
    lines = w.payment_lines(facts, rng)
    blocks += [
        Para(
            "hereinafter called the PURCHASER(S) (which expression shall include their heirs "
            "and assigns) of the OTHER PART."
        ),
        Para(w.recital_text(facts, rng)),
        Para(
            "WHEREAS the Vendor(s), being in need of funds for family necessities, offered to "
            "sell the Schedule Property and the Purchaser(s) agreed to purchase the same."
        ),
        Para(
            f"NOW THIS DEED OF ABSOLUTE SALE WITNESSETH that in consideration of the total sum "
            f"of {w.rupees(m.consideration, rng, words=True)}, paid by the Purchaser(s) as "
            f"follows:"
        ),
        *[Para(f"({chr(97 + i)}) {line};", indent=14) for i, line in enumerate(lines)],
        Para(
            "the receipt of which the Vendor(s) hereby admit and acknowledge, the Vendor(s) "
            "hereby convey, transfer and sell the Schedule Property to the Purchaser(s) with "
            "vacant possession, free from all encumbrances, charges and litigation."
        ),
        Para(
            "The Vendor(s) covenant to execute such further deeds and to sign such papers as "
            "may be needed to transfer the khata in the name of the Purchaser(s)."
        ),
        *_schedules(facts, rng, heading="SCHEDULE '{}' PROPERTY"),
        Para(_fees(facts, rng)),
        Para(
            f"This deed is presented for registration before the "
            f"{w.sro_text(facts.sro_place, rng)}."
        ),
        *_signatures(facts, rng),
        Para(
            f"Drafted by: {w.person(rng, avoid=w.party_names(facts)).split(',')[0]}, Advocate, "
            f"{facts.execution_city}"
        ),
    ]
    return blocks


def _party_rows(p: PartyFacts, rng: random.Random) -> list[Block]:
    rows = [
        Row("Name", f"{p.title} {p.name}"),
        Row("Father's / Husband's Name", w.relation_text(p, rng)),
        Row("Age", f"{p.age} years"),
        Row("Occupation", w.occupation(p, rng)),
        Row("Address", w.residence(p, rng)),
        Row("Aadhaar No.", w.aadhaar_text(p.aadhaar, rng)),
        Row("PAN", p.pan or "Not furnished"),
        Row("Mobile No.", w.phone_text(p.phone, rng)),
    ]
    if p.phone2:
        rows.append(Row("Alternate Mobile", w.phone_text(p.phone2, rng)))
    rows.append(Row("E-mail ID", p.email or "--"))
    if p.share is not None:
        rows.append(Row("Share in property", w.share_text(p.share, rng)))
    return rows


def _schedule_rows(facts: DeedFacts, rng: random.Random) -> list[Block]:
    pr = facts.prop
    north, south, east, west = pr.boundaries
    rows: list[Block] = [Heading("SCHEDULE 'B' PROPERTY (LAND)", 11)]
    if w.has_schedule_a(facts):
        rows.append(Row("Nature", "Undivided share in the land of the complex"))
    rows += [
        Row("Survey No.", pr.survey_no),
        Row("Khata No.", pr.khata_no),
        Row("Extent", w.area_text(pr.b_area_sqft, pr.b_area_sqm, rng)),
        Row("East", east),
        Row("West", west),
        Row("North", north),
        Row("South", south),
        Heading("SCHEDULE 'C' PROPERTY", 11),
        Row("Type of property", pr.kind),
        Row("Address", f"{pr.address}, {pr.state} - {pr.pincode}"),
        Row("Area", w.area_text(pr.c_area_sqft, None, rng)),
    ]
    return rows


def template_numbered_table(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """Party particulars in two-column rows, then numbered clauses and tabulated schedules."""
    m = facts.money
    blocks: list[Block] = [
        Heading("SALE DEED"),
        Para(
            f"This Sale Deed is executed at {facts.execution_city} on "
            f"{w.deed_date(facts.date, rng)} between the parties whose particulars are given "
            f"below."
        ),
        Heading("PARTICULARS OF THE VENDOR(S)", 11),
    ]
    for i, p in enumerate(facts.sellers, 1):
        blocks += [Heading(f"Vendor No. {i}", 10.5), *_party_rows(p, rng)]
    blocks.append(Heading("PARTICULARS OF THE PURCHASER(S)", 11))
    for i, p in enumerate(facts.buyers, 1):
        blocks += [Heading(f"Purchaser No. {i}", 10.5), *_party_rows(p, rng)]
    clauses = [
        "The Vendor(s) are the absolute owners in possession of the Schedule Property, "
        "holding the shares stated against their names above. "
        + w.recital_text(facts, rng, lead="The"),
        f"The total sale consideration agreed is {w.rupees(m.consideration, rng, words=True)}, "
        f"paid as under: " + "; ".join(w.payment_lines(facts, rng)) + ".",
        "The Vendor(s) have this day delivered vacant possession of the Schedule Property to "
        "the Purchaser(s).",
        "The Vendor(s) declare that the Schedule Property is free from encumbrances, court "
        "attachments and acquisition proceedings.",
        f"The guidance value of the Schedule Property is {w.rupees(m.guidance, rng)}.",
        f"The stamp duty of {w.rupees(m.stamp_duty, rng)} and registration fee of "
        f"{w.rupees(m.registration_fee, rng)} are borne by the Purchaser(s).",
        f"This deed shall be registered before the {w.sro_text(facts.sro_place, rng)}.",
    ]
    blocks.append(Heading("NOW THIS DEED WITNESSES AS FOLLOWS", 11))
    blocks += [Para(f"{i}. {text}") for i, text in enumerate(clauses, 1)]
    blocks += _schedule_rows(facts, rng)
    return blocks + _signatures(facts, rng)


def _identification(facts: DeedFacts, rng: random.Random) -> list[Block]:
    blocks: list[Block] = [Heading("IDENTIFICATION OF THE PARTIES", 11)]
    roles = [("VENDOR", facts.sellers), ("PURCHASER", facts.buyers)]
    for role, parties in roles:
        for i, p in enumerate(parties, 1):
            blocks.append(
                Para(
                    f"{role} {i}: {p.title} {p.name}\n{w.contact_text(p, rng)}\n"
                    f"Photo ______  Left thumb impression ______  Signature ______"
                )
            )
    return blocks


def template_kaveri_abstract(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """An abstract of the document in rows, short prose, ids only in the identification block."""
    m = facts.money
    lines = w.payment_lines(facts, rng)
    mode = "Cash" if m.cash else "Through bank (details in the deed)"
    blocks: list[Block] = [
        Heading("SALE DEED"),
        Para("(Conveyance - Article 20(1) of the Karnataka Stamp Act, 1957)"),
        Heading("ABSTRACT OF THE DOCUMENT", 11),
        Row("Nature of document", "Sale Deed"),
        Row("Date of execution", w.deed_date(facts.date, rng)),
        Row("Place of execution", facts.execution_city),
        Row("Registering office", f"Sub-Registrar, {facts.sro_place}"),
        Row("Vendor(s)", ", ".join(p.name for p in facts.sellers)),
        Row("Purchaser(s)", ", ".join(p.name for p in facts.buyers)),
        Row("Nature of property", facts.prop.kind),
        Row("Sale consideration", w.rupees(m.consideration, rng)),
        Row("Market value", w.rupees(m.guidance, rng)),
        Row("Stamp duty paid", w.rupees(m.stamp_duty, rng)),
        Row("Registration fee", w.rupees(m.registration_fee, rng)),
        Row("Mode of payment", mode),
        Heading("DEED", 11),
        Para(
            "THIS SALE DEED is executed by: "
            + "; ".join(
                f"({i}) {w.party_prose(p, rng, with_ids=False)}"
                for i, p in enumerate(facts.sellers, 1)
            )
            + ", hereinafter called the VENDOR(S);"
        ),
        Para(
            "IN FAVOUR OF: "
            + "; ".join(
                f"({i}) {w.party_prose(p, rng, with_ids=False)}"
                for i, p in enumerate(facts.buyers, 1)
            )
            + ", hereinafter called the PURCHASER(S)."
        ),
        Para(w.recital_text(facts, rng)),
        Para(
            f"The Vendor(s) have agreed to sell and the Purchaser(s) have agreed to purchase "
            f"the Schedule Property for {w.rupees(m.consideration, rng, words=True)}, which is "
            f"received as follows: " + "; and ".join(lines) + "."
        ),
        Para(
            "The Vendor(s) have put the Purchaser(s) in possession of the Schedule Property "
            "and the Purchaser(s) may get the khata transferred to their name."
        ),
        *_schedules(facts, rng, heading="SCHEDULE {} PROPERTY"),
        *_identification(facts, rng),
        *_signatures(facts, rng)[1:],
    ]
    return blocks


def _endorsement(facts: DeedFacts, rng: random.Random) -> list[Block]:
    m, place = facts.money, facts.sro_place
    code = "".join(w[0] for w in place.split()).upper() + place[1:3].upper()
    when = w.deed_date(facts.date, rng)
    return [
        Heading("ENDORSEMENT OF THE SUB-REGISTRAR", 11),
        Para(
            f"Presented in the office of the Sub-Registrar, {place} between 11 AM and 12 Noon "
            f"on {when} by {facts.sellers[0].name}. Stamp duty of {w.rupees(m.stamp_duty, rng)} "
            f"paid vide e-stamp certificate No. IN-KA{rng.randint(10**13, 10**14 - 1)}. "
            f"Registration fee of {w.rupees(m.registration_fee, rng)} paid vide receipt No. "
            f"{rng.randint(1000, 99999)}; scanning fee Rs. {rng.choice([100, 200, 300])}/- paid."
        ),
        Para(
            f"Registered as Document No. {code}-1-{rng.randint(100, 9999):05d}/"
            f"{facts.date.year}-{(facts.date.year + 1) % 100:02d} of Book I.\n"
            f"Sub-Registrar, {place}"
        ),
    ]


def template_conveyance_endorsed(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """FIRST PART / SECOND PART conveyance; amounts in words first; fees in the endorsement."""
    m = facts.money
    lines = w.payment_lines(facts, rng)
    blocks: list[Block] = [
        Heading("SALE DEED"),
        Para(
            f"THIS SALE DEED is made on this the {w.deed_date(facts.date, rng, formal=True)} at "
            f"{facts.execution_city}, BETWEEN:"
        ),
    ]
    blocks += [
        Para(f"{i}. {w.party_prose(p, rng)};", indent=14) for i, p in enumerate(facts.sellers, 1)
    ]
    blocks.append(Para("hereinafter referred to as the VENDOR(S), of the FIRST PART; AND"))
    blocks += [
        Para(f"{i}. {w.party_prose(p, rng)};", indent=14) for i, p in enumerate(facts.buyers, 1)
    ]
    blocks += [
        Para("hereinafter referred to as the PURCHASER(S), of the SECOND PART."),
        Para(w.recital_text(facts, rng)),
        Para(
            f"The Vendor(s) hereby sell the property described in the Schedules below to the "
            f"Purchaser(s) for a total sale consideration of Rupees "
            f"{w.spell_indian(m.consideration)} only ({w.rupees(m.consideration, rng)}), paid as "
            f"follows: " + "; ".join(lines) + "."
        ),
        Para(
            f"The market value of the Schedule Property as per the guidance value is "
            f"{w.rupees(m.guidance, rng, words=True)}, and stamp duty is paid accordingly."
        ),
        Para(
            "The Vendor(s) assure the Purchaser(s) that they have good and marketable title "
            "and shall indemnify the Purchaser(s) against any defect in it."
        ),
        *_schedules(facts, rng, heading="{} - SCHEDULE"),
        *_signatures(facts, rng),
        *_endorsement(facts, rng),
    ]
    return blocks


REGISTRY_TEMPLATES: dict[str, Template] = {
    "absolute_prose": template_absolute_prose,
    "numbered_table": template_numbered_table,
    "kaveri_abstract": template_kaveri_abstract,
    "conveyance_endorsed": template_conveyance_endorsed,
}
