"""`refundPayment`: POST /payments/refund, the request and what its answer holds."""

from typing import Any

from ...models import RefundRequest, RefundResponse, RefundResult
from ...types import Operation


def build_request(body: RefundRequest, request_id: str) -> dict[str, Any]:
    """httpx.request keyword arguments; `request_id` is sent as X-Request-ID."""
    return {
        "method": "post",
        "url": "/payments/refund",
        "headers": {
            "X-Request-ID": request_id,
            "Content-Type": "application/json",
        },
        "json": body.to_dict(),
    }


OPERATION: Operation[RefundRequest, RefundResult] = Operation(
    operation_id="refundPayment",
    build_request=build_request,
    mutating=True,
    envelope=RefundResponse,
    result=(RefundResult,),
    returns_model=True,
)
