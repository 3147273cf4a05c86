"""Party records in unfamiliar layouts: paragraphs, label blocks, identity kept apart."""

import pytest

from docmill_contracts.saledeed import Party
from docmill_extractor.rules.identity import merge_duplicates, read_phones_listed
from docmill_extractor.rules.particulars import read_place, read_share
from docmill_extractor.rules.parties import find_parties

pytestmark = pytest.mark.unit

RUNNING = (
    "THIS SALE DEED is made at Hubballi BETWEEN\n"
    "(1) Smt. Latha Rao, W/o Mohan Rao, aged 44 years, residing at 12, Lake Road, Vidyanagar,\n"
    "Hubballi, PIN-580092, Karnataka, (Aadhaar No. 3444-5718-6909), holding 1/2 share in the\n"
    "Schedule Property; (2) Sri Kiran Rao, S/o Mohan Rao, aged 40 years, residing at 7,\n"
    "Fort Road, Kadri, Mangaluru, Karnataka, Pin Code: 575009, (UID No. 4611 8213 7367,\n"
    "P.A.N. No. ABCPR1234K), Cell: 98450 12345 or (+91)\n96320-54321, holding 1/2 share\n"
    "(hereinafter called the VENDOR(S)) AND\n"
    "(1) Sri Anand Joshi, son of Sri Prakash Joshi, aged 35 years, residing at #14, College Road,\n"
    "Jayanagar, Bengaluru - 560 076 (Karnataka), (Aadhar Card No. 3173 3793 9405)\n"
    "(hereinafter called the PURCHASER(S)).\n"
    "WHEREAS the property was bought from Sri Ramesh Hegde, S/o Sri Ganesh Hegde, residing at\n"
    "No. 5, Temple Street, Mysuru - 570001, under a deed of 2001;\n"
    "WITNESSES:\n"
    "1. Sri Ravi Kumar, S/o Sri Arun Kumar, residing at No. 9, Church Road, Mysuru - 570002\n"
)


def test_running_paragraph_records_get_their_roles_and_places() -> None:
    sellers, buyers, _ = find_parties(RUNNING)
    assert [p.name for p in sellers] == ["Latha Rao", "Kiran Rao"]
    assert [p.name for p in buyers] == ["Anand Joshi"]
    latha, kiran = sellers
    assert (latha.address, latha.pincode, latha.state) == (
        "12, Lake Road, Vidyanagar, Hubballi",
        "580092",
        "Karnataka",
    )
    assert (kiran.pincode, kiran.state, kiran.pan_card_number) == (
        "575009",
        "Karnataka",
        "ABCPR1234K",
    )
    assert (kiran.phone_number, kiran.secondary_phone_number) == ("9845012345", "9632054321")
    assert [p.property_share for p in sellers] == ["50%", "50%"]
    assert (buyers[0].pincode, buyers[0].state) == ("560076", "Karnataka")
    assert buyers[0].address == "#14, College Road, Jayanagar, Bengaluru"


def test_witnesses_and_earlier_owners_are_not_parties() -> None:
    sellers, buyers, _ = find_parties(RUNNING)
    names = {p.name for p in sellers + buyers}
    assert not names & {"Ramesh Hegde", "Ravi Kumar", "Ganesh Hegde", "Mohan Rao"}


def test_openers_before_records_name_the_roles() -> None:
    text = (
        "This deed is made on 2 July 2019 by:\n"
        "Ms. Asha Bhat, D/o Sri Arun Bhat, residing at No. 9, Main Road, Udupi - 576101,\n"
        "(Aadhaar No. 6046 3384 9568)\n"
        "IN FAVOUR OF:\n"
        "Shri Vijay Prasad, son of Sri. Sunil Prasad, residing at #4, Hill Road, Hassan,\n"
        "Karnataka, Pin Code: 573201, (Aadhaar No. 9226 3884 6676)\n"
    )
    sellers, buyers, _ = find_parties(text)
    assert [p.name for p in sellers] == ["Asha Bhat"]
    assert [p.name for p in buyers] == ["Vijay Prasad"]
    assert buyers[0].pincode == "573201"


def test_a_summary_table_does_not_steal_the_roles_of_the_records() -> None:
    text = (
        "Name(s) of Vendor(s)\nMs. Asha Bhat\nName(s) of Purchaser(s)\nShri Vijay Prasad\n"
        "Consideration\nRs. 10,00,000/-\n"
        "This deed is made BETWEEN\n"
        "Ms. Asha Bhat, D/o Sri Arun Bhat, residing at No. 9, Main Road, Udupi - 576101,\n"
        "(Aadhaar No. 6046 3384 9568)\nhereinafter called the SELLER, AND\n"
        "Shri Vijay Prasad, son of Sri. Sunil Prasad, residing at #4, Hill Road, Hassan - 573201,\n"
        "(Aadhaar No. 9226 3884 6676)\nhereinafter called the BUYER.\n"
    )
    sellers, buyers, _ = find_parties(text)
    assert [(p.name, p.aadhaar_number) for p in sellers] == [("Asha Bhat", "6046-3384-9568")]
    assert [(p.name, p.aadhaar_number) for p in buyers] == [("Vijay Prasad", "9226-3884-6676")]


def test_label_blocks_read_the_value_on_the_next_line() -> None:
    text = (
        "VENDOR(S)\nVENDOR No. 1\nName\nMrs. Pushpa Murthy\nFather's / Husband's Name\n"
        "W/o Rajesh Murthy\nResiding at\n#259, 5th Block, Hubballi - 580045 (Karnataka)\n"
        "Aadhaar No.\n315279028158\nShare conveyed\n100%\n(hereinafter called the VENDOR(S))\n"
        "PURCHASER(S)\nPURCHASER No. 1\nName\nMr. Sanjay Singh\nFather's / Husband's Name\n"
        "S/o Sri Rajesh Singh\nResiding at\nNo. 361, 1st Main Road, Jayanagar, Bengaluru,\n"
        "Karnataka -\n560026\nAadhaar No.\n740612890462\n(hereinafter called the PURCHASER(S))\n"
    )
    sellers, buyers, _ = find_parties(text)
    assert [(p.name, p.pincode, p.state, p.property_share) for p in sellers] == [
        ("Pushpa Murthy", "580045", "Karnataka", "100%")
    ]
    assert [(p.name, p.pincode, p.state) for p in buyers] == [
        ("Sanjay Singh", "560026", "Karnataka")
    ]


def test_identity_section_keyed_by_name_fills_each_party() -> None:
    text = (
        "THIS SALE DEED is made BETWEEN\n"
        "(1) Smt. Shanthi Swamy, W/o Kiran Swamy, aged 44 years, residing at 12, Lake Road,\n"
        "Hubballi, PIN-580092, Karnataka (hereinafter called the VENDOR) AND\n"
        "(1) Sri Sunil Nair, S/o Sri Deepak Nair, residing at #50, Temple Street, Mangaluru,\n"
        "Karnataka, Pin Code: 575009\n"
        "(2) Mr. Srinivas Nair, S/o Sri. Vijay Nair, residing at No. 34, Brigade Road,\n"
        "Tumakuru, Karnataka, Pin Code: 572094\n(hereinafter called the PURCHASER(S)).\n"
        "SCHEDULE\nThe house at 442, 1st Main Road, Bengaluru - 560054.\n"
        "IDENTITY PARTICULARS OF THE PARTIES\n"
        "Shanthi Swamy\nAadhaar No. 6046 3384 9568; Mob. No. +91 9955535520\n"
        "Sunil Nair\nAadhar Card No. 922638846676; PAN MHLPN8560A;\n"
        "E-mail: sunil.nair35@example.com\n"
        "Srinivas Nair\nUID No. 8534-7396-3048; PAN not furnished; Cell:\n+91-95304-31292\n"
        "WITNESSES:\n1. Sri Kiran Verma, 55 yrs, No. 318, Residency Road, Bengaluru\n"
        "ENDORSEMENT\nPresented by Sri Sunil Nair, who paid Rs. 3,46,000/- as fee.\n"
    )
    sellers, buyers, _ = find_parties(text)
    assert [(p.name, p.aadhaar_number, p.phone_number) for p in sellers] == [
        ("Shanthi Swamy", "6046-3384-9568", "9955535520")
    ]
    assert [(p.name, p.aadhaar_number, p.pan_card_number) for p in buyers] == [
        ("Sunil Nair", "9226-3884-6676", "MHLPN8560A"),
        ("Srinivas Nair", "8534-7396-3048", None),
    ]
    assert buyers[0].email == "sunil.nair35@example.com"
    assert buyers[1].phone_number == "9530431292"
    assert buyers[0].pincode == "575009"


@pytest.mark.parametrize(
    ("record", "pincode"),
    [
        ("residing at 5, Fort Road, Mangaluru, PIN-575002, Karnataka, (Aadhaar", "575002"),
        ("residing at 5, Fort Road, Mangaluru, Karnataka, Pin Code: 575 012, Ph:", "575012"),
        ("Address: 5, Fort Road, Mangaluru - 576002 (Karnataka)\nPAN", "576002"),
        ("residing at 5, Fort Road, Mangaluru, Karnataka\n- 575102; Mobile", "575102"),
    ],
)
def test_pincode_in_its_written_forms(record: str, pincode: str) -> None:
    assert read_place(record) == ("5, Fort Road, Mangaluru", pincode, "Karnataka")


def test_place_without_an_address_label_is_unknown() -> None:
    assert read_place("Sri Ravi, 55 yrs, Mysuru 570002") == (None, None, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("holding 100% undivided share", "100%"),
        ("holding 1/3 undivided share in the property", "33.33%"),
        ("to the extent of 1/2 share", "50%"),
        ("(share: 25 per cent)", "25%"),
        ("aged 44 years", None),
    ],
)
def test_share_as_percentage_or_fraction(text: str, expected: str | None) -> None:
    assert read_share(text) == expected


def test_second_phone_after_bracketed_country_code() -> None:
    assert read_phones_listed("Contact No. 09129707623, (+91) 83834-38375") == (
        "9129707623",
        "8383438375",
    )


def test_a_party_named_twice_is_one_party_with_both_readings() -> None:
    first = Party(name="Asha Bhat", aadhaar_number="6046-3384-9568")
    again = Party(name="Asha  Bhat", pan_card_number="ABCPB1234K", pincode="576101")
    namesake = Party(name="Asha Bhat", aadhaar_number="9226-3884-6676")
    other = Party(name="Vijay Prasad")
    merged = merge_duplicates([first, other, again, namesake])
    assert [(p.name, p.aadhaar_number, p.pan_card_number, p.pincode) for p in merged] == [
        ("Asha Bhat", "6046-3384-9568", "ABCPB1234K", "576101"),
        ("Vijay Prasad", None, None, None),
        ("Asha Bhat", "9226-3884-6676", None, None),
    ]


def test_party_tables_with_bare_cells_and_a_closing_identity_table() -> None:
    text = (
        "TRANSFEROR(S)\nSl.\nName\nRelation\nAddress\nAadhaar\nPAN\n"
        "1\nRavi Kumar\nS/o Mohan Kumar\nNo. 5, Fort Road, Mangaluru - 575001, Karnataka\n"
        "3444 5718 6909\nABCPK1234L\n"
        "2\nSmt. Latha Rao\nW/o Anil Rao\n12, Lake Road, Hubballi - 580092, Karnataka\n"
        "4611 8213 7367\nBCDPR2345M\n"
        "TRANSFEREE(S)\nSl.\nName\nRelation\nAddress\nAadhaar\nPAN\n"
        "1\nSri Anand Joshi\nS/o Prakash Joshi\n#14, College Road, Bengaluru - 560076, Karnataka\n"
        "3173 3793 9405\nCDEPJ3456N\n"
        "IDENTITY OF THE PARTIES\nName\nMobile\nE-mail\n"
        "Ravi Kumar\n9845012345\nravi@example.com\nLatha Rao\n9632054321\nlatha@example.com\n"
        "Sri Anand Joshi\n9900112233\nanand@example.com\n"
        "WITNESSES\n1. Sri Kiran Verma, S/o Ram Verma, residing at Mysuru - 570002\n"
    )
    sellers, buyers, _ = find_parties(text)
    assert [(p.name, p.aadhaar_number, p.pan_card_number, p.phone_number) for p in sellers] == [
        ("Ravi Kumar", "3444-5718-6909", "ABCPK1234L", "9845012345"),
        ("Latha Rao", "4611-8213-7367", "BCDPR2345M", "9632054321"),
    ]
    assert [(p.name, p.address, p.pincode, p.email) for p in buyers] == [
        ("Anand Joshi", "#14, College Road, Bengaluru", "560076", "anand@example.com")
    ]


def test_witness_or_writer_with_identity_numbers_is_still_no_party() -> None:
    text = (
        "BY: Sri Ravi Kumar, S/o Mohan Kumar, residing at No. 5, Fort Road, Mangaluru - 575001,\n"
        "(Aadhaar No. 3444 5718 6909)\n"
        "IN FAVOUR OF: Sri Anand Joshi, S/o Prakash Joshi, residing at #14, College Road,\n"
        "Bengaluru - 560076, (Aadhaar No. 3173 3793 9405)\n"
        "WITNESSES:\n"
        "1. Smt. Rekha Rao, W/o Anil Rao, residing at Hubballi - 580092,\n"
        "Aadhaar No. 4611 8213 7367\n"
        "ENDORSEMENT\nDrafted by Sri Gopal Bhat, S/o Ram Bhat, Aadhaar No. 6046 3384 9568\n"
    )
    sellers, buyers, _ = find_parties(text)
    assert [p.name for p in sellers] == ["Ravi Kumar"]
    assert [p.name for p in buyers] == ["Anand Joshi"]


def test_bracketed_role_after_a_record_closes_it() -> None:
    text = (
        "This deed is made between Sri Ravi Kumar, 44 years old, S/o Mohan Kumar, residing at\n"
        "No. 5, Fort Road, Mangaluru-575001, Karnataka State (the SELLER)\nand\n"
        "Smt. Latha Rao, 39 years, W/o Anil Rao, resident of 12, Lake Road, Hubballi 580092,\n"
        "Karnataka (the BUYER).\nWHEREAS the seller owns the property;\n"
        "IDENTITY DETAILS\nRavi Kumar - Aadhaar 3444 5718 6909, PAN ABCPK1234L\n"
        "Latha Rao - Aadhaar 4611 8213 7367\n"
    )
    sellers, buyers, _ = find_parties(text)
    assert [(p.name, p.pincode, p.aadhaar_number) for p in sellers] == [
        ("Ravi Kumar", "575001", "3444-5718-6909")
    ]
    assert [(p.name, p.pincode, p.aadhaar_number) for p in buyers] == [
        ("Latha Rao", "580092", "4611-8213-7367")
    ]


def test_untitled_name_opening_its_line_under_a_role_heading() -> None:
    text = (
        "VENDOR:\nRavi Kumar, S/o Mohan Kumar, aged 44 years, residing at No. 5, Fort Road,\n"
        "Mangaluru - 575001, Karnataka, Aadhaar: 3444 5718 6909\n"
        "PURCHASER:\nAnand Joshi, S/o Prakash Joshi, aged 35 years, residing at #14, College\n"
        "Road, Bengaluru - 560076, Karnataka, Aadhaar: 3173 3793 9405\n"
    )
    sellers, buyers, _ = find_parties(text)
    assert [p.name for p in sellers] == ["Ravi Kumar"]
    assert [(p.name, p.address) for p in buyers] == [
        ("Anand Joshi", "#14, College Road, Bengaluru")
    ]


@pytest.mark.parametrize(
    ("clause", "shares"),
    [
        (
            "(B) The VENDOR(S) hold the Schedule Property in the following shares: Mrs. Roopa "
            "Bhat - 60 per cent\nshare; Mrs. Shanthi Murthy - 40 per cent share.",
            ["60%", "40%"],
        ),
        (
            "2. SHARES: The VENDOR(S) own the Schedule Property as follows: (a) Roopa Bhat: 75 "
            "per cent\nshare; (b) Shanthi Murthy: one-fourth (25%) share.",
            ["75%", "25%"],
        ),
        # A fraction restated in words, and a name wrapped onto the next line.
        (
            "and hold it in these shares: Smt. Roopa Bhat - 3/4 (three-fourth) share; Smt."
            " Shanthi\nMurthy - 1/4 (one-fourth) share.",
            ["75%", "25%"],
        ),
        # A name followed by a percentage that is not a share says nothing about shares.
        ("Roopa Bhat paid 10% as advance; Shanthi Murthy - 40 per cent share.", [None, "40%"]),
    ],
)
def test_shares_stated_in_a_clause_of_their_own(clause: str, shares: list[str | None]) -> None:
    text = (
        "BETWEEN\n1) Smt. Roopa Bhat, W/o Ravi Bhat, aged 40 years, r/o No. 12, MG Road, "
        "Mysuru - 570001, Karnataka\n2) Smt. Shanthi Murthy, W/o Venkatesh Murthy, aged 42 "
        "years, r/o #741, Gokul Road, Hubballi - 580030, Karnataka\n"
        "(hereinafter called the VENDOR(S)) AND\n1) Sri Kiran Rao, S/o Manjunath Rao, aged 30 "
        "years, r/o No. 8, Residency Road, Bengaluru - 560025, Karnataka\n"
        f"(hereinafter called the PURCHASER(S)).\n{clause}\n"
    )
    sellers, buyers, _ = find_parties(text)
    assert [s.name for s in sellers] == ["Roopa Bhat", "Shanthi Murthy"]
    assert [s.property_share for s in sellers] == shares
    assert buyers[0].property_share is None
