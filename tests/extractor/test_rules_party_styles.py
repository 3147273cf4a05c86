"""Party records in drafting styles the other layout tests do not cover."""

import pytest

from docmill_extractor.rules.particulars import read_share
from docmill_extractor.rules.parties import find_parties

pytestmark = pytest.mark.unit


def test_a_party_whose_occupation_is_advocate_is_still_a_party() -> None:
    text = (
        "VENDOR(S)\n"
        "Vendor No. 1: Sri Suresh A. Nair, S/o Praveen Nair, aged about 38 years, Occupation:"
        " Advocate,\nresiding at Door No. 214, Temple Street, Mysuru, Karnataka, Pin Code: 570019\n"
        "Aadhaar No. 7651 6699 6244\n"
        "PURCHASER(S)\n"
        "Purchaser No. 1: Mr. Girish Shetty, son of Sri Nagaraj Shetty, Occupation\nAdvocate\n"
        "residing at Door No. 316, Brigade Road, Bengaluru - 560023, Karnataka State\n"
        "Aadhaar No. 3317 4201 8419\n"
    )
    sellers, buyers, _ = find_parties(text)
    assert [p.name for p in sellers] == ["Suresh A. Nair"]
    assert [p.name for p in buyers] == ["Girish Shetty"]


def test_advocate_named_as_such_is_no_party_but_an_advocate_party_is() -> None:
    text = (
        "BY:\n1. Kum. Kavya Patil, aged 28 years, D/o Mahesh Patil, Advocate, R/at No. 760,"
        " Residency Road, Vijayawada, Andhra Pradesh - 520014, Aadhaar No. 761584007855.\n"
        "IN FAVOUR OF:\n1. Sri. Arun Verma, aged 70 years, S/o Srinivas Verma, Teacher, R/o"
        " Door No. 505, Church Road, Bengaluru, Karnataka - 560008, Aadhaar No. 7388-3611-5541.\n"
        "Sri Gopal Bhat, Advocate, Bengaluru, Aadhaar No. 6046 3384 9568\n"
    )
    sellers, buyers, _ = find_parties(text)
    assert [p.name for p in sellers] == ["Kavya Patil"]
    assert [p.name for p in buyers] == ["Arun Verma"]


@pytest.mark.parametrize(
    ("wording", "share"),
    [
        ("holds his half (1/2) share;", "50%"),
        ("holds her one-fourth (1/4th) share", "25%"),
        ("holds his three-fourth (3/4th) share", "75%"),
        ("holds a half share", "50%"),
    ],
)
def test_share_restated_in_brackets_or_as_a_bare_word(wording: str, share: str) -> None:
    assert read_share(wording) == share


def test_sole_sellers_share_is_stated_of_the_role() -> None:
    text = (
        "BY: Sri Ravi Kumar, S/o Mohan Kumar, residing at No. 5, Fort Road, Mangaluru - 575001,\n"
        "(Aadhaar No. 3444 5718 6909)\n"
        "IN FAVOUR OF: Sri Anand Joshi, S/o Prakash Joshi, residing at #14, College Road,\n"
        "Bengaluru - 560076, (Aadhaar No. 3173 3793 9405)\n"
        "WHEREAS the Schedule Property was allotted to the share of the VENDOR in a partition.\n"
        "WHEREAS the Vendor is the absolute owner of the entire 100% share in the Schedule\n"
        "Property. The Vendor has received 10% of the price from the Purchaser.\n"
    )
    sellers, _, _ = find_parties(text)
    assert [p.property_share for p in sellers] == ["100%"]
