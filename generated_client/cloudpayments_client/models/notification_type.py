from typing import Literal

NotificationType = Literal[
    "Cancel", "Check", "Confirm", "Fail", "Kkt", "Pay", "Receipt", "Recurrent", "Refund", "SbpToken"
]

NOTIFICATION_TYPE_VALUES: set[NotificationType] = {
    "Cancel",
    "Check",
    "Confirm",
    "Fail",
    "Kkt",
    "Pay",
    "Receipt",
    "Recurrent",
    "Refund",
    "SbpToken",
}


def check_notification_type(value: str) -> NotificationType:
    if value in NOTIFICATION_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {NOTIFICATION_TYPE_VALUES!r}")
