"""`getNotificationSettings`: POST /site/notifications/{Type}/get, the request and what its answer holds."""

from typing import Any

from ...models import NotificationSettings, NotificationSettingsResponse
from ...types import Operation


def build_request(body: None, request_id: None) -> dict[str, Any]:
    """httpx.request keyword arguments from the JSON body (wire names); the client fills in the url's path parameters."""
    return {
        "method": "post",
        "url": "/site/notifications/{Type}/get",
        "headers": {},
    }


OPERATION: Operation[None, NotificationSettings] = Operation(
    operation_id="getNotificationSettings",
    build_request=build_request,
    mutating=False,
    envelope=NotificationSettingsResponse,
    result=(NotificationSettings,),
    returns_model=True,
    path_parameters=("Type",),
)
