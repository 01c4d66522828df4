"""`createSubscription`: POST /subscriptions/create, the request and what its answer holds."""

from typing import Any

from ...models import Subscription, SubscriptionCreateRequest, SubscriptionResponse
from ...types import Operation


def build_request(body: SubscriptionCreateRequest, request_id: str) -> dict[str, Any]:
    """httpx.request keyword arguments; `request_id` is sent as X-Request-ID."""
    return {
        "method": "post",
        "url": "/subscriptions/create",
        "headers": {
            "X-Request-ID": request_id,
            "Content-Type": "application/json",
        },
        "json": body.to_dict(),
    }


OPERATION: Operation[SubscriptionCreateRequest, Subscription] = Operation(
    operation_id="createSubscription",
    build_request=build_request,
    mutating=True,
    envelope=SubscriptionResponse,
    result=(Subscription,),
    returns_model=True,
)
