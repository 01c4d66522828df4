from typing import Literal

ReceiptStatus = Literal["Error", "NotFound", "Processed", "Queued"]

RECEIPT_STATUS_VALUES: set[ReceiptStatus] = {
    "Error",
    "NotFound",
    "Processed",
    "Queued",
}


def check_receipt_status(value: str) -> ReceiptStatus:
    if value in RECEIPT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RECEIPT_STATUS_VALUES!r}")
