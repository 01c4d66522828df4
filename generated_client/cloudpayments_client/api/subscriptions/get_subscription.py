"""`getSubscription`: POST /subscriptions/get, the request and what its answer holds."""

from typing import Any

from ...models import Subscription, SubscriptionIdRequest, SubscriptionResponse
from ...types import Operation


def build_request(body: SubscriptionIdRequest, request_id: None) -> dict[str, Any]:
    """httpx.request keyword arguments."""
    return {
        "method": "post",
        "url": "/subscriptions/get",
        "headers": {
            "Content-Type": "application/json",
        },
        "json": body.to_dict(),
    }


OPERATION: Operation[SubscriptionIdRequest, Subscription] = Operation(
    operation_id="getSubscription",
    build_request=build_request,
    mutating=False,
    envelope=SubscriptionResponse,
    result=(Subscription,),
    returns_model=True,
)
