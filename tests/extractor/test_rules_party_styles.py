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
