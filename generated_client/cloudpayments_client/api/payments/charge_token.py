"""`chargeToken`: POST /payments/tokens/charge, the request and what its answer holds."""

from typing import Any

from ...models import TokenPaymentRequest, Transaction, TransactionResponse
from ...types import Operation


def build_request(body: TokenPaymentRequest, request_id: str) -> dict[str, Any]:
    """httpx.request keyword arguments; `request_id` is sent as X-Request-ID."""
    return {
        "method": "post",
        "url": "/payments/tokens/charge",
        "headers": {
            "X-Request-ID": request_id,
            "Content-Type": "application/json",
        },
        "json": body.to_dict(),
    }


OPERATION: Operation[TokenPaymentRequest, Transaction] = Operation(
    operation_id="chargeToken",
    build_request=build_request,
    mutating=True,
    envelope=TransactionResponse,
    result=(Transaction,),
    returns_model=True,
)
