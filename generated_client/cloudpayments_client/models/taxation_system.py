from typing import Literal

TaxationSystem = Literal[0, 1, 2, 3, 4, 5]

TAXATION_SYSTEM_VALUES: set[TaxationSystem] = {
    0,
    1,
    2,
    3,
    4,
    5,
}


def check_taxation_system(value: int) -> TaxationSystem:
    if value in TAXATION_SYSTEM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TAXATION_SYSTEM_VALUES!r}")
