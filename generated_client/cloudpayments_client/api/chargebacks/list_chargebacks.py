"""`listChargebacks`: POST /chargebacks/list, the request and what its answer holds."""

from typing import Any

from ...models import Chargeback, ChargebackListResponse
from ...types import Operation, json_body


def build_request(body: dict[str, Any], request_id: None) -> dict[str, Any]:
    """httpx.request keyword arguments from the JSON body (wire names)."""
    return {
        "method": "post",
        "url": "/chargebacks/list",
        "headers": {
            "Content-Type": "application/json",
        },
        "content": json_body(body),
    }


OPERATION: Operation[dict[str, Any], list[Chargeback]] = Operation(
    operation_id="listChargebacks",
    build_request=build_request,
    mutating=False,
    envelope=ChargebackListResponse,
    result=(Chargeback,),
    returns_model=True,
    returns_list=True,
)
