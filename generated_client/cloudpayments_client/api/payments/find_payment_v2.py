"""`findPaymentV2`: POST /v2/payments/find, the request and what its answer holds."""

from typing import Any

from ...models import Transaction, TransactionResponse
from ...types import Operation, json_body


def build_request(body: dict[str, Any], request_id: None) -> dict[str, Any]:
    """httpx.request keyword arguments from the JSON body (wire names)."""
    return {
        "method": "post",
        "url": "/v2/payments/find",
        "headers": {
            "Content-Type": "application/json",
        },
        "content": json_body(body),
    }


OPERATION: Operation[dict[str, Any], Transaction] = Operation(
    operation_id="findPaymentV2",
    build_request=build_request,
    mutating=False,
    envelope=TransactionResponse,
    result=(Transaction,),
    returns_model=True,
)
