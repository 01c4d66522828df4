"""`findSubscriptions`: POST /subscriptions/find, the request and what its answer holds."""

from typing import Any

from ...models import Subscription, SubscriptionListResponse
from ...types import Operation, json_body


def build_request(body: dict[str, Any], request_id: None) -> dict[str, Any]:
    """httpx.request keyword arguments from the JSON body (wire names)."""
    return {
        "method": "post",
        "url": "/subscriptions/find",
        "headers": {
            "Content-Type": "application/json",
        },
        "content": json_body(body),
    }


OPERATION: Operation[dict[str, Any], list[Subscription]] = Operation(
    operation_id="findSubscriptions",
    build_request=build_request,
    mutating=False,
    envelope=SubscriptionListResponse,
    result=(Subscription,),
    returns_model=True,
    returns_list=True,
)
