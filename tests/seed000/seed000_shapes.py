"""Seed 000's response shapes, field by field, as its examples show them.

A shape maps each field the seed documents to the JSON types a client may get for it;
fields beyond the seed's are allowed (a client written against the seed ignores them).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

NUM = (int, float)
OPT_STR = (str, type(None))
OPT_NUM = (int, float, type(None))
ISO = "iso-timestamp"
OPT_ISO = "optional-iso-timestamp"

BATCH_ID = re.compile(r"^BATCH_\d{8}_\d{6}_[0-9a-f]{8}$")

UPLOAD = {"success": bool, "uploaded_count": int, "files": list, "batch_id": str}
BATCH = {"batch_id": str, "batch_name": str, "total_count": int, "created_at": ISO, "status": str}
START_PIPELINE = {
    "success": bool,
    "message": str,
    "total_files": int,
    "ocr_workers": int,
    "llm_workers": int,
    "stage2_queue_size": int,
    "enable_ocr_multiprocessing": bool,
    "ocr_page_workers": int,
    "pipeline_mode": bool,
}
START_LEGACY = {
    "success": bool,
    "message": str,
    "total_files": int,
    "max_workers": int,
    "pipeline_mode": bool,
}
STOPPED = {"success": bool, "message": str, "stopped_count": int}
STATS_LEGACY = {
    "total": int,
    "processed": int,
    "successful": int,
    "failed": int,
    "is_running": bool,
    "active_workers": int,
    "current_file": OPT_STR,
    "pipeline_mode": bool,
}
STATS_PIPELINE = {
    **STATS_LEGACY,
    "ocr_workers": int,
    "llm_workers": int,
    "ocr_active": int,
    "llm_active": int,
    "in_queue": int,
}
TOGGLE = {"success": bool, "message": str, "use_embedded_ocr": bool, "ocr_mode": str}
RERUN = {"success": bool, "message": str, "moved_count": int}
VISION_START = {"success": bool, "message": str}
VISION_STATS = {
    "total": int,
    "processed": int,
    "successful": int,
    "failed": int,
    "is_running": bool,
    "active_workers": int,
    "current_file": OPT_STR,
}
PROPERTY = {
    "id": int,
    "document_id": str,
    "schedule_b_area": OPT_NUM,
    "schedule_c_property_name": OPT_STR,
    "schedule_c_property_address": OPT_STR,
    "schedule_c_property_area": OPT_NUM,
    "paid_in_cash_mode": OPT_STR,
    "pincode": OPT_STR,
    "state": OPT_STR,
    "sale_consideration": OPT_NUM,
    "stamp_duty_fee": OPT_NUM,
    "registration_fee": OPT_NUM,
    "guidance_value": OPT_NUM,
}
BUYER = {
    "id": int,
    "document_id": str,
    "name": OPT_STR,
    "gender": OPT_STR,
    "aadhaar_number": OPT_STR,
    "pan_card_number": OPT_STR,
    "address": OPT_STR,
    "pincode": OPT_STR,
    "state": OPT_STR,
    "phone_number": OPT_STR,
    "secondary_phone_number": OPT_STR,
    "email": OPT_STR,
}
SELLER = {**BUYER, "property_share": OPT_STR}
DOCUMENT = {
    "document_id": str,
    "batch_id": str,
    "transaction_date": OPT_STR,
    "registration_office": OPT_STR,
    "created_at": ISO,
    "updated_at": ISO,
    "property_details": (dict, type(None)),
    "buyers": list,
    "sellers": list,
}
SYSTEM_INFO = {
    "cuda_available": bool,
    "cuda_device_count": int,
    "poppler_available": bool,
    "tesseract_available": bool,
    "ollama_connected": bool,
    "yolo_model_loaded": bool,
}
SYSTEM_CONFIG = {
    "enable_pipeline": bool,
    "max_ocr_workers": int,
    "max_llm_workers": int,
    "stage2_queue_size": int,
    "enable_ocr_multiprocessing": bool,
    "ocr_page_workers": int,
    "max_workers": int,
    "llm_backend": str,
    "tesseract_lang": str,
    "poppler_dpi": int,
    "use_embedded_ocr": bool,
}
FOLDERS = {"newly_uploaded": int, "processed": int, "failed": int, "left_over_reg_fee": int}
USER_INFO = {
    "id": int,
    "user_name": str,
    "number_of_files": int,
    "file_region": str,
    "date": ISO,
    "batch_id": OPT_STR,
    "created_at": ISO,
}
TICKET = {
    "id": int,
    "user_name": str,
    "batch_id": OPT_STR,
    "error_type": str,
    "description": str,
    "status": str,
    "created_at": ISO,
    "resolved_at": OPT_ISO,
}
EXCEL_HEADER = [
    "SL_NO", "USER_TYPE", "Document_ID", "Schedule_B_Area_sqft", "Schedule_C_Area_sqft",
    "Schedule_C_Address_Name", "Property_Pincode", "Property_State", "Sale_Consideration",
    "Stamp_Duty_Fee", "Registration_Fee", "Guidance_Value", "Cash_Payment", "Transaction_Date",
    "Registration_Office", "Name", "Gender", "Aadhaar", "PAN", "Address", "Pincode", "State",
    "Phone", "Secondary_Phone", "Email", "Property_Share",
]  # fmt: skip


def check(body: Any, shape: dict[str, Any], where: str = "response") -> Any:
    """Assert `body` is an object holding every field of `shape` with an allowed type."""
    assert isinstance(body, dict), f"{where}: expected an object, got {body!r}"
    missing = sorted(set(shape) - set(body))
    assert not missing, f"{where}: missing {missing} in {body!r}"
    for field, kind in shape.items():
        value = body[field]
        if kind in (ISO, OPT_ISO):
            if value is None and kind == OPT_ISO:
                continue
            assert isinstance(value, str), f"{where}.{field}: {value!r} is not a timestamp"
            dt.datetime.fromisoformat(value)
            continue
        # bool is an int in Python; the seed never sends true where it shows a number.
        if kind is int or (isinstance(kind, tuple) and bool not in kind):
            assert not isinstance(value, bool), f"{where}.{field}: {value!r} is a bool"
        assert isinstance(value, kind), f"{where}.{field}: {value!r} is not {kind}"
    return body


def check_list(body: Any, shape: dict[str, Any], where: str = "response") -> list[Any]:
    """Assert `body` is a list of objects of `shape`."""
    assert isinstance(body, list), f"{where}: expected a list, got {body!r}"
    for i, item in enumerate(body):
        check(item, shape, f"{where}[{i}]")
    return body


def check_document(doc: Any, where: str = "document") -> dict[str, Any]:
    """A document with its property details, buyers and sellers, as seed section 12 shows."""
    check(doc, DOCUMENT, where)
    if doc["property_details"] is not None:
        check(doc["property_details"], PROPERTY, f"{where}.property_details")
        assert doc["property_details"]["document_id"] == doc["document_id"]
    check_list(doc["buyers"], BUYER, f"{where}.buyers")
    check_list(doc["sellers"], SELLER, f"{where}.sellers")
    return doc
