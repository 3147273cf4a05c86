"""Party particulars as Tesseract returns them from a scanned deed."""

import pytest

from docmill_contracts.messages import PageText
from docmill_extractor.rules.identifiers import find_aadhaar, find_email, find_pan, read_phones
from docmill_extractor.rules.parties import find_parties
from docmill_extractor.rules.property import read_property
from docmill_extractor.rules.text import (
    canonical_state,
    drop_specks,
    join_pages,
    split_state_pincode,
)
from docmill_normalize import verhoeff_check_digit

pytestmark = pytest.mark.unit

BODY = "86120043759"
AADHAAR = BODY + str(verhoeff_check_digit(BODY))
GROUPED = f"{AADHAAR[:4]}-{AADHAAR[4:8]}-{AADHAAR[8:]}"


def test_aadhaar_split_oddly_is_found_when_verhoeff_passes() -> None:
    found = find_aadhaar(f"UID no. {AADHAAR[:3]} {AADHAAR[3:7]}-{AADHAAR[7:]}; Ph.")
    assert found is not None and found.value == GROUPED


def test_aadhaar_with_look_alike_letters_is_found_when_verhoeff_passes() -> None:
    assert find_aadhaar(f"Aadhar: {AADHAAR.replace('0', 'O')}").value == GROUPED


def test_look_alike_letters_are_not_read_as_figures_without_verhoeff() -> None:
    wrong = AADHAAR[:-1] + str((int(AADHAAR[-1]) + 3) % 10)
    assert find_aadhaar(f"Aadhaar: {wrong.replace('0', 'O')}") is None


def test_twelve_misread_figures_still_mark_a_party_and_are_kept_as_printed() -> None:
    wrong = AADHAAR[:-1] + str((int(AADHAAR[-1]) + 3) % 10)
    found = find_aadhaar(f"Aadhaar: {wrong[:3]} {wrong[3:]}")
    assert found is not None and found.value == f"{wrong[:4]}-{wrong[4:8]}-{wrong[8:]}"
    text = _party("Mohan Rao", "100%", f"{wrong[:3]} {wrong[3:]}") + "(the VENDOR)"
    sellers, _, warnings = find_parties(text)
    assert sellers[0].name == "Mohan Rao"
    assert any("Verhoeff" in w for w in warnings)


@pytest.mark.parametrize(
    ("text", "pan"),
    [
        ("PAN: KLMPR4321 T, Mobile", "KLMPR4321T"),
        ("PAN No. KLMPR 4321T;", "KLMPR4321T"),
        ("PAN KLMPR4321T", "KLMPR4321T"),
        ("PAN - Address 4321 T Road", None),
        ("PAN KLMPR43 21, Mobile", None),
    ],
)
def test_pan_split_once_is_joined_only_when_its_format_holds(text: str, pan: str | None) -> None:
    assert find_pan(text)[0] == pan


@pytest.mark.parametrize(
    ("text", "phones"),
    [
        ("Mobile: 7012345 678, Email", ("7012345678", None)),
        ("Cell: 70123 45678; Alt. Cell: 491 9988776655", ("7012345678", "9988776655")),
        ("Mobile:\n4+91-70123 45678;", ("7012345678", None)),
        ("Mobile: +91 701234567890", (None, None)),
    ],
)
def test_phones_survive_ocr_spacing_and_plus_sign(text: str, phones: tuple) -> None:
    assert read_phones(text) == phones


@pytest.mark.parametrize(
    ("text", "email"),
    [
        ("E-mail: kiran. rao7@gmail.com, having", "kiran.rao7@gmail.com"),
        ("email - kiran.rao1 1 @yahoo.co.in.", "kiran.rao11@yahoo.co.in"),
        ("Email ID kiran.rao@yahoo.co in\nAddress", "kiran.rao@yahoo.co.in"),
        ("Email: kiran.rao@outlook..com", "kiran.rao@outlook.com"),
        ("Email: kiran@gmail.com in full", "kiran@gmail.com"),
    ],
)
def test_email_loses_the_spaces_and_dots_ocr_adds(text: str, email: str) -> None:
    assert find_email(text) == email


def _party(name: str, share: str, aadhaar: str = "2345 6789 0123") -> str:
    return (
        f"Sri {name}, S/o Ramesh, residing at 12, Lake Road,\nKarnataka 560041: "
        f"Aadhaar {aadhaar}, Mobile 9845012345, holding {share} share.\n"
    )


def test_capital_i_read_as_l_is_restored_in_names() -> None:
    text = _party("Mohan lyengar", "100%") + "(hereinafter called the VENDOR)"
    sellers, _, _ = find_parties(text)
    assert sellers[0].name == "Mohan Iyengar"


def test_address_line_ending_in_a_colon_is_not_a_label() -> None:
    sellers, _, _ = find_parties(_party("Mohan Rao", "100%") + "(the VENDOR)")
    assert (sellers[0].pincode, sellers[0].state) == ("560041", "Karnataka")


def test_one_impossible_share_is_mended_from_the_others() -> None:
    body = "11223344556"
    other = body + str(verhoeff_check_digit(body))
    text = _party("Mohan Rao", "40%") + _party("Ravi Rao", "600%", other) + "(the VENDORS)"
    sellers, _, warnings = find_parties(text)
    assert [p.property_share for p in sellers] == ["40%", "60%"]
    assert any("600%" in w for w in warnings)


def test_specks_after_a_labelled_property_kind_are_dropped() -> None:
    text = (
        "SCHEDULE 'C' PROPERTY\nProperty Name: Residential Flat ae\n"
        "Property Address: 4, Lake Road, Hassan, Karnataka - 573201\nArea: 900 sq ft"
    )
    assert read_property(text).schedule_c_property_name == "Residential Flat"


def test_speckled_page_footer_does_not_split_an_amount() -> None:
    pages = [
        PageText(page=1, text="total sale consideration of Rs.\n: Page 1 of 2"),
        PageText(page=2, text="3,86,00,000, paid by cheque.\nPage. 2 of 2"),
    ]
    text = join_pages(pages)
    assert "Page" not in text
    assert read_property(text).sale_consideration == 38_600_000.0


def test_two_phones_listed_on_a_line_are_not_a_page_footer() -> None:
    pages = [
        PageText(page=1, text="Durvani / Mobile\n7907240889 / 8307193162\n2 / 3"),
        PageText(page=2, text="E-mail\nanil.bhat60@gmail.com\n12 of 12"),
    ]
    text = join_pages(pages)
    assert "2 / 3" not in text and "12 of 12" not in text
    assert read_phones(text) == ("7907240889", "8307193162")


@pytest.mark.parametrize(
    ("raw", "state"),
    [("Kamataka", "Karnataka"), ("Karnataka oe", "Karnataka"), ("tamil  nadu", "Tamil Nadu")],
)
def test_state_names_survive_ocr(raw: str, state: str) -> None:
    assert canonical_state(drop_specks(raw)) == state


def test_state_label_with_specks_and_rn_slip() -> None:
    speckled = "PIN 560041;\nState : Kamataka ;\n"
    text = _party("Mohan Rao", "100%").replace("Karnataka 560041: ", speckled)
    sellers, _, _ = find_parties(text + "(the VENDOR)")
    assert (sellers[0].pincode, sellers[0].state) == ("560041", "Karnataka")


def test_schedule_heading_is_read_when_ocr_lost_its_area() -> None:
    text = (
        "Cc SCHEDULE (Property conveyed)\nDescription Independent House\n"
        "Situated at 12, Hill Road, Hassan, Karnataka - 573201\nBuilt-up cue ೧೫೬ 1"
    )
    pd = read_property(text)
    assert pd.schedule_c_property_name == "Independent House"
    assert (pd.pincode, pd.state, pd.schedule_c_property_area) == ("573201", "Karnataka", None)


def test_pan_label_with_a_stray_full_stop() -> None:
    assert find_pan("PAN.: KLMPR4321T\nPhone")[0] == "KLMPR4321T"


def test_role_words_split_by_ocr_still_assign_parties() -> None:
    buyer = "Kum. Asha Rao, D/o Ramesh, residing at 3, Hill Road, Hassan, Karnataka - 573201, "
    text = (
        _party("Mohan Rao", "100%")
        + "hereinafter called the F IRST PART Y(S) IN FAVOUR OF: (1) "
        + buyer
        + "Aadhaar No. 2345-6789-0123, Mobile 9845012399; hereinafter the SECOND PART Y(S)."
    )
    sellers, buyers, _ = find_parties(text)
    assert [p.name for p in sellers] == ["Mohan Rao"]
    assert [p.name for p in buyers] == ["Asha Rao"]


def test_aadhaar_with_a_full_stop_for_a_space_marks_a_party() -> None:
    found = find_aadhaar(f"Aadhaar\nNo. {AADHAAR[:4]}.{AADHAAR[4:8]} {AADHAAR[8:]}, Mobile")
    assert found is not None and found.value == GROUPED


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("PAN: KLMPR4321|\nPhone", "KLMPR4321I"),
        ("Email: kiran.rao@yahoo.co .in\nShare", "kiran.rao@yahoo.co.in"),
    ],
)
def test_bar_for_i_in_pan_and_space_in_email_domain(text: str, value: str) -> None:
    found = find_pan(text)[0] if text.startswith("PAN") else find_email(text)
    assert found == value


def test_amount_with_a_colon_for_a_comma_and_kind_with_a_speck() -> None:
    text = (
        "SCHEDULE 'C' PROPERTY\nProperty Name: Commercial Shop 4\n"
        "Property Address: 4, Lake Road, Hassan, Karnataka - 573201\nArea: 900 sq ft\n"
        "The guidance value of the property is Rs. 1,91 :38,000."
    )
    pd = read_property(text)
    assert pd.schedule_c_property_name == "Commercial Shop"
    assert pd.guidance_value == 19_138_000.0


@pytest.mark.parametrize(
    ("text", "pan"),
    [
        ("PAN. ce -KLMPR4321T |\nAddress", "KLMPR4321T"),
        ("PAN |KLMPR4321!\nAddress", "KLMPR4321I"),
        ("and PAN\nKLMPR4321tT, Mobile", "KLMPR4321T"),
        ("PAN KLMPr4321tT, Mobile", None),
        ("PAN - not available; Mobile 9845012345", None),
    ],
)
def test_pan_after_specks_or_with_one_inserted_letter(text: str, pan: str | None) -> None:
    assert find_pan(text)[0] == pan


def test_stray_bars_are_dropped_from_ocr_pages_only() -> None:
    ocr = PageText(page=1, text="Kankanady, | Mangaluru ||\nNo. 4, Ath Cross", source="tesseract")
    layer = PageText(page=2, text="Qty | Rate", source="text_layer")
    assert join_pages([ocr, layer]) == "Kankanady, Mangaluru\nNo. 4, 4th Cross\nQty | Rate"


@pytest.mark.parametrize("speck", ["“", "|", "4", "a"])
def test_labelled_name_with_a_speck_at_the_line_end(speck: str) -> None:
    text = (
        f"SELLER 1\nName : Geetha Kulkarni {speck}\nGender : Female\n"
        "Aadhaar : 2345-6789-0123\nPhone : 9845012345\n"
    )
    sellers, _, _ = find_parties(text)
    assert [p.name for p in sellers] == ["Geetha Kulkarni"]


def test_property_read_from_its_labels_when_no_schedule_heading_survived() -> None:
    text = (
        "9) SCHEDULER oo\nAll that land measuring 1,250 square feet.\n"
        "Property Name: Residential Plot\n"
        "Property Address: #559, Station Road, Hassan, Karnataka - 573201 ee\n"
        "Area 2530 SFT a\nPaidinCash: Yes. oe"
    )
    pd = read_property(text)
    assert (pd.schedule_c_property_name, pd.pincode) == ("Residential Plot", "573201")
    assert (pd.schedule_c_property_area, pd.paid_in_cash_mode) == (2530.0, "Yes")


def test_noisy_labelled_card_with_numbered_role_and_speck_before_the_aadhaar() -> None:
    text = (
        "EXECUTANT1 ೫೩.\nName : Bhavya Desai 1... 1\nGender:Female oS a\n"
        "Aadhaar\n3 No. 2345-6789-0123 ೩. |\nPhone : +91-7940851670 a 11.\n"
        "CLAIMANT1\nName : Ravi Rao\nAadhaar : 2345 6789 0123\nPhone : 9845012345\n"
    )
    sellers, buyers, _ = find_parties(text)
    assert [(p.name, p.aadhaar_number) for p in sellers] == [("Bhavya Desai", "2345-6789-0123")]
    assert [p.name for p in buyers] == ["Ravi Rao"]


def test_name_wrapped_with_a_speck_at_the_line_break() -> None:
    text = (
        "BY: (1) Mr. Kiran :\nM. Verma, S/o Vijay Verma, residing at 4, Hill Road, Hassan, "
        "Karnataka - 573201, holding Aadhaar No. 2345 6789 0123, Mobile 9845012345 (the VENDOR)"
    )
    sellers, _, _ = find_parties(text)
    assert sellers[0].name == "Kiran M. Verma"


@pytest.mark.parametrize(
    ("raw", "address"),
    [
        (
            "No. 1, Residency Road, Bengaluru a 4\nKarnataka - 560001",
            "No. 1, Residency Road, Bengaluru",
        ),
        ("12, Hill Road, Hassan ee, Karnataka 573201", "12, Hill Road, Hassan"),
        ("Plot 7, Sector 4, Karnataka 573201", "Plot 7, Sector 4"),
    ],
)
def test_addresses_shed_trailing_specks_but_keep_their_numbers(raw: str, address: str) -> None:
    assert split_state_pincode(raw)[0] == address
