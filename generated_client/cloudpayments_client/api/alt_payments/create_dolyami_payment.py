"""`createDolyamiPayment`: POST /payments/altpay/pay, the request and what its answer holds."""

from typing import Any

from ...models import DolyamiPayment, DolyamiPaymentAnswer, DolyamiPaymentResponse
from ...types import Operation, json_body


def build_request(body: dict[str, Any], request_id: str) -> dict[str, Any]:
    """httpx.request keyword arguments from the JSON body (wire names); `request_id` is sent as X-Request-ID."""
    return {
        "method": "post",
        "url": "/payments/altpay/pay",
        "headers": {
            "X-Request-ID": request_id,
            "Content-Type": "application/json",
        },
        "content": json_body(body),
    }


OPERATION: Operation[dict[str, Any], DolyamiPaymentAnswer] = Operation(
    operation_id="createDolyamiPayment",
    build_request=build_request,
    mutating=True,
    envelope=DolyamiPaymentResponse,
    result=(DolyamiPayment,),
    returns_model=True,
    answer=DolyamiPaymentAnswer,
)
