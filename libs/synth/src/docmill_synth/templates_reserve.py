"""The `reserve` family: four deed layouts kept apart from rule tuning, for a final check."""

from __future__ import annotations

import datetime as dt
import random

from docmill_synth.render import Block, Heading, Para, Row
from docmill_synth.reserve_wording import (
    AMOUNT_STYLES,
    DATE_STYLES,
    acquisition_recital,
    area_b,
    area_sqft,
    boundaries,
    dimensions,
    identification_blocks,
    named_party,
    party_prose,
    party_rows,
    payment_text,
    share_text,
    short_party,
    signature_blocks,
    write_day,
    write_rupees,
)
from docmill_synth.templates_main import Template
from docmill_synth.values import DeedFacts

ROLES = [("VENDOR", "PURCHASER"), ("SELLER", "BUYER"), ("TRANSFEROR", "TRANSFEREE")]
_FLATS = ("Residential Flat", "Apartment")


def _shares_line(facts: DeedFacts, rng: random.Random) -> str:
    held = [f"{p.title} {p.name} - {share_text(p.share or 0, rng)}" for p in facts.sellers]
    return "; ".join(held)


def _instalments(facts: DeedFacts, rng: random.Random, *, amt: str, seller: str) -> list[Block]:
    m = facts.money
    if m.cash:
        return [
            Para(
                f"The entire sale consideration of {write_rupees(m.consideration, amt)} "
                f"has been paid in cash, the receipt of which the {seller}(S) acknowledge."
            )
        ]
    advance = round(m.consideration * rng.choice([0.05, 0.1, 0.2]) / 1000) * 1000
    earlier = facts.date - dt.timedelta(days=rng.randint(20, 120))
    return [
        Para("The said consideration has been paid as under:"),
        Row(
            f"Cheque No. {m.instrument_no}",
            f"dated {write_day(earlier, 'dot')}, {m.bank}: {write_rupees(advance, amt)}",
        ),
        Row(
            f"DD No. {rng.randint(100000, 999999)}",
            f"dated {write_day(facts.date, 'dot')}, housing loan from {m.bank}: "
            f"{write_rupees(m.consideration - advance, amt)}",
        ),
        Row("Total", write_rupees(m.consideration, amt)),
    ]


def template_apartment(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """A lawyer-drafted deed: ONE PART / OTHER PART, lettered recitals, Schedules A, B and C."""
    seller, buyer = rng.choice(ROLES)
    amt = rng.choice(AMOUNT_STYLES)
    pr, m = facts.prop, facts.money
    blocks: list[Block] = [
        Heading("SALE DEED"),
        Para(
            f"THIS DEED OF ABSOLUTE SALE is made and executed at {facts.execution_city} on this "
            f"the {write_day(facts.date, 'words')} ({write_day(facts.date, 'dot')})"
        ),
        Para("BETWEEN:"),
    ]
    for i, p in enumerate(facts.sellers, 1):
        blocks.append(Para(f"{i}. {party_prose(p, rng)};", indent=12))
    blocks += [
        Para(
            f"hereinafter referred to as the {seller}(S), which expression shall mean and "
            "include their heirs, executors, administrators and assigns, of the ONE PART;"
        ),
        Para("AND"),
    ]
    for i, p in enumerate(facts.buyers, 1):
        blocks.append(Para(f"{i}. {party_prose(p, rng)};", indent=12))
    flat = pr.kind in _FLATS
    blocks += [
        Para(f"hereinafter referred to as the {buyer}(S), of the OTHER PART."),
        Para(f"WHEREAS:\n(A) {acquisition_recital(facts, rng, vendor=f'{seller}(S)')}"),
        Para(
            f"(B) The {seller}(S) hold the Schedule Property in the following shares: "
            f"{_shares_line(facts, rng)}."
        ),
    ]
    if not m.cash:
        blocks.append(
            Para(
                f"(C) The {buyer}(S) have availed a housing loan from {m.bank} to "
                "part-finance this purchase."
            )
        )
    blocks += [
        Heading("NOW THIS DEED OF SALE WITNESSETH AS FOLLOWS", 11),
        Para(
            f"1. In consideration of the sum of {write_rupees(m.consideration, amt)} paid by "
            f"the {buyer}(S) to the {seller}(S), the {seller}(S) hereby sell, convey and "
            f"transfer the Schedule 'B' and 'C' Property to the {buyer}(S) absolutely."
        ),
        *_instalments(facts, rng, amt=amt, seller=seller),
        Para(
            f"2. The {seller}(S) assure that the Schedule Property is free from all "
            "encumbrances, charges, court attachments and claims of any nature."
        ),
        Para(
            f"3. Vacant possession is delivered to the {buyer}(S) this day, who may get the "
            "Khata transferred to their names."
        ),
        Para(
            f"4. The guidance value of the Schedule 'B' and 'C' Property is "
            f"{write_rupees(m.guidance, amt)}. Stamp duty of "
            f"{write_rupees(m.stamp_duty, amt)} has been paid on e-stamp paper and the "
            f"registration fee of {write_rupees(m.registration_fee, amt)} is paid before the "
            f"Sub-Registrar, {facts.sro_place}, where this deed is registered."
        ),
        Heading("SCHEDULE 'A' (ENTIRE LAND)", 11),
        Para(
            f"All that piece and parcel of converted land bearing Sy. No. {pr.survey_no}, "
            f"Khata No. {pr.khata_no}, measuring {rng.randint(1, 3)} Acres "
            f"{rng.randint(1, 39)} Guntas, bounded on the {boundaries(facts)}."
        ),
        Heading("SCHEDULE 'B'", 11),
        Para(
            (
                f"{area_b(pr, rng)} of undivided share, right, title and interest in the "
                "Schedule 'A' land."
            )
            if flat
            else f"That portion of the Schedule 'A' land measuring {area_b(pr, rng)}."
        ),
        Heading("SCHEDULE 'C'", 11),
        Para(
            f"{pr.kind} situated at {pr.address}, {pr.state} - {pr.pincode}, having a "
            f"{'super built-up' if flat else 'total'} area of {area_sqft(pr.c_area_sqft, rng)}"
            f"{', with one covered car parking' if flat else ''}."
        ),
        Para(
            f"IN WITNESS WHEREOF the parties have signed this deed on the day first above "
            f"written at {facts.execution_city}."
        ),
    ]
    return blocks + signature_blocks(facts, rng, seller=seller, buyer=buyer)


def _endorsement(facts: DeedFacts, rng: random.Random, amt: str) -> list[Block]:
    m, first = facts.money, facts.sellers[0]
    lines = [
        f"Presented in the office of the Sub-Registrar, {facts.sro_place} on "
        f"{write_day(facts.date, 'dash')} by {first.title} {first.name}.",
        f"Stamp duty of {write_rupees(m.stamp_duty, amt)} paid vide e-stamp certificate No. "
        f"IN-KA{rng.randint(10**11, 10**12 - 1)}.",
        f"Registration fee of {write_rupees(m.registration_fee, amt)} paid vide K2 Challan No. "
        f"CR{rng.randint(10**9, 10**10 - 1)}.",
    ]
    if rng.random() < 0.5:
        lines.append("Scanning fee of Rs. 250/- collected.")
    lines.append(f"Market value as per guidance: {write_rupees(m.guidance, amt)}.")
    lines.append(f"Registered as Document No. {rng.randint(1000, 9999)} of Book-I.")
    return [Heading("ENDORSEMENT", 11), Para("\n".join(lines))]


def template_short_form(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """A brief site-sale deed with measured boundaries and the Sub-Registrar's endorsement."""
    seller, buyer = rng.choice(ROLES[:2])
    amt = rng.choice(AMOUNT_STYLES)
    pr, m = facts.prop, facts.money
    blocks: list[Block] = [
        Heading("ABSOLUTE SALE DEED"),
        Para(
            f"This Deed of Sale is executed on {write_day(facts.date, rng.choice(DATE_STYLES))} "
            f"at {facts.execution_city} by:"
        ),
        *[Para(short_party(p, rng, i)) for i, p in enumerate(facts.sellers, 1)],
        Para(f"Hereinafter called the {seller}(S). In favour of:"),
        *[Para(short_party(p, rng, i)) for i, p in enumerate(facts.buyers, 1)],
        Para(f"Hereinafter called the {buyer}(S)."),
        Para(acquisition_recital(facts, rng, vendor=f"{seller}(S)")),
        Para(
            f"The {seller}(S) have agreed to sell the schedule property for "
            f"{write_rupees(m.consideration, amt)}, {payment_text(m, rng)}, and have this day "
            f"delivered possession of it to the {buyer}(S)."
        ),
        Heading("SCHEDULE 'B'", 11),
    ]
    dims = dimensions(pr.b_area_sqft) if pr.b_area_sqm is None else None
    measure = f"East-West {dims[0]} feet and North-South {dims[1]} feet, in all " if dims else ""
    blocks += [
        Para(
            f"All that land bearing Sy. No. {pr.survey_no}, Khata No. {pr.khata_no}, measuring "
            f"{measure}{area_b(pr, rng)}, bounded by:\n{boundaries(facts).replace('; ', chr(10))}"
        ),
        Heading("SCHEDULE 'C'", 11),
        Para(
            f"Description: {pr.kind}\nSituated at: {pr.address}, {pr.state} - {pr.pincode}\n"
            f"Extent: {area_sqft(pr.c_area_sqft, rng)}"
        ),
    ]
    blocks += signature_blocks(facts, rng, seller=seller, buyer=buyer)
    return blocks + _endorsement(facts, rng, amt)


def _mode_of_payment(facts: DeedFacts) -> str:
    m = facts.money
    return "Cash" if m.cash else f"Cheque / DD No. {m.instrument_no}, {m.bank}"


def template_particulars(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """Tabulated particulars of parties and property, terms, then a stamp-duty summary."""
    seller, buyer = rng.choice(ROLES)
    amt, date = rng.choice(AMOUNT_STYLES), rng.choice(DATE_STYLES)
    sellers, buyers = f"{seller.title()}(s)", f"{buyer.title()}(s)"
    pr, m = facts.prop, facts.money
    blocks: list[Block] = [
        Heading("SALE DEED"),
        Row("Date of execution", write_day(facts.date, date)),
        Row("Place of execution", facts.execution_city),
        Row("Registering office", f"Office of the Sub-Registrar, {facts.sro_place}"),
        Heading("PARTICULARS OF THE PARTIES"),
    ]
    for role, parties in ((seller, facts.sellers), (buyer, facts.buyers)):
        for i, p in enumerate(parties, 1):
            blocks += [Heading(f"{role} No. {i}", 10.5), *party_rows(p, rng)]
    blocks += [
        Heading("PARTICULARS OF THE PROPERTY"),
        Row("Schedule B - Sy. No.", pr.survey_no),
        Row("Khata No.", pr.khata_no),
        Row("Schedule B - Extent", area_b(pr, rng)),
        Row("Boundaries", boundaries(facts)),
        Row("Schedule C - Type", pr.kind),
        Row("Schedule C - Address", pr.address),
        Row("PIN Code", pr.pincode),
        Row("State", pr.state),
        Row("Schedule C - Area", area_sqft(pr.c_area_sqft, rng)),
        Heading("TERMS", 11),
        Para(f"1. {acquisition_recital(facts, rng, vendor=sellers)}"),
        Para(
            f"2. The {sellers} hereby sell the Schedule Property to the {buyers} "
            f"for {write_rupees(m.consideration, amt)}, {payment_text(m, rng)}."
        ),
        Para(
            f"3. The {sellers} have put the {buyers} in possession and shall "
            "execute any further papers needed to perfect the title."
        ),
        Heading("STAMP DUTY AND REGISTRATION", 11),
        Row("Sale consideration", write_rupees(m.consideration, amt)),
        Row("Guidance value", write_rupees(m.guidance, amt)),
        Row("Stamp duty paid", write_rupees(m.stamp_duty, amt)),
        Row("Registration fee", write_rupees(m.registration_fee, amt)),
        Row("Mode of payment", _mode_of_payment(facts)),
    ]
    return blocks + signature_blocks(facts, rng, seller=seller, buyer=buyer)


def template_clauses(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """Numbered parties and titled clauses; identity documents in a block at the end."""
    seller, buyer = rng.choice(ROLES)
    amt = rng.choice(AMOUNT_STYLES)
    date = rng.choice(["ordinal", "words", "short_month", "slash"])
    pr, m = facts.prop, facts.money
    shares = "; ".join(
        f"({chr(96 + i)}) {p.name}: {share_text(p.share or 0, rng)}"
        for i, p in enumerate(facts.sellers, 1)
    )
    blocks: list[Block] = [
        Heading("DEED OF SALE"),
        Para(
            f"This Deed of Sale is made on the {write_day(facts.date, date)} at "
            f"{facts.execution_city} BETWEEN"
        ),
        *[Para(named_party(p, rng, i), indent=12) for i, p in enumerate(facts.sellers, 1)],
        Para(f"(hereinafter called the {seller}(S)) AND"),
        *[Para(named_party(p, rng, i), indent=12) for i, p in enumerate(facts.buyers, 1)],
        Para(f"(hereinafter called the {buyer}(S))."),
        Para(f"1. TITLE: {acquisition_recital(facts, rng, vendor=f'{seller}(S)')}"),
        Para(f"2. SHARES: The {seller}(S) own the Schedule Property as follows: {shares}."),
        Para(
            f"3. CONSIDERATION: The total sale consideration agreed is "
            f"{write_rupees(m.consideration, amt)}, {payment_text(m, rng)}."
        ),
        Para(f"4. POSSESSION: The {buyer}(S) have been put in actual possession this day."),
        Para(
            f"5. VALUATION AND DUTY: The guidance value of the property is "
            f"{write_rupees(m.guidance, amt)}; stamp duty of {write_rupees(m.stamp_duty, amt)} "
            f"and registration fee of {write_rupees(m.registration_fee, amt)} are paid."
        ),
        Para(
            f"6. REGISTRATION: This deed is presented for registration at the Sub-Registrar "
            f"Office, {facts.sro_place}."
        ),
        Heading("SCHEDULE 'B' PROPERTY", 11),
        Para(
            f"Land in Sy. No. {pr.survey_no}, Khata No. {pr.khata_no}, measuring "
            f"{area_b(pr, rng)}; {boundaries(facts)}."
        ),
        Heading("SCHEDULE 'C' PROPERTY", 11),
        Para(
            f"{pr.kind} at {pr.address}, {pr.state} - {pr.pincode}, measuring "
            f"{area_sqft(pr.c_area_sqft, rng)}."
        ),
    ]
    blocks += identification_blocks(facts, rng)
    return blocks + signature_blocks(facts, rng, seller=seller, buyer=buyer)


RESERVE_TEMPLATES: dict[str, Template] = {
    "apartment": template_apartment,
    "short_form": template_short_form,
    "particulars": template_particulars,
    "clauses": template_clauses,
}
