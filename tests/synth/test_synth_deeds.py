import json
import re

import msgspec
import pymupdf
import pytest

from docmill_contracts.saledeed import SaleDeed, sale_deed_decoder
from docmill_normalize import is_valid_aadhaar
from docmill_synth import FAMILIES, UnknownFamilyError, generate_deed
from docmill_synth.__main__ import main

pytestmark = pytest.mark.slow


def _text(pdf: bytes) -> str:
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        assert doc.page_count >= 1
        return "\n".join(page.get_text() for page in doc)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_same_seed_same_deed() -> None:
    a, b = generate_deed(7), generate_deed(7)
    assert a.truth == b.truth and a.filename == b.filename
    assert generate_deed(8).truth != a.truth


def test_families_differ_for_one_seed() -> None:
    assert generate_deed(3, family="main").truth != generate_deed(3, family="holdout").truth


def test_holdout_templates_are_not_main_templates() -> None:
    assert not set(FAMILIES["main"]) & set(FAMILIES["holdout"])
    assert len(FAMILIES["main"]) >= 4
    headings = {_text(generate_deed(s, family="holdout").pdf).splitlines()[0] for s in range(20)}
    main_headings = {_text(generate_deed(s).pdf).splitlines()[0] for s in range(20)}
    assert not headings & main_headings


def test_unknown_family_is_refused() -> None:
    with pytest.raises(UnknownFamilyError):
        generate_deed(1, family="nope")


@pytest.mark.parametrize("family", ["main", "holdout"])
@pytest.mark.parametrize("seed", range(12))
def test_pdf_text_contains_truth_values(family: str, seed: int) -> None:
    deed = generate_deed(seed, family=family)
    text = _squash(_text(deed.pdf))
    digits = re.sub(r"\D", "", text)
    for party in [*deed.truth.sellers, *deed.truth.buyers]:
        assert party.name in text
        assert party.pincode in text
        assert party.aadhaar_number.replace("-", "") in digits
        assert party.phone_number in digits
        for optional in (party.email, party.pan_card_number):
            if optional:
                assert optional in text
    pd = deed.truth.property_details
    assert pd.schedule_c_property_name in text
    assert pd.pincode in text
    assert deed.truth.registration_office.split(", ", 1)[1] in text


@pytest.mark.parametrize("seed", range(40))
def test_truth_is_consistent(seed: int) -> None:
    truth = generate_deed(seed).truth
    assert msgspec.json.decode(msgspec.json.encode(truth), type=SaleDeed) == truth
    assert 1 <= len(truth.sellers) <= 4 and 1 <= len(truth.buyers) <= 4
    assert sum(float(p.property_share.rstrip("%")) for p in truth.sellers) == 100
    assert all(p.property_share is None for p in truth.buyers)
    assert all(is_valid_aadhaar(p.aadhaar_number) for p in [*truth.sellers, *truth.buyers])
    pd = truth.property_details
    base = max(pd.sale_consideration, pd.guidance_value)
    assert 0.045 <= pd.stamp_duty_fee / base <= 0.065
    assert 0.009 <= pd.registration_fee / base <= 0.011
    assert truth.registration_office.startswith("Sub-Registrar Office, ")


def test_optional_fields_are_sometimes_absent() -> None:
    parties = [p for s in range(30) for p in generate_deed(s).truth.sellers]
    assert any(p.email is None for p in parties) and any(p.email for p in parties)
    assert any(p.pan_card_number is None for p in parties)
    assert any(p.secondary_phone_number is None for p in parties)
    states = {generate_deed(s).truth.property_details.state for s in range(60)}
    assert "Karnataka" in states and len(states) > 1


def test_every_main_template_is_used() -> None:
    used = {generate_deed(s).template for s in range(60)}
    assert used == set(FAMILIES["main"])


def test_cli_writes_pdf_and_truth(tmp_path) -> None:
    assert main(["deeds", "--count", "3", "--out", str(tmp_path), "--seed", "5"]) == 0
    pdfs = sorted(tmp_path.glob("*.pdf"))
    assert len(pdfs) == 3
    for pdf in pdfs:
        truth = sale_deed_decoder.decode(pdf.with_suffix(".json").read_bytes())
        assert truth.sellers and json.loads(pdf.with_suffix(".json").read_text())["buyers"]
        assert _text(pdf.read_bytes()).strip()
