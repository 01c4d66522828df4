"""The states the mock implements, as enums. Their names are the API's; the codes come from the spec's
`info.x-transaction-statuses` and `info.x-subscription-statuses` (through spec_tools), never from here."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import Any, Final, TypeVar

import spec_tools
from spec_tools import SpecError, Status

_E = TypeVar("_E", bound=StrEnum)


def _codes(enum: type[_E], rows: Iterable[Status], where: str) -> dict[_E, int]:
    """Each member's code from the spec's rows; a state the spec gives no code cannot be answered."""
    documented = {row.name: row.code for row in rows}
    codes: dict[_E, int] = {}
    for member in enum:
        code = documented.get(member.value)
        if code is None:
            raise SpecError(f"{where} gives no code for {member.value}, a status the mock answers with")
        codes[member] = code
    return codes


class TransactionStatus(StrEnum):
    AWAITING_AUTHENTICATION = "AwaitingAuthentication"
    AUTHORIZED = "Authorized"
    COMPLETED = "Completed"
    CANCELLED = "Cancelled"
    DECLINED = "Declined"

    @classmethod
    def codes(cls, document: dict[str, Any]) -> dict[TransactionStatus, int]:
        return _codes(cls, spec_tools.transaction_statuses(document), "info.x-transaction-statuses")


class SubscriptionStatus(StrEnum):
    # PastDue, Rejected and Expired follow payments the mock never schedules.
    ACTIVE = "Active"
    CANCELLED = "Cancelled"

    @classmethod
    def codes(cls, document: dict[str, Any]) -> dict[SubscriptionStatus, int]:
        return _codes(cls, spec_tools.subscription_statuses(document), "info.x-subscription-statuses")


class OrderStatus(StrEnum):
    CREATED = "Created"
    PAID = "Paid"

    @property
    def code(self) -> int:
        return _ORDER_STATUS_CODES[self]


# The spec documents only Created = 0, in prose (no x- table); Paid = 1 is the mock's choice.
_ORDER_STATUS_CODES: Final = {OrderStatus.CREATED: 0, OrderStatus.PAID: 1}
