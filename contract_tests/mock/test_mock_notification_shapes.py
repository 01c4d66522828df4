"""The mock's notifications look like the real ones: captured by the receiver helper of mock_server/testing.py
after payments over HTTP, each validates against the spec's schema of its webhook, carries `CardType` in Latin
letters (`MIR`, `MasterCard`, `Visa`) and the parameters the API sends empty (`Name=`, `CardId=`, the Ip*
fields, and in a Pay `CardProduct`, `PaymentMethod`, the installment and fee fields), in the order of the real
bodies of contract_tests/fixtures/real_world/notifications/, and is read by the client."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

import pytest
from cloudpayments_client import webhooks
from cloudpayments_client.webhooks import FailNotification, PayNotification

import spec_tools
from mock_server.testing import (
    MockServer,
    NotificationReceiver,
    approving_card,
    declining_card,
    packet,
    receiving_notifications,
    running_mock,
)
from spec_tools import Spec

FORM_SCHEMA: Final = "/webhooks/{kind}/post/requestBody/content/application~1x-www-form-urlencoded/schema"
KINDS: Final = ("Pay", "Fail", "Confirm", "Cancel", "Refund")
# Sent empty by the API when it has no value (the real bodies), and so by the mock.
EMPTY_IN_EVERY_CARD_KIND: Final = (
    "SubscriptionId",
    "IpCountry",
    "IpCity",
    "IpRegion",
    "IpDistrict",
    "IpLatitude",
)
EMPTY_IN_PAY: Final = (
    "Name",
    "CardId",
    "CardProduct",
    "PaymentMethod",
    "InstallmentTerm",
    "InstallmentMonthlyPayment",
    "CustomFields",
    "VatAboveTotalFee",
    "ProcessorAndPartnerFee",
    "VatWithinProcessorFee",
)
# The order of a Pay as the API sends it today, as far as the mock sends those parameters.
REAL_PAY: Final = Path(__file__).parents[1] / "fixtures/real_world/notifications/live_pay_tbank_2026.json"
REAL_PAY_ORDER: Final = [str(name) for name, _ in json.loads(REAL_PAY.read_text("utf-8"))["parameters"]]


@pytest.fixture(scope="module")
def captured() -> Iterator[tuple[MockServer, NotificationReceiver]]:
    """A mock and a receiver that got: Pay of a MIR, a Mastercard and a Visa card, a Fail, a Confirm and a
    Cancel of two-step payments, a Refund."""
    with running_mock() as mock, receiving_notifications() as receiver:
        for kind in KINDS:
            mock.send_notifications_to(receiver.url(kind), kind)
        with mock.http() as http:

            def call(path: str, **body: Any) -> dict[str, Any]:
                answer: dict[str, Any] = http.post(path, json=body).json()
                return answer

            def charge(card: str, path: str = "/payments/cards/charge") -> dict[str, Any]:
                return call(
                    path,
                    Amount=1490,
                    Currency="RUB",
                    IpAddress="203.0.113.7",
                    CardCryptogramPacket=packet(card),
                )

            paid = [charge(approving_card(brand)) for brand in ("MIR", "Mastercard", "Visa")]
            assert all(answer["Success"] for answer in paid), paid
            assert charge(declining_card())["Success"] is False
            confirmed = charge(approving_card("Visa"), "/payments/cards/auth")["Model"]["TransactionId"]
            assert call("/payments/confirm", TransactionId=confirmed, Amount=1490)["Success"]
            voided = charge(approving_card("Visa"), "/payments/cards/auth")["Model"]["TransactionId"]
            assert call("/payments/void", TransactionId=voided)["Success"]
            refunded = paid[0]["Model"]["TransactionId"]
            assert call("/payments/refund", TransactionId=refunded, Amount=100)["Success"]
        mock.wait_notifications()
        yield mock, receiver


def test_every_notification_validates_against_its_webhook_schema(
    spec: Spec, captured: tuple[MockServer, NotificationReceiver]
) -> None:
    _, receiver = captured
    validators = spec_tools.Validators(spec)
    counts = {kind: len(receiver.of(kind)) for kind in KINDS}
    assert counts == {"Pay": 5, "Fail": 1, "Confirm": 1, "Cancel": 1, "Refund": 1}, counts
    for kind in KINDS:
        for notification in receiver.of(kind):
            error = validators.first_error(FORM_SCHEMA.format(kind=kind), notification.values)
            assert error is None, f"{kind}: {error.message if error else ''}"


def test_card_type_is_spelled_in_latin_letters(captured: tuple[MockServer, NotificationReceiver]) -> None:
    _, receiver = captured
    types = {notification.values["CardType"] for notification in receiver.of("Pay")}
    assert types == {"MIR", "MasterCard", "Visa"}
    for kind in ("Fail", "Confirm"):
        assert all(n.values["CardType"].isascii() for n in receiver.of(kind))


def test_the_empties_the_api_sends(captured: tuple[MockServer, NotificationReceiver]) -> None:
    _, receiver = captured
    pay = receiver.of("Pay")[0].values
    for name in (*EMPTY_IN_EVERY_CARD_KIND, *EMPTY_IN_PAY):
        assert pay[name] == "", name
    assert pay["TotalFee"] == "0.00" and pay["GatewayName"] == "Test" and pay["OperationType"] == "Payment"
    for kind in ("Fail", "Confirm"):
        values = receiver.of(kind)[0].values
        for name in EMPTY_IN_EVERY_CARD_KIND:
            assert values[name] == "", (kind, name)


def test_pay_parameters_come_in_the_real_order(captured: tuple[MockServer, NotificationReceiver]) -> None:
    _, receiver = captured
    sent = list(receiver.of("Pay")[0].values)
    assert [name for name in REAL_PAY_ORDER if name in sent] == [
        name for name in sent if name in REAL_PAY_ORDER
    ]


def test_the_client_reads_them(captured: tuple[MockServer, NotificationReceiver]) -> None:
    mock, receiver = captured
    for kind in KINDS:
        for received in receiver.of(kind):
            notification = webhooks.parse(received.body, received.headers, mock.api_secret, kind=kind)
            assert dict(notification.extra) == {}, kind
    pay = webhooks.parse(
        receiver.of("Pay")[0].body, receiver.of("Pay")[0].headers, mock.api_secret, kind="Pay"
    )
    assert isinstance(pay, PayNotification)
    assert pay.amount == Decimal("1490.00") and pay.total_fee == Decimal("0.00")
    assert pay.name is None and pay.card_id is None and pay.payment_method is None and pay.ip_country is None
    assert pay.vat_above_total_fee is None and pay.installment_term is None
    fail = receiver.of("Fail")[0]
    declined = webhooks.parse(fail.body, fail.headers, mock.api_secret, kind="Fail")
    assert isinstance(declined, FailNotification) and declined.reason_code == 5051
