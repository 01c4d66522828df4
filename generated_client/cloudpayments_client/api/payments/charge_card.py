"""`chargeCard`: POST /payments/cards/charge, the request and what its answer holds."""

from typing import Any

from ...models import CardPaymentRequest, CardPaymentResponse, Transaction
from ...types import Operation


def build_request(body: CardPaymentRequest, request_id: str) -> dict[str, Any]:
    """httpx.request keyword arguments; `request_id` is sent as X-Request-ID."""
    return {
        "method": "post",
        "url": "/payments/cards/charge",
        "headers": {
            "X-Request-ID": request_id,
            "Content-Type": "application/json",
        },
        "json": body.to_dict(),
    }


OPERATION: Operation[CardPaymentRequest, Transaction] = Operation(
    operation_id="chargeCard",
    build_request=build_request,
    mutating=True,
    envelope=CardPaymentResponse,
    result=(Transaction,),
    returns_model=True,
)
