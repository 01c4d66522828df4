from typing import Literal

SbpPaymentRequestScheme = Literal["charge"]

SBP_PAYMENT_REQUEST_SCHEME_VALUES: set[SbpPaymentRequestScheme] = {
    "charge",
}


def check_sbp_payment_request_scheme(value: str) -> SbpPaymentRequestScheme:
    if value in SBP_PAYMENT_REQUEST_SCHEME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SBP_PAYMENT_REQUEST_SCHEME_VALUES!r}")
