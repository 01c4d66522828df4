"""`getReceipt`: POST /kkt/receipt/get, the request and what its answer holds."""

from typing import Any

from ...models import Receipt, ReceiptResponse
from ...types import Operation, json_body


def build_request(body: dict[str, Any], request_id: None) -> dict[str, Any]:
    """httpx.request keyword arguments from the JSON body (wire names)."""
    return {
        "method": "post",
        "url": "/kkt/receipt/get",
        "headers": {
            "Content-Type": "application/json",
        },
        "content": json_body(body),
    }


OPERATION: Operation[dict[str, Any], Receipt] = Operation(
    operation_id="getReceipt",
    build_request=build_request,
    mutating=False,
    envelope=ReceiptResponse,
    result=(Receipt,),
    returns_model=True,
)
