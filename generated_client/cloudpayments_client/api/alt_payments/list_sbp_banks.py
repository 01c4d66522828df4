"""`listSbpBanks`: POST /sbp/v2/banks/info, the request and what its answer holds."""

from typing import Any

from ...models import SbpBankList, SbpBanksResponse
from ...types import Operation, json_body


def build_request(body: dict[str, Any], request_id: None) -> dict[str, Any]:
    """httpx.request keyword arguments from the JSON body (wire names)."""
    return {
        "method": "post",
        "url": "/sbp/v2/banks/info",
        "headers": {
            "Content-Type": "application/json",
        },
        "content": json_body(body),
    }


OPERATION: Operation[dict[str, Any], list[SbpBankList]] = Operation(
    operation_id="listSbpBanks",
    build_request=build_request,
    mutating=False,
    envelope=SbpBanksResponse,
    result=(SbpBankList,),
    returns_model=True,
    returns_list=True,
)
