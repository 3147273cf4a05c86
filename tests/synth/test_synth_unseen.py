import datetime as dt
import random
import re

import pymupdf
import pytest
from PIL import Image

from docmill_normalize import format_indian, is_valid_aadhaar
from docmill_synth import FAMILIES, generate_deed
from docmill_synth.deed import build_truth
from docmill_synth.feetable_unseen import (
    LABELS,
    compose_unseen_page,
    sample_unseen_rows,
    unseen_fee_deed,
)
from docmill_synth.render import render_pdf
from docmill_synth.templates_unseen import UNSEEN_TEMPLATES, date_renderings
from docmill_synth.values import SRO_PLACES, sample_facts

pytestmark = pytest.mark.slow


def _text(pdf: bytes) -> str:
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        assert doc.page_count >= 1
        return "\n".join(page.get_text() for page in doc)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _words(text: str) -> set[str]:
    return set(text.replace("(", " ").split())


def _area_forms(value: float) -> set[str]:
    decimals = 0 if value.is_integer() else 2
    return {format_indian(value, decimals=decimals), f"{value:.{decimals}f}"}


def _rendered(name: str, seed: int):
    rng = random.Random(f"unseen-test:{name}:{seed}")
    facts = sample_facts(rng)
    blocks = UNSEEN_TEMPLATES[name](facts, rng)
    return facts, build_truth(facts), _squash(_text(render_pdf(blocks)))


def test_unseen_family_is_registered_and_distinct() -> None:
    assert FAMILIES["unseen"] is UNSEEN_TEMPLATES
    assert 4 <= len(UNSEEN_TEMPLATES) <= 6
    for other in ("main", "holdout", "blind"):
        assert not set(UNSEEN_TEMPLATES) & set(FAMILIES[other])


@pytest.fixture(scope="module")
def unseen_deeds():
    return [generate_deed(s, family="unseen") for s in range(12)]


def test_unseen_headings_differ_from_main(unseen_deeds) -> None:
    unseen = {_text(d.pdf).splitlines()[0] for d in unseen_deeds}
    main = {_text(generate_deed(s).pdf).splitlines()[0] for s in range(10)}
    assert len(unseen) >= 3
    assert not unseen & main


def test_seeds_spread_over_templates(unseen_deeds) -> None:
    names = [d.template for d in unseen_deeds]
    assert set(names) <= set(UNSEEN_TEMPLATES)
    assert len(set(names)) >= 4
    assert all(d.filename.startswith("unseen_") for d in unseen_deeds)


@pytest.mark.parametrize("name", sorted(UNSEEN_TEMPLATES))
@pytest.mark.parametrize("seed", range(6))
def test_every_truth_value_is_printed(name: str, seed: int) -> None:
    facts, truth, text = _rendered(name, seed)
    digits = re.sub(r"\D", "", text)
    for party in [*truth.sellers, *truth.buyers]:
        assert party.name in text
        assert is_valid_aadhaar(party.aadhaar_number)
        assert party.aadhaar_number.replace("-", "") in digits
        assert party.address in text
        assert party.pincode in text and party.state in text
        assert party.phone_number in digits
        for optional in (party.pan_card_number, party.email):
            if optional:
                assert optional in text
        if party.secondary_phone_number:
            assert party.secondary_phone_number in digits
    for party in truth.sellers:
        assert party.property_share in text
    pd = truth.property_details
    for amount in (pd.sale_consideration, pd.stamp_duty_fee, pd.registration_fee):
        assert format_indian(amount) in text or str(int(amount)) in text
    assert format_indian(pd.guidance_value) in text or str(int(pd.guidance_value)) in text
    assert pd.schedule_c_property_name in text
    assert _area_forms(pd.schedule_c_property_area) & _words(text)
    if facts.prop.b_area_sqm is not None:
        assert f"{facts.prop.b_area_sqm:.2f}" in text
    else:
        assert _area_forms(pd.schedule_b_area) & _words(text)
    assert pd.schedule_c_property_address in text
    assert pd.pincode in text and pd.state in text
    assert truth.registration_office.split(", ", 1)[1] in text
    date = dt.date.fromisoformat(truth.transaction_date)
    assert any(written in text for written in date_renderings(date))
    if pd.paid_in_cash_mode == "Yes":
        assert re.search(r"(?<!non-)\bcash\b", text)
    else:
        assert any(way in text for way in ("Cheque No.", "RTGS", "Demand Draft No."))


@pytest.mark.parametrize("name", sorted(UNSEEN_TEMPLATES))
@pytest.mark.parametrize("seed", range(3))
def test_other_offices_belong_to_earlier_deeds(name: str, seed: int) -> None:
    facts, truth, text = _rendered(name, seed)
    places = "|".join(re.escape(p) for p in sorted(SRO_PLACES, key=len, reverse=True))
    found = list(re.finditer(rf"Sub-Registrar(?: Office)?,? (?:at )?({places})\b", text))
    assert facts.sro_place in {m.group(1) for m in found}
    others = [m for m in found if m.group(1) != facts.sro_place]
    assert others, "no earlier deed recited"
    for m in others:
        assert re.search(
            r"Deed dated|Deed\) dated|dated", text[max(0, m.start() - 300) : m.start()]
        )
    assert any(written in text for written in date_renderings(facts.prior_date))
    assert facts.prior_date < facts.date


def test_same_seed_same_unseen_deed() -> None:
    a, b = generate_deed(5, family="unseen"), generate_deed(5, family="unseen")
    assert a.truth == b.truth and a.template == b.template
    assert _text(a.pdf) == _text(b.pdf)
    assert generate_deed(6, family="unseen").truth != a.truth


@pytest.mark.parametrize("seed", range(60))
def test_fee_rows_hold_one_registration_fee(seed: int) -> None:
    rng = random.Random(seed)
    rows = sample_unseen_rows(rng, registration_fee=12_340, stamp_duty=61_700)
    registration = [r for r in rows if r.key == "registration"]
    assert len(registration) == 1 and registration[0].amount == 12_340
    assert registration[0].label in LABELS["registration"]
    others = [r for r in rows if r.key != "registration"]
    assert others and not any("regn" in r.label.casefold() for r in others)
    assert not any("registration" in r.label.casefold() for r in others)
    if rows[-1].key == "total":
        assert rows[-1].amount == sum(r.amount for r in rows[:-1])


@pytest.mark.parametrize("seed", [0, 3])
def test_unseen_fee_deed_ends_in_one_scanned_page(seed: int) -> None:
    fee_deed = unseen_fee_deed(seed)
    truth = generate_deed(seed, family="unseen").truth
    assert fee_deed.registration_fee == truth.property_details.registration_fee
    with pymupdf.open(stream=fee_deed.pdf, filetype="pdf") as doc:
        assert fee_deed.fee_page == doc.page_count >= 2
        scanned = doc[fee_deed.fee_page - 1]
        assert scanned.get_text().strip() == ""
        images = scanned.get_images()
        assert len(images) == 1
        assert doc.extract_image(images[0][0])["ext"] == "jpeg"
        assert all(page.get_text().strip() for page in doc if page.number < doc.page_count - 1)


def test_unseen_fee_page_is_deterministic_and_holds_the_table() -> None:
    truth = generate_deed(2, family="unseen").truth
    a, b = compose_unseen_page(2, truth=truth), compose_unseen_page(2, truth=truth)
    assert a.jpeg == b.jpeg and a.rows == b.rows and a.box == b.box
    assert compose_unseen_page(4, truth=truth).jpeg != a.jpeg
    (fee,) = [r.amount for r in a.rows if r.key == "registration"]
    assert fee == truth.property_details.registration_fee
    x0, y0, x1, y1 = a.box
    assert 0 <= x0 < x1 <= a.image.width and 0 <= y0 < y1 <= a.image.height
    assert x0 < a.fee_at[0] < x1 and y0 < a.fee_at[1] < y1
    # The table is inked: its box is darker on average than the page's empty bottom.
    grey = a.image.convert("L")
    table = grey.crop(a.box).resize((1, 1), Image.Resampling.BOX).getpixel((0, 0))
    bottom = grey.crop((0, a.image.height - 150, a.image.width, a.image.height - 50))
    assert table < bottom.resize((1, 1), Image.Resampling.BOX).getpixel((0, 0)) - 5
