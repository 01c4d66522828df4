"""`createOrder`: POST /orders/create, the request and what its answer holds."""

from typing import Any

from ...models import Order, OrderCreateRequest, OrderResponse
from ...types import Operation


def build_request(body: OrderCreateRequest, request_id: str) -> dict[str, Any]:
    """httpx.request keyword arguments; `request_id` is sent as X-Request-ID."""
    return {
        "method": "post",
        "url": "/orders/create",
        "headers": {
            "X-Request-ID": request_id,
            "Content-Type": "application/json",
        },
        "json": body.to_dict(),
    }


OPERATION: Operation[OrderCreateRequest, Order] = Operation(
    operation_id="createOrder",
    build_request=build_request,
    mutating=True,
    envelope=OrderResponse,
    result=(Order,),
    returns_model=True,
)
