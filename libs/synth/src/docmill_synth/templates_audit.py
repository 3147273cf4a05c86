"""The `audit` family: sale deeds drafted afresh, kept apart from rule tuning.

Nothing here was written with the extraction rules in view; the family exists so
the final accuracy number is measured on wording the rules have never met.
"""

from __future__ import annotations

import datetime as dt
import random
import string

from docmill_normalize import format_indian, spell_amount
from docmill_synth.render import Block, Heading, Para, Row
from docmill_synth.templates_main import Template
from docmill_synth.values import MALE_NAMES, SRO_PLACES, STREETS, SURNAMES, DeedFacts, PartyFacts

FRACTIONS = {50: "1/2", 25: "1/4", 75: "3/4"}


def _ordinal(n: int) -> str:
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _rupees(value: int, rng: random.Random) -> str:
    grouped = format_indian(value)
    return rng.choice(
        [
            f"Rs.{grouped}/- (Rupees {spell_amount(value, lakh_word='Lakhs')} only)",
            f"Rs. {grouped}/-",
            f"Rs {grouped}/-",
            f"Rs.{grouped}.00",
        ]
    )


def _when(value: dt.date, rng: random.Random) -> str:
    words = f"{value.strftime('%B')}, {spell_amount(value.year)}"
    return rng.choice(
        [
            f"{_ordinal(value.day)} day of {words} ({value:%d.%m.%Y})",
            f"{_ordinal(value.day)} day of {value:%B %Y}",
            f"{value:%d-%m-%Y}",
            f"{value:%d/%m/%Y}",
        ]
    )


def _pin(pincode: str, rng: random.Random) -> str:
    return rng.choice([pincode, f"{pincode[:3]} {pincode[3:]}"])


def _postal(address: str, pincode: str, state: str, rng: random.Random, *, split: bool) -> str:
    """Address with its pincode and state; `split` breaks it over lines as typed deeds do."""
    pin = _pin(pincode, rng)
    *parts, city = address.split(", ")
    if rng.random() < 0.5:
        tail = [f"{city} - {pin}", state]
    else:
        tail = [city, f"{state}, PIN: {pin}"]
    if not split:
        return ", ".join([*parts, *tail])
    return ",\n".join([", ".join(parts[:2]), *parts[2:], *tail])


def _aadhaar(value: str) -> str:
    return value.replace("-", " ")


def _pan(value: str | None, rng: random.Random) -> str:
    if value is None:
        return "Not available (Form 60 furnished)"
    return value.lower() if rng.random() < 0.3 else value


def _mobile(value: str, rng: random.Random) -> str:
    return rng.choice([value, f"+91 {value[:5]} {value[5:]}", f"{value[:5]}-{value[5:]}"])


def _share(percent: int, rng: random.Random) -> str:
    if percent in FRACTIONS and rng.random() < 0.6:
        return f"{FRACTIONS[percent]} undivided share"
    return f"{percent}% undivided share"


def _payment(facts: DeedFacts, rng: random.Random) -> str:
    m = facts.money
    if m.cash:
        return rng.choice(["received in cash", "paid in cash in the presence of the witnesses"])
    return rng.choice(
        [
            f"received by way of Cheque bearing No. {m.instrument_no} drawn on {m.bank}",
            f"received through RTGS from the account of the Purchaser(s) with {m.bank}, "
            f"UTR No. {m.instrument_no}",
            f"received by Demand Draft No. {m.instrument_no} of {m.bank}",
        ]
    )


def _sro(place: str, rng: random.Random) -> str:
    return rng.choice(
        [f"Sub-Registrar Office, {place}", f"Sub-Registrar, {place}", f"Sub Registrar, {place}"]
    )


def _other_sro(facts: DeedFacts, rng: random.Random) -> str:
    return rng.choice([p for p in SRO_PLACES if p != facts.sro_place])


def _prior_title(facts: DeedFacts, rng: random.Random, *, who: str) -> str:
    return (
        f"The {who} acquired the Schedule Property under a registered Sale Deed dated "
        f"{facts.prior_date:%d.%m.%Y}, registered as Document No. {facts.prior_doc_no} in Book-I "
        f"and stored in C.D. No. {rng.randint(100, 999)} in the office of the Sub-Registrar, "
        f"{_other_sro(facts, rng)}, and since then the Khata stands in the name of the {who} "
        f"bearing Khata No. {facts.prop.khata_no}."
    )


def _stranger_phone(rng: random.Random) -> str:
    return rng.choice("6789") + "".join(rng.choices(string.digits, k=9))


def _witnesses(facts: DeedFacts, rng: random.Random) -> list[Block]:
    blocks: list[Block] = [Heading("WITNESSES:", 11)]
    for i in (1, 2):
        name = f"{rng.choice(MALE_NAMES)} {rng.choice(SURNAMES)}"
        blocks.append(
            Para(
                f"{i}. Sri {name}, S/o {rng.choice(MALE_NAMES)}, No. {rng.randint(1, 400)}, "
                f"{rng.choice(STREETS)}, {facts.execution_city}. Ph: {_stranger_phone(rng)}"
            )
        )
    blocks.append(
        Para(
            f"Drafted by: {rng.choice(MALE_NAMES)} {rng.choice(SURNAMES)}, Licensed Document "
            f"Writer, Licence No. DW/{rng.randint(10, 99)}/{rng.randint(1995, 2012)}, "
            f"{facts.execution_city}."
        )
    )
    return blocks


def _estamp(facts: DeedFacts, rng: random.Random) -> str:
    issued = facts.date - dt.timedelta(days=rng.randint(0, 6))
    number = f"IN-KA{rng.randint(10**13, 10**14 - 1)}{rng.choice(string.ascii_uppercase)}"
    return (
        f"e-Stamp Certificate No. {number} issued on {issued:%d-%m-%Y} by Stock Holding "
        f"Corporation of India Ltd."
    )


def _area(sqft: float, sqm: float | None, rng: random.Random) -> str:
    if sqm is not None:
        return f"{sqm:.2f} Sq. Mtrs"
    return f"{format_indian(sqft) if sqft >= 1000 else f'{sqft:g}'} Sq. Ft."


def _schedule(facts: DeedFacts, rng: random.Random) -> list[Block]:
    pr = facts.prop
    n, s, e, w = pr.boundaries
    return [
        Heading("SCHEDULE 'B' PROPERTY", 11),
        Para(
            f"All that piece and parcel of the land comprised in Survey No. {pr.survey_no}, "
            f"Khata No. {pr.khata_no}, totally measuring "
            f"{_area(pr.b_area_sqft, pr.b_area_sqm, rng)}, and bounded by:\n"
            f"East by : {e}\nWest by : {w}\nNorth by : {n}\nSouth by : {s}"
        ),
        Heading("SCHEDULE 'C' PROPERTY", 11),
        Para(
            f"Nature of Property : {pr.kind}\n"
            f"Situated at : {_postal(pr.address, pr.pincode, pr.state, rng, split=False)}\n"
            f"Extent : {_area(pr.c_area_sqft, None, rng)}"
        ),
    ]


def _person(p: PartyFacts, rng: random.Random, *, number: int, split: bool) -> str:
    lines = [
        f"{number}. {p.title} {p.name},",
        f"{p.relation} {p.relative},",
        f"Aged about {p.age} years,",
        f"R/at {_postal(p.address, p.pincode, p.state, rng, split=split)}",
    ]
    return "\n".join(lines)


def _ids(p: PartyFacts, rng: random.Random) -> str:
    text = (
        f"Aadhaar No. {_aadhaar(p.aadhaar)}, PAN: {_pan(p.pan, rng)}, Mob: {_mobile(p.phone, rng)}"
    )
    if p.phone2:
        text += f" / {_mobile(p.phone2, rng)}"
    if p.email:
        text += f", e-mail: {p.email}"
    return text


def template_by_favour(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """BY: / IN FAVOUR OF: numbered lists, each person's address broken over lines."""
    m = facts.money
    blocks: list[Block] = [
        Heading("SALE DEED"),
        Para(
            f"THIS DEED OF SALE is made and executed at {facts.execution_city} on this "
            f"{_when(facts.date, rng)}."
        ),
        Heading("BY:", 11),
    ]
    for i, p in enumerate(facts.sellers, 1):
        text = _person(p, rng, number=i, split=True) + "\n" + _ids(p, rng)
        blocks.append(Para(f"{text}\n(Owner of {_share(p.share or 100, rng)})"))
    blocks += [
        Para("Hereinafter called the VENDOR(S), which term shall include their heirs and assigns."),
        Heading("IN FAVOUR OF:", 11),
    ]
    for i, p in enumerate(facts.buyers, 1):
        blocks.append(Para(_person(p, rng, number=i, split=True) + "\n" + _ids(p, rng)))
    blocks += [
        Para("Hereinafter called the PURCHASER(S)."),
        Para(_prior_title(facts, rng, who="VENDOR(S)")),
        Para(
            f"The VENDOR(S) have agreed to sell the Schedule Property for a total sale "
            f"consideration of {_rupees(m.consideration, rng)}, {_payment(facts, rng)}, the "
            f"receipt of which the VENDOR(S) hereby admit and acknowledge."
        ),
        Para(
            f"The market value of the Schedule Property as per the guidance value is "
            f"{_rupees(m.guidance, rng)}. Stamp duty of {_rupees(m.stamp_duty, rng)} is paid "
            f"vide {_estamp(facts, rng)} Registration fee of {_rupees(m.registration_fee, rng)} "
            f"and scanning fee of Rs. {rng.choice([100, 200, 300])}/- are paid separately."
        ),
        *_schedule(facts, rng),
        Para(
            f"IN WITNESS WHEREOF the parties have signed this deed before the "
            f"{_sro(facts.sro_place, rng)}, on the day, month and year first above written."
        ),
        *_witnesses(facts, rng),
    ]
    return blocks


def _transfer_rows(p: PartyFacts, rng: random.Random, *, role: str, number: int) -> list[Block]:
    rows: list[Block] = [
        Heading(f"{role} No. {number}", 10.5),
        Row("Name", f"{p.title} {p.name}"),
        Row("Gender", p.gender),
        Row("Father / Husband", f"{p.relation} {p.relative}"),
        Row("Age", f"{p.age} years"),
        Row("Address", _postal(p.address, p.pincode, p.state, rng, split=True)),
        Row("Aadhaar", _aadhaar(p.aadhaar)),
        Row("PAN", _pan(p.pan, rng)),
        Row("Mobile", _mobile(p.phone, rng)),
    ]
    if p.phone2:
        rows.append(Row("Alternate Mobile", _mobile(p.phone2, rng)))
    if p.email:
        rows.append(Row("E-mail", p.email))
    if p.share is not None:
        rows.append(Row("Share transferred", f"{p.share}%"))
    return rows


def template_transferor(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """A conveyance with tabulated Transferor / Transferee particulars and a fee table."""
    m = facts.money
    blocks: list[Block] = [
        Heading("DEED OF CONVEYANCE (SALE)"),
        Row("Date of execution", _when(facts.date, rng)),
        Row("Place of execution", facts.execution_city),
        Row("Registering office", _sro(facts.sro_place, rng)),
        Heading("PARTICULARS OF THE TRANSFEROR(S)", 11),
    ]
    for i, p in enumerate(facts.sellers, 1):
        blocks += _transfer_rows(p, rng, role="Transferor", number=i)
    blocks.append(Heading("PARTICULARS OF THE TRANSFEREE(S)", 11))
    for i, p in enumerate(facts.buyers, 1):
        blocks += _transfer_rows(p, rng, role="Transferee", number=i)
    blocks += [
        Heading("RECITALS", 11),
        Para(_prior_title(facts, rng, who="Transferor(s)")),
        Para(
            f"For the consideration stated below, {_payment(facts, rng)}, the Transferor(s) "
            f"convey the Schedule Property to the Transferee(s) absolutely."
        ),
        Heading("VALUATION AND FEES", 11),
        Row("Sale consideration", _rupees(m.consideration, rng)),
        Row("Guidance value", _rupees(m.guidance, rng)),
        Row("Stamp duty paid", _rupees(m.stamp_duty, rng)),
        Row("e-Stamp", _estamp(facts, rng)),
        Row("Registration fee", _rupees(m.registration_fee, rng)),
        Row("Scanning fee", f"Rs. {rng.choice([100, 200, 300])}/-"),
        Row("Mode of payment", "Cash" if m.cash else "Bank instrument"),
        *_schedule(facts, rng),
        *_witnesses(facts, rng),
    ]
    return blocks


def _prose_party(p: PartyFacts, rng: random.Random) -> str:
    address = _postal(p.address, p.pincode, p.state, rng, split=False)
    text = (
        f"{p.title} {p.name}, {p.relation} {p.relative}, aged {p.age} years, residing at {address}"
    )
    if p.share is not None:
        text += f", holding {_share(p.share, rng)} in the Schedule Property"
    return text


def template_identity_table(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """First Party / Second Party prose; the identity numbers only in a closing table."""
    m = facts.money
    sellers = "; ".join(f"({i}) {_prose_party(p, rng)}" for i, p in enumerate(facts.sellers, 1))
    buyers = "; ".join(f"({i}) {_prose_party(p, rng)}" for i, p in enumerate(facts.buyers, 1))
    blocks: list[Block] = [
        Heading("ABSOLUTE SALE DEED"),
        Para(
            f"This Absolute Sale Deed is executed on {_when(facts.date, rng)} by {sellers}, "
            f"hereinafter referred to as the FIRST PARTY; in favour of {buyers}, hereinafter "
            f"referred to as the SECOND PARTY."
        ),
        Para(_prior_title(facts, rng, who="FIRST PARTY")),
        Para(
            f"The FIRST PARTY has sold and the SECOND PARTY has purchased the Schedule Property "
            f"for {_rupees(m.consideration, rng)}, {_payment(facts, rng)}. Though the guidance "
            f"value fixed by the Government is {_rupees(m.guidance, rng)}, stamp duty of "
            f"{_rupees(m.stamp_duty, rng)} has been paid on this instrument and registration fee "
            f"of {_rupees(m.registration_fee, rng)} is paid before the "
            f"{_sro(facts.sro_place, rng)}."
        ),
        *_schedule(facts, rng),
        Heading("IDENTITY OF THE PARTIES", 11),
        Para("Sl. | Party | Name | Aadhaar | PAN | Mobile | e-mail"),
    ]
    rows = [("First Party", p) for p in facts.sellers] + [("Second Party", p) for p in facts.buyers]
    for i, (role, p) in enumerate(rows, 1):
        phones = _mobile(p.phone, rng) + (f" / {_mobile(p.phone2, rng)}" if p.phone2 else "")
        pan = _pan(p.pan, rng) if p.pan else "Form 60"
        blocks.append(
            Para(
                f"{i}. | {role} | {p.name} | {_aadhaar(p.aadhaar)} | {pan} | {phones} | "
                f"{p.email or '--'}"
            )
        )
    blocks.append(Para(_estamp(facts, rng)))
    return blocks + _witnesses(facts, rng)


def template_cover_sheet(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """A registration cover sheet of values first, then a vendor / vendee narrative."""
    m = facts.money
    blocks: list[Block] = [
        Heading("SALE DEED"),
        Row("Nature of document", "Sale Deed - Article 20(1) of the Karnataka Stamp Act, 1957"),
        Row("Market value (guidance)", _rupees(m.guidance, rng)),
        Row("Consideration", _rupees(m.consideration, rng)),
        Row("Stamp duty", _rupees(m.stamp_duty, rng)),
        Row("Registration fee", _rupees(m.registration_fee, rng)),
        Row("Office", _sro(facts.sro_place, rng)),
        Para(
            f"THIS SALE DEED is made on this {_when(facts.date, rng)}, between the following "
            f"Vendors and Vendees."
        ),
    ]
    for i, p in enumerate(facts.sellers, 1):
        blocks += [
            Heading(f"VENDOR - {i}", 10.5),
            Para(f"{_prose_party(p, rng)}.\nIdentity: {_ids(p, rng)}"),
        ]
    for i, p in enumerate(facts.buyers, 1):
        blocks += [
            Heading(f"VENDEE - {i}", 10.5),
            Para(f"{_prose_party(p, rng)}.\nIdentity: {_ids(p, rng)}"),
        ]
    blocks += [
        Para(_prior_title(facts, rng, who="Vendors")),
        Para(
            f"The Vendees have paid the entire consideration, {_payment(facts, rng)}, and the "
            f"Vendors have delivered vacant possession. {_estamp(facts, rng)}"
        ),
        *_schedule(facts, rng),
        *_witnesses(facts, rng),
    ]
    return blocks


def _part(p: PartyFacts, rng: random.Random) -> str:
    lines = [
        f"{p.title} {p.name}, {p.relation} {p.relative}, Age: {p.age} years,",
        "Address: " + _postal(p.address, p.pincode, p.state, rng, split=False),
        f"Aadhaar: {_aadhaar(p.aadhaar)}" + (f"   PAN: {_pan(p.pan, rng)}" if p.pan else ""),
        f"Cell: {_mobile(p.phone, rng)}" + (f", {_mobile(p.phone2, rng)}" if p.phone2 else ""),
    ]
    if p.email:
        lines.append(f"Email ID: {p.email}")
    if p.share is not None:
        lines.append(f"Extent of right: {p.share}% of the Schedule Property")
    return "\n".join(lines)


def template_clauses(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """BETWEEN / AND parts of the deed, then numbered covenants carrying the money."""
    m = facts.money
    # The encumbrance search runs from the seller's purchase to just before this sale.
    ec_from, ec_to = dt.date(facts.prior_date.year, 4, 1), facts.date - dt.timedelta(days=3)
    blocks: list[Block] = [
        Heading("SALE DEED"),
        Para(
            f"This Sale Deed is executed at {facts.execution_city} on the "
            f"{_when(facts.date, rng)}, BETWEEN:"
        ),
    ]
    for i, p in enumerate(facts.sellers, 1):
        blocks.append(Para(f"({chr(96 + i)}) {_part(p, rng)}", indent=14))
    blocks += [
        Para("hereinafter called the PARTY OF THE FIRST PART (SELLER), of the one part; AND")
    ]
    for i, p in enumerate(facts.buyers, 1):
        blocks.append(Para(f"({chr(96 + i)}) {_part(p, rng)}", indent=14))
    blocks += [
        Para("hereinafter called the PARTY OF THE SECOND PART (PURCHASER), of the other part."),
        Para(f"1. TITLE: {_prior_title(facts, rng, who='Seller')}"),
        Para(
            f"2. CONSIDERATION: The Purchaser has paid the Seller the full and final sale "
            f"consideration of {_rupees(m.consideration, rng)}, {_payment(facts, rng)}."
        ),
        Para(
            f"3. ENCUMBRANCE: The Seller has produced the Encumbrance Certificate in Form No. 15 "
            f"for the period from {ec_from:%d.%m.%Y} to {ec_to:%d.%m.%Y} "
            f"and property tax paid up to {facts.date.year - 1}-{facts.date.year % 100:02d}."
        ),
        Para(
            f"4. STAMP DUTY AND FEES: The guidance value of the Schedule Property is "
            f"{_rupees(m.guidance, rng)}. The Purchaser has borne the stamp duty of "
            f"{_rupees(m.stamp_duty, rng)} and the registration fee of "
            f"{_rupees(m.registration_fee, rng)}, and this deed is presented for registration "
            f"in the {_sro(facts.sro_place, rng)}. {_estamp(facts, rng)}"
        ),
        Para("5. POSSESSION: Vacant possession is delivered to the Purchaser this day."),
        *_schedule(facts, rng),
    ]
    return blocks + _witnesses(facts, rng)


AUDIT_TEMPLATES: dict[str, Template] = {
    "by_favour": template_by_favour,
    "transferor": template_transferor,
    "identity_table": template_identity_table,
    "cover_sheet": template_cover_sheet,
    "clauses": template_clauses,
}
