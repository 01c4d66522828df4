"""`topupSbp`: POST /payments/alt/topup, the request and what its answer holds."""

from typing import Any

from ...models import SbpPayoutAnswer, SbpPayoutResponse, Transaction
from ...types import Operation, json_body


def build_request(body: dict[str, Any], request_id: str) -> dict[str, Any]:
    """httpx.request keyword arguments from the JSON body (wire names); `request_id` is sent as X-Request-ID."""
    return {
        "method": "post",
        "url": "/payments/alt/topup",
        "headers": {
            "X-Request-ID": request_id,
            "Content-Type": "application/json",
        },
        "content": json_body(body),
    }


OPERATION: Operation[dict[str, Any], SbpPayoutAnswer] = Operation(
    operation_id="topupSbp",
    build_request=build_request,
    mutating=True,
    envelope=SbpPayoutResponse,
    result=(Transaction,),
    returns_model=True,
    answer=SbpPayoutAnswer,
)
