"""`voidPayment`: POST /payments/void, the request and what its answer holds."""

from typing import Any

from ...models import OperationResponse, VoidRequest
from ...types import Operation


def build_request(body: VoidRequest, request_id: str) -> dict[str, Any]:
    """httpx.request keyword arguments; `request_id` is sent as X-Request-ID."""
    return {
        "method": "post",
        "url": "/payments/void",
        "headers": {
            "X-Request-ID": request_id,
            "Content-Type": "application/json",
        },
        "json": body.to_dict(),
    }


OPERATION: Operation[VoidRequest, OperationResponse] = Operation(
    operation_id="voidPayment",
    build_request=build_request,
    mutating=True,
    envelope=OperationResponse,
    result=(OperationResponse,),
    returns_model=False,
)
