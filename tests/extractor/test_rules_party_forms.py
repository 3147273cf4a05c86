"""Party particulars as printed forms, boxed tables, recitals and annexes lay them out."""

import pytest

from docmill_extractor.rules.particulars import read_share
from docmill_extractor.rules.parties import find_parties

pytestmark = pytest.mark.unit


def test_form_label_on_the_line_after_the_name_is_not_part_of_it() -> None:
    text = (
        "VENDOR - 1\nName of the Vendor 1\nMs. Geetha Rao\nFather's/Husband's name\n"
        "D/o Ramesh Rao\nAge\n41 years\nAddress\n12, Temple Street, Mysuru, Karnataka\n"
        "Aadhaar No.\n7651 6699 6244\nShare\none-fifth undivided share\n"
        "VENDEE - 1\nName of the Vendee 1\nShri Mohan Das\nFather's/Husband's name\n"
        "son of Prakash Das\nAadhaar No.\n3317 4201 8419\n"
    )
    sellers, buyers, _ = find_parties(text)
    assert [(p.name, p.property_share) for p in sellers] == [("Geetha Rao", "20%")]
    assert [p.name for p in buyers] == ["Mohan Das"]


@pytest.mark.parametrize(
    ("phrase", "share"),
    [
        ("holds one-fifth share and interest", "20%"),
        ("two-fifths undivided share", "40%"),
        ("three fourths share", "75%"),
        ("one-tenth share", "10%"),
        ("Share: Fifty per cent", "50%"),
        ("holding Twenty-Five percent share", "25%"),
        ("an undivided 60% (Sixty per cent) share", "60%"),
    ],
)
def test_shares_in_words(phrase: str, share: str) -> None:
    assert read_share(phrase) == share


def test_share_printed_on_the_box_header_before_the_name() -> None:
    text = (
        "+----------------------------------------+\n"
        "| SELLER No. 1 | Share: 3/4th share\n"
        "| Name: Ms. Geetha Rao | Gender: Female | Age: 41 years\n"
        "| Relation: D/o Ramesh Rao\n"
        "| Aadhaar No. 7651 6699 6244 | Mobile No. 9845012345\n"
        "+----------------------------------------+\n"
        "| SELLER No. 2 | Share: 1/4th share\n"
        "| Name: Shri Mohan Das | Gender: Male | Age: 52 years\n"
        "| Relation: son of Prakash Das\n"
        "| Aadhaar No. 3317 4201 8419 | Mobile No. 9632054321\n"
        "+----------------------------------------+\n"
    )
    sellers, _, _ = find_parties(text)
    assert [(p.name, p.property_share) for p in sellers] == [
        ("Geetha Rao", "75%"),
        ("Mohan Das", "25%"),
    ]


def test_namesake_seller_and_buyer_take_annex_blocks_in_turn() -> None:
    text = (
        "This Sale Deed is made by Smt. Geetha Rao, W/o Ramesh Rao, aged about 39 years,"
        " residing at 12, Temple Street, Mysuru - 570019, Karnataka State, hereinafter referred"
        " to as the 'Seller', in favour of Smt. Geetha Rao, wife of Suresh Rao, aged about 43"
        " years, residing at 7, MG Road, Bengaluru - 560001, Karnataka, hereinafter referred to"
        " as the 'Buyer'.\n"
        "WITNESSES:\n1. Ravi Kumar\n"
        "ANNEXURE - PARTICULARS OF IDENTITY\n"
        "Smt. Geetha Rao: Aadhaar No. 7651 6699 6244; Mobile No. 9845012345\n"
        "Smt. Geetha Rao: Aadhaar No. 3317 4201 8419; Mobile No. 9632054321\n"
    )
    sellers, buyers, _ = find_parties(text)
    assert [(p.aadhaar_number, p.phone_number) for p in sellers] == [
        ("7651-6699-6244", "9845012345")
    ]
    assert [(p.aadhaar_number, p.phone_number) for p in buyers] == [
        ("3317-4201-8419", "9632054321")
    ]


def test_phone_closing_its_line_before_a_heading_stays_with_the_party() -> None:
    text = (
        "PURCHASER No. 1: Mr. Mohan Das, son of Sri Prakash Das, aged 49, resident of 7, MG"
        " Road, Bengaluru - 560052, Karnataka. Aadhaar No. 3317 4201 8419, Mobile No.\n"
        "9845012345.\nWHEREAS the VENDOR acquired the Schedule property.\n"
    )
    _, buyers, _ = find_parties(text)
    assert [p.phone_number for p in buyers] == ["9845012345"]


def test_right_cell_pushed_onto_its_own_line_in_a_two_column_box() -> None:
    text = (
        "VENDOR 1 | PURCHASER 1\n"
        "Name: Smt. Geetha Rao | Name: Mr. Mohan Das\n"
        "Relation: W/o Ramesh Rao | Relation: S/o Prakash Das\n"
        "Address: Door No. 35, Residency Road, Kuvempunagar, Mysuru, Pin Code: 570075 |\n"
        "Address: Door No. 193, Temple Street, Tumakuru - 572037\n"
        "Aadhaar: 7651 6699 6244 | Aadhaar: 3317 4201 8419\n"
        "Contact: Mob: 9845012345 | Contact: Mob: 9632054321\n"
    )
    sellers, buyers, _ = find_parties(text)
    assert [(p.aadhaar_number, p.phone_number) for p in sellers] == [
        ("7651-6699-6244", "9845012345")
    ]
    assert [(p.pincode, p.aadhaar_number) for p in buyers] == [("572037", "3317-4201-8419")]
