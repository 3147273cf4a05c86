import pytest

from docmill_contracts.messages import PageText
from docmill_extractor.rules import extract_sale_deed

pytestmark = pytest.mark.unit


DEED = """SALE DEED
This Sale Deed is made and executed on this 15th day of January 2024 at Bengaluru.
VENDOR(S)
1. Sri Suresh Sharma, S/o Mohan Sharma, aged about 54 years,
Residing at: 789, Residency Road,
Bengaluru, Karnataka - 560025
Aadhaar No: {aadhaar}, PAN: {pan}
Phone: +91 98765 43220
Email: suresh@example.com
Share: 100%
(hereinafter called the VENDOR)
PURCHASER(S)
1. Mrs. Anitha   Rao, W/o Ravi Rao, aged about 40 years,
Residing at: 456, Brigade Road, Bengaluru, Karnataka - 560025
Aadhaar No: 2345 6789 0124
Phone: 9876543210, Secondary Phone: 09876543211
(hereinafter called the PURCHASER)
The PURCHASER has agreed to purchase the property for a total sale consideration of
Rs.50,00,000/- (Rupees Fifty Lakh Only), paid by Cheque No. 123456 drawn on Canara Bank.
The guidance value of the Schedule Property is Rs. 48,00,000. Stamp duty of {stamp} has been paid
and registration fee of Rs. 50,000 is paid.
SCHEDULE 'B' PROPERTY
All that piece of land measuring 1,200 sq.ft bounded on the East by Road.
SCHEDULE 'C' PROPERTY
Property Name: Residential Plot
Property Address: 123, MG Road, Bangalore, Karnataka - 560001
Area: 1200 sq ft
Registered at the Sub-Registrar Office, Bangalore."""


def _extract(**values: str):
    fields = {"aadhaar": "2345 6789 0123", "pan": "FGHIJ5678K", "stamp": "Rs. 2,50,000"}
    text = DEED.format(**{**fields, **values})
    half = len(text) // 2
    pages = [PageText(page=2, text=text[half:]), PageText(page=1, text=text[:half])]
    return extract_sale_deed(pages)


def test_extracts_the_seed_document() -> None:
    deed = _extract().deed
    assert deed.transaction_date == "2024-01-15"
    assert deed.registration_office == "Sub-Registrar Office, Bangalore"
    pd = deed.property_details
    assert (pd.sale_consideration, pd.guidance_value) == (5_000_000.0, 4_800_000.0)
    assert (pd.stamp_duty_fee, pd.registration_fee) == (250_000.0, 50_000.0)
    assert (pd.schedule_b_area, pd.schedule_c_property_area) == (1200.0, 1200.0)
    assert pd.schedule_c_property_name == "Residential Plot"
    assert pd.schedule_c_property_address == "123, MG Road, Bangalore"
    assert (pd.pincode, pd.state, pd.paid_in_cash_mode) == ("560001", "Karnataka", "No")
    seller = deed.sellers[0]
    assert seller.name == "Suresh Sharma" and seller.gender == "Male"
    assert seller.address == "789, Residency Road, Bengaluru"
    assert (seller.pincode, seller.state, seller.property_share) == ("560025", "Karnataka", "100%")
    assert seller.phone_number == "9876543220" and seller.email == "suresh@example.com"
    buyer = deed.buyers[0]
    assert buyer.name == "Anitha Rao" and buyer.gender == "Female"
    assert (buyer.phone_number, buyer.secondary_phone_number) == ("9876543210", "9876543211")
    assert buyer.pan_card_number is None and buyer.property_share is None


def test_verhoeff_failure_warns_but_keeps_the_number() -> None:
    result = _extract()
    # 2345 6789 0123 fails the Verhoeff check; the number is still reported.
    assert result.deed.sellers[0].aadhaar_number == "2345-6789-0123"
    assert any("Verhoeff" in w and "2345-6789-0123" in w for w in result.warnings)


def test_repaired_pan_warns() -> None:
    result = _extract(pan="fghij56T8k")
    assert result.deed.sellers[0].pan_card_number == "FGHIJ5678K"
    assert any("PAN" in w for w in result.warnings)


def test_implausible_stamp_duty_warns_but_keeps_value() -> None:
    result = _extract(stamp="Rs. 2,500")
    assert result.deed.property_details.stamp_duty_fee == 2500.0
    assert any("stamp duty" in w for w in result.warnings)


def test_plausible_deed_has_no_stamp_warning() -> None:
    assert not any("stamp duty" in w for w in _extract().warnings)
