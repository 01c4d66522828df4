"""`createCorrectionReceipt`: POST /kkt/correction-receipt, the request and what its answer holds."""

from typing import Any

from ...models import ReceiptQueued, ReceiptQueuedAnswer, ReceiptQueuedResponse
from ...types import Operation, json_body


def build_request(body: dict[str, Any], request_id: str) -> dict[str, Any]:
    """httpx.request keyword arguments from the JSON body (wire names); `request_id` is sent as X-Request-ID."""
    return {
        "method": "post",
        "url": "/kkt/correction-receipt",
        "headers": {
            "X-Request-ID": request_id,
            "Content-Type": "application/json",
        },
        "content": json_body(body),
    }


OPERATION: Operation[dict[str, Any], ReceiptQueuedAnswer] = Operation(
    operation_id="createCorrectionReceipt",
    build_request=build_request,
    mutating=True,
    envelope=ReceiptQueuedResponse,
    result=(ReceiptQueued,),
    returns_model=True,
    answer=ReceiptQueuedAnswer,
)
