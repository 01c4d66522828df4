from typing import Literal

PayoutCurrency = Literal["RUB"]

PAYOUT_CURRENCY_VALUES: set[PayoutCurrency] = {
    "RUB",
}


def check_payout_currency(value: str) -> PayoutCurrency:
    if value in PAYOUT_CURRENCY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PAYOUT_CURRENCY_VALUES!r}")
