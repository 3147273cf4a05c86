"""Party records in drafting styles the other layout tests do not cover."""

import pytest

from docmill_extractor.rules.identifiers import read_phones
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
        ("Mr. Vijay Iyer - 1/4 (one-fourth) share;", "25%"),
        ("Smt. Kavya Prasad - 1/2 (one-half) share", "50%"),
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


def test_parties_in_one_sentence_with_capital_names_and_an_attorney_who_is_no_party() -> None:
    text = (
        "This deed of sale is made BY: (1) SMT. LATHA RAO, wife of Mohan Rao, aged 44 years,"
        " residing at 12, Lake Road, Hubballi 580092, and (2) SRI KIRAN RAO, son of Mohan Rao,"
        " residing at 7, Fort Road, Mangaluru 575009, (the Vendors) IN FAVOUR OF: (1) SRI ANAND"
        " JOSHI, son of Prakash Joshi, residing at #14, College Road, Bengaluru 560076 (the"
        " Purchaser). Sri Ramesh Hegde, S/o Ganesh Hegde, residing at Mysuru 570001, is the GPA"
        " holder of the Vendor No. 2 and signs on his behalf.\n"
        "IDENTIFICATION OF PARTIES\n"
        "[photo] | [thumb] | LATHA RAO, Aadhaar 3444 5718 6909, Mobile 9845012345\n"
        "[photo] | [thumb] | KIRAN RAO, Aadhaar 4611 8213 7367\n"
        "[photo] | [thumb] | ANAND JOSHI, Aadhaar 3173 3793 9405, e-mail anand.j@yahoo.in\n"
    )
    sellers, buyers, _ = find_parties(text)
    assert [p.name for p in sellers] == ["LATHA RAO", "KIRAN RAO"]
    assert [p.name for p in buyers] == ["ANAND JOSHI"]
    assert sellers[0].aadhaar_number == "3444-5718-6909"
    assert sellers[0].phone_number == "9845012345"
    assert buyers[0].email == "anand.j@yahoo.in"


def test_key_value_block_skips_relatives_name_and_reads_labelled_share() -> None:
    text = (
        "VENDOR No. 1\n"
        "Name of the Vendor : Smt. Geetha Kulkarni\n"
        "Father's / Husband's Name : Ravi Kulkarni\n"
        "Gender : Female\n"
        "Address : No. 45, 3rd Cross, Malleshwaram, Bengaluru, Karnataka\n"
        "PIN : 560003\n"
        "Aadhaar Number : 3444 5718 6909\n"
        "Share held : One-half\n"
        "PURCHASER No. 1\n"
        "Name of the Purchaser : Sri Anand Joshi\n"
        "Father's / Husband's Name : Prakash Joshi\n"
        "Address : #14, College Road, Jayanagar, Bengaluru, Karnataka\n"
        "Aadhaar Number : 3173 3793 9405\n"
    )
    sellers, buyers, _ = find_parties(text)
    assert [(p.name, p.property_share, p.pincode) for p in sellers] == [
        ("Geetha Kulkarni", "50%", "560003")
    ]
    assert [p.name for p in buyers] == ["Anand Joshi"]


def test_initials_run_together_stay_in_the_name() -> None:
    text = (
        "BY: Sri K.S. Ramesh, S/o Mohan Kumar, residing at No. 5, Fort Road, Mangaluru - 575001,"
        " Aadhaar No. 3444 5718 6909, (hereinafter called the VENDOR) IN FAVOUR OF: Sri H.R."
        " Nagaraj Rao, S/o Prakash Rao, residing at #14, College Road, Bengaluru - 560076,"
        " Aadhaar No. 3173 3793 9405 (hereinafter called the PURCHASER)."
    )
    sellers, buyers, _ = find_parties(text)
    assert [p.name for p in sellers] == ["K.S. Ramesh"]
    assert [p.name for p in buyers] == ["H.R. Nagaraj Rao"]


def test_party_table_is_read_by_its_header_columns() -> None:
    text = (
        "THIS SALE DEED is executed by Sri Ravi Kumar, S/o Mohan Kumar, residing at No. 5, Fort"
        " Road, Mangaluru - 575001 (hereinafter called the VENDOR) in favour of Smt. Rekha Rao,"
        " W/o Anil Rao, residing at 9, Church Road, Hubballi - 580020 (hereinafter called the"
        " PURCHASER).\n"
        "PARTY DETAILS\n"
        "Name | E-mail | Alt. Mobile | Mobile | PAN | Aadhaar\n"
        "RAVI KUMAR | ravi.k@gmail.com | 9900112233 | 9845012345 | abcpk1234l | 3444 5718 6909\n"
        "Smt. REKHA RAO | - | 96320 54321 | - | Form 60 |\n"
        "4611 8213 7367\n"
    )
    sellers, buyers, _ = find_parties(text)
    ravi, rekha = sellers[0], buyers[0]
    assert (ravi.phone_number, ravi.secondary_phone_number) == ("9845012345", "9900112233")
    assert (ravi.pan_card_number, ravi.email) == ("ABCPK1234L", "ravi.k@gmail.com")
    assert (rekha.phone_number, rekha.secondary_phone_number) == ("9632054321", None)
    assert (rekha.aadhaar_number, rekha.pan_card_number) == ("4611-8213-7367", None)


def test_untitled_name_after_a_numbered_role_label() -> None:
    text = (
        "VENDOR(S)\n"
        "Vendor No. 1: Suresh A. Nair, S/o Praveen Nair, aged about 38 years, residing at Door"
        " No. 214, Temple Street, Mysuru, Karnataka, Pin Code: 570019\n"
        "Aadhaar No. 7651 6699 6244\n"
        "PURCHASER(S)\n"
        "Purchaser No. 1 - Girish Shetty, son of Nagaraj Shetty, residing at Door No. 316,"
        " Brigade Road, Bengaluru - 560023\n"
        "Aadhaar No. 3317 4201 8419\n"
    )
    sellers, buyers, _ = find_parties(text)
    assert [p.name for p in sellers] == ["Suresh A. Nair"]
    assert [p.name for p in buyers] == ["Girish Shetty"]


def test_gender_labelled_sex_or_given_as_a_letter() -> None:
    text = (
        "VENDOR No. 1\nName : Geetha Kulkarni\nSex : F\n"
        "Address : No. 45, 3rd Cross, Malleshwaram, Bengaluru, Karnataka - 560003\n"
        "Aadhaar : 3444 5718 6909\n"
        "PURCHASER No. 1\nName : Anand Joshi\nGender/Age : M/35\n"
        "Address : #14, College Road, Jayanagar, Bengaluru - 560 076\n"
        "Aadhaar : 3173 3793 9405\n"
    )
    sellers, buyers, _ = find_parties(text)
    assert [(p.name, p.gender) for p in sellers + buyers] == [
        ("Geetha Kulkarni", "Female"),
        ("Anand Joshi", "Male"),
    ]


def test_identification_block_keyed_by_role_label_and_name() -> None:
    text = (
        "THIS DEED OF SALE is made between Smt. Latha Rao, W/o Mohan Rao, residing at 12, Lake"
        " Road, Hubballi - 580092, Karnataka, hereinafter referred to as the SELLER and Sri Anand"
        " Joshi, S/o Prakash Joshi, residing at #14, College Road, Bengaluru - 560076, Karnataka,"
        " hereinafter referred to as the BUYER.\n"
        "IDENTIFICATION\n"
        "SELLER: LATHA RAO\nPhoto Left Hand Thumb Impression\n"
        "UID: 3444 5718 6909 | PAN: ABCPR1234K | Mob: 98450 12345 | Alt Mob: 96320 54321\n"
        "BUYER: ANAND JOSHI\nPhoto Left Hand Thumb Impression\n"
        "UID: 3173 3793 9405 | Mob: 91234 56780\n"
    )
    sellers, buyers, _ = find_parties(text)
    latha, anand = sellers[0], buyers[0]
    assert (latha.aadhaar_number, latha.pan_card_number) == ("3444-5718-6909", "ABCPR1234K")
    assert (latha.phone_number, latha.secondary_phone_number) == ("9845012345", "9632054321")
    assert (anand.aadhaar_number, anand.phone_number) == ("3173-3793-9405", "9123456780")


def test_untitled_names_listed_after_by_and_in_favour_of() -> None:
    text = (
        "THIS DEED OF SALE is executed BY: LATHA RAO, wife of Mohan Rao, aged 44 years, residing"
        " at 12, Lake Road, Hubballi - 580092, Aadhaar No. 3444 5718 6909, AND KIRAN RAO, son of"
        " Mohan Rao, aged 40 years, residing at 7, Fort Road, Mangaluru - 575009, Aadhaar No."
        " 4611 8213 7367, hereinafter together called the VENDORS, IN FAVOUR OF: ANAND JOSHI,"
        " son of Prakash Joshi, residing at #14, College Road, Bengaluru - 560076, Aadhaar No."
        " 3173 3793 9405, hereinafter called the PURCHASER.\n"
    )
    sellers, buyers, _ = find_parties(text)
    assert [p.name for p in sellers] == ["LATHA RAO", "KIRAN RAO"]
    assert [p.name for p in buyers] == ["ANAND JOSHI"]


def test_party_table_gives_address_and_share_and_skips_the_relation_in_the_name_cell() -> None:
    text = (
        "This deed of sale is executed by the Executants in favour of the Claimants below.\n"
        "EXECUTANTS\n"
        "Sl. | Name of the Executant | Age | Address | Aadhaar | Mobile | Share\n"
        "1 | Smt. Latha Rao, W/o Mohan Rao | 44 | 12, Lake Road, Hubballi, Karnataka - 580092 |"
        " 3444 5718 6909 | 9845012345 | 1/2\n"
        "CLAIMANTS\n"
        "Sl. | Name of the Claimant | Age | Address | Aadhaar | Mobile | Share\n"
        "1 | Sri Anand Joshi, S/o Prakash Joshi | 35 | #14, College Road, Bengaluru - 560076 |"
        " 3173 3793 9405 | 9123456780 | 100%\n"
    )
    sellers, buyers, _ = find_parties(text)
    latha, anand = sellers[0], buyers[0]
    assert (latha.address, latha.pincode, latha.state) == (
        "12, Lake Road, Hubballi",
        "580092",
        "Karnataka",
    )
    assert (latha.property_share, anand.property_share) == ("50%", None)
    assert (anand.address, anand.phone_number) == ("#14, College Road, Bengaluru", "9123456780")


def test_minor_represented_by_a_guardian_and_a_confirming_party() -> None:
    text = (
        "THIS SALE DEED is executed BY:\n"
        "1. Smt. Latha Rao, W/o Mohan Rao, aged 44 years, residing at 12, Lake Road, Hubballi -"
        " 580092, Aadhaar No. 3444 5718 6909, holding 1/2 share;\n"
        "2. Kum. Anitha Rao, minor, D/o Mohan Rao, aged 12 years, represented by her mother and"
        " natural guardian Smt. Latha Rao, residing at 12, Lake Road, Hubballi - 580092, Aadhaar"
        " No. 4611 8213 7367, holding 1/2 share;\n"
        "(hereinafter called the VENDORS) IN FAVOUR OF:\n"
        "Sri Anand Joshi, S/o Prakash Joshi, residing at #14, College Road, Bengaluru - 560076,"
        " Aadhaar No. 3173 3793 9405 (hereinafter called the PURCHASER).\n"
        "CONFIRMING PARTY: Smt. Sita Rao, W/o Ravi Rao, residing at No. 5, Fort Road, Mangaluru -"
        " 575001, Aadhaar No. 4402 9322 5764.\n"
    )
    sellers, buyers, _ = find_parties(text)
    assert [(p.name, p.property_share) for p in sellers] == [
        ("Latha Rao", "50%"),
        ("Anitha Rao", "50%"),
    ]
    assert [p.name for p in buyers] == ["Anand Joshi"]


@pytest.mark.parametrize(
    ("printed", "phones"),
    [
        ("Ph: 080-23456789, Mobile: 98450 12345", ("9845012345", None)),
        ("Tel 0821 2345678 / 9632054321", ("9632054321", None)),
        ("Mob: 098450-12345", ("9845012345", None)),
    ],
)
def test_landline_with_std_code_is_not_a_mobile(printed: str, phones: tuple) -> None:
    assert read_phones(printed) == phones


def test_unlabelled_address_after_the_age_drops_the_preposition_of() -> None:
    text = (
        "VENDOR No. 1: Sri Ravi Kumar, son of Sri Mohan Kumar, aged 54, of No. 5, Fort Road,"
        " Hampankatta, Mangaluru, Karnataka - 575001; Aadhaar No. 7651 6699 6244\n"
        "PURCHASER No. 1: Shri Girish Patil, son of Late Sri Ramesh Patil, aged 62, of No. 633,"
        " Ring Road, Kyathasandra, Tumakuru, Karnataka - 572018; Aadhaar No. 3317 4201 8419\n"
    )
    sellers, buyers, _ = find_parties(text)
    assert [(p.address, p.pincode) for p in sellers] == [
        ("No. 5, Fort Road, Hampankatta, Mangaluru", "575001")
    ]
    assert [(p.address, p.state) for p in buyers] == [
        ("No. 633, Ring Road, Kyathasandra, Tumakuru", "Karnataka")
    ]
