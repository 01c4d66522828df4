"""The Check notification: sent before a card or token payment is decided, to the address given by
`--check-url` (the API cannot set it). The merchant's answer `{"code": N}` decides: 0 lets the payment go on;
a documented refusal (10, 11, 12, 13, 20) declines it with the ReasonCode the spec pairs with it
(`NotificationAnswer.code.x-reason-codes`); a Check that fails declines it too: another code or no
`{"code": N}` in an HTTP 200 with 3005, no answer (refused, timeout) with 3006, another HTTP status with 3007.
The `Reason` words of all of them are the spec's `info.x-reason-codes`.

A Check is sent once (never retried) and recorded with the other deliveries. Its timeout bounds the whole
exchange (an answer that trickles in fails like no answer: 3006), and at most a few KiB of the answer are
read (a longer one is no `{"code": N}`: 3005); see delivery.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import IntEnum
from urllib.parse import urlsplit

from mock_server.ledger import CheckVerdict
from mock_server.webhooks.delivery import AttemptResult


def check_address(url: str) -> str:
    """`url` when it is an absolute http(s) URL with a host (where a Check can be sent); else ValueError."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number or out of range
    except ValueError as exc:
        raise ValueError(f"the Check URL is not a valid URL: {url!r} ({exc})") from None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ValueError(f"the Check URL must be an absolute http(s):// URL with a host, not {url!r}")
    return url


class CheckReason(IntEnum):
    """The processing codes the mock gives for a failed Check (their words: the spec's x-reason-codes)."""

    INVALID_INVOICE_ID = 3001
    INVALID_ACCOUNT_ID = 3002
    INVALID_AMOUNT = 3003
    OUT_OF_DATE = 3004
    FORMAT_ERROR = 3005
    UNAVAILABLE = 3006
    UNABLE_TO_CONNECT = 3007
    NOT_ACCEPTED = 3008


def reason_code_of(result: AttemptResult, answers: Mapping[int, int]) -> int:
    """The ReasonCode the Check's attempt gives the payment: 0 when it may go on. `answers`: the documented
    answer codes and the ReasonCode each declines with (`NotificationAnswer.code.x-reason-codes`)."""
    if result.status_code is None:
        return CheckReason.UNAVAILABLE
    if result.status_code != 200:
        return CheckReason.UNABLE_TO_CONNECT
    if result.answer_code is None:
        return CheckReason.FORMAT_ERROR
    if result.answer_code == 0:
        return 0
    return answers.get(result.answer_code, CheckReason.FORMAT_ERROR)


def verdict_of(transaction_id: int, result: AttemptResult, answers: Mapping[int, int]) -> CheckVerdict:
    return CheckVerdict(transaction_id, reason_code_of(result, answers), result.answer_code, result.error)
