"""The Check notification: sent before a card or token payment is decided, to the address given by
`--check-url` (the API cannot set it). The merchant's answer `{"code": N}` decides: 0 lets the payment go on;
any other documented code declines it with a processing code (facts §5.1):

| Answer | ReasonCode | Reason |
|---|---|---|
| 10 (bad order number) | 3001 | InvalidInvoiceId |
| 11 (bad AccountId) | 3002 | InvalidAccountId |
| 12 (bad amount) | 3003 | InvalidAmount |
| 13 (payment not accepted) | 3008 | NotAccepted |
| 20 (payment expired) | 3004 | OutOfDate |
| another code, or no `{"code": N}` in an HTTP 200 | 3005 | FormatError |
| connection refused, timeout | 3006 | Unavailable (as a test terminal with no listener gives) |
| an HTTP status other than 200 (404, 504, 508...) | 3007 | UnableToConnect |

A Check is sent once (never retried) and recorded with the other deliveries.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import Final

from mock_server.webhooks.delivery import AttemptResult


class CheckReason(IntEnum):
    INVALID_INVOICE_ID = 3001
    INVALID_ACCOUNT_ID = 3002
    INVALID_AMOUNT = 3003
    OUT_OF_DATE = 3004
    FORMAT_ERROR = 3005
    UNAVAILABLE = 3006
    UNABLE_TO_CONNECT = 3007
    NOT_ACCEPTED = 3008


# `Reason` of a transaction declined by the Check: the code's name without spaces.
CHECK_REASON_WORDS: Final[dict[int, str]] = {
    CheckReason.INVALID_INVOICE_ID: "InvalidInvoiceId",
    CheckReason.INVALID_ACCOUNT_ID: "InvalidAccountId",
    CheckReason.INVALID_AMOUNT: "InvalidAmount",
    CheckReason.OUT_OF_DATE: "OutOfDate",
    CheckReason.FORMAT_ERROR: "FormatError",
    CheckReason.UNAVAILABLE: "Unavailable",
    CheckReason.UNABLE_TO_CONNECT: "UnableToConnect",
    CheckReason.NOT_ACCEPTED: "NotAccepted",
}

# The merchant's documented answers to a Check, and the code a refusal gets.
ANSWER_REASONS: Final[dict[int, CheckReason]] = {
    10: CheckReason.INVALID_INVOICE_ID,
    11: CheckReason.INVALID_ACCOUNT_ID,
    12: CheckReason.INVALID_AMOUNT,
    13: CheckReason.NOT_ACCEPTED,
    20: CheckReason.OUT_OF_DATE,
}


@dataclass(frozen=True)
class CheckVerdict:
    """What the Check decided for the payment with `transaction_id` (the id it was sent with, which the
    payment then takes). `reason_code` 0: go on."""

    transaction_id: int
    reason_code: int
    answer_code: int | None = None
    error: str | None = None

    @property
    def declines(self) -> bool:
        return self.reason_code != 0

    @property
    def reason(self) -> str | None:
        return CHECK_REASON_WORDS.get(self.reason_code)


def reason_code_of(result: AttemptResult) -> int:
    """The ReasonCode the Check's attempt gives the payment: 0 when it may go on."""
    if result.status_code is None:
        return CheckReason.UNAVAILABLE
    if result.status_code != 200:
        return CheckReason.UNABLE_TO_CONNECT
    if result.answer_code is None:
        return CheckReason.FORMAT_ERROR
    if result.answer_code == 0:
        return 0
    return ANSWER_REASONS.get(result.answer_code, CheckReason.FORMAT_ERROR)


def verdict_of(transaction_id: int, result: AttemptResult) -> CheckVerdict:
    return CheckVerdict(transaction_id, reason_code_of(result), result.answer_code, result.error)


def check_reason(code: int) -> str | None:
    """`Reason` for a Check processing code (3001-3008), None for any other code."""
    return CHECK_REASON_WORDS.get(code)
