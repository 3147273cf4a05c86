"""The `sealed` family: four Karnataka sale-deed drafts kept out of all rule tuning."""

from __future__ import annotations

import datetime as dt
import random

from docmill_normalize import format_indian, spell_amount
from docmill_synth.render import Block, Heading, Para, Row
from docmill_synth.templates_main import Template
from docmill_synth.values import (
    FEMALE_NAMES,
    MALE_NAMES,
    SRO_PLACES,
    SURNAMES,
    DeedFacts,
    PartyFacts,
    PropertyFacts,
    sample_aadhaar,
)

_UNITS = (
    "Zero One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen "
    "Fifteen Sixteen Seventeen Eighteen Nineteen"
).split()
_TENS = "_ _ Twenty Thirty Forty Fifty Sixty Seventy Eighty Ninety".split()
_ORDINALS = (
    "First Second Third Fourth Fifth Sixth Seventh Eighth Ninth Tenth Eleventh Twelfth "
    "Thirteenth Fourteenth Fifteenth Sixteenth Seventeenth Eighteenth Nineteenth Twentieth"
).split()
_RELATION_WORDS = {"S/o": "son", "D/o": "daughter", "W/o": "wife"}
_FRACTIONS = {50: "one-half", 25: "one-fourth", 75: "three-fourth"}
_CIVIC_BODIES = {
    "Bengaluru": "Bruhat Bengaluru Mahanagara Palike (BBMP)",
    "Mysuru": "Mysuru City Corporation",
    "Mangaluru": "Mangaluru City Corporation",
    "Hubballi": "Hubballi-Dharwad Municipal Corporation",
    "Tumakuru": "Tumakuru City Corporation",
}


def _words(n: int) -> str:
    if n < 20:
        return _UNITS[n]
    tens, unit = divmod(n, 10)
    return _TENS[tens] + (f"-{_UNITS[unit]}" if unit else "")


def _day_words(day: int) -> str:
    if day <= 20:
        return _ORDINALS[day - 1]
    tens, unit = divmod(day, 10)
    return _TENS[tens][:-1] + "ieth" if not unit else f"{_TENS[tens]}-{_ORDINALS[unit - 1]}"


def _date_words(d: dt.date) -> str:
    year = f"Two Thousand and {_words(d.year - 2000)}"
    return f"the {_day_words(d.day)} day of {d.strftime('%B')}, {year}"


def _date(d: dt.date, rng: random.Random) -> str:
    return rng.choice(
        [
            d.strftime("%d-%m-%Y"),
            d.strftime("%d.%m.%Y"),
            f"{d.day} {d.strftime('%B %Y')}",
            d.strftime("%d/%m/%Y"),
        ]
    )


def _rupees(value: int, rng: random.Random) -> str:
    grouped = format_indian(value)
    return rng.choice(
        [
            f"Rs. {grouped}/-",
            f"Rs.{grouped}/- (Rupees {spell_amount(value)} only)",
            f"INR {grouped}",
            f"Rs. {value}/-",
        ]
    )


def _aadhaar(p: PartyFacts) -> str:
    d = p.aadhaar.replace("-", "")
    return f"{d[:4]} {d[4:8]} {d[8:]}"


def _phones(p: PartyFacts, rng: random.Random) -> str:
    first = rng.choice([p.phone, f"+91 {p.phone[:5]} {p.phone[5:]}", f"91-{p.phone}"])
    if p.phone2:
        return f"Mob: {first} / {p.phone2}"
    return f"Mob: {first}"


def _address(p: PartyFacts | PropertyFacts, rng: random.Random) -> str:
    pin = p.pincode
    return rng.choice(
        [
            f"{p.address}-{pin[:3]} {pin[3:]}, {p.state}",
            f"{p.address}, {p.state}, Pin Code: {pin}",
            f"{p.address} - {pin} ({p.state} State)",
        ]
    )


def _pan(p: PartyFacts, rng: random.Random) -> str:
    if p.pan:
        return f" (PAN: {p.pan})"
    return rng.choice(["", " (Form No. 60 furnished in lieu of PAN)"])


def _share(p: PartyFacts, rng: random.Random) -> str:
    if p.share is None:
        return ""
    if p.share == 100:
        return ", being the absolute owner of the entire (100%) Schedule Property"
    if p.share in _FRACTIONS and rng.random() < 0.6:
        return f", owning an undivided {_FRACTIONS[p.share]} share in the Schedule Property"
    return f", owning an undivided {p.share}% ({_words(p.share)} per cent) share"


def _relation_first(p: PartyFacts) -> str:
    return f"{_RELATION_WORDS[p.relation]} of Sri. {p.relative}"


def _contact(p: PartyFacts, rng: random.Random) -> str:
    text = _phones(p, rng)
    return text + (f", E-mail: {p.email}" if p.email else "")


def _other_person(facts: DeedFacts, rng: random.Random, *, firsts: list[str] | None = None) -> str:
    """A name for a witness or agent that is never a party's or a relative's."""
    taken = {q.name for q in [*facts.sellers, *facts.buyers]}
    taken |= {q.relative for q in [*facts.sellers, *facts.buyers]}
    while True:
        first = rng.choice(firsts or MALE_NAMES + FEMALE_NAMES)
        name = f"{first} {rng.choice(SURNAMES)}"
        if name not in taken:
            return name


def _other_phone(rng: random.Random) -> str:
    return str(rng.choice([7, 8, 9])) + "".join(str(rng.randint(0, 9)) for _ in range(9))


def _other_sro(facts: DeedFacts, rng: random.Random) -> str:
    return rng.choice([s for s in SRO_PLACES if s != facts.sro_place])


def _estamp(facts: DeedFacts, rng: random.Random) -> str:
    number = "".join(str(rng.randint(0, 9)) for _ in range(14))
    bought = facts.date - dt.timedelta(days=rng.randint(1, 20))
    return (
        f"e-Stamp Certificate No. IN-KA{number}{rng.choice('ABCDEFGHJKLMNPQRSTUVW')} "
        f"dated {bought.strftime('%d-%b-%Y')}, purchased by {facts.buyers[0].name}, "
        f"Stamp Duty Amount (Rs.): {format_indian(facts.money.stamp_duty)}"
    )


def _payment_rows(facts: DeedFacts, rng: random.Random) -> list[tuple[str, int]]:
    m = facts.money
    left, rows = m.consideration, []
    if m.cash:
        cash = rng.choice([50_000, 1_00_000, 1_50_000, 1_99_000])
        rows.append(("Paid in cash as advance on signing the agreement of sale", cash))
        left -= cash
    elif rng.random() < 0.5:
        advance = m.consideration // 10 // 1000 * 1000
        rows.append((f"Cheque No. {m.instrument_no[::-1]} drawn on {m.bank} (advance)", advance))
        left -= advance
    kind = rng.choice(["dd", "rtgs", "cheque"])
    if kind == "dd":
        rows.append((f"Demand Draft No. {m.instrument_no} issued by {m.bank}", left))
    elif kind == "rtgs":
        utr = f"UTR {m.bank.split()[0].upper()[:4]}R{m.instrument_no}{rng.randint(1000, 9999)}"
        rows.append((f"RTGS from {m.bank}, {utr}", left))
    else:
        rows.append((f"Cheque No. {m.instrument_no} drawn on {m.bank}", left))
    return rows


def _payment_table(facts: DeedFacts, rng: random.Random) -> Para:
    lines = ["Sl. | Mode and particulars of payment | Amount (Rs.)"]
    for i, (what, amount) in enumerate(_payment_rows(facts, rng), 1):
        lines.append(f"{i} | {what} | {format_indian(amount)}")
    lines.append(f"TOTAL | | {format_indian(facts.money.consideration)}")
    if not facts.money.cash:
        lines.append("No part of the sale consideration has been paid in cash.")
    return Para("\n".join(lines))


def _fees_list(facts: DeedFacts, rng: random.Random) -> list[Block]:
    m = facts.money
    scan = rng.choice([35, 100, 200])
    items = [
        f"1. Stamp duty (including surcharge and cess) : {_rupees(m.stamp_duty, rng)}",
        f"2. Registration fee : {_rupees(m.registration_fee, rng)}",
        f"3. Scanning fee : Rs. {scan}/-",
    ]
    return [Heading("PARTICULARS OF FEES PAID", 10.5), Para("\n".join(items))]


def _b_area(facts: DeedFacts, rng: random.Random) -> str:
    pr = facts.prop
    if pr.b_area_sqm is not None:
        return f"totally measuring {pr.b_area_sqm:.2f} square metres"
    sqft = int(pr.b_area_sqft)
    for ew in rng.sample([20, 25, 30, 40, 50, 60], 6):
        if sqft % ew == 0 and 20 <= sqft // ew <= 120:
            return (
                f"measuring East to West {ew} feet, North to South {sqft // ew} feet, "
                f"totally measuring {sqft} sq. ft."
            )
    return f"totally measuring {format_indian(sqft)} square feet"


def _schedules(facts: DeedFacts, rng: random.Random, *, land_first: bool) -> list[Block]:
    pr = facts.prop
    n, s, e, w = pr.boundaries
    body = _CIVIC_BODIES.get(pr.city, f"the {pr.city} municipal authority")
    pid = f"{rng.randint(10, 199)}-{rng.randint(1, 99)}-{rng.randint(1, 80)}"
    blocks: list[Block] = []
    if land_first:
        blocks += [
            Heading("SCHEDULE 'A' PROPERTY (the entire land, not conveyed hereunder)", 10.5),
            Para(
                f"The larger extent of land in Sy. No. {pr.survey_no}, measuring "
                f"{rng.randint(2, 4)} acres {rng.randint(1, 39)} guntas, of which the Schedule "
                "'B' property forms a part."
            ),
        ]
    blocks += [
        Heading("SCHEDULE 'B' PROPERTY", 10.5),
        Para(
            f"All that piece and parcel of the property bearing Sy. No. {pr.survey_no}, "
            f"PID No. {pid}, E-Khata No. {pr.khata_no} of {body}, {_b_area(facts, rng)}, "
            f"and bounded on the: East by {e}; West by {w}; North by {n}; South by {s}."
        ),
        Heading("SCHEDULE 'C' PROPERTY (the property hereby sold)", 10.5),
        Para(
            f"Description: {pr.kind}\nSituated at: {_address(pr, rng)}\n"
            f"Area: {pr.c_area_sqft:g} sq. ft. "
            f"({rng.choice(['super built-up', 'built-up', 'total'])} area)"
        ),
    ]
    return blocks


def _sro(facts: DeedFacts, rng: random.Random) -> str:
    return rng.choice(
        [
            f"Sub-Registrar, {facts.sro_place}",
            f"office of the Sub-Registrar, {facts.sro_place}",
            f"Sub-Registrar Office, {facts.sro_place}",
        ]
    )


def _prior_deed(facts: DeedFacts, rng: random.Random, *, owner: str) -> Para:
    return Para(
        f"WHEREAS the Schedule Property was purchased by the {owner} under a registered sale "
        f"deed dated {_date(facts.prior_date, rng)}, registered as Document No. "
        f"{facts.prior_doc_no} in the office of the Sub-Registrar, {_other_sro(facts, rng)}, "
        "and the khata stands in the name of the said owner."
    )


def _witnesses(facts: DeedFacts, rng: random.Random) -> list[Block]:
    lines = []
    for i in (1, 2):
        lines.append(
            f"{i}. {_other_person(facts, rng)}, No. {rng.randint(1, 400)}, "
            f"{rng.choice(['KR Road', 'Cubbon Road', 'JC Road'])}, Mob: {_other_phone(rng)}"
        )
    return [Heading("WITNESSES", 10.5), Para("\n".join(lines))]


def template_two_column(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """Vendor and purchaser side by side in a two-column box, flattened line by line."""
    m = facts.money
    blocks: list[Block] = [
        Heading("ABSOLUTE SALE DEED"),
        Para(_estamp(facts, rng)),
        Para(
            f"This Absolute Sale Deed is executed at {facts.execution_city} on "
            f"{_date_words(facts.date)} between the parties described below."
        ),
    ]
    pairs = max(len(facts.sellers), len(facts.buyers))
    for i in range(pairs):
        s = facts.sellers[i] if i < len(facts.sellers) else None
        b = facts.buyers[i] if i < len(facts.buyers) else None
        rows = [
            ("Name", lambda p: f"{p.title} {p.name}{_pan(p, rng)}"),
            ("Relation", lambda p: f"{p.relation} {p.relative}"),
            ("Age", lambda p: f"{p.age} years"),
            ("Address", lambda p: _address(p, rng)),
            ("Aadhaar", _aadhaar),
            ("Contact", lambda p: _contact(p, rng)),
        ]
        lines = [f"VENDOR {i + 1} | PURCHASER {i + 1}"]
        for label, show in rows:
            left = f"{label}: {show(s)}" if s else "-"
            right = f"{label}: {show(b)}" if b else "-"
            lines.append(f"{left} | {right}")
        if s is not None:
            lines.append(f"Share of Vendor {i + 1}:{_share(s, rng).split(',', 1)[1]}")
        blocks.append(Para("\n".join(lines)))
    blocks += [
        _prior_deed(facts, rng, owner="VENDOR(S)"),
        Para(
            f"The VENDOR(S) have agreed to sell and the PURCHASER(S) have agreed to buy the "
            f"Schedule 'C' Property for a total sale consideration of "
            f"{_rupees(m.consideration, rng)}, received as per the schedule below."
        ),
        Heading("PAYMENT SCHEDULE", 10.5),
        _payment_table(facts, rng),
        Para(
            f"The guidance value of the Schedule Property is {_rupees(m.guidance, rng)} and "
            "stamp duty is paid on the higher of the guidance value and the consideration."
        ),
        *_fees_list(facts, rng),
        *_schedules(facts, rng, land_first=False),
        *_witnesses(facts, rng),
        Para(f"Presented for registration before the {_sro(facts, rng)}."),
    ]
    return blocks


def _age_first(p: PartyFacts, rng: random.Random) -> str:
    return (
        f"aged about {p.age} years, {p.title} {p.name}{_pan(p, rng)}, {_relation_first(p)}, "
        f"residing at {_address(p, rng)}, Aadhaar No. {_aadhaar(p)}, "
        f"{_contact(p, rng)}{_share(p, rng)}"
    )


def template_age_first(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """An advocate's recital: age before name, a GPA holder, schedules A to C."""
    m = facts.money
    sellers = "; ".join(f"({i}) {_age_first(p, rng)}" for i, p in enumerate(facts.sellers, 1))
    buyers = "; ".join(f"({i}) {_age_first(p, rng)}" for i, p in enumerate(facts.buyers, 1))
    agent = _other_person(facts, rng, firsts=MALE_NAMES)
    gpa_date = facts.date - dt.timedelta(days=rng.randint(30, 300))
    agent_aadhaar = sample_aadhaar(rng).replace("-", " ")
    blocks: list[Block] = [
        Heading("DEED OF ABSOLUTE SALE"),
        Para(
            f"THIS DEED OF ABSOLUTE SALE is made and executed at {facts.execution_city} on "
            f"this {_date_words(facts.date)}, BY: {sellers}; hereinafter called the VENDOR(S), "
            f"IN FAVOUR OF: {buyers}; hereinafter called the PURCHASER(S)."
        ),
    ]
    if rng.random() < 0.6:
        blocks.append(
            Para(
                f"The VENDOR No. 1 is represented by the General Power of Attorney holder Sri. "
                f"{agent} (Aadhaar No. {agent_aadhaar}), appointed under a GPA dated "
                f"{_date(gpa_date, rng)}; the said attorney is not a party to this sale in "
                "his own right."
            )
        )
    blocks.append(_prior_deed(facts, rng, owner="VENDOR(S)"))
    shares = {p.share for p in facts.sellers}
    if len(facts.sellers) > 1 and len(shares) == 1:
        blocks.append(Para("The VENDORS hold the Schedule Property in equal shares."))
    blocks += [
        Para(
            f"NOW THIS DEED WITNESSETH that in consideration of the sum of "
            f"{_rupees(m.consideration, rng)} paid by the PURCHASER(S) as detailed in the table "
            "below, the receipt whereof the VENDOR(S) hereby acknowledge, the VENDOR(S) convey "
            "the Schedule 'C' Property absolutely to the PURCHASER(S)."
        ),
        _payment_table(facts, rng),
        Para(
            f"The market value of the Schedule Property as per the guidance value notification "
            f"is {_rupees(m.guidance, rng)}."
        ),
        *_fees_list(facts, rng),
        *_schedules(facts, rng, land_first=True),
        *_witnesses(facts, rng),
        Para(f"Registered in the {_sro(facts, rng)} on {_date(facts.date, rng)}."),
    ]
    return blocks


def _possessive(p: PartyFacts, rng: random.Random, *, number: int) -> str:
    return (
        f"{number}. {p.relative}'s {_RELATION_WORDS[p.relation]} {p.title} {p.name}"
        f"{_pan(p, rng)}, age {p.age}, {_address(p, rng)}. Aadhaar {_aadhaar(p)}. "
        f"{_contact(p, rng)}{_share(p, rng)}."
    )


def template_document_writer(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """A document writer's deed: summary rows, relative before the name, writer's seal."""
    m = facts.money
    blocks: list[Block] = [
        Heading("SALE DEED (KRAYA PATRA)"),
        Row("Nature of document", "Conveyance - Sale"),
        Row("Date of execution", _date(facts.date, rng)),
        Row("Registration office", _sro(facts, rng)),
        Row("Sale consideration", _rupees(m.consideration, rng)),
        Row("Market value", _rupees(m.guidance, rng)),
        Row("Stamp duty paid", _rupees(m.stamp_duty, rng)),
        Row("Registration fee", _rupees(m.registration_fee, rng)),
        Row("Cash payment", "Yes" if m.cash else "No"),
        Para(_estamp(facts, rng)),
        Heading("TRANSFEROR(S)", 10.5),
    ]
    blocks += [Para(_possessive(p, rng, number=i)) for i, p in enumerate(facts.sellers, 1)]
    blocks.append(Heading("TRANSFEREE(S)", 10.5))
    blocks += [Para(_possessive(p, rng, number=i)) for i, p in enumerate(facts.buyers, 1)]
    blocks += [
        _prior_deed(facts, rng, owner="Transferor(s)"),
        Para(
            f"Written on {_date_words(facts.date)} at {facts.execution_city}: the Transferee(s) "
            "have paid the full consideration as follows."
        ),
        _payment_table(facts, rng),
        *_schedules(facts, rng, land_first=False),
        Para(
            f"Identified by: Sri. {_other_person(facts, rng, firsts=MALE_NAMES)}, Advocate, Mob: "
            f"{_other_phone(rng)}\nDrafted by: {_other_person(facts, rng)}, Licensed Document "
            f"Writer, Licence No. DW/{rng.randint(10, 999)}/{facts.prior_date.year}"
        ),
    ]
    return blocks


def _numbered(p: PartyFacts, rng: random.Random) -> str:
    lines = [
        f"{p.title} {p.name}{_pan(p, rng)}",
        f"{_relation_first(p)[0].upper()}{_relation_first(p)[1:]}, aged {p.age} years",
        f"Address: {_address(p, rng)}",
        f"Aadhaar: {_aadhaar(p)}",
        _contact(p, rng),
    ]
    share = _share(p, rng)
    if share:
        share = share.lstrip(", ")
        lines.append(share[0].upper() + share[1:])
    return "\n".join(lines)


def template_registrar_note(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """The registrar's endorsement first, then the deed with numbered party blocks."""
    m = facts.money
    presenter = facts.buyers[0]
    blocks: list[Block] = [
        Heading("ENDORSEMENT OF REGISTRATION", 11),
        Para(
            f"Presented in the {_sro(facts, rng)} on {_date(facts.date, rng)} between "
            f"{rng.randint(10, 16)}:00 and {rng.randint(17, 18)}:00 hours by "
            f"{presenter.title} {presenter.name}, with the fees shown below."
        ),
        *_fees_list(facts, rng),
        Heading("SALE DEED"),
        Para(
            f"This deed of sale is made on {_date_words(facts.date)} at "
            f"{facts.execution_city} by the SELLER(S) in favour of the BUYER(S)."
        ),
    ]
    for i, p in enumerate(facts.sellers, 1):
        blocks += [Heading(f"SELLER - {i}", 10.5), Para(_numbered(p, rng))]
    for i, p in enumerate(facts.buyers, 1):
        blocks += [Heading(f"BUYER - {i}", 10.5), Para(_numbered(p, rng))]
    blocks += [
        _prior_deed(facts, rng, owner="SELLER(S)"),
        Para(
            f"The total sale consideration agreed is {_rupees(m.consideration, rng)}, and "
            f"the guidance value fixed for the Schedule Property is {_rupees(m.guidance, rng)}."
        ),
        _payment_table(facts, rng),
        *_schedules(facts, rng, land_first=rng.random() < 0.5),
        *_witnesses(facts, rng),
    ]
    return blocks


SEALED_TEMPLATES: dict[str, Template] = {
    "two_column": template_two_column,
    "age_first": template_age_first,
    "document_writer": template_document_writer,
    "registrar_note": template_registrar_note,
}
