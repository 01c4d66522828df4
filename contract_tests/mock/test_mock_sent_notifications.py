"""What a test reads of the notifications the mock sent: typed records (`SentNotification`), frozen when read,
with the kind as `NotificationType`, the parameters as sent, the delivery's status and attempts; the JSON keys
of `GET /__mock__/notifications` still read through `record["Type"]`."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import httpx
import pytest

from mock_server.testing import (
    DeliveryStatus,
    MockServer,
    NotificationReceiver,
    SentAttempt,
    SentNotification,
    approving_card,
    packet,
    receiving_notifications,
    running_mock,
)
from mock_server.webhooks.settings import NotificationType


@pytest.fixture
def mock() -> Iterator[MockServer]:
    with running_mock() as server:
        yield server


@pytest.fixture
def receiver() -> Iterator[NotificationReceiver]:
    with receiving_notifications() as endpoint:
        yield endpoint


def _charge(mock: MockServer) -> int:
    body = {
        "Amount": "12.30",
        "Currency": "RUB",
        "IpAddress": "203.0.113.7",
        "InvoiceId": "order-17",
        "CardCryptogramPacket": packet(approving_card()),
    }
    with mock.http() as http:
        answer = http.post("/payments/cards/charge", json=body).json()
    assert answer["Success"] is True
    transaction_id: int = answer["Model"]["TransactionId"]
    return transaction_id


def test_a_delivered_pay_notification_reads_as_a_typed_record(
    mock: MockServer, receiver: NotificationReceiver
) -> None:
    mock.send_notifications_to(receiver.url("pay"), "Pay")
    transaction_id = _charge(mock)
    (sent,) = [n for n in mock.wait_notifications() if n.type is NotificationType.PAY]
    assert isinstance(sent, SentNotification)
    assert sent.status is DeliveryStatus.DELIVERED and sent.delivered
    assert sent.values["TransactionId"] == str(transaction_id)
    assert sent.values["InvoiceId"] == "order-17" and sent.values["Amount"] == "12.30"
    assert sent.parameters[0] == ("TransactionId", str(transaction_id))  # in the order sent
    assert sent.address == receiver.url("pay") and sent.method == "POST"
    (attempt,) = sent.attempts
    assert isinstance(attempt, SentAttempt) and attempt.delivered
    assert attempt.status_code == 200 and attempt.answer_code == 0 and isinstance(attempt.at, datetime)


def test_a_record_is_frozen_when_read_and_keeps_the_json_keys(
    mock: MockServer, receiver: NotificationReceiver
) -> None:
    mock.send_notifications_to(receiver.url("pay"), "Pay")
    _charge(mock)
    (sent,) = [n for n in mock.wait_notifications() if n.type is NotificationType.PAY]
    with pytest.raises(AttributeError):
        sent.status = DeliveryStatus.FAILED  # type: ignore[misc]
    assert sent["Type"] == "Pay" and sent["Status"] == "delivered"
    assert sent["Parameters"] == sent.values
    with mock.http() as http:
        served = http.get("/__mock__/notifications").json()
    assert [item for item in served if item["Type"] == "Pay"] == [sent.as_json()]


def test_no_notifications_is_an_empty_list(mock: MockServer) -> None:
    assert mock.notifications == []
    with httpx.Client(base_url=mock.base_url) as http:
        assert http.get("/__mock__/notifications").status_code == 401  # the control routes need credentials
