from typing import Literal

ReceiptVat = Literal[0, 5, 7, 10, 20, 22, 105, 107, 110, 120, 122]

RECEIPT_VAT_VALUES: set[ReceiptVat] = {
    0,
    5,
    7,
    10,
    20,
    22,
    105,
    107,
    110,
    120,
    122,
}


def check_receipt_vat(value: int) -> ReceiptVat:
    if value in RECEIPT_VAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RECEIPT_VAT_VALUES!r}")
