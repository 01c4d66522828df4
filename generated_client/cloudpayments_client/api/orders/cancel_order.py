"""`cancelOrder`: POST /orders/cancel, the request and what its answer holds."""

from typing import Any

from ...models import OperationResponse
from ...types import Operation, json_body


def build_request(body: dict[str, Any], request_id: str) -> dict[str, Any]:
    """httpx.request keyword arguments from the JSON body (wire names); `request_id` is sent as X-Request-ID."""
    return {
        "method": "post",
        "url": "/orders/cancel",
        "headers": {
            "X-Request-ID": request_id,
            "Content-Type": "application/json",
        },
        "content": json_body(body),
    }


OPERATION: Operation[dict[str, Any], OperationResponse] = Operation(
    operation_id="cancelOrder",
    build_request=build_request,
    mutating=True,
    envelope=OperationResponse,
    result=(OperationResponse,),
    returns_model=False,
)
