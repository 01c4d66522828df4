"""The shop's checkout against the CloudPayments mock, with only the cloudpayments-mock plugin's fixtures.

`pytest --cloudpayments-live` runs the same tests against a real test terminal (CLOUDPAYMENTS_PUBLIC_ID,
CLOUDPAYMENTS_API_SECRET, CLOUDPAYMENTS_BASE_URL); those that need the mock's cryptograms or its 3-D Secure
page skip there with the reason.
"""

from __future__ import annotations

import asyncio
from decimal import Decimal

import pytest
from cloudpayments_client.webhooks import verify
from shop import Checkout, Order, OrderStatus

IP = "203.0.113.7"


@pytest.fixture
def checkout(cloudpayments_client):
    return Checkout(cloudpayments_client)


def test_a_one_step_charge_pays_the_order(checkout, cloudpayments_cards):
    order = Order("order-1", Decimal("1500.50"))
    checkout.pay(
        order, cloudpayments_cards.cryptogram(cloudpayments_cards.approved), cardholder="A B", ip_address=IP
    )
    assert order.status is OrderStatus.PAID
    assert order.transaction_id is not None


def test_a_declined_card_declines_the_order_with_the_reason(checkout, cloudpayments_cards):
    order = Order("order-2", Decimal("100"))
    checkout.pay(
        order, cloudpayments_cards.cryptogram(cloudpayments_cards.declined), cardholder="A B", ip_address=IP
    )
    assert order.status is OrderStatus.DECLINED
    assert order.decline_reason == 5051  # InsufficientFunds
    assert order.payer_message


def test_a_3ds_card_is_paid_after_the_payer_confirms_on_the_acs_page(
    checkout, cloudpayments_cards, cloudpayments_3ds
):
    order = Order("order-3", Decimal("250"))
    checkout.pay(
        order, cloudpayments_cards.cryptogram(cloudpayments_cards.three_ds), cardholder="A B", ip_address=IP
    )
    assert order.status is OrderStatus.AWAITING_3DS and order.challenge is not None

    md, pa_res = cloudpayments_3ds(order.challenge)
    checkout.complete_3ds(order, md, pa_res)
    assert order.status is OrderStatus.PAID


def test_a_payer_who_declines_3ds_leaves_the_order_declined(checkout, cloudpayments_cards, cloudpayments_3ds):
    order = Order("order-4", Decimal("250"))
    checkout.pay(
        order, cloudpayments_cards.cryptogram(cloudpayments_cards.three_ds), cardholder="A B", ip_address=IP
    )
    checkout.complete_3ds(order, *cloudpayments_3ds(order.challenge, success=False))
    assert order.status is OrderStatus.DECLINED
    assert order.decline_reason == 5206  # AuthenticationFailed


def test_a_retry_after_a_lost_answer_charges_once_and_the_lookup_finds_the_payment(
    checkout, cloudpayments_client, cloudpayments_cards
):
    order = Order("order-5", Decimal("990"))
    cryptogram = cloudpayments_cards.cryptogram(cloudpayments_cards.approved)
    assert checkout.reconcile(order).status is OrderStatus.NEW  # nothing charged yet: "Not found"

    checkout.pay(order, cryptogram, cardholder="A B", ip_address=IP)
    first = order.transaction_id
    # The answer was lost (a timeout): the shop pays again with the order's request id...
    checkout.pay(order, cryptogram, cardholder="A B", ip_address=IP)
    assert order.transaction_id == first  # ...and the API answered the stored result: one charge

    lost = Order("order-5", Decimal("990"))  # what the shop knows after a restart: the invoice only
    checkout.reconcile(lost)
    assert (lost.status, lost.transaction_id) == (OrderStatus.PAID, first)
    assert cloudpayments_client.payments.get_payment(transaction_id=first).status == "Completed"


def test_a_paid_order_is_refunded_in_two_parts(checkout, cloudpayments_client, cloudpayments_cards):
    order = Order("order-6", Decimal("1000"))
    checkout.pay(
        order, cloudpayments_cards.cryptogram(cloudpayments_cards.approved), cardholder="A B", ip_address=IP
    )
    first = checkout.refund(order, Decimal("400"))
    second = checkout.refund(order)
    assert first != second
    assert order.status is OrderStatus.REFUNDED
    assert cloudpayments_client.payments.get_payment(transaction_id=order.transaction_id).refunded is True


def test_the_mock_notifies_the_shop_of_a_payment(
    checkout, cloudpayments_mock, cloudpayments_receiver, cloudpayments_cards
):
    # cloudpayments_mock is the mock the client fixture calls (the same one within a test).
    cloudpayments_mock.send_notifications_to(cloudpayments_receiver.url("pay"), "Pay")
    order = Order("order-7", Decimal("10"))
    checkout.pay(
        order, cloudpayments_cards.cryptogram(cloudpayments_cards.approved), cardholder="A B", ip_address=IP
    )

    [notification] = cloudpayments_receiver.wait_for("pay")
    verify(notification.body, notification.headers, cloudpayments_mock.api_secret)  # signed with the secret
    assert notification.values["InvoiceId"] == "order-7"
    assert notification.values["TransactionId"] == str(order.transaction_id)


def test_the_async_client_fixture_pays(cloudpayments_async_client, cloudpayments_cards):
    async def pay() -> int:
        payment = await cloudpayments_async_client.payments.charge_card(
            amount=Decimal("5"),
            currency="RUB",
            ip_address=IP,
            name="A B",
            card_cryptogram_packet=cloudpayments_cards.cryptogram(cloudpayments_cards.approved),
        )
        return payment.transaction_id

    assert asyncio.run(pay()) > 0
