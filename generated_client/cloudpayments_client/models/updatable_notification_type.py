from typing import Literal

UpdatableNotificationType = Literal[
    "Cancel", "Confirm", "Fail", "Kkt", "Pay", "Receipt", "Recurrent", "Refund", "SbpToken"
]

UPDATABLE_NOTIFICATION_TYPE_VALUES: set[UpdatableNotificationType] = {
    "Cancel",
    "Confirm",
    "Fail",
    "Kkt",
    "Pay",
    "Receipt",
    "Recurrent",
    "Refund",
    "SbpToken",
}


def check_updatable_notification_type(value: str) -> UpdatableNotificationType:
    if value in UPDATABLE_NOTIFICATION_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {UPDATABLE_NOTIFICATION_TYPE_VALUES!r}")
