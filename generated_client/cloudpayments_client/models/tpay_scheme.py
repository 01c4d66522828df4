from typing import Literal

TpayScheme = Literal["0", "1"]

TPAY_SCHEME_VALUES: set[TpayScheme] = {
    "0",
    "1",
}


def check_tpay_scheme(value: str) -> TpayScheme:
    if value in TPAY_SCHEME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TPAY_SCHEME_VALUES!r}")
