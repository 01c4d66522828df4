"""`waitQrStatus`: POST /payments/qr/status/wait, the request and what its answer holds."""

from typing import Any

from ...models import QrPaymentStatus, QrStatusResponse
from ...types import Operation, json_body


def build_request(body: dict[str, Any], request_id: None) -> dict[str, Any]:
    """httpx.request keyword arguments from the JSON body (wire names)."""
    return {
        "method": "post",
        "url": "/payments/qr/status/wait",
        "headers": {
            "Content-Type": "application/json",
        },
        "content": json_body(body),
    }


OPERATION: Operation[dict[str, Any], QrPaymentStatus] = Operation(
    operation_id="waitQrStatus",
    build_request=build_request,
    mutating=False,
    envelope=QrStatusResponse,
    result=(QrPaymentStatus,),
    returns_model=True,
)
