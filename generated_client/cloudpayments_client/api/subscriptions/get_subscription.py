"""`getSubscription`: POST /subscriptions/get, the request and what its answer holds."""

from typing import Any

from ...models import Subscription, SubscriptionResponse
from ...types import Operation, json_body


def build_request(body: dict[str, Any], request_id: None) -> dict[str, Any]:
    """httpx.request keyword arguments from the JSON body (wire names)."""
    return {
        "method": "post",
        "url": "/subscriptions/get",
        "headers": {
            "Content-Type": "application/json",
        },
        "content": json_body(body),
    }


OPERATION: Operation[dict[str, Any], Subscription] = Operation(
    operation_id="getSubscription",
    build_request=build_request,
    mutating=False,
    envelope=SubscriptionResponse,
    result=(Subscription,),
    returns_model=True,
)
