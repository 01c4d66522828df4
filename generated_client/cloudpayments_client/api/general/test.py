"""`test`: POST /test, the request and what its answer holds."""

from typing import Any

from ...models import ConnectionCheckResponse
from ...types import Operation


def build_request(body: None, request_id: None) -> dict[str, Any]:
    """httpx.request keyword arguments from the JSON body (wire names)."""
    return {
        "method": "post",
        "url": "/test",
        "headers": {},
    }


OPERATION: Operation[None, ConnectionCheckResponse] = Operation(
    operation_id="test",
    build_request=build_request,
    mutating=False,
    envelope=ConnectionCheckResponse,
    result=(ConnectionCheckResponse,),
    returns_model=False,
)
