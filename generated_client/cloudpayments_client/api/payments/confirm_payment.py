"""`confirmPayment`: POST /payments/confirm, the request and what its answer holds."""

from typing import Any

from ...models import ConfirmRequest, OperationResponse
from ...types import Operation


def build_request(body: ConfirmRequest, request_id: str) -> dict[str, Any]:
    """httpx.request keyword arguments; `request_id` is sent as X-Request-ID."""
    return {
        "method": "post",
        "url": "/payments/confirm",
        "headers": {
            "X-Request-ID": request_id,
            "Content-Type": "application/json",
        },
        "json": body.to_dict(),
    }


OPERATION: Operation[ConfirmRequest, OperationResponse] = Operation(
    operation_id="confirmPayment",
    build_request=build_request,
    mutating=True,
    envelope=OperationResponse,
    result=(OperationResponse,),
    returns_model=False,
)
