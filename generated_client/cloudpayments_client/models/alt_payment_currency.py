from typing import Literal

AltPaymentCurrency = Literal["RUB"]

ALT_PAYMENT_CURRENCY_VALUES: set[AltPaymentCurrency] = {
    "RUB",
}


def check_alt_payment_currency(value: str) -> AltPaymentCurrency:
    if value in ALT_PAYMENT_CURRENCY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ALT_PAYMENT_CURRENCY_VALUES!r}")
