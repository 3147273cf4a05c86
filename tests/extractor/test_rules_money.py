"""Amounts and schedules in table, endorsement and recital wording."""

import pytest

from docmill_extractor.rules.money import read_amounts
from docmill_extractor.rules.property import read_cash_mode, read_property

pytestmark = pytest.mark.unit


def test_table_heading_label_does_not_take_the_next_rows_amount() -> None:
    text = (
        "STAMP DUTY AND FEES\nSale Consideration\nRs. 5,37,92,000/-\n"
        "Guidance (Market) Value\nRs. 3,86,56,000/-\nStamp Duty Paid\nRs.32,27,520/-\n"
        "Regn. Fee\nRs. 5,37,920/-\n"
    )
    assert read_amounts(text) == {
        "sale_consideration": 53792000.0,
        "guidance_value": 38656000.0,
        "stamp_duty_fee": 3227520.0,
        "registration_fee": 537920.0,
    }


def test_amount_written_before_its_label() -> None:
    text = (
        "Presented by Sri Ravi, who paid Rs. 3,46,000/- towards registration fee and "
        "Rs. 200/- towards scanning fee."
    )
    assert read_amounts(text)["registration_fee"] == 346000.0


def test_earlier_deeds_price_is_not_this_deeds() -> None:
    text = (
        "2. Smt. Usha sold the same to Smt. Deepa under a Sale Deed dated 25 January 1996 "
        "for a consideration of Rs. 45,73,000/-, registered at Hubballi. "
        "NOW THIS DEED WITNESSETH: 1. In consideration of the sum of Rs. 2,69,00,000/- "
        "received in full, the VENDOR sells the property."
    )
    assert read_amounts(text)["sale_consideration"] == 26900000.0


def test_same_field_named_twice_reads_the_figure_after_the_second() -> None:
    text = (
        "The market value of the property as per the guidance value notified by the "
        "Government is Rupees Five Crore Sixty Two Lakh only (Rs. 5,62,00,000/-)."
    )
    assert read_amounts(text)["guidance_value"] == 56200000.0


def test_cash_answer_on_the_line_under_its_label() -> None:
    assert read_cash_mode("Paid in cash\nNo\nRegistering office") == "No"
    assert read_cash_mode("Paid in cash\nYes\n") == "Yes"


def test_quoted_schedule_letters_and_state_after_pincode() -> None:
    text = (
        "'B' SCHEDULE PROPERTY\nAll that land bearing Survey No. 51/2, measuring in all 1,200 "
        "Sq. Ft., bounded on the North by Road.\n'C' SCHEDULE PROPERTY\n"
        "Nature of property: Apartment\nSituated at: 248, Brigade Road, Tumakuru - 572032 "
        "(Karnataka)\nExtent: 1430 Sq.ft\n"
    )
    details = read_property(text)
    assert details.schedule_b_area == 1200.0
    assert details.schedule_c_property_name == "Apartment"
    assert details.schedule_c_property_address == "248, Brigade Road, Tumakuru"
    assert (details.pincode, details.state) == ("572032", "Karnataka")
    assert details.schedule_c_property_area == 1430.0


def test_stamp_act_is_not_the_stamp_duty() -> None:
    text = (
        "Nature of document\nAbsolute Sale Deed (Article 20(1), Karnataka Stamp Act)\n"
        "Date of execution\n22nd day of August, Two Thousand Twenty Three (22/08/2023)\n"
        "Stamp duty\nRs.25,98,000/-\n"
    )
    assert read_amounts(text)["stamp_duty_fee"] == 2598000.0


def test_price_agreed_to_sell_for_wins_over_the_earlier_deeds_consideration() -> None:
    text = (
        "The VENDOR(S) acquired the Schedule Property under a registered Sale Deed dated "
        "11.09.2017 in the office of the Sub-Registrar, Gandhinagar, for a consideration of "
        "Rs.1,10,32,000/- paid at that time.\n"
        "The VENDOR(S) have agreed to sell the schedule property for Rs.5,65,00,000/-, paid by "
        "Demand Draft No. 344735.\n"
    )
    assert read_amounts(text)["sale_consideration"] == 56500000.0
    # Only the recital names a price: it is still the best reading there is.
    recital_only = text.split("\n")[0]
    assert read_amounts(recital_only)["sale_consideration"] == 11032000.0


def test_recited_price_is_recognised_when_the_earlier_deed_follows_the_amount() -> None:
    text = (
        "WHEREAS the Schedule Property was purchased by the Executant(s) from Sri Naveen Prasad "
        "for a\nconsideration of Rs.1,19,30,000/- under a registered Sale Deed dated 10-12-1995, "
        "registered as\nDocument No. RJN-1-1173 of Book-I.\nThe Executant(s) have agreed to sell "
        "the Schedule Property for a total sale consideration of Rs.2,44,00,000/-.\n"
    )
    assert read_amounts(text)["sale_consideration"] == 24400000.0


@pytest.mark.parametrize(
    "line",
    [
        "Description: Residential Site; Situated at: No. 349, Temple Street, Indiranagar, "
        "Bengaluru, Karnataka - 560009; Having a total extent of 2,550 square feet",
        "Property: Residential Site. Address: No. 349, Temple Street, Indiranagar, Bengaluru, "
        "Karnataka - 560009. Area: 2,550 sq.ft.",
    ],
)
def test_labelled_kind_ends_where_the_address_label_begins(line: str) -> None:
    details = read_property(f"SCHEDULE 'C'\n{line}\n")
    assert details.schedule_c_property_name == "Residential Site"
    assert details.schedule_c_property_address == "No. 349, Temple Street, Indiranagar, Bengaluru"
    assert (details.pincode, details.state) == ("560009", "Karnataka")
    assert details.schedule_c_property_area == 2550.0


def test_schedule_named_in_a_sentence_at_a_line_start_is_not_its_heading() -> None:
    text = (
        "the VENDOR hereby conveys the\nSchedule 'C' property to the PURCHASER, free from all "
        "encumbrances.\nSCHEDULE 'A' PROPERTY\nAll that converted land in Sy. No. 248, measuring "
        "4 Acres 23 Guntas.\nSCHEDULE 'C' PROPERTY (the property hereby sold)\nThe Apartment "
        "situated at Flat No. 906, 2nd Cross, Indiranagar, Bengaluru, Karnataka - 560040, having "
        "an area of 850 sq.ft.\n"
    )
    details = read_property(text)
    assert details.schedule_c_property_name == "Apartment"
    assert details.schedule_c_property_address == "Flat No. 906, 2nd Cross, Indiranagar, Bengaluru"
    assert details.schedule_c_property_area == 850.0


def test_form_label_line_between_an_address_and_its_pincode() -> None:
    text = (
        "Schedule 'C' property\nResidential Site\nSchedule 'C' address\nDoor No. 716, 5th Block, "
        "Bejai, Mangaluru\nPIN Code / State\n575049 / Karnataka\nSchedule 'C' extent\n2460 Sft\n"
    )
    details = read_property(text)
    assert details.schedule_c_property_address == "Door No. 716, 5th Block, Bejai, Mangaluru"
    assert (details.pincode, details.state) == ("575049", "Karnataka")


def test_e_stamp_duty_is_the_stamp_duty() -> None:
    text = "(Presented before the Sub-Registrar, Yelahanka; e-stamp duty of Rs.2,39,940/- paid.)"
    assert read_amounts(text)["stamp_duty_fee"] == 239940.0


def test_unlabelled_address_after_the_kind_and_a_comma() -> None:
    text = (
        "Schedule C (premises sold): Apartment, Door No. 746, Church Road, Edappally, Kochi, "
        "Kerala - 682023, with a super built-up area of 1,250 sq.ft.\n"
    )
    details = read_property(text)
    assert details.schedule_c_property_name == "Apartment"
    assert details.schedule_c_property_address == "Door No. 746, Church Road, Edappally, Kochi"
    assert (details.pincode, details.state) == ("682023", "Kerala")
    assert details.schedule_c_property_area == 1250.0
