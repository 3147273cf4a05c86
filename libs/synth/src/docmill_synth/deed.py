"""One synthetic deed: facts -> wording -> PDF, with its ground truth."""

from __future__ import annotations

import random
from dataclasses import dataclass

from docmill_contracts.saledeed import Party, PropertyDetails, SaleDeed
from docmill_synth.render import render_pdf
from docmill_synth.templates_audit import AUDIT_TEMPLATES
from docmill_synth.templates_blind import BLIND_TEMPLATES
from docmill_synth.templates_circle import CIRCLE_TEMPLATES
from docmill_synth.templates_district import DISTRICT_TEMPLATES
from docmill_synth.templates_hobli import HOBLI_TEMPLATES
from docmill_synth.templates_holdout import HOLDOUT_TEMPLATES
from docmill_synth.templates_main import MAIN_TEMPLATES, Template
from docmill_synth.templates_panchayat import PANCHAYAT_TEMPLATES
from docmill_synth.templates_registry import REGISTRY_TEMPLATES
from docmill_synth.templates_reserve import RESERVE_TEMPLATES
from docmill_synth.templates_sealed import SEALED_TEMPLATES
from docmill_synth.templates_taluk import TALUK_TEMPLATES
from docmill_synth.templates_unseen import UNSEEN_TEMPLATES
from docmill_synth.templates_ward import WARD_TEMPLATES
from docmill_synth.values import DeedFacts, PartyFacts, sample_facts

FAMILIES: dict[str, dict[str, Template]] = {
    "main": MAIN_TEMPLATES,
    "holdout": HOLDOUT_TEMPLATES,
    # Written without reading the extraction rules: the honest unseen-deed check.
    "blind": BLIND_TEMPLATES,
    "unseen": UNSEEN_TEMPLATES,
    # Kept out of rule tuning entirely: the final accuracy audit.
    "audit": AUDIT_TEMPLATES,
    # Also written without reading the rules or the other families: a second audit set.
    "sealed": SEALED_TEMPLATES,
    # Written apart from the rules and measured before any rule change; then tuned on.
    "registry": REGISTRY_TEMPLATES,
    # Written apart from the rules and the other families; measured, then tuned on.
    "reserve": RESERVE_TEMPLATES,
    # Written apart from the rules and every other family; measured, then tuned on.
    "district": DISTRICT_TEMPLATES,
    "taluk": TALUK_TEMPLATES,
    # Written apart from the rules and every other family; measured, then tuned on.
    "circle": CIRCLE_TEMPLATES,
    "hobli": HOBLI_TEMPLATES,
    # Written apart from the rules and every other family; never used to tune the rules.
    "ward": WARD_TEMPLATES,
    # Written apart from the rules and every other family; measured before any rule change.
    "panchayat": PANCHAYAT_TEMPLATES,
}


class UnknownFamilyError(ValueError):
    """The requested template family does not exist."""


@dataclass(frozen=True, slots=True)
class GeneratedDeed:
    pdf: bytes
    truth: SaleDeed
    filename: str  # without extension
    template: str


def _to_party(p: PartyFacts) -> Party:
    return Party(
        name=p.name,
        gender=p.gender,
        aadhaar_number=p.aadhaar,
        pan_card_number=p.pan,
        address=p.address,
        pincode=p.pincode,
        state=p.state,
        phone_number=p.phone,
        secondary_phone_number=p.phone2,
        email=p.email,
        property_share=f"{p.share}%" if p.share is not None else None,
    )


def build_truth(facts: DeedFacts) -> SaleDeed:
    """Return the SaleDeed a perfect extractor would produce for `facts`."""
    pr, m = facts.prop, facts.money
    return SaleDeed(
        transaction_date=facts.date.isoformat(),
        registration_office=f"Sub-Registrar Office, {facts.sro_place}",
        property_details=PropertyDetails(
            schedule_b_area=pr.b_area_sqft,
            schedule_c_property_name=pr.kind,
            schedule_c_property_address=pr.address,
            schedule_c_property_area=pr.c_area_sqft,
            paid_in_cash_mode="Yes" if m.cash else "No",
            pincode=pr.pincode,
            state=pr.state,
            sale_consideration=float(m.consideration),
            stamp_duty_fee=float(m.stamp_duty),
            registration_fee=float(m.registration_fee),
            guidance_value=float(m.guidance),
        ),
        buyers=[_to_party(p) for p in facts.buyers],
        sellers=[_to_party(p) for p in facts.sellers],
    )


def generate_deed(seed: int, *, family: str = "main") -> GeneratedDeed:
    """Return the deed for `seed` in `family`; the same seed always gives the same deed."""
    templates = FAMILIES.get(family)
    if templates is None:
        raise UnknownFamilyError(f"unknown family {family!r}; choose from {sorted(FAMILIES)}")
    # Family in the seed string keeps main and holdout deeds of one seed unrelated.
    rng = random.Random(f"{family}:{seed}")
    facts = sample_facts(rng)
    name = sorted(templates)[rng.randrange(len(templates))]
    blocks = templates[name](facts, rng)
    filename = f"{family}_{seed:05d}_{name}"
    return GeneratedDeed(
        pdf=render_pdf(blocks, title=filename),
        truth=build_truth(facts),
        filename=filename,
        template=name,
    )
