"""The `ward` family: four drafters' deeds, written without reference to any extractor."""

from __future__ import annotations

import random

from docmill_synth.render import Block, Heading, Para, Row
from docmill_synth.templates_main import Template
from docmill_synth.values import DeedFacts
from docmill_synth.ward_wording import (
    aadhaar,
    area,
    contacts,
    deed_date,
    fees_sentence,
    group_indian,
    money,
    occupation,
    party_cells,
    party_rows,
    party_sentence,
    payments,
    postal_address,
    prior_office,
    property_line,
    relation,
    seller_share,
    stranger,
    titled,
)


def template_bda_site(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """A BDA-allotted site resold by its owners: numbered party paragraphs, allotment recital."""
    m, pr = facts.money, facts.prop
    site_no, block = rng.randint(10, 2400), rng.choice(["I", "II", "III", "IV"])
    layout = rng.choice(["Banashankari VI Stage", "Arkavathy Layout", "HSR Layout Sector 2"])
    blocks: list[Block] = [
        Heading("SALE DEED"),
        Para(
            f"THIS DEED OF ABSOLUTE SALE is made and executed at {facts.execution_city} on this "
            f"the {deed_date(facts.date, rng)}, BY:"
        ),
    ]
    for i, p in enumerate(facts.sellers, 1):
        text = (
            f"{i}. {titled(p)}, aged about {p.age} years, {relation(p, rng)}, Occupation: "
            f"{occupation(p, rng)}, residing at {postal_address(p, rng)}, Aadhaar No. "
            f"{aadhaar(p.aadhaar, rng)}"
            + (f", PAN: {p.pan}" if p.pan else "")
            + f", {contacts(p, rng)}."
        )
        if i == 2 and rng.random() < 0.5:
            text += (
                f" Represented by the General Power of Attorney holder {stranger(rng)}, under a "
                f"GPA dated {deed_date(facts.prior_date, rng)}."
            )
        blocks.append(Para(text, indent=14))
    blocks.append(Para("Hereinafter called the VENDORS, of the FIRST PART;", indent=14))
    blocks.append(Para("IN FAVOUR OF:"))
    for i, p in enumerate(facts.buyers, 1):
        blocks.append(
            Para(
                f"{i}. {titled(p)}, {relation(p, rng)}, aged {p.age} years, residing at "
                f"{postal_address(p, rng)}; Aadhaar: {aadhaar(p.aadhaar, rng)}; "
                + (f"PAN: {p.pan}; " if p.pan else "")
                + f"{contacts(p, rng)}.",
                indent=14,
            )
        )
    blocks.append(Para("Hereinafter called the PURCHASERS, of the SECOND PART.", indent=14))
    allotee = stranger(rng)
    blocks += [
        Para(
            f"WHEREAS the Bangalore Development Authority allotted Site No. {site_no}, Block "
            f"{block}, {layout} to {allotee} under allotment letter No. BDA/AS/{site_no}/"
            f"{facts.prior_date.year - 9} and executed an absolute sale deed in his favour, and "
            f"the VENDORS purchased the said site under a sale deed dated "
            f"{deed_date(facts.prior_date, rng)} registered as Document No. "
            f"{facts.prior_doc_no} in the office of the Sub-Registrar, "
            f"{prior_office(facts, rng)}, for a consideration of "
            f"Rs. {group_indian(m.consideration // 3 // 1000 * 1000)}/-."
        ),
        Para(
            "WHEREAS the VENDORS hold the Schedule Property in the following shares: "
            + "; ".join(f"{titled(p)} - {seller_share(facts, p, rng)}" for p in facts.sellers)
            + ", and the Khata stands in their names in BBMP."
        ),
        Para(
            f"NOW THIS DEED WITNESSETH that the VENDORS have sold the Schedule 'C' Property to "
            f"the PURCHASERS for a total sale consideration of {money(m.consideration, rng)}, "
            f"received as follows:\n"
            + "\n".join(
                f"({chr(97 + i)}) {line}"
                for i, line in enumerate(
                    payments(
                        m.consideration, cash=m.cash, bank=m.bank, number=m.instrument_no, rng=rng
                    )
                )
            )
            + f"\nTotal: Rs. {group_indian(m.consideration)}/-"
        ),
        Heading("SCHEDULE 'B' PROPERTY (Site)", 11),
        Para(
            f"All that piece and parcel of Site No. {site_no}, Block {block}, {layout}, formed in "
            f"Sy. No. {pr.survey_no}, BBMP Khata No. {pr.khata_no}, PID No. "
            f"{rng.randint(10, 198)}-{rng.randint(1, 99)}-{site_no}, measuring "
            f"{area(pr.b_area_sqft, pr.b_area_sqm, rng)}, bounded on the East by "
            f"{pr.boundaries[2]}, West by {pr.boundaries[3]}, North by {pr.boundaries[0]} and "
            f"South by {pr.boundaries[1]}."
        ),
        Heading("SCHEDULE 'C' PROPERTY (Property conveyed)", 11),
        Para(
            f"The {pr.kind} situated at {property_line(facts)}, with a total extent of "
            f"{area(pr.c_area_sqft, None, rng)}, forming part of the Schedule 'B' Property."
        ),
        Para(fees_sentence(facts, rng)),
        Para(
            "IN WITNESS WHEREOF the VENDORS and the PURCHASERS have signed this deed in the "
            f"presence of the following witnesses, to be presented before the Sub-Registrar, "
            f"{facts.sro_place}.\nWITNESSES: 1. {stranger(rng)}  2. {stranger(rng)}"
        ),
    ]
    return blocks


def template_town_ward(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """A house property in a town municipal ward, parties and property in label/value rows."""
    m, pr = facts.money, facts.prop
    ward, assessment = rng.randint(1, 35), f"{rng.randint(1, 40)}/{rng.randint(100, 2999)}"
    council = rng.choice(["Town Municipal Council", "City Municipal Council", "Town Panchayat"])
    blocks: list[Block] = [
        Heading("SALE DEED"),
        Row("Date of execution", deed_date(facts.date, rng)),
        Row("Place", facts.execution_city),
        Para(""),
        Heading("SELLERS", 11),
    ]
    for i, p in enumerate(facts.sellers, 1):
        blocks += party_rows(p, rng, label=f"Seller {i}")
        blocks.append(Row("Share held", seller_share(facts, p, rng)))
    blocks += [Para(""), Heading("PURCHASERS", 11)]
    for i, p in enumerate(facts.buyers, 1):
        blocks += party_rows(p, rng, label=f"Purchaser {i}")
    if rng.random() < 0.5:
        blocks.append(
            Para(
                f"Seller 1 is assisted in this transaction by {stranger(rng)}, who signs only "
                "as an identifying witness and is not a party to this deed."
            )
        )
    blocks += [
        Para(""),
        Heading("DETAILS OF THE PROPERTY", 11),
        Row("Local authority", f"{council}, Ward No. {ward}"),
        Row("Assessment No.", assessment),
        Row("Khata No. / Sy. No.", f"{pr.khata_no} / {pr.survey_no}"),
        Row("Schedule B - site area", area(pr.b_area_sqft, pr.b_area_sqm, rng)),
        Row("Schedule C - description", pr.kind),
        Row("Schedule C - address", property_line(facts)),
        Row("Schedule C - extent", area(pr.c_area_sqft, None, rng)),
        Row("Boundaries", "E: {2}; W: {3}; N: {0}; S: {1}".format(*pr.boundaries)),
        Para(
            f"The SELLERS declare that the property described above was acquired under a sale "
            f"deed dated {deed_date(facts.prior_date, rng)}, Document No. {facts.prior_doc_no}, "
            f"and that the assessment stands in their names in the records of the {council}, "
            f"Ward No. {ward}, with property tax paid up to the year {facts.date.year - 1}."
        ),
        Para(
            f"The SELLERS have received the full sale consideration of "
            f"{money(m.consideration, rng)} from the PURCHASERS as under: "
            + "; ".join(
                payments(m.consideration, cash=m.cash, bank=m.bank, number=m.instrument_no, rng=rng)
            )
            + ", and have put the PURCHASERS in vacant possession of the property."
        ),
        Para(""),
        Heading("VALUATION AND FEES", 11),
        Row("Guidance value", money(m.guidance, rng, words=False)),
        Row("Stamp duty paid", money(m.stamp_duty, rng, words=False)),
        Row("Registration fee", money(m.registration_fee, rng, words=False)),
        Row("Scanning fee", "Rs. 100/-"),
        Row("Registering office", f"Sub-Registrar Office, {facts.sro_place}"),
        Para(f"Witnesses: (1) {stranger(rng)}, {facts.execution_city}  (2) {stranger(rng)}"),
    ]
    return blocks


def template_bank_panel(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """A flat resale drafted by a bank's panel advocate; part of the price is a housing loan."""
    m, pr = facts.money, facts.prop
    loan = m.consideration * rng.choice([60, 70, 75, 80]) // 100 // 10_000 * 10_000
    own = m.consideration - loan
    branch = rng.choice(["Jayanagar 4th Block", "Malleshwaram", "Koramangala", "Vijayanagar"])
    sellers = " AND ".join(
        f"{party_sentence(p, rng)}, owning {seller_share(facts, p, rng)}" for p in facts.sellers
    )
    buyers = " AND ".join(party_sentence(p, rng) for p in facts.buyers)
    own_lines = payments(own, cash=m.cash, bank=m.bank, number=m.instrument_no, rng=rng)
    loan_ref = int(m.instrument_no) + 311
    acres = rng.choice(["1 Acre", "2 Acres", "3 Acres"])
    return [
        Heading("ABSOLUTE SALE DEED"),
        Para(
            f"(Presented for registration before the Sub-Registrar, {facts.sro_place}; e-stamp "
            f"duty of {money(m.stamp_duty, rng, words=False)} paid.)"
        ),
        Para(
            f"This Deed of Sale is made on {deed_date(facts.date, rng)} at {facts.execution_city} "
            f"between {sellers}, hereinafter jointly referred to as the VENDOR, and {buyers}, "
            f"hereinafter referred to as the PURCHASER, the PURCHASER having availed a housing "
            f"loan from {m.bank}, {branch} Branch, which holds the title deeds hereunder."
        ),
        Para(
            f"1. The VENDOR purchased the Schedule 'C' Property from its developer under a sale "
            f"deed dated {deed_date(facts.prior_date, rng)}, registered as Document No. "
            f"{facts.prior_doc_no} in the office of the Sub-Registrar, "
            f"{prior_office(facts, rng)}, and has been in possession since."
        ),
        Para(
            f"2. The total sale consideration is {money(m.consideration, rng, words=True)}, "
            f"paid as follows: (i) the PURCHASER's own contribution: {'; '.join(own_lines)}; "
            f"(ii) loan disbursement by {m.bank} of Rs. {group_indian(loan)}/- by Demand Draft "
            f"No. {loan_ref} in favour of the VENDOR, this day. Total: "
            f"Rs. {group_indian(m.consideration)}/-."
        ),
        Para(
            f"3. The guidance value of the Schedule 'C' Property with its undivided share of "
            f"land is {money(m.guidance, rng, words=False)}; registration fee of "
            f"{money(m.registration_fee, rng, words=False)} is paid."
        ),
        Heading("SCHEDULE 'A' - ENTIRE LAND", 11),
        Para(
            f"All that land bearing Sy. No. {pr.survey_no}, measuring {acres} "
            f"{rng.randint(1, 39)} Guntas, on which the development is constructed, "
            f"bounded on the North by {pr.boundaries[0]}, South by {pr.boundaries[1]}."
        ),
        Heading("SCHEDULE 'B' - UNDIVIDED SHARE", 11),
        Para(
            f"An undivided share, right and interest in the Schedule 'A' land to the extent of "
            f"{area(pr.b_area_sqft, pr.b_area_sqm, rng)}, Khata No. {pr.khata_no}."
        ),
        Heading("SCHEDULE 'C' - PROPERTY SOLD", 11),
        Para(
            f"Type: {pr.kind}. Address: {property_line(facts)}. Super built-up area: "
            f"{area(pr.c_area_sqft, None, rng, sides=False)}, with one covered car parking space."
        ),
        Para(
            f"Drafted by: {stranger(rng, male=True)}, Advocate (KAR/{rng.randint(100, 4999)}/"
            f"{rng.randint(1995, 2014)}), Panel Advocate, {m.bank}.\n"
            f"Witnesses: 1. {stranger(rng)}  2. {stranger(rng)}"
        ),
    ]


def template_recital_chain(facts: DeedFacts, rng: random.Random) -> list[Block]:
    """Commercial premises with a long chain of title; parties as pipe-separated table rows."""
    m, pr = facts.money, facts.prop
    first_owner, heir = stranger(rng, male=True), stranger(rng, male=True)
    partition_year = facts.prior_date.year - rng.randint(5, 20)
    head = "Name | Age | Relation | Address | Identity | Contact"
    blocks: list[Block] = [
        Heading("DEED OF CONVEYANCE"),
        Para(f"Date: {deed_date(facts.date, rng)}    Place: {facts.execution_city}"),
        Heading("PART I - THE PARTIES", 11),
        Para("Sellers (Vendors):\n" + head),
    ]
    for i, p in enumerate(facts.sellers, 1):
        blocks.append(Para(f"{i} | {party_cells(p, rng)} | Share: {seller_share(facts, p, rng)}"))
    blocks.append(Para("Buyers (Purchasers):\n" + head))
    for i, p in enumerate(facts.buyers, 1):
        blocks.append(Para(f"{i} | {party_cells(p, rng)}"))
    blocks += [
        Heading("PART II - RECITALS OF TITLE", 11),
        Para(
            f"(a) The larger property in Sy. No. {pr.survey_no} belonged to {first_owner}, "
            f"who died intestate; under a partition deed of the year {partition_year} the "
            f"property fell to the share of his son {heir}."
        ),
        Para(
            f"(b) {heir} gifted the premises under a registered gift deed in the office of the "
            f"Sub-Registrar, {prior_office(facts, rng)}, and the donee obtained a commercial "
            f"Khata No. {pr.khata_no} from the municipal authority."
        ),
        Para(
            f"(c) The Sellers purchased the premises under a sale deed dated "
            f"{deed_date(facts.prior_date, rng)}, Document No. {facts.prior_doc_no}, for "
            f"Rs. {group_indian(m.consideration * 2 // 5 // 1000 * 1000)}/-, and have been in "
            f"peaceful possession since."
        ),
        Heading("PART III - CONSIDERATION", 11),
        Para(
            f"The agreed price is {money(m.consideration, rng)}, received by the Sellers "
            + "; ".join(
                payments(m.consideration, cash=m.cash, bank=m.bank, number=m.instrument_no, rng=rng)
            )
            + ". The Sellers acknowledge receipt of the full amount."
        ),
        Heading("PART IV - SCHEDULES", 11),
        Para(
            f"Schedule B (land appurtenant): {area(pr.b_area_sqft, pr.b_area_sqm, rng)} in Sy. "
            f"No. {pr.survey_no}; bounded East: {pr.boundaries[2]}, West: {pr.boundaries[3]}, "
            f"North: {pr.boundaries[0]}, South: {pr.boundaries[1]}."
        ),
        Para(
            f"Schedule C (premises sold): {pr.kind}, {property_line(facts)}; carpet area "
            f"{area(pr.c_area_sqft, None, rng, sides=False)}."
        ),
        Heading("PART V - DUTY AND REGISTRATION", 11),
        Para(fees_sentence(facts, rng)),
        Para(
            f"This deed is registered in the office of the Sub Registrar, {facts.sro_place}."
            f"\nSigned: Sellers and Buyers.  Witnesses: {stranger(rng)}; {stranger(rng)}"
        ),
    ]
    return blocks


WARD_TEMPLATES: dict[str, Template] = {
    "bda_site": template_bda_site,
    "town_ward": template_town_ward,
    "bank_panel": template_bank_panel,
    "recital_chain": template_recital_chain,
}
