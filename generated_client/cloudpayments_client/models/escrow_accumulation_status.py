from typing import Literal

EscrowAccumulationStatus = Literal["Closed", "Open"]

ESCROW_ACCUMULATION_STATUS_VALUES: set[EscrowAccumulationStatus] = {
    "Closed",
    "Open",
}


def check_escrow_accumulation_status(value: str) -> EscrowAccumulationStatus:
    if value in ESCROW_ACCUMULATION_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ESCROW_ACCUMULATION_STATUS_VALUES!r}")
