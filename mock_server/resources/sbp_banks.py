"""The SBP member banks (`/sbp/v2/banks/info`): a fixed list, the spec's own example answer, so the banks a
payer is offered and the `MemberId`s an SBP payout takes are one fact, written once in openapi.yaml."""

from __future__ import annotations

import copy
from typing import Any, Final

from mock_server.envelopes import Handler, Outcome, RequestContext, fail, ok
from mock_server.spec import ApiSpec

OPERATION_ID: Final = "listSbpBanks"
# The example of the operation's answer the mock serves.
EXAMPLE: Final = "success"


class SbpBanks:
    def __init__(self, spec: ApiSpec, public_id: str) -> None:
        self.public_id = public_id
        answer = spec.response_example(OPERATION_ID, EXAMPLE)
        self.lists: list[dict[str, Any]] = copy.deepcopy(answer["Model"])
        self.member_ids: frozenset[str] = frozenset(
            str(member["id"]) for bank_list in self.lists for member in bank_list["Members"]
        )

    def handlers(self) -> dict[str, Handler]:
        return {OPERATION_ID: self.list_banks}

    def list_banks(self, params: dict[str, Any], ctx: RequestContext) -> Outcome:
        """The same banks for every platform (`Platform` and the account binding's parameters change nothing
        in the mock)."""
        terminal = params["PublicTerminalId"]
        if terminal != self.public_id:
            return Outcome(fail(f"PublicTerminalId: {terminal!r} is not this terminal's Public ID"))
        return Outcome(ok(copy.deepcopy(self.lists)))
