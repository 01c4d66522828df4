"""`listPaymentsV2`: POST /v2/payments/list, the request and what its answer holds."""

from typing import Any

from ...models import Transaction, TransactionListResponse
from ...types import Operation, json_body


def build_request(body: dict[str, Any], request_id: None) -> dict[str, Any]:
    """httpx.request keyword arguments from the JSON body (wire names)."""
    return {
        "method": "post",
        "url": "/v2/payments/list",
        "headers": {
            "Content-Type": "application/json",
        },
        "content": json_body(body),
    }


OPERATION: Operation[dict[str, Any], list[Transaction]] = Operation(
    operation_id="listPaymentsV2",
    build_request=build_request,
    mutating=False,
    envelope=TransactionListResponse,
    result=(Transaction,),
    returns_model=True,
    returns_list=True,
)
