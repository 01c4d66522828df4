from typing import Literal

ListedStatus = Literal["Authorized", "Cancelled", "Completed", "Declined"]

LISTED_STATUS_VALUES: set[ListedStatus] = {
    "Authorized",
    "Cancelled",
    "Completed",
    "Declined",
}


def check_listed_status(value: str) -> ListedStatus:
    if value in LISTED_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LISTED_STATUS_VALUES!r}")
