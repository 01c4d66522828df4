from typing import Literal

TrInitiatorCode = Literal[0, 1]

TR_INITIATOR_CODE_VALUES: set[TrInitiatorCode] = {
    0,
    1,
}


def check_tr_initiator_code(value: int) -> TrInitiatorCode:
    if value in TR_INITIATOR_CODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TR_INITIATOR_CODE_VALUES!r}")
