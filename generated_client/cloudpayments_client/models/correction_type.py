from typing import Literal

CorrectionType = Literal[0, 1]

CORRECTION_TYPE_VALUES: set[CorrectionType] = {
    0,
    1,
}


def check_correction_type(value: int) -> CorrectionType:
    if value in CORRECTION_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CORRECTION_TYPE_VALUES!r}")
