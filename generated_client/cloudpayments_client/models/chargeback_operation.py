from typing import Literal

ChargebackOperation = Literal["Presentment", "Representment"]

CHARGEBACK_OPERATION_VALUES: set[ChargebackOperation] = {
    "Presentment",
    "Representment",
}


def check_chargeback_operation(value: str) -> ChargebackOperation:
    if value in CHARGEBACK_OPERATION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CHARGEBACK_OPERATION_VALUES!r}")
