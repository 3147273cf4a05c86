"""Deed structure the rules must read whatever the wording: recitals, endorsements, lists."""

import pytest

from docmill_extractor.rules.parties import find_parties
from docmill_extractor.rules.property import read_cash_mode, read_property, read_property_kind
from docmill_extractor.rules.registration import (
    read_registration_office,
    read_transaction_date,
    sentence_before,
)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The vendor bought the land from one Ramesh by a registered conveyance dated "
            "12.03.2001. This conveyance is signed by the parties on 3rd March 2023.",
            "2023-03-03",
        ),
        (
            "The Executant had purchased the plot on 19/07/1998 from the BDA. "
            "Executed at Hassan on 21-11-2021.",
            "2021-11-21",
        ),
        (
            "THIS INDENTURE OF SALE entered into on the 2nd day of May, 2019 at Udupi.\n"
            "Title: the property devolved on the vendor by partition deed No. 44/1987 "
            "dated 07-08-1987.",
            "2019-05-02",
        ),
        (
            "Date: 05/06/2020\nThe vendor inherited the site from his father, who held it "
            "under a gift deed dated 09/09/1975.",
            "2020-06-05",
        ),
    ],
)
def test_transaction_date_skips_dates_of_earlier_deeds(text: str, expected: str) -> None:
    assert read_transaction_date(text) == expected


def test_date_of_birth_is_not_the_execution_date() -> None:
    text = "Smt. Rani, born on 14-02-1968, sells the flat. Executed on 30-01-2024."
    assert read_transaction_date(text) == "2024-01-30"


def test_sentence_before_keeps_abbreviations_inside_the_sentence() -> None:
    text = "Sold to Smt. Rani for Rs. 5,00,000 under Sy. No. 12 dated 01-01-2020"
    assert sentence_before(text, text.index("01-01-2020")).startswith("Sold to Smt. Rani")
    assert sentence_before("First one. Second one 2020", 22).strip() == "Second one"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "REGISTRATION ENDORSEMENT BY SUB-REGISTRAR\nAdmitted for registration at the "
            "office of the Sub-Registrar, Chikkamagaluru on 02-02-2022.",
            "Sub-Registrar Office, Chikkamagaluru",
        ),
        (
            "Signature of the Sub-Registrar\nSeal\nSub-Registrar, Hosakote",
            "Sub-Registrar Office, Hosakote",
        ),
        (
            "Registered in the Office of the Sub-Registrar Kengeri Satellite Town.",
            "Sub-Registrar Office, Kengeri Satellite Town",
        ),
        ("Book I, S.R.O. MANDYA", "Sub-Registrar Office, Mandya"),
        ("SUB-REGISTRAR\nPresented before the Sub-Registrar", None),
    ],
)
def test_registration_office_ignores_endorsement_wording(text: str, expected: str | None) -> None:
    assert read_registration_office(text) == expected


@pytest.mark.parametrize(
    ("section", "expected"),
    [
        (
            "All that land bearing Sy. No. 4, on which stands a Residential Apartment",
            "Residential Apartment",
        ),
        ("Khata of the land: 12.\nKind\nCOMMERCIAL SHOP\nBuilt-up 400 sq ft", "Commercial Shop"),
        ("A villa in the layout, land of 1200 sq ft", "Villa"),
        ("Survey land, 2 acres", "Land"),
    ],
)
def test_property_kind_prefers_the_named_kind_over_schedule_wording(
    section: str, expected: str
) -> None:
    kind = read_property_kind(section)
    assert kind is not None and kind.group(0).title() == expected


def test_schedule_heading_wins_over_a_mention_in_running_text() -> None:
    text = (
        "The vendor hands over possession of the C Schedule property today.\n"
        "SCHEDULE-B\nUndivided interest in land measuring 600 sq ft.\n"
        "SCHEDULE-C\nResidential Site at No. 9, 4th Cross, Hassan, Karnataka - 573201\n"
        "measuring 1,500 sq ft."
    )
    pd = read_property(text)
    assert pd.schedule_c_property_name == "Residential Site"
    assert (pd.schedule_b_area, pd.schedule_c_property_area) == (600.0, 1500.0)
    assert pd.pincode == "573201"


@pytest.mark.parametrize(
    ("contacts", "secondary"),
    [
        ("Cell 9845012345 / 9632054321", "9632054321"),
        ("Contact numbers: 98450 12345, 96320 54321", "9632054321"),
        ("Ph: +91 9845012345 and +91 9632054321", "9632054321"),
        ("Ph: 9845012345; Email a@b.in", None),
        ("Ph: 9845012345 / 9845012345", None),
    ],
)
def test_phone_lists_give_the_second_number(contacts: str, secondary: str | None) -> None:
    text = (
        "Sri Mohan Das, S/o Hari Das, residing at 4, Hill Road, Hassan, Karnataka - 573201, "
        f"Aadhaar 2345 6789 0123, {contacts}\n(hereinafter called the VENDOR)"
    )
    sellers, _, _ = find_parties(text)
    assert sellers[0].phone_number == "9845012345"
    assert sellers[0].secondary_phone_number == secondary


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Payment mode:\nCashProperty Schedule", "Yes"),
        ("Rs. 2,00,000 was handed over as cash and the rest by cheque", "Yes"),
        ("the whole price has been paid in full in cash to the vendor", "Yes"),
        ("Consideration\nCASH\nSchedule", "Yes"),
        ("paid through NEFT; no cash was exchanged", "No"),
        ("by cheque, not in cash", "No"),
        ("No part of the price was paid in cash; all of it by RTGS", "No"),
        ("nothing was handed over in cash, the bank transfer settles it", "No"),
        ("Cashew garden, paid by demand draft", "No"),
        ("received in full as follows:\nBy Pay Order No. 910739 drawn on HDFC Bank", "No"),
    ],
)
def test_cash_mode_from_any_wording(text: str, expected: str) -> None:
    assert read_cash_mode(text) == expected


def test_office_that_registered_an_earlier_deed_is_passed_over() -> None:
    text = (
        "WHEREAS the vendor had bought the site under a sale deed registered in the office of "
        "the Sub-Registrar, Hebbal as document No. 12/2001 dated 05-05-2001.\n"
        "This deed is presented for registration before the Sub-Registrar, Yelahanka on "
        "02-02-2022."
    )
    assert read_registration_office(text) == "Sub-Registrar Office, Yelahanka"
    assert read_transaction_date(text) == "2022-02-02"


def test_office_of_an_earlier_sale_told_from_its_seller_is_passed_over() -> None:
    text = (
        "The said Ramaiah sold the same to the vendor under a deed registered in the office of "
        "the Sub-Registrar, Kengeri on 03-03-1998.\n"
        "Executed at Bengaluru and presented before the Sub-Registrar, Hebbal on "
        "Saturday, the 10th of February 2018."
    )
    assert read_registration_office(text) == "Sub-Registrar Office, Hebbal"
    assert read_transaction_date(text) == "2018-02-10"
