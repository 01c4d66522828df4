"""`listTokens`: POST /payments/tokens/list, the request and what its answer holds."""

from typing import Any

from ...models import Token, TokenListResponse
from ...types import Operation, json_body


def build_request(body: dict[str, Any], request_id: None) -> dict[str, Any]:
    """httpx.request keyword arguments from the JSON body (wire names)."""
    return {
        "method": "post",
        "url": "/payments/tokens/list",
        "headers": {
            "Content-Type": "application/json",
        },
        "content": json_body(body),
    }


OPERATION: Operation[dict[str, Any], list[Token]] = Operation(
    operation_id="listTokens",
    build_request=build_request,
    mutating=False,
    envelope=TokenListResponse,
    result=(Token,),
    returns_model=True,
    returns_list=True,
)
