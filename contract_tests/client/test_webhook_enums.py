"""Notifications read statuses and reason codes as the answers do: the same enums (`TransactionStatus`,
`ReasonCode`, `SubscriptionStatus`), a value outside them kept as it arrived (data, not an error)."""

from __future__ import annotations

from typing import Any, Final
from urllib.parse import urlencode

import pytest
from cloudpayments_client import ReasonCode, SubscriptionStatus, TransactionStatus, webhooks

from spec_tools import load_spec, pointer_get

SECRET: Final = "sk_ENUMS_secret_7f1a"


def _example(kind: str) -> dict[str, str]:
    value = pointer_get(load_spec(), f"/components/examples/{kind}Notification/value")
    return {name: str(item) for name, item in value.items()}


def _parse(kind: str, **changes: str) -> Any:
    body = urlencode(_example(kind) | changes).encode()
    return webhooks.parse(body, webhooks.signature_headers(body, SECRET), SECRET, kind=kind)


@pytest.mark.parametrize(
    ("kind", "status"),
    [("Check", TransactionStatus.COMPLETED), ("Pay", TransactionStatus.COMPLETED)],
)
def test_a_payment_status_is_the_answers_enum(kind: str, status: TransactionStatus) -> None:
    notification = _parse(kind)
    assert notification.status is status


def test_an_authorized_payment_and_its_confirmation() -> None:
    assert _parse("Pay", Status="Authorized").status is TransactionStatus.AUTHORIZED
    assert _parse("Confirm").status is TransactionStatus.COMPLETED


def test_a_decline_reason_code_is_the_answers_enum() -> None:
    fail = _parse("Fail", ReasonCode="5051", Reason="InsufficientFunds")
    assert fail.reason_code is ReasonCode.INSUFFICIENT_FUNDS


def test_a_subscription_status_is_the_subscriptions_enum() -> None:
    assert _parse("Recurrent", Status="PastDue").status is SubscriptionStatus.PAST_DUE


def test_values_outside_the_enums_stay_as_they_arrived() -> None:
    pay = _parse("Pay", Status="SomethingNew")
    assert pay.status == "SomethingNew" and not isinstance(pay.status, TransactionStatus)
    fail = _parse("Fail", ReasonCode="5999")
    assert fail.reason_code == 5999 and not isinstance(fail.reason_code, ReasonCode)
    with pytest.raises(webhooks.InvalidNotificationError):
        _parse("Fail", ReasonCode="not a number")
