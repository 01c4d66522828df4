from typing import Literal

Currency = Literal[
    "AED",
    "AMD",
    "AUD",
    "AZN",
    "BGN",
    "BRL",
    "BYN",
    "BYR",
    "CAD",
    "CHF",
    "CNY",
    "CZK",
    "EUR",
    "GBP",
    "GEL",
    "HKD",
    "INR",
    "KGS",
    "KZT",
    "PLN",
    "RON",
    "RUB",
    "SEK",
    "TRY",
    "UAH",
    "USD",
    "UZS",
    "ZAR",
]

CURRENCY_VALUES: set[Currency] = {
    "AED",
    "AMD",
    "AUD",
    "AZN",
    "BGN",
    "BRL",
    "BYN",
    "BYR",
    "CAD",
    "CHF",
    "CNY",
    "CZK",
    "EUR",
    "GBP",
    "GEL",
    "HKD",
    "INR",
    "KGS",
    "KZT",
    "PLN",
    "RON",
    "RUB",
    "SEK",
    "TRY",
    "UAH",
    "USD",
    "UZS",
    "ZAR",
}


def check_currency(value: str) -> Currency:
    if value in CURRENCY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CURRENCY_VALUES!r}")
