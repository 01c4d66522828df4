"""The states the mock implements, as enums. Their names are the API's; the codes come from the spec's
`info.x-*-statuses` (through spec_tools), never from here; only the mock's own `Paid` invoice keeps its
code here."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import Any, Final, TypeVar

import spec_tools
from spec_tools import SpecError, Status

_E = TypeVar("_E", bound=StrEnum)


def _codes(
    enum: type[_E], rows: Iterable[Status], where: str, skip: Mapping[_E, int] | None = None
) -> dict[_E, int]:
    """Each member's code from the spec's rows; a state the spec gives no code cannot be answered."""
    codes: dict[_E, int] = {}
    for member, code in _documented_codes(enum, rows, where, skip).items():
        if code is None:
            raise SpecError(f"{where} gives no code for {member.value}, a status the mock answers with")
        codes[member] = code
    return codes


def _documented_codes(
    enum: type[_E],
    rows: Iterable[Status],
    where: str,
    skip: Mapping[_E, int] | None = None,
    uncoded: frozenset[_E] = frozenset(),
) -> dict[_E, int | None]:
    """Each member's code from its row; only the `uncoded` members may have none (None then)."""
    documented = {row.name: row.code for row in rows}
    codes: dict[_E, int | None] = {}
    for member in enum:
        if skip is not None and member in skip:
            continue
        code = documented.get(member.value)
        if member.value not in documented or (code is None and member not in uncoded):
            raise SpecError(f"{where} gives no code for {member.value}, a status the mock answers with")
        codes[member] = code
    return codes


class TransactionStatus(StrEnum):
    AWAITING_AUTHENTICATION = "AwaitingAuthentication"
    AUTHORIZED = "Authorized"
    COMPLETED = "Completed"
    CANCELLED = "Cancelled"
    DECLINED = "Declined"
    # A QR or link payment (SBP, T-Pay, SberPay) or a Dolyami application before the payer acts, and (QR or
    # link) once the payer opened it.
    CREATED = "Created"
    PENDING = "Pending"

    @classmethod
    def codes(cls, document: dict[str, Any]) -> dict[TransactionStatus, int | None]:
        """None for Pending, which the spec lists without a code."""
        rows = spec_tools.transaction_statuses(document)
        uncoded = frozenset({cls.PENDING})
        return _documented_codes(cls, rows, "info.x-transaction-statuses", uncoded=uncoded)


class SubscriptionStatus(StrEnum):
    # PastDue, Rejected and Expired follow payments the mock never schedules.
    ACTIVE = "Active"
    CANCELLED = "Cancelled"

    @classmethod
    def codes(cls, document: dict[str, Any]) -> dict[SubscriptionStatus, int]:
        return _codes(cls, spec_tools.subscription_statuses(document), "info.x-subscription-statuses")


class OrderStatus(StrEnum):
    CREATED = "Created"
    # The documentation shows no status for a paid invoice; the mock's invoice page needs one.
    PAID = "Paid"

    @classmethod
    def codes(cls, document: dict[str, Any]) -> dict[OrderStatus, int]:
        documented = [row for row in spec_tools.order_statuses(document) if row.name != cls.PAID]
        own = {cls.PAID: _PAID_CODE}
        return {**_codes(cls, documented, "info.x-order-statuses", skip=own), **own}


# The mock's own code for a paid invoice: the next after the documented ones.
_PAID_CODE: Final = 1
