"""The `district` family: typed deeds as district and city Sub-Registrar offices see them.

Written without reference to the extraction rules or the other families, and never
used to tune them: the honest measure of how the extractor does on unseen deeds.
"""

from __future__ import annotations

import random

from docmill_synth.district_wording import (
    date_text,
    id_clauses,
    is_flat,
    money,
    other_person,
    party_prose,
    party_rows,
    payment_text,
    pick_styles,
    plural,
    pronoun,
    recital_text,
    schedule_b_text,
    schedule_c_text,
    share_text,
    show_name,
    sro_text,
)
from docmill_synth.render import Block, Heading, Para, Row
from docmill_synth.templates_main import Template
from docmill_synth.values import DeedFacts, PartyFacts

GAP = Para("")  # keeps a heading clear of the table rows above it


def _shares_clause(facts: DeedFacts, rng: random.Random, *, seller: str) -> str:
    if len(facts.sellers) == 1:
        share = share_text(100, rng)
        return f"The {seller} is the absolute owner of the {share} in the Schedule Property."
    held = "; ".join(
        f"{seller} No. {i} ({p.name}) holds {pronoun(p)} {share_text(p.share or 0, rng)}"
        for i, p in enumerate(facts.sellers, 1)
    )
    return f"The {plural(seller, 2)} hold the Schedule Property as follows: {held}."


def _numbered(parties: list[PartyFacts], rng: random.Random) -> str:
    if len(parties) == 1:
        return party_prose(parties[0], rng, upper=False, ids=False)
    return "; ".join(
        f"({i}) {party_prose(p, rng, upper=False, ids=False)}" for i, p in enumerate(parties, 1)
    )


def _valuation(facts: DeedFacts, style: str) -> str:
    m = facts.money
    return (
        f"VALUATION: The market value of the Schedule Property as per the guidance value "
        f"notified by the Government of Karnataka is {money(m.guidance, style)}. Stamp duty of "
        f"{money(m.stamp_duty, style)} has been paid on this instrument and the registration fee "
        f"of {money(m.registration_fee, style)} is paid."
    )


def _witnesses(facts: DeedFacts, rng: random.Random) -> list[Block]:
    names = [f"{i}. Sri {other_person(rng)}, {facts.execution_city}" for i in (1, 2)]
    return [Heading("WITNESSES:", 10.5), Para("\n".join(names))]


def _schedules(facts: DeedFacts, rng: random.Random, *, with_a: bool) -> list[Block]:
    blocks: list[Block] = []
    if with_a and is_flat(facts):
        acres, guntas = rng.randint(1, 6), rng.randint(1, 39)
        blocks += [
            Heading("SCHEDULE 'A' PROPERTY", 11),
            Para(
                f"All that converted land bearing Sy. No. {facts.prop.survey_no} measuring "
                f"{acres} Acres {guntas} Guntas, on which the residential complex is constructed."
            ),
        ]
    blocks += [
        Heading("SCHEDULE 'B' PROPERTY", 11),
        Para(schedule_b_text(facts, rng)),
        Heading("SCHEDULE 'C' PROPERTY (property hereby conveyed)", 11),
        Para(schedule_c_text(facts, rng)),
    ]
    return blocks


def template_typed_prose(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """BY ... IN FAVOUR OF ... prose, WHEREAS recitals, numbered covenants, valuation."""
    style, dstyle = pick_styles(rng)
    upper = rng.random() < 0.5
    m = facts.money
    day_of = rng.random() < 0.6
    when = (
        f"this the {date_text(facts.date, 'day_of')}" if day_of else date_text(facts.date, dstyle)
    )
    blocks: list[Block] = [
        Heading("SALE DEED"),
        Para(f"THIS DEED OF SALE is made and executed at {facts.execution_city} on {when}, BY:"),
    ]
    for i, p in enumerate(facts.sellers, 1):
        prose = party_prose(p, rng, upper=upper, ids=True)
        blocks.append(Para(f"{i}. {prose}; hereinafter called VENDOR No. {i},", indent=14))
    blocks.append(Para("IN FAVOUR OF:"))
    for i, p in enumerate(facts.buyers, 1):
        prose = party_prose(p, rng, upper=upper, ids=True)
        blocks.append(Para(f"{i}. {prose}; hereinafter called PURCHASER No. {i},", indent=14))
    blocks += [
        Para(
            "(the terms VENDOR and PURCHASER shall mean and include their heirs, legal "
            "representatives, executors and assigns)"
        ),
        Para(recital_text(facts, rng, seller="VENDOR(S)")),
        Para("WHEREAS t" + _shares_clause(facts, rng, seller="Vendor")[1:]),
        Para("NOW THIS DEED OF SALE WITNESSETH AS FOLLOWS:"),
        Para(
            f"1. In consideration of the sum of {money(m.consideration, style, words=True)} "
            f"{payment_text(facts, rng, style=style)}, the receipt of which the VENDOR(S) hereby "
            f"admit and acknowledge, the VENDOR(S) hereby convey the Schedule 'C' Property to the "
            f"PURCHASER(S) absolutely."
        ),
        Para(
            "2. The VENDOR(S) assure that the Schedule Property is free from all encumbrances, "
            "court attachments, minors' claims and acquisition proceedings."
        ),
        Para(
            "3. The PURCHASER(S) may get the khata transferred to their names in the records of "
            "the local authority on the strength of this deed."
        ),
        Para(f"4. {_valuation(facts, style)}"),
        *_schedules(facts, rng, with_a=True),
        Para(
            "IN WITNESS WHEREOF the VENDOR(S) and PURCHASER(S) have signed this deed on the day, "
            "month and year first above written."
        ),
        Para("VENDOR(S): " + ", ".join(show_name(p, upper=upper) for p in facts.sellers)),
        Para("PURCHASER(S): " + ", ".join(show_name(p, upper=upper) for p in facts.buyers)),
        *_witnesses(facts, rng),
        Para(
            f"Registered in the {sro_text(facts.sro_place, rng)} as Document No. ______ of Book I."
        ),
    ]
    return blocks


def template_section_32a(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """Executant/Claimant prose without ids; ids in a Section 32A table; schedule as rows."""
    style, dstyle = pick_styles(rng)
    m, pr = facts.money, facts.prop
    blocks: list[Block] = [
        Heading("DEED OF SALE OF IMMOVABLE PROPERTY"),
        Row("Date of execution", date_text(facts.date, dstyle)),
        Row("Place of execution", facts.execution_city),
        GAP,
        Heading("EXECUTANT(S)", 11),
    ]
    for i, p in enumerate(facts.sellers, 1):
        blocks.append(Para(f"({i}) {party_prose(p, rng, upper=True, ids=False)}"))
    blocks.append(Heading("CLAIMANT(S)", 11))
    for i, p in enumerate(facts.buyers, 1):
        blocks.append(Para(f"({i}) {party_prose(p, rng, upper=True, ids=False)}"))
    blocks += [
        Para(recital_text(facts, rng, seller="Executant(s)")),
        Para(_shares_clause(facts, rng, seller="Executant")),
        Para(
            f"The Executant(s) have agreed to sell and the Claimant(s) have agreed to purchase "
            f"the Schedule Property for a total sale consideration of "
            f"{money(m.consideration, style, words=True)}, {payment_text(facts, rng, style=style)}."
        ),
        GAP,
        Heading("SCHEDULE", 11),
        Row("Schedule 'B'", schedule_b_text(facts, rng)),
        Row("Schedule 'C'", schedule_c_text(facts, rng).replace("\n", "; ")),
        Row("Village / Town", pr.city),
        GAP,
        Heading("STAMP DUTY AND FEES", 11),
        Row("Market value", money(m.guidance, style)),
        Row("Consideration", money(m.consideration, style)),
        Row("Stamp duty paid", money(m.stamp_duty, style)),
        Row("Registration fee", money(m.registration_fee, style)),
        GAP,
        Heading("DETAILS OF THE PARTIES AS REQUIRED UNDER SECTION 32A", 11),
    ]
    for i, p in enumerate(facts.sellers, 1):
        blocks += party_rows(p, rng, label=f"Executant No. {i}")
    for i, p in enumerate(facts.buyers, 1):
        blocks += party_rows(p, rng, label=f"Claimant No. {i}")
    blocks += [
        GAP,
        *_witnesses(facts, rng),
        Para(
            f"Presented for registration in the {sro_text(facts.sro_place, rng)} on "
            f"{date_text(facts.date, 'dash')} between 11 A.M. and 12 Noon."
        ),
    ]
    return blocks


def template_abstract_form(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """A key/value abstract up front, numbered Vendor/Purchaser lines, short clauses."""
    style, dstyle = pick_styles(rng)
    m = facts.money
    blocks: list[Block] = [
        Heading("SALE DEED"),
        Heading("ABSTRACT OF THE DOCUMENT", 11),
        Row("Nature of document", "Sale Deed (Article 20(1))"),
        Row("Date of execution", date_text(facts.date, dstyle)),
        Row("Registering office", sro_text(facts.sro_place, rng)),
        Row("Consideration", money(m.consideration, style)),
        Row("Guidance value", money(m.guidance, style)),
        Row("Stamp duty", money(m.stamp_duty, style)),
        Row("Registration fee", money(m.registration_fee, style)),
        Row("Mode of payment", "Cash" if m.cash else "Cheque / DD / Bank transfer"),
        GAP,
        Heading("VENDOR(S)", 11),
    ]
    for i, p in enumerate(facts.sellers, 1):
        lines = [f"Vendor No. {i}: {party_prose(p, rng, upper=False, ids=False)}"]
        lines += id_clauses(p, rng)
        lines.append(f"Share held: {share_text(p.share or 100, rng)}")
        blocks.append(Para("\n".join(lines)))
    blocks.append(Heading("PURCHASER(S)", 11))
    for i, p in enumerate(facts.buyers, 1):
        lines = [f"Purchaser No. {i}: {party_prose(p, rng, upper=False, ids=False)}"]
        blocks.append(Para("\n".join(lines + id_clauses(p, rng))))
    blocks += [
        Para(f"1. TITLE: {recital_text(facts, rng, seller='Vendor(s)')}"),
        Para(
            f"2. CONSIDERATION: The Purchaser(s) have paid the entire sale consideration of "
            f"{money(m.consideration, style, words=True)}, {payment_text(facts, rng, style=style)}."
        ),
        Para(
            "3. POSSESSION: Vacant possession of the Schedule 'C' Property is delivered to the "
            "Purchaser(s) this day."
        ),
        Para("4. ENCUMBRANCE: The property is free from all encumbrances and charges."),
        *_schedules(facts, rng, with_a=False),
        Para("Signatures of Vendor(s) ____________   Signatures of Purchaser(s) ____________"),
        *_witnesses(facts, rng),
    ]
    return blocks


def template_thumb_block(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """Schedule early, conveyance and receipt, stamp duty clause, photo/thumb identification."""
    style, dstyle = pick_styles(rng)
    m = facts.money
    vendor, buyer = plural("VENDOR", len(facts.sellers)), plural("PURCHASER", len(facts.buyers))
    blocks: list[Block] = [
        Heading("DEED OF ABSOLUTE SALE"),
        Para(
            f"This Deed of Absolute Sale is executed at {facts.execution_city} on "
            f"{date_text(facts.date, dstyle)} by "
            + _numbered(facts.sellers, rng)
            + f" (hereinafter referred to as the {vendor}) in favour of "
            + _numbered(facts.buyers, rng)
            + f" (hereinafter referred to as the {buyer})."
        ),
        *_schedules(facts, rng, with_a=rng.random() < 0.5),
        Para(recital_text(facts, rng, seller=vendor)),
        Para(_shares_clause(facts, rng, seller="Vendor")),
        Para(
            f"The {vendor} for the consideration of {money(m.consideration, style, words=True)} "
            f"{payment_text(facts, rng, style=style)}, hereby sell and convey the Schedule 'C' "
            f"Property to the {buyer} with all rights of easement appurtenant thereto."
        ),
        Heading("RECEIPT", 11),
        Para(
            f"Received from the {buyer} the sum of {money(m.consideration, style)} being the full "
            f"sale consideration mentioned above."
        ),
        Para(
            f"STAMP DUTY: {_valuation(facts, style).removeprefix('VALUATION: ')} The stamp duty is "
            f"paid by e-stamp certificate No. IN-KA{rng.randint(10**11, 10**12 - 1)}."
        ),
        Heading("IDENTIFICATION OF THE PARTIES (PHOTO / LEFT THUMB IMPRESSION)", 10.5),
    ]
    parties = [(f"Vendor No. {i}", p) for i, p in enumerate(facts.sellers, 1)]
    parties += [(f"Purchaser No. {i}", p) for i, p in enumerate(facts.buyers, 1)]
    for role, p in parties:
        ids = "\n".join(id_clauses(p, rng))
        blocks.append(Para(f"[PHOTO]   [L.T.I.]   {role}: {show_name(p, upper=True)}\n{ids}"))
    blocks += [
        *_witnesses(facts, rng),
        Para(f"Before me: {sro_text(facts.sro_place, rng)}."),
    ]
    return blocks


DISTRICT_TEMPLATES: dict[str, Template] = {
    "typed_prose": template_typed_prose,
    "section_32a": template_section_32a,
    "abstract_form": template_abstract_form,
    "thumb_block": template_thumb_block,
}
