"""`getCorrectionReceipt`: POST /kkt/correction-receipt/get, the request and what its answer holds."""

from typing import Any

from ...models import CorrectionReceipt, CorrectionReceiptResponse
from ...types import Operation, json_body


def build_request(body: dict[str, Any], request_id: None) -> dict[str, Any]:
    """httpx.request keyword arguments from the JSON body (wire names)."""
    return {
        "method": "post",
        "url": "/kkt/correction-receipt/get",
        "headers": {
            "Content-Type": "application/json",
        },
        "content": json_body(body),
    }


OPERATION: Operation[dict[str, Any], CorrectionReceipt] = Operation(
    operation_id="getCorrectionReceipt",
    build_request=build_request,
    mutating=False,
    envelope=CorrectionReceiptResponse,
    result=(CorrectionReceipt,),
    returns_model=True,
)
