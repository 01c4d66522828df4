from typing import Literal

ChargebackType = Literal["Chargeback", "Fee"]

CHARGEBACK_TYPE_VALUES: set[ChargebackType] = {
    "Chargeback",
    "Fee",
}


def check_chargeback_type(value: str) -> ChargebackType:
    if value in CHARGEBACK_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CHARGEBACK_TYPE_VALUES!r}")
