from typing import Literal

PaymentSchemeName = Literal["auth", "charge"]

PAYMENT_SCHEME_NAME_VALUES: set[PaymentSchemeName] = {
    "auth",
    "charge",
}


def check_payment_scheme_name(value: str) -> PaymentSchemeName:
    if value in PAYMENT_SCHEME_NAME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PAYMENT_SCHEME_NAME_VALUES!r}")
