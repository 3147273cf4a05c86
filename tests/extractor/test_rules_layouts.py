"""Party layouts beyond running prose: identity tables, column boxes, relation or age first."""

import pytest

from docmill_extractor.rules.columns import unfold_column_boxes
from docmill_extractor.rules.money import read_amounts
from docmill_extractor.rules.particulars import read_place, read_share
from docmill_extractor.rules.parties import find_parties
from docmill_extractor.rules.property import read_cash_mode
from docmill_extractor.rules.registration import read_registration_office, read_transaction_date

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


COLUMN_BOX = (
    "This deed is made between the parties described below.\n"
    "SELLER 1 | BUYER 1\n"
    "Name: Sri Kiran Rao (PAN: ABCPR1234K) | Name: Smt. Latha Hegde\n"
    "Relation: S/o Mohan Rao | Relation: W/o Ganesh Hegde\n"
    "Address: 7, Fort Road, Kadri, Mangaluru - 575009, Karnataka | Address: 12, Lake\n"
    "Road, Vidyanagar, Hubballi - 580092, Karnataka\n"
    "Aadhaar: 3444 5718 6909 | Aadhaar: 4611 8213 7367\n"
    "Share of Seller 1: an undivided 60% share\n"
    "SELLER 2 | BUYER 2\n"
    "Name: Sri Anand Joshi | -\n"
    "Relation: S/o Prakash Joshi | -\n"
    "Address: 14, College Road, Jayanagar, Bengaluru - 560076, Karnataka | -\n"
    "Aadhaar: 3173 3793 9405 | -\n"
    "WHEREAS the property was bought in 2001.\n"
)


def test_unfolded_column_box_keeps_each_column_its_own_party() -> None:
    unfolded = unfold_column_boxes(COLUMN_BOX)
    assert "|" not in unfolded
    assert unfolded.index("BUYER 1") > unfolded.index("3444 5718 6909")
    assert "Address: 12, Lake Road, Vidyanagar" in unfolded
    assert "BUYER 2" not in unfolded


def test_column_box_parties_get_their_roles_and_particulars() -> None:
    sellers, buyers, _ = find_parties(COLUMN_BOX)
    assert [p.name for p in sellers] == ["Kiran Rao", "Anand Joshi"]
    assert [p.name for p in buyers] == ["Latha Hegde"]
    assert sellers[0].aadhaar_number == "3444-5718-6909"
    assert sellers[0].pincode == "575009"
    assert sellers[0].property_share == "60%"
    assert sellers[1].pincode == "560076"
    assert buyers[0].aadhaar_number == "4611-8213-7367"
    assert buyers[0].pincode == "580092"
    assert buyers[0].property_share is None


@pytest.mark.parametrize(
    ("text", "share"),
    [
        ("owning an undivided one-half share", "50%"),
        ("holding three-fourth share in the property", "75%"),
        ("one fourth undivided share", "25%"),
        ("one-half of the road", None),
    ],
)
def test_share_written_in_words(text: str, share: str | None) -> None:
    assert read_share(text) == share


def test_column_cell_wrapped_onto_a_labelled_line_stays_in_its_column() -> None:
    box = (
        "SELLER 1 | BUYER 1\n"
        "Name: Sri Kiran Rao | Name: Smt. Latha Hegde\n"
        "Contact: Mob: 9845012345 | Contact: Mob: 9632054321,\n"
        "E-mail: latha.h@example.in\n"
        "Share of Seller 1: an undivided 60% share\n"
        "WHEREAS the property was bought in 2001.\n"
    )
    unfolded = unfold_column_boxes(box).splitlines()
    assert unfolded == [
        "SELLER 1",
        "Name: Sri Kiran Rao",
        "Contact: Mob: 9845012345",
        "Share of Seller 1: an undivided 60% share",
        "BUYER 1",
        "Name: Smt. Latha Hegde",
        "Contact: Mob: 9632054321, E-mail: latha.h@example.in",
        "WHEREAS the property was bought in 2001.",
    ]


AGE_FIRST = (
    "THIS SALE DEED is made BY: (1) aged about 46 years, Mrs. Kavya Bhat (PAN: HEXPB3196B),\n"
    "wife of Sri. Harish Bhat, residing at 510, Temple Street, Kadri, Mangaluru-575073,\n"
    "Karnataka, Aadhaar No. 3364 3524 2252, hereinafter called the VENDOR, represented by\n"
    "Sri. Ravi Kumar, her attorney; IN FAVOUR OF: (1) aged about 52 years, Shri Mahesh Nair\n"
    "(PAN: NHCPN7185J), son of Sri. Girish Nair, residing at 560, 8th Main, Tumakuru,\n"
    "Karnataka, Pin Code: 572058, Aadhaar No. 9944 2869 1870; hereinafter called the PURCHASER.\n"
    "The VENDOR is represented by the General Power of Attorney holder Sri. Arun Rao (Aadhaar\n"
    "No. 6150 3430 3395), appointed under a GPA dated 03-04-2016.\n"
)


def test_age_before_the_name_and_an_attorney_is_no_party() -> None:
    sellers, buyers, _ = find_parties(AGE_FIRST)
    assert [p.name for p in sellers] == ["Kavya Bhat"]
    assert [p.name for p in buyers] == ["Mahesh Nair"]
    assert sellers[0].aadhaar_number == "3364-3524-2252"
    assert sellers[0].pincode == "575073"
    assert buyers[0].pan_card_number == "NHCPN7185J"
    assert buyers[0].pincode == "572058"


RELATION_FIRST = (
    "TRANSFEROR(S)\n"
    "1. Mahesh Rao's son Shri Nagaraj Rao (PAN: MFWPR6701V), age 25, #731, 5th Block, Vidyanagar,\n"
    "Hubballi - 580014 (Karnataka State). Aadhaar 7722 1261 4041. Mob: +91 72713 87069.\n"
    "TRANSFEREE(S)\n"
    "1. Praveen Swamy's daughter Kum. Usha Swamy (PAN: RLGPS4506G), age 34, #998, Temple\n"
    "Street, Yelahanka, Bengaluru, Karnataka, Pin Code: 560070. Aadhaar 8060 0167 2496.\n"
)


def test_relation_before_the_name_and_place_after_the_age() -> None:
    sellers, buyers, _ = find_parties(RELATION_FIRST)
    assert [p.name for p in sellers] == ["Nagaraj Rao"]
    assert [p.name for p in buyers] == ["Usha Swamy"]
    assert sellers[0].address == "#731, 5th Block, Vidyanagar, Hubballi"
    assert sellers[0].pincode == "580014"
    assert sellers[0].state == "Karnataka"
    assert buyers[0].address == "#998, Temple Street, Yelahanka, Bengaluru"
    assert buyers[0].pincode == "560070"
    assert buyers[0].gender == "Female"


def test_place_after_the_age_needs_a_pincode_or_state() -> None:
    assert read_place("Sri Kiran Rao, aged 40, Mrs. Latha Rao (PAN: ABCPR1234K)") == (
        None,
        None,
        None,
    )


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        (
            "Paid by Cheque No. 610658.\nNo part of the sale consideration has been paid in cash.",
            "No",
        ),
        ("Paid by Cheque No. 610658, and Rs.50,000 has been paid in cash.", "Yes"),
    ],
)
def test_cash_denied_early_in_a_long_sentence(text: str, mode: str) -> None:
    assert read_cash_mode(text) == mode


def test_stamp_duty_with_currency_in_its_label_not_the_e_stamp_paper() -> None:
    text = (
        "e-Stamp Certificate No. IN-KA56536328659668A dated 05-Nov-2023,\n"
        "Stamp Duty Amount (Rs.): 7,21,780\n"
        "executed on the Eighteenth day of November, Two Thousand and Twenty-Three.\n"
    )
    assert read_amounts(text)["stamp_duty_fee"] == 721780.0


def test_address_labelled_r_at() -> None:
    assert read_place("Sri Kiran Rao, R/at #15, Residency Road, Bengaluru - 560025, Karnataka") == (
        "#15, Residency Road, Bengaluru",
        "560025",
        "Karnataka",
    )


def test_price_after_purchased_for_when_no_consideration_is_named() -> None:
    text = (
        "The FIRST PARTY has sold and the SECOND PARTY has purchased the Schedule Property for\n"
        "Rs.1,23,01,000.00, received by way of Cheque bearing No. 714338.\n"
    )
    assert read_amounts(text)["sale_consideration"] == 12301000.0
    assert read_amounts("The property was sold to the buyer.")["sale_consideration"] is None


def test_identity_table_pan_in_lower_case() -> None:
    text = IDENTITY_TABLE.replace("ABCPR1234K", "abcpr1234k")
    sellers, _, _ = find_parties(text)
    assert sellers[0].pan_card_number == "ABCPR1234K"


@pytest.mark.parametrize(
    ("text", "office"),
    [
        (
            "before the Sub-Registrar Office, Mangaluru\nCity, on",
            "Sub-Registrar Office, Mangaluru City",
        ),
        ("before the Sub-Registrar, Mysuru\nSouth.", "Sub-Registrar Office, Mysuru South"),
        ("before the Sub-Registrar, Mysuru\nSchedule B", "Sub-Registrar Office, Mysuru"),
    ],
)
def test_office_place_wrapped_onto_the_next_line(text: str, office: str) -> None:
    assert read_registration_office(text) == office


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "e-Stamp dated 05-Nov-2023. This deed is executed at Mysuru on the Eighteenth day\n"
            "of November, Two Thousand and Twenty-Three between the parties.",
            "2023-11-18",
        ),
        ("made on this the Twenty-First day of March, Two Thousand Nineteen.", "2019-03-21"),
        ("made on the Thirtieth day of February, Two Thousand Nineteen.", None),
    ],
)
def test_execution_date_written_in_words(text: str, date: str | None) -> None:
    assert read_transaction_date(text) == date


@pytest.mark.parametrize(
    "recital",
    [
        "The Sellers became the owner(s) of the Schedule Property under an allotment and Sale "
        "Deed dated 31st day of July, 2010 from the developer, registered as No. RJN-1-9283 "
        "before the Sub-Registrar, Mysuru South.",
        "Sri Anil Rao, represented by his General Power of Attorney Holder Sri Venkatesh Gupta, "
        "under a GPA dated 14-09-2021 registered as Document No. DEV-4-100 in the office of the "
        "Sub-Registrar, Mysuru South;",
    ],
)
def test_office_of_an_allotment_or_an_attorneys_deed_is_not_this_deeds(recital: str) -> None:
    text = (
        f"{recital}\nThe registration fee of Rs.1,64,880.00 is paid by challan before the "
        "office of the Sub-Registrar at Hubballi.\n"
    )
    assert read_registration_office(text) == "Sub-Registrar Office, Hubballi"


def test_address_cell_of_a_party_table_whose_header_is_not_known() -> None:
    row = (
        "1 | Sri Girish B. Desai | 36 yrs | son of Arun Desai | Door No. 289, College Road, "
        "Kyathasandra,\nTumakuru, Karnataka - 572066 | Aadhaar 375275903181 | PAN AWFPD2210Q"
    )
    assert read_place(row) == (
        "Door No. 289, College Road, Kyathasandra, Tumakuru",
        "572066",
        "Karnataka",
    )
