"""The `blind` family: written by someone who never read the extraction rules.

These deeds follow layouts seen in registered Karnataka sale deeds (a recital
deed with a registration endorsement, and a particulars sheet) in wording of
their own, so a score on them says how the rules do on deeds nobody tuned for.
Nothing here may be copied into `templates_main`.
"""

from __future__ import annotations

import datetime as dt
import random

from docmill_normalize import format_indian
from docmill_synth.render import Block, Heading, Para, Row
from docmill_synth.templates_main import Template
from docmill_synth.values import DeedFacts, PartyFacts

_RELATIONS = {"S/o": "son of", "D/o": "daughter of", "W/o": "wife of"}


def _money(value: int, rng: random.Random) -> str:
    grouped = format_indian(value)
    return rng.choice(
        [
            f"Rs.{grouped}/-",
            f"Rupees {grouped}/- only",
            f"Rs. {grouped}.00 (Rupees {grouped} only)",
            f"INR {grouped}.00",
        ]
    )


def _date(value: dt.date, rng: random.Random) -> str:
    day = value.day
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return rng.choice(
        [
            f"{day}{suffix} {value:%B %Y}",
            f"{day}{suffix} day of {value:%B}, {value.year}",
            value.strftime("%d/%m/%Y"),
            value.strftime("%d-%m-%Y"),
        ]
    )


def _aadhaar(value: str, rng: random.Random) -> str:
    digits = value.replace("-", "")
    return rng.choice([f"{digits[:4]} {digits[4:8]} {digits[8:]}", value])


def _phone(value: str, rng: random.Random) -> str:
    return rng.choice([value, f"+91 {value}"])


def _sqft(value: float) -> str:
    return f"{value:g} Sq.Ft."


def _recital(p: PartyFacts, rng: random.Random, *, number: int) -> str:
    relation = _RELATIONS.get(p.relation, p.relation)
    text = (
        f"{number}. {p.title} {p.name}, aged about {p.age} years, {relation} {p.relative}, "
        f"residing at {p.address}, {p.state} - {p.pincode}; Aadhaar No. "
        f"{_aadhaar(p.aadhaar, rng)}"
    )
    if p.pan:
        text += f"; PAN {p.pan}"
    text += f"; Mobile {_phone(p.phone, rng)}"
    if p.phone2:
        text += f" / {_phone(p.phone2, rng)}"
    if p.email:
        text += f"; Email {p.email}"
    if p.share is not None:
        text += f"; holding {p.share}% share in the Schedule Property"
    return text + "."


def template_recital(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """A recital deed: parties, WHEREAS, WITNESSETH, schedules, then the endorsement."""
    pr, m = facts.prop, facts.money
    sellers = "; ".join(p.name for p in facts.sellers)
    blocks: list[Block] = [
        Heading("SALE DEED"),
        Para(
            f"This Sale Deed is made and executed at {facts.execution_city} on this "
            f"{_date(facts.date, rng)} BY:"
        ),
    ]
    blocks += [Para(_recital(p, rng, number=i)) for i, p in enumerate(facts.sellers, 1)]
    blocks.append(Para("(hereinafter called the SELLERS, which expression shall include their "
                       "heirs, executors and assigns) of the ONE PART;"))
    blocks.append(Para("IN FAVOUR OF:"))
    blocks += [Para(_recital(p, rng, number=i)) for i, p in enumerate(facts.buyers, 1)]
    blocks.append(Para("(hereinafter called the BUYERS) of the OTHER PART."))
    payment = (
        "paid in cash"
        if m.cash
        else f"paid by bank transfer from {m.bank}, reference {m.instrument_no}"
    )
    blocks += [
        Para(
            f"WHEREAS the Sellers, {sellers}, are the absolute owners of the property described "
            f"in the Schedules below, having acquired it under document No. {facts.prior_doc_no} "
            f"dated {facts.prior_date:%d/%m/%Y}."
        ),
        Para(
            f"NOW THIS DEED WITNESSETH that in consideration of {_money(m.consideration, rng)} "
            f"{payment}, the receipt of which the Sellers hereby admit, the Sellers convey the "
            "Schedule 'C' property to the Buyers absolutely."
        ),
        Heading("SCHEDULE 'B'", 11),
        Para(
            f"Undivided share of {_sqft(pr.b_area_sqft)} in land bearing Sy. No. {pr.survey_no}, "
            f"Khata No. {pr.khata_no}."
        ),
        Heading("SCHEDULE 'C'", 11),
        Row("Property", pr.kind),
        Row("Address", f"{pr.address}, {pr.state} - {pr.pincode}"),
        Row("Super built-up area", _sqft(pr.c_area_sqft)),
        Para(
            "Bounded on the East by {}, West by {}, North by {}, South by {}.".format(
                *pr.boundaries
            )
        ),
        Heading("ENDORSEMENT OF THE SUB-REGISTRAR", 11),
        Para(f"Presented for registration in the Sub-Registrar Office, {facts.sro_place}."),
        Row("Market value as per guidelines", _money(m.guidance, rng)),
        Row("Stamp duty paid", _money(m.stamp_duty, rng)),
        Row("Registration fee paid", _money(m.registration_fee, rng)),
    ]
    return blocks


def template_particulars(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """A particulars sheet: the transaction first, each party as a numbered card."""
    pr, m = facts.prop, facts.money
    blocks: list[Block] = [
        Heading("DEED OF SALE - PARTICULARS"),
        Row("Date of sale", _date(facts.date, rng)),
        Row("Office of registration", f"Sub-Registrar Office, {facts.sro_place}"),
        Row("Sale price", _money(m.consideration, rng)),
        Row("Guidance value", _money(m.guidance, rng)),
        Row("Stamp duty", _money(m.stamp_duty, rng)),
        Row("Registration fee", _money(m.registration_fee, rng)),
        Row("Mode of payment", "Cash" if m.cash else "Cheque / bank transfer"),
        Heading("Schedule B (land)", 11),
        Row("Extent", _sqft(pr.b_area_sqft)),
        Heading("Schedule C (property sold)", 11),
        Row("Nature of property", pr.kind),
        Row("Address", f"{pr.address}, {pr.state} - {pr.pincode}"),
        Row("Area", _sqft(pr.c_area_sqft)),
    ]
    for role, group in (("Seller", facts.sellers), ("Buyer", facts.buyers)):
        for i, p in enumerate(group, 1):
            blocks.append(Heading(f"{role} {i}", 10.5))
            blocks += [
                Row("Name", f"{p.title} {p.name}"),
                Row("Relation", f"{p.relation} {p.relative}"),
                Row("Aadhaar", _aadhaar(p.aadhaar, rng)),
                Row("PAN", p.pan or "-"),
                Row("Address", f"{p.address}, {p.state} - {p.pincode}"),
                Row("Mobile", _phone(p.phone, rng)),
            ]
            if p.phone2:
                blocks.append(Row("Other mobile", _phone(p.phone2, rng)))
            if p.email:
                blocks.append(Row("Email", p.email))
            if p.share is not None:
                blocks.append(Row("Share sold", f"{p.share}%"))
    return blocks


BLIND_TEMPLATES: dict[str, Template] = {
    "recital": template_recital,
    "particulars": template_particulars,
}
