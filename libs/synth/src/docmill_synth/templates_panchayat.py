"""Panchayat family: four deed layouts written apart from the extraction rules."""

from __future__ import annotations

import random

from docmill_synth import panchayat_wording as w
from docmill_synth.render import Block, Heading, Para, Row
from docmill_synth.templates_main import Template
from docmill_synth.values import PROJECTS, DeedFacts


def _gp_house(f: DeedFacts, rng: random.Random) -> list[Block]:
    """A gram-panchayat house deed: bilingual labels, e-Swathu Form 11B, tabulated values."""
    pr, m = f.prop, f.money
    avoid = w.party_names(f.sellers, f.buyers)
    village = rng.choice(w.VILLAGES)
    swathu = f"{rng.randint(150, 159)}{rng.randint(10**9, 10**10 - 1)}"
    khane = f"{rng.randint(1, 480)}/{rng.randint(1, 9)}"
    style = rng.randrange(4)
    blocks: list[Block] = [
        Heading("KRAYA PATRA"),
        Heading("(ABSOLUTE SALE DEED)", size=11),
        Para(f"{village} Grama Panchayat limits - e-Swathu Form 11B property"),
        Row("Dinanka / Date", w.date_text(f.date, rng.choice(["dash", "dot"]))),
        Row("Sthala / Place", f.execution_city),
        Row("Nondani / Office", f"Sub-Registrar, {f.sro_place}"),
        Heading("MAARUVAVARU / VENDOR(S)", size=11.5),
    ]
    for i, p in enumerate(f.sellers, 1):
        blocks += w.kannada_rows("Maaruvavaru", i, p, rng, style)
    blocks.append(Heading("KONDUKOLLUVAVARU / PURCHASER(S)", size=11.5))
    for i, p in enumerate(f.buyers, 1):
        blocks += w.kannada_rows("Kondukolluvavaru", i, p, rng, style)
    prior_price = m.consideration * rng.randint(25, 60) // 100 // 1000 * 1000
    blocks += [
        Para(
            f"The Maaruvavaru became owners of the schedule property under a sale deed dated "
            f"{w.date_text(f.prior_date, 'dash')}, registered as document No. {f.prior_doc_no} "
            f"in the office of the Sub-Registrar, {w.other_sro(rng, f.sro_place)}, bought then "
            f"for {w.rupees(prior_price)}. The property is entered in {village} Grama Panchayat "
            f"Khaneshumari No. {khane} and e-Swathu Form 11B ID {swathu}."
        ),
        Para(
            "The Maaruvavaru have agreed to sell and the Kondukolluvavaru to buy the Schedule "
            f"'C' property for {w.rupees(m.consideration, style)} "
            f"({w.in_words(m.consideration)}), received in full as follows:"
        ),
    ]
    mode = rng.choice(["Demand Draft", "Cheque", "Pay Order"])
    paid = f"By {mode} No. {m.instrument_no} drawn on {m.bank}, {f.execution_city}."
    if m.cash:
        paid = "Paid in cash (nagadu) before the Sub-Registrar on this day."
    blocks.append(Para(paid, 18))
    blocks += [
        Heading("MOULYA VIVARA / STATEMENT OF VALUES", size=11),
        Row("Kraya Mothada", f"Sale consideration: {w.rupees(m.consideration, style)}"),
        Row("Marukatte Mulya", f"Guidance value: {w.rupees(m.guidance, style)}"),
        Row("Mudranka Shulka", f"Stamp duty paid: {w.rupees(m.stamp_duty, style)}"),
        Row("Nondani Shulka", f"Registration fee: {w.rupees(m.registration_fee, style)}"),
        Heading("SCHEDULE 'B' - NIVESHANA (LAND)", size=11),
        Para(
            f"All that site within {village} Grama Panchayat limits bearing Khaneshumari "
            f"No. {khane}, Sy. No. {pr.survey_no}, Khata No. {pr.khata_no}, measuring "
            f"{w.area_b(pr.b_area_sqft, pr.b_area_sqm, rng.random() < 0.5)} in total."
        ),
        Heading("SCHEDULE 'C' - SWATTU (PROPERTY SOLD)", size=11),
        Row("Swattina Vidha / Kind", pr.kind),
        Row("Vilasa / Address", pr.address),
        Row("Pincode / Rajya", f"{pr.pincode}, {pr.state}"),
        Row("Vistheerna / Area", f"{w.sqft(pr.c_area_sqft)} square feet"),
        Para("Chakkubandi (boundaries):"),
    ]
    blocks += [
        Row(f"{kn} / {en}", side)
        for kn, en, side in zip(w.SIDES_KN, w.SIDES, pr.boundaries, strict=True)
    ]
    blocks.append(Para("SAKSHIGALU / WITNESSES:"))
    for i in (1, 2):
        blocks.append(Para(f"{i}. Sri {w.stranger(rng, avoid)}, {village}", 18))
    blocks.append(Para(f"Baredavaru (drafted by): Sri {w.stranger(rng, avoid)}, Bond Writer"))
    return blocks


def _converted_land(f: DeedFacts, rng: random.Random) -> list[Block]:
    """An advocate's narrative deed of a converted agricultural plot with a tabular schedule."""
    pr, m = f.prop, f.money
    avoid = w.party_names(f.sellers, f.buyers)
    village, taluk = rng.choice(w.VILLAGES), rng.choice(w.TALUKS)
    district = rng.choice(w.DISTRICTS)
    hissa = rng.randint(1, 12)
    conv = w.earlier(f.date, rng, 60, max(61, (f.date - f.prior_date).days - 30))
    # Orders carry the financial year (April to March) in which they were passed.
    fy = conv.year if conv.month >= 4 else conv.year - 1
    order = (
        f"ALN(S){rng.choice(['A', 'B', 'K'])}SR {rng.randint(10, 400)}/{fy}-{(fy + 1) % 100:02d}"
    )
    style = rng.randrange(4)
    plural = len(f.sellers) > 1
    blocks: list[Block] = [
        Heading("SALE DEED"),
        Para(
            f"THIS DEED OF ABSOLUTE SALE is made and executed at {f.execution_city} on this the "
            f"{w.date_text(f.date, 'deed')} ({w.year_in_words(f.date)}) BY:"
        ),
    ]
    blocks += [w.party_para(p, i, rng, style) for i, p in enumerate(f.sellers, 1)]
    blocks.append(Para(f"hereinafter called the VENDOR{'S' if plural else ''};  IN FAVOUR OF:"))
    blocks += [w.party_para(p, i, rng, style) for i, p in enumerate(f.buyers, 1)]
    blocks.append(Para("hereinafter called the PURCHASER(S)."))
    prior_price = m.consideration * rng.randint(20, 55) // 100 // 1000 * 1000
    shares = "; ".join(
        f"{p.title} {p.name} - {w.share_text(p.share or 100, 2)} share" for p in f.sellers
    )
    blocks += [
        Para(
            f"WHEREAS the land in Sy. No. {pr.survey_no}, Hissa No. {hissa} of {village} village, "
            f"{taluk} Taluk, was agricultural land and was converted to non-agricultural "
            f"residential use by the Deputy Commissioner, {district} District, by Order "
            f"No. {order} dated {w.date_text(conv, 'dash')}."
        ),
        Para(
            f"AND WHEREAS the Vendor{'s' if plural else ''} purchased the Schedule 'B' land "
            f"under a registered sale deed dated {w.date_text(f.prior_date, 'deed')}, document "
            f"No. {f.prior_doc_no} of Book I, in the office of the Sub-Registrar, "
            f"{w.other_sro(rng, f.sro_place)}, for {w.rupees(prior_price)}, and hold it in "
            f"these shares: {shares}."
        ),
        Para(
            "NOW THIS DEED WITNESSETH that in consideration of the total sum of "
            f"{w.rupees(m.consideration, style)} ({w.in_words(m.consideration)}) the Vendor"
            f"{'s' if plural else ''} hereby convey the Schedule 'C' property to the "
            "Purchaser(s), the said sum having been paid in instalments as under:"
        ),
    ]
    parts = w.instalments(m.consideration, rng.randint(2, 3), rng)
    for n, (label, amount) in enumerate(zip("abc", parts, strict=False)):
        # Earlier instalments fall before execution; the balance is paid on the day itself.
        last = n == len(parts) - 1
        paid_on = f.date if last else w.earlier(f.date, rng, 45 * (len(parts) - n), 150)
        when = "this day" if last else w.date_text(paid_on, "dash")
        how = "in cash" if m.cash else f"by cheque No. {int(m.instrument_no) + n} drawn on {m.bank}"
        blocks.append(Para(f"({label}) {w.rupees(amount)} paid {how} on {when};", 18))
    blocks += [
        Para(
            f"The guidance value of the Schedule property is {w.rupees(m.guidance, style)}. "
            f"Stamp duty of {w.rupees(m.stamp_duty, style)} is paid on the higher value and a "
            f"registration fee of {w.rupees(m.registration_fee, style)} is paid before the "
            f"Sub-Registrar, {f.sro_place}, where this deed is presented for registration."
        ),
        Heading("SCHEDULE 'B' (CONVERTED LAND)", size=11),
        Row("Survey / Hissa No.", f"{pr.survey_no} / {hissa}"),
        Row("Village / Taluk", f"{village} / {taluk}"),
        Row("Conversion order", f"{order} dt. {w.date_text(conv, 'dot')}"),
        Row("Extent", w.area_b(pr.b_area_sqft, pr.b_area_sqm, True)),
        Heading("SCHEDULE 'C' (PROPERTY CONVEYED)", size=11),
        Row("Description", pr.kind),
        Row("Address", f"{pr.address}, {pr.state} - {pr.pincode}"),
        Row("Extent", f"{w.sqft(pr.c_area_sqft)} sq.ft."),
        Row("Khata No.", pr.khata_no),
    ]
    blocks += [Row(f"Bounded on {s}", b) for s, b in zip(w.SIDES, pr.boundaries, strict=True)]
    blocks.append(Para("IN WITNESS WHEREOF the parties have signed before:"))
    blocks += [Para(f"{i}. Sri {w.stranger(rng, avoid)}", 18) for i in (1, 2)]
    enrol = f"KAR/{rng.randint(100, 4999)}/{rng.randint(1990, 2012)}"
    blocks.append(Para(f"Drafted by: Sri {w.stranger(rng, avoid)}, Advocate ({enrol})"))
    return blocks


def _apartment(f: DeedFacts, rng: random.Random) -> list[Block]:
    """An apartment deed with undivided share of land and a builder as confirming party."""
    pr, m = f.prop, f.money
    avoid = w.party_names(f.sellers, f.buyers)
    builder = f"M/s. {rng.choice(PROJECTS)} Developers Pvt. Ltd."
    village = rng.choice(w.VILLAGES)
    style = rng.randrange(4)
    a_area = int(pr.b_area_sqft * rng.randint(12, 40) // 100 * 100)
    blocks: list[Block] = [
        Heading("DEED OF SALE"),
        Heading("(unit in a developed building with undivided share of land)", size=10),
        Para(f"Date: {w.date_text(f.date, 'us')}        Place: {f.execution_city}"),
        Para("This Deed of Sale is entered into BY AND BETWEEN:"),
    ]
    for i, p in enumerate(f.sellers, 1):
        he, his = w.pronoun(p)
        text = (
            f"VENDOR No. {i}: {p.title} {p.name} ({w.relation(p, False, rng)}, {p.age} yrs); "
            f"address: {w.addr(p)}; Aadhaar: {w.aadhaar_text(p.aadhaar, style)}; "
            f"Contact: {w.phones(p, style)}"
            + (f"; PAN: {p.pan}" if p.pan else "")
            + (f"; Email: {p.email}" if p.email else "")
            + f"; holding {w.share_text(p.share or 100, 1)} of the Schedule property"
        )
        if i == 1 and rng.random() < 0.4:
            gpa = w.stranger(rng, avoid)
            text += (
                f"; {he} being represented herein by {his} General Power of Attorney holder "
                f"Sri {gpa}, not a party in his own right"
            )
        blocks.append(Para(text + ".", 10))
    blocks.append(Para("(hereinafter the VENDORS) AND"))
    for i, p in enumerate(f.buyers, 1):
        text = (
            f"PURCHASER No. {i}: {p.title} {p.name}, {w.relation(p, True, rng)}, aged {p.age}, "
            f"of {w.addr(p)}; Aadhaar {w.aadhaar_text(p.aadhaar, style)}; "
            f"Phone {w.phones(p, style)}"
            + (f"; PAN {p.pan}" if p.pan else "")
            + (f"; {p.email}" if p.email else "")
        )
        blocks.append(Para(text + ".", 10))
    director = w.stranger(rng, avoid)
    blocks += [
        Para("(hereinafter the PURCHASERS) AND"),
        Para(
            f"CONFIRMING PARTY: {builder}, the developer of the building, represented by its "
            f"Director Sri {director}. The Confirming Party has no right, title or share in the "
            "Schedule property and joins this deed only to confirm the sale and the undivided "
            "share of land; it is not a Vendor.",
            10,
        ),
        Para(
            f"1. The Confirming Party developed the Schedule 'A' land under a joint development "
            f"agreement and the Vendors bought the Schedule 'C' property under a deed dated "
            f"{w.date_text(f.prior_date, 'us')}, No. {f.prior_doc_no}, registered at the office "
            f"of the Sub-Registrar, {w.other_sro(rng, f.sro_place)}."
        ),
        Para(
            f"2. The Vendors sell the Schedule 'B' and 'C' property for a total of "
            f"{w.rupees(m.consideration, style)} ({w.in_words(m.consideration)})."
        ),
    ]
    if m.cash:
        pay = "3. The whole consideration was paid in cash by the Purchasers, as acknowledged."
    else:
        utr = f"{m.bank.split()[0].upper()[:4]}R{rng.randint(10**10, 10**11 - 1)}"
        pay = (
            f"3. The consideration was paid by RTGS transfer UTR {utr} from {m.bank} on "
            f"{w.date_text(w.earlier(f.date, rng, 1, 20), 'us')}, receipt acknowledged."
        )
    blocks += [
        Para(pay),
        Para(
            f"4. This deed is presented for registration to the Sub-Registrar, {f.sro_place}. "
            "The values and fees are stated below."
        ),
        Heading("STATEMENT OF VALUES", size=11),
        Row("Agreed consideration", w.rupees(m.consideration, style)),
        Row("Guidance (market) value", w.rupees(m.guidance, style)),
        Row("Stamp duty", w.rupees(m.stamp_duty, style)),
        Row("Registration fee", w.rupees(m.registration_fee, style)),
        Heading("SCHEDULE 'A' (ENTIRE LAND)", size=11),
        Para(
            f"Land in Sy. No. {pr.survey_no}, {village} village, measuring {w.group_indian(a_area)}"
            f" sq.ft. in all, on which the building is constructed."
        ),
        Heading("SCHEDULE 'B' (UNDIVIDED SHARE)", size=11),
        Para(
            f"An undivided share, right, title and interest of "
            f"{w.area_b(pr.b_area_sqft, pr.b_area_sqm, False)} in the Schedule 'A' land."
        ),
        Heading("SCHEDULE 'C' (UNIT SOLD)", size=11),
        Para(
            f"{pr.kind} at {pr.address}, {pr.state}, PIN {pr.pincode}, super built-up area "
            f"{w.sqft(pr.c_area_sqft)} sq.ft., with one covered car parking, Khata "
            f"No. {pr.khata_no}; bounded East by {pr.boundaries[0]}, West by {pr.boundaries[1]}, "
            f"North by {pr.boundaries[2]} and South by {pr.boundaries[3]}."
        ),
        Para("Witnesses:"),
    ]
    blocks += [Para(f"{i}. Mr. {w.stranger(rng, avoid)}", 18) for i in (1, 2)]
    blocks.append(Para(f"For {builder}: Sri {director}, Director"))
    return blocks


def _clauses(f: DeedFacts, rng: random.Random) -> list[Block]:
    """A document writer's numbered-clause deed with a particulars-of-parties table."""
    pr, m = f.prop, f.money
    avoid = w.party_names(f.sellers, f.buyers)
    style = rng.randrange(4)
    date = w.date_text(f.date, rng.choice(["dot", "slash"]))
    blocks: list[Block] = [
        Heading("SALE DEED"),
        Para(
            f"Executed on {date} at {f.execution_city}; for registration at the office of the "
            f"Sub-Registrar, {f.sro_place}."
        ),
        Heading("PARTICULARS OF PARTIES", size=11),
    ]
    for i, p in enumerate(f.sellers, 1):
        blocks += w.party_rows("VENDOR", i, p, style)
    for i, p in enumerate(f.buyers, 1):
        blocks += w.party_rows("PURCHASER", i, p, style)
    agreement = w.earlier(f.date, rng, 30, 200)
    advance = m.consideration // rng.randint(5, 10) // 10000 * 10000
    mode = "in cash" if m.cash else f"by demand drafts (first DD No. {m.instrument_no}, {m.bank})"
    clauses = [
        f"The Vendors are the absolute owners of the Schedule property, having purchased it "
        f"under sale deed No. {f.prior_doc_no} dated {w.date_text(f.prior_date, 'slash')} "
        f"registered before the Sub-Registrar, {w.other_sro(rng, f.sro_place)}, and the "
        f"Khata No. {pr.khata_no} stands in their names.",
        f"Under an agreement of sale dated {w.date_text(agreement, 'dot')} the Purchasers paid "
        f"an advance of {w.rupees(advance)}, which forms part of the consideration below.",
        f"The total sale consideration is {w.rupees(m.consideration, style)} "
        f"({w.in_words(m.consideration)}), received by the Vendors in full {mode}.",
        f"The guidance value of the Schedule property notified by the Government is "
        f"{w.rupees(m.guidance, style)}; stamp duty of {w.rupees(m.stamp_duty, style)} and "
        f"registration fee of {w.rupees(m.registration_fee, style)} are borne by the Purchasers.",
        "The Vendors have this day put the Purchasers in vacant possession and shall sign "
        "all papers needed to transfer the Khata in the Purchasers' names.",
        "The Vendors declare the Schedule property free of all encumbrances, charges, "
        "mortgages and attachments, and indemnify the Purchasers against any defect of title.",
    ]
    blocks += [Para(f"{n}. {text}") for n, text in enumerate(clauses, 1)]
    b_text = w.area_b(pr.b_area_sqft, pr.b_area_sqm, rng.random() < 0.5)
    blocks += [
        Heading("SCHEDULE", size=11),
        Para(f"B Schedule: land in Sy. No. {pr.survey_no} measuring {b_text}"),
        Para(
            f"C Schedule: {pr.kind}, {pr.address}, {pr.state} {pr.pincode}, measuring "
            f"{w.sqft(pr.c_area_sqft)} sq.ft. Boundaries: "
            + ", ".join(f"{s}: {b}" for s, b in zip(w.SIDES, pr.boundaries, strict=True))
            + "."
        ),
        Para("Witnesses: " + "; ".join(f"({i}) Sri {w.stranger(rng, avoid)}" for i in (1, 2))),
        Para(
            f"Prepared by: Sri {w.stranger(rng, avoid)}, Licensed Document Writer, "
            f"Lic. No. DW/{rng.randint(10, 999)}/{f.execution_city[:3].upper()}"
        ),
    ]
    return blocks


PANCHAYAT_TEMPLATES: dict[str, Template] = {
    "gp_house": _gp_house,
    "converted_land": _converted_land,
    "apartment": _apartment,
    "clauses": _clauses,
}
