"""`post3ds`: POST /payments/cards/post3ds, the request and what its answer holds."""

from typing import Any

from ...models import Post3DsRequest, Transaction, TransactionResponse
from ...types import Operation


def build_request(body: Post3DsRequest, request_id: str) -> dict[str, Any]:
    """httpx.request keyword arguments; `request_id` is sent as X-Request-ID."""
    return {
        "method": "post",
        "url": "/payments/cards/post3ds",
        "headers": {
            "X-Request-ID": request_id,
            "Content-Type": "application/json",
        },
        "json": body.to_dict(),
    }


OPERATION: Operation[Post3DsRequest, Transaction] = Operation(
    operation_id="post3ds",
    build_request=build_request,
    mutating=True,
    envelope=TransactionResponse,
    result=(Transaction,),
    returns_model=True,
)
