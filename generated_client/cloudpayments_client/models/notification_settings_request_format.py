from typing import Literal

NotificationSettingsRequestFormat = Literal["CloudPayments", "QIWI", "RT"]

NOTIFICATION_SETTINGS_REQUEST_FORMAT_VALUES: set[NotificationSettingsRequestFormat] = {
    "CloudPayments",
    "QIWI",
    "RT",
}


def check_notification_settings_request_format(value: str) -> NotificationSettingsRequestFormat:
    if value in NOTIFICATION_SETTINGS_REQUEST_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {NOTIFICATION_SETTINGS_REQUEST_FORMAT_VALUES!r}")
