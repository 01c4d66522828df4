from typing import Literal

CorrectionReceiptType = Literal[1, 2, 3, 4]

CORRECTION_RECEIPT_TYPE_VALUES: set[CorrectionReceiptType] = {
    1,
    2,
    3,
    4,
}


def check_correction_receipt_type(value: int) -> CorrectionReceiptType:
    if value in CORRECTION_RECEIPT_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CORRECTION_RECEIPT_TYPE_VALUES!r}")
