"""`startApplePaySession`: POST /applepay/startsession, the request and what its answer holds."""

from typing import Any

from ...models import ApplePaySession, ApplePaySessionResponse
from ...types import Operation, json_body


def build_request(body: dict[str, Any], request_id: None) -> dict[str, Any]:
    """httpx.request keyword arguments from the JSON body (wire names)."""
    return {
        "method": "post",
        "url": "/applepay/startsession",
        "headers": {
            "Content-Type": "application/json",
        },
        "content": json_body(body),
    }


OPERATION: Operation[dict[str, Any], ApplePaySession] = Operation(
    operation_id="startApplePaySession",
    build_request=build_request,
    mutating=False,
    envelope=ApplePaySessionResponse,
    result=(ApplePaySession,),
    returns_model=True,
)
