from typing import Literal

NotificationSettingsRequestHttpMethod = Literal["GET", "POST"]

NOTIFICATION_SETTINGS_REQUEST_HTTP_METHOD_VALUES: set[NotificationSettingsRequestHttpMethod] = {
    "GET",
    "POST",
}


def check_notification_settings_request_http_method(value: str) -> NotificationSettingsRequestHttpMethod:
    if value in NOTIFICATION_SETTINGS_REQUEST_HTTP_METHOD_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {NOTIFICATION_SETTINGS_REQUEST_HTTP_METHOD_VALUES!r}")
