"""`createSberpayQr`: POST /payments/qr/sberpay/image, the request and what its answer holds."""

from typing import Any

from ...models import QrPayment, QrPaymentResponse
from ...types import Operation, json_body


def build_request(body: dict[str, Any], request_id: str) -> dict[str, Any]:
    """httpx.request keyword arguments from the JSON body (wire names); `request_id` is sent as X-Request-ID."""
    return {
        "method": "post",
        "url": "/payments/qr/sberpay/image",
        "headers": {
            "X-Request-ID": request_id,
            "Content-Type": "application/json",
        },
        "content": json_body(body),
    }


OPERATION: Operation[dict[str, Any], QrPayment] = Operation(
    operation_id="createSberpayQr",
    build_request=build_request,
    mutating=True,
    envelope=QrPaymentResponse,
    result=(QrPayment,),
    returns_model=True,
)
