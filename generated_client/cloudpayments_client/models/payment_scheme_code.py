from typing import Literal

PaymentSchemeCode = Literal["0", "1"]

PAYMENT_SCHEME_CODE_VALUES: set[PaymentSchemeCode] = {
    "0",
    "1",
}


def check_payment_scheme_code(value: str) -> PaymentSchemeCode:
    if value in PAYMENT_SCHEME_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PAYMENT_SCHEME_CODE_VALUES!r}")
