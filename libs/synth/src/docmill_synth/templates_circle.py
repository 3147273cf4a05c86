"""The `circle` family: four Karnataka sale deeds typed by different drafters."""

from __future__ import annotations

import random

from docmill_synth import circle_wording as w
from docmill_synth.render import Block, Heading, Para, Row
from docmill_synth.templates_main import Template
from docmill_synth.values import DeedFacts, PartyFacts

_RULE = "+" + "-" * 86 + "+"


def _intro(p: PartyFacts, rng: random.Random, *, relation: str | None = None) -> str:
    return (
        f"{p.title} {p.name}, {relation or w.write_relation(p, rng)}, aged about {p.age} years, "
        f"Occupation: {rng.choice(w.OCCUPATIONS)}, residing at {w.write_residence(p, rng)}"
    )


def _payment(facts: DeedFacts, rng: random.Random, *, boxed: bool) -> list[Block]:
    if facts.money.cash:
        return [
            Para(
                "The entire sale consideration has been paid by the Purchaser(s) to the "
                "Seller(s) in cash on the date of execution of this deed, the receipt of which "
                "the Seller(s) hereby acknowledge."
            )
        ]
    rows = w.split_payment(facts, rng)
    total = w.write_rupees(facts.money.consideration, rng, words=False)
    if not boxed:
        blocks: list[Block] = [
            Row(mode, w.write_rupees(amt, rng, words=False)) for mode, amt in rows
        ]
        return [
            Para("The sale consideration has been paid as under:"),
            *blocks,
            Row("TOTAL", total),
        ]
    lines = [_RULE, "| Sl. | Particulars of payment | Amount |", _RULE]
    lines += [
        f"| {i} | {mode} | {w.write_rupees(a, rng, words=False)} |"
        for i, (mode, a) in enumerate(rows, 1)
    ]
    lines += [_RULE, f"| | Total | {total} |", _RULE]
    return [Para("Details of payment of the sale consideration:"), Para("\n".join(lines))]


def template_resale_prose(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """One-party-a-paragraph deed between the parts; fees written in the closing clause."""
    m, pr = facts.money, facts.prop
    blocks: list[Block] = [
        Heading("SALE DEED"),
        Para(
            f"THIS DEED OF SALE is made on this {w.write_day(facts.date, rng)} at "
            f"{facts.execution_city}, BETWEEN:"
        ),
    ]
    for i, p in enumerate(facts.sellers, 1):
        share = f", entitled to {w.write_share(p.share, rng)} in the Schedule Property"
        blocks.append(Para(f"{i}. {_intro(p, rng)}, {', '.join(w.contact_bits(p, rng))}{share}."))
    blocks += [
        Para(
            "hereinafter referred to as the 'SELLER(S)' (which expression shall mean and include "
            "their heirs, executors and assigns) of the ONE PART;"
        ),
        Heading("AND", 11),
    ]
    spouses = (
        len(facts.buyers) == 2
        and facts.buyers[0].gender == "Male"
        and (facts.buyers[1].title in ("Smt.", "Mrs."))
    )
    for i, p in enumerate(facts.buyers, 1):
        wife = spouses and i == 2
        intro = _intro(p, rng, relation=f"wife of {facts.buyers[0].name}" if wife else None)
        blocks.append(Para(f"{i}. {intro}, {', '.join(w.contact_bits(p, rng))}."))
    joint = " (purchasing jointly as husband and wife)" if spouses else ""
    blocks.append(Para(f"hereinafter referred to as the 'PURCHASER(S)'{joint} of the OTHER PART."))
    prior = w.write_rupees(m.consideration * rng.randint(35, 70) // 100 // 1000 * 1000, rng)
    blocks += [
        Para(
            f"WHEREAS the Seller(s) purchased the Schedule Property from {w.earlier_owner(rng)} "
            f"under a registered Sale Deed dated {w.write_day(facts.prior_date, rng)} for a "
            f"consideration of {prior}, registered as Document No. {facts.prior_doc_no} in the "
            f"office of the Sub-Registrar, {w.other_office(facts, rng)}, and have since been in "
            "peaceful possession and enjoyment of the same."
        ),
        Para(
            "WHEREAS the Seller(s) offered to sell the Schedule Property and the Purchaser(s) "
            f"agreed to purchase the same for a total sale consideration of "
            f"{w.write_rupees(m.consideration, rng, words=True)}."
        ),
        *_payment(facts, rng, boxed=False),
        Para(
            "NOW THIS DEED WITNESSETH that the Seller(s) hereby convey the Schedule Property to "
            "the Purchaser(s) free from all encumbrances, and the Purchaser(s) may get the khata "
            "transferred to their names in the records of the local authority."
        ),
        *w.schedule_blocks(facts, rng, labels=("SCHEDULE 'B' PROPERTY", "SCHEDULE 'C' PROPERTY")),
        Para(
            f"The market value of the Schedule Property as per the guidance value notified by "
            f"the Government is {w.write_rupees(m.guidance, rng)}. Stamp duty of "
            f"{w.write_rupees(m.stamp_duty, rng)} is paid on this instrument and the "
            f"registration fee of {w.write_rupees(m.registration_fee, rng)} is paid before the "
            f"{w.write_office(facts.sro_place, rng)}."
        ),
        Para(
            f"IN WITNESS WHEREOF the parties have signed this deed at {pr.city} on the day, "
            "month and year first above written."
        ),
        *w.witness_blocks(rng),
    ]
    return blocks


def template_vendor_blocks(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """VENDOR:/PURCHASER: blocks, a DC-conversion recital, identity and fees tables last."""
    m = facts.money
    role_s, role_b = rng.choice([("VENDOR", "PURCHASER"), ("VENDOR", "VENDEE")])
    blocks: list[Block] = [
        Heading("DEED OF ABSOLUTE SALE"),
        Para(
            f"This Deed of Absolute Sale is executed on {w.write_day(facts.date, rng)} at "
            f"{facts.execution_city} by and between:"
        ),
    ]
    for role, people in ((role_s, facts.sellers), (role_b, facts.buyers)):
        blocks.append(Heading(f"{role}{'S' if len(people) > 1 else ''}:", 11))
        for i, p in enumerate(people, 1):
            blocks.append(
                Para(
                    f"({i}) {p.title} {p.name}\n{w.write_relation(p, rng)}\n"
                    f"Aged about {p.age} years\nR/at: {w.write_residence(p, rng)}"
                )
            )
    shares = "; ".join(
        f"{role_s} No. {i} ({p.name}) holding {w.write_share(p.share, rng)}"
        for i, p in enumerate(facts.sellers, 1)
    )
    year = facts.prior_date.year - rng.randint(1, 6)
    order = f"ALN(DC)SR/{rng.randint(10, 400)}/{year}-{(year + 1) % 100:02d}"
    how = rng.choice(["a registered Gift Deed", "a registered Partition Deed", "a Sale Deed"])
    blocks += [
        Para(
            f"WHEREAS the land bearing Sy. No. {facts.prop.survey_no} was converted from "
            f"agricultural to non-agricultural residential use by the Deputy Commissioner in "
            f"Official Memorandum No. {order}"
            f" and a layout was formed thereon; the Schedule Property was acquired by the "
            f"{role_s}(S) under {how} dated {w.write_day(facts.prior_date, rng)}, registered as "
            f"No. {facts.prior_doc_no} in the Office of the Sub-Registrar, "
            f"{w.other_office(facts, rng)}."
        ),
        Para(f"The {role_s}(S) are the owners of the Schedule Property as follows: {shares}."),
        Para(
            f"In consideration of the sum of {w.write_rupees(m.consideration, rng, words=True)} "
            f"the {role_s}(S) have sold the Schedule Property to the {role_b}(S) absolutely."
        ),
        *_payment(facts, rng, boxed=False),
        *w.schedule_blocks(facts, rng, labels=("SCHEDULE 'B'", "SCHEDULE 'C'")),
        Heading("IDENTIFICATION OF THE PARTIES", 11),
    ]
    for p in [*facts.sellers, *facts.buyers]:
        blocks.append(Row(p.name, "\n".join(w.contact_bits(p, rng))))
    blocks += [
        Heading("VALUATION AND FEES", 11),
        Row("Guidance (market) value", w.write_rupees(m.guidance, rng, words=False)),
        Row("Stamp duty paid", w.write_rupees(m.stamp_duty, rng, words=False)),
        Row("Registration fee", w.write_rupees(m.registration_fee, rng, words=False)),
        Row("Scanning fee", "Rs. 500/-"),
        Para(f"Presented for registration in the {w.write_office(facts.sro_place, rng)}."),
        *w.witness_blocks(rng),
    ]
    return blocks


def _party_box(p: PartyFacts, rng: random.Random, *, head: str) -> str:
    lines = [
        _RULE,
        f"| {head}" + (f" | Share: {w.write_share(p.share, rng)}" if p.share is not None else ""),
        f"| Name: {p.title} {p.name} | Gender: {p.gender} | Age: {p.age} years",
        f"| Relation: {w.write_relation(p, rng)}",
        f"| Address: {w.write_residence(p, rng)}",
        "| " + " | ".join(w.contact_bits(p, rng)),
        _RULE,
    ]
    return "\n".join(lines)


def template_particulars_table(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """Abstract of particulars first, parties in bordered boxes, a partition recital."""
    m = facts.money
    mode = "Cash" if m.cash else "Cheque / DD / RTGS (details below)"
    blocks: list[Block] = [
        Heading("SALE DEED"),
        Heading("ABSTRACT OF THE DOCUMENT", 11),
        Row("Nature of document", "Sale Deed - Article 20(1), Karnataka Stamp Act"),
        Row("Date of execution", w.write_day(facts.date, rng)),
        Row("Registering office", w.write_office(facts.sro_place, rng)),
        Row("Sale consideration", w.write_rupees(m.consideration, rng)),
        Row("Market value", w.write_rupees(m.guidance, rng)),
        Row("Stamp duty", w.write_rupees(m.stamp_duty, rng)),
        Row("Registration fee", w.write_rupees(m.registration_fee, rng)),
        Row("Mode of payment", mode),
        Heading("PARTICULARS OF THE SELLERS AND PURCHASERS", 11),
    ]
    blocks += [
        Para(_party_box(p, rng, head=f"SELLER No. {i}")) for i, p in enumerate(facts.sellers, 1)
    ]
    blocks += [
        Para(_party_box(p, rng, head=f"PURCHASER No. {i}")) for i, p in enumerate(facts.buyers, 1)
    ]
    blocks += [
        Para(
            f"The Schedule Property fell to the share of the Seller(s) under a registered "
            f"Partition Deed dated {w.write_day(facts.prior_date, rng)} entered into among "
            f"the members of the family of {w.earlier_owner(rng)}, registered as Document No. "
            f"{facts.prior_doc_no} in the office of the Sub-Registrar, "
            f"{w.other_office(facts, rng)}."
        ),
        Para(
            "The Seller(s) have agreed to sell and the Purchaser(s) have agreed to buy the "
            "Schedule Property for the consideration stated in the abstract above."
        ),
        *_payment(facts, rng, boxed=True),
        *w.schedule_blocks(facts, rng, labels=("SCHEDULE - B", "SCHEDULE - C")),
        *w.witness_blocks(rng),
    ]
    return blocks


def template_identity_annex(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """Seller/Buyer prose with ids in an annexure; gift or allotment recital; e-stamp note."""
    m = facts.money
    many_s, many_b = len(facts.sellers) > 1, len(facts.buyers) > 1
    seller = "Sellers" if many_s else "Seller"
    buyer = "Buyers" if many_b else "Buyer"
    sellers = "; ".join(
        f"{_intro(p, rng)} (holding {w.write_share(p.share, rng)})" for p in facts.sellers
    )
    buyers = "; ".join(_intro(p, rng) for p in facts.buyers)
    gift = rng.random() < 0.5
    title = (
        f"a Gift Deed dated {w.write_day(facts.prior_date, rng)} executed by {w.earlier_owner(rng)}"
        if gift
        else f"an allotment and Sale Deed dated {w.write_day(facts.prior_date, rng)} from the "
        f"developer of {w.project_name(facts, rng)}"
    )
    paid = (
        "in cash"
        if m.cash
        else f"through banking channels from {m.bank}, as detailed in the table below"
    )
    blocks: list[Block] = [
        Heading("ABSOLUTE SALE DEED"),
        Para(
            f"This Absolute Sale Deed is made and entered into at {facts.execution_city} on "
            f"this {w.write_day(facts.date, rng)} by {sellers}, hereinafter referred to as the "
            f"'{seller}', in favour of {buyers}, hereinafter referred to as the '{buyer}'."
        ),
        Para(
            f"The {seller} became the owner(s) of the Schedule Property under {title}, "
            f"registered as No. {facts.prior_doc_no} before the Sub-Registrar, "
            f"{w.other_office(facts, rng)}."
        ),
        Para(
            f"The {buyer} {'have' if many_b else 'has'} paid the full sale consideration of "
            f"{w.write_rupees(m.consideration, rng, words=True)} to the {seller} {paid}."
        ),
    ]
    if not m.cash:
        blocks += _payment(facts, rng, boxed=rng.random() < 0.5)
    blocks += [
        Para(
            f"The {seller} covenant that the Schedule Property is free from encumbrances, "
            "court attachments and acquisition proceedings, and deliver vacant possession."
        ),
        *w.schedule_blocks(
            facts, rng, labels=("SCHEDULE 'B' (Land)", "SCHEDULE 'C' (Property sold)")
        ),
        Para(
            f"Note: Stamp duty of {w.write_rupees(m.stamp_duty, rng)} is paid through e-stamp "
            f"certificate No. IN-KA{rng.randint(10**10, 10**11 - 1)} on the guidance value of "
            f"{w.write_rupees(m.guidance, rng)}; registration fee of "
            f"{w.write_rupees(m.registration_fee, rng)} is paid by challan before the "
            f"{w.write_office(facts.sro_place, rng)}."
        ),
        *w.witness_blocks(rng),
        Heading("ANNEXURE - PARTICULARS OF IDENTITY", 11),
    ]
    for p in [*facts.sellers, *facts.buyers]:
        blocks.append(Para(f"{p.title} {p.name}: " + "; ".join(w.contact_bits(p, rng))))
    return blocks


CIRCLE_TEMPLATES: dict[str, Template] = {
    "resale_prose": template_resale_prose,
    "vendor_blocks": template_vendor_blocks,
    "particulars_table": template_particulars_table,
    "identity_annex": template_identity_annex,
}
