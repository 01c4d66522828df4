from typing import Literal

NotificationSettingsRequestEncoding = Literal["UTF8", "Windows1251"]

NOTIFICATION_SETTINGS_REQUEST_ENCODING_VALUES: set[NotificationSettingsRequestEncoding] = {
    "UTF8",
    "Windows1251",
}


def check_notification_settings_request_encoding(value: str) -> NotificationSettingsRequestEncoding:
    if value in NOTIFICATION_SETTINGS_REQUEST_ENCODING_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {NOTIFICATION_SETTINGS_REQUEST_ENCODING_VALUES!r}")
