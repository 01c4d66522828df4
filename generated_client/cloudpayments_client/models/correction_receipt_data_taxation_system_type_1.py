from typing import Literal

CorrectionReceiptDataTaxationSystemType1 = Literal["0", "1", "2", "3", "4", "5"]

CORRECTION_RECEIPT_DATA_TAXATION_SYSTEM_TYPE_1_VALUES: set[CorrectionReceiptDataTaxationSystemType1] = {
    "0",
    "1",
    "2",
    "3",
    "4",
    "5",
}


def check_correction_receipt_data_taxation_system_type_1(value: str) -> CorrectionReceiptDataTaxationSystemType1:
    if value in CORRECTION_RECEIPT_DATA_TAXATION_SYSTEM_TYPE_1_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CORRECTION_RECEIPT_DATA_TAXATION_SYSTEM_TYPE_1_VALUES!r}"
    )
