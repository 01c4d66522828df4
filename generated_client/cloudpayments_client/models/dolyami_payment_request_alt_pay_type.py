from typing import Literal

DolyamiPaymentRequestAltPayType = Literal["TcsBnplDolyame"]

DOLYAMI_PAYMENT_REQUEST_ALT_PAY_TYPE_VALUES: set[DolyamiPaymentRequestAltPayType] = {
    "TcsBnplDolyame",
}


def check_dolyami_payment_request_alt_pay_type(value: str) -> DolyamiPaymentRequestAltPayType:
    if value in DOLYAMI_PAYMENT_REQUEST_ALT_PAY_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DOLYAMI_PAYMENT_REQUEST_ALT_PAY_TYPE_VALUES!r}")
