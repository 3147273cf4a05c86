"""Party layouts beyond running prose: identity tables, column boxes, relation or age first."""

import pytest

from docmill_extractor.rules.parties import find_parties

pytestmark = pytest.mark.unit

IDENTITY_TABLE = (
    "This deed is made by (1) Sri Kiran Rao, S/o Mohan Rao, aged 40 years, residing at 7,\n"
    "Fort Road, Kadri, Mangaluru, Karnataka - 575009, hereinafter called the VENDOR;\n"
    "in favour of (1) Smt. Latha Hegde, W/o Ganesh Hegde, aged 44 years, residing at 12,\n"
    "Lake Road, Vidyanagar, Hubballi - 580092, Karnataka, hereinafter called the PURCHASER.\n"
    "PARTICULARS OF THE PARTIES\n"
    "No. | Role | Name | Aadhaar | PAN | Phone | e-mail\n"
    "1. | Vendor | Kiran Rao | 3444 5718 6909 | ABCPR1234K | 9845012345 | --\n"
    "2. | Purchaser | Latha Hegde | 4611 8213 7367 | Form 60 | +91 96320 54321 |\n"
    "latha.h@example.in\n"
)


def test_identity_table_row_fills_the_party_named_in_it() -> None:
    sellers, buyers, _ = find_parties(IDENTITY_TABLE)
    assert [p.name for p in sellers] == ["Kiran Rao"]
    assert [p.name for p in buyers] == ["Latha Hegde"]
    assert sellers[0].aadhaar_number == "3444-5718-6909"
    assert sellers[0].pan_card_number == "ABCPR1234K"
    assert sellers[0].phone_number == "9845012345"
    assert sellers[0].email is None
    assert buyers[0].aadhaar_number == "4611-8213-7367"
    assert buyers[0].pan_card_number is None
    assert buyers[0].phone_number == "9632054321"
    assert buyers[0].email == "latha.h@example.in"
