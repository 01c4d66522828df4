"""`getCorrectionReceiptStatus`: POST /kkt/correction-receipt/status/get, the request and what its answer holds."""

from typing import Any

from ...models import ReceiptStatusResponse
from ...types import Operation, json_body


def build_request(body: dict[str, Any], request_id: None) -> dict[str, Any]:
    """httpx.request keyword arguments from the JSON body (wire names)."""
    return {
        "method": "post",
        "url": "/kkt/correction-receipt/status/get",
        "headers": {
            "Content-Type": "application/json",
        },
        "content": json_body(body),
    }


OPERATION: Operation[dict[str, Any], ReceiptStatusResponse] = Operation(
    operation_id="getCorrectionReceiptStatus",
    build_request=build_request,
    mutating=False,
    envelope=ReceiptStatusResponse,
    result=(ReceiptStatusResponse,),
    returns_model=False,
)
