"""Party records in drafting styles the other layout tests do not cover."""

import pytest

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
