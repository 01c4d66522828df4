"""`getEscrowInfo`: POST /Escrow/GetEscrowInfo, the request and what its answer holds."""

from typing import Any

from ...models import EscrowInfo, EscrowInfoResponse
from ...types import Operation, json_body


def build_request(body: dict[str, Any], request_id: None) -> dict[str, Any]:
    """httpx.request keyword arguments from the JSON body (wire names)."""
    return {
        "method": "post",
        "url": "/Escrow/GetEscrowInfo",
        "headers": {
            "Content-Type": "application/json",
        },
        "content": json_body(body),
    }


OPERATION: Operation[dict[str, Any], list[EscrowInfo]] = Operation(
    operation_id="getEscrowInfo",
    build_request=build_request,
    mutating=False,
    envelope=EscrowInfoResponse,
    result=(EscrowInfo,),
    returns_model=True,
    returns_list=True,
)
