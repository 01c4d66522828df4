from typing import Literal

ReceiptMethod = Literal[0, 1, 2, 3, 4, 5, 6, 7]

RECEIPT_METHOD_VALUES: set[ReceiptMethod] = {
    0,
    1,
    2,
    3,
    4,
    5,
    6,
    7,
}


def check_receipt_method(value: int) -> ReceiptMethod:
    if value in RECEIPT_METHOD_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RECEIPT_METHOD_VALUES!r}")
