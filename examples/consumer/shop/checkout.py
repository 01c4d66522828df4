"""The checkout of an order: pay by card (with 3-D Secure when the issuer asks), find out what happened after
a lost answer, refund.

The order keeps the X-Request-ID of its payment from the first attempt on: a retry with it is processed
once by the API, so paying again after a timeout never charges twice.
"""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass, field
from decimal import Decimal

from cloudpayments_client import (
    BadRequestError,
    CloudPayments,
    PaymentDeclinedError,
    ThreeDSecureRequired,
    TransactionStatus,
)


class OrderStatus(enum.StrEnum):
    NEW = "new"
    AWAITING_3DS = "awaiting_3ds"
    PAID = "paid"
    DECLINED = "declined"
    REFUNDED = "refunded"


@dataclass
class Order:
    id: str
    amount: Decimal
    status: OrderStatus = OrderStatus.NEW
    payment_request_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    transaction_id: int | None = None
    decline_reason: int | None = None
    payer_message: str | None = None
    # Where to send the payer for 3-D Secure: the ACS address, PaReq and MD of the challenge.
    challenge: ThreeDSecureRequired | None = None
    refunded: Decimal = Decimal("0")


class Checkout:
    def __init__(self, client: CloudPayments) -> None:
        self.client = client

    def pay(self, order: Order, cryptogram: str, *, cardholder: str, ip_address: str) -> Order:
        """Charge the card; the order ends paid, declined or awaiting 3-D Secure."""
        try:
            payment = self.client.payments.charge_card(
                amount=order.amount,
                currency="RUB",
                ip_address=ip_address,
                name=cardholder,
                card_cryptogram_packet=cryptogram,
                invoice_id=order.id,
                description=f"Order {order.id}",
                request_id=order.payment_request_id,
            )
        except ThreeDSecureRequired as challenge:
            order.status, order.challenge = OrderStatus.AWAITING_3DS, challenge
            order.transaction_id = challenge.transaction_id
            return order
        except PaymentDeclinedError as declined:
            return self._declined(order, declined)
        order.status, order.transaction_id = OrderStatus.PAID, payment.transaction_id
        return order

    def complete_3ds(self, order: Order, md: str, pa_res: str) -> Order:
        """The payer came back to the shop's TermUrl with MD and PaRes."""
        if order.status is not OrderStatus.AWAITING_3DS or str(order.transaction_id) != md:
            raise ValueError(f"order {order.id} is not waiting for 3-D Secure of transaction {md}")
        try:
            payment = self.client.payments.post3ds(transaction_id=int(md), pa_res=pa_res)
        except PaymentDeclinedError as declined:
            return self._declined(order, declined)
        order.status, order.challenge = OrderStatus.PAID, None
        order.transaction_id = payment.transaction_id
        return order

    def reconcile(self, order: Order) -> Order:
        """After a timeout or a lost answer: ask the API what became of the order's payment (by invoice)."""
        try:
            payment = self.client.payments.find_payment(invoice_id=order.id)
        except BadRequestError:  # "Not found": nothing was charged, paying again is safe
            order.status = OrderStatus.NEW
            return order
        except PaymentDeclinedError as declined:
            return self._declined(order, declined)
        order.transaction_id = payment.transaction_id
        if payment.status in (TransactionStatus.COMPLETED, TransactionStatus.AUTHORIZED):
            order.status = OrderStatus.PAID
        elif payment.status == TransactionStatus.AWAITING_AUTHENTICATION:
            order.status = OrderStatus.AWAITING_3DS
        return order

    def refund(self, order: Order, amount: Decimal | None = None) -> int:
        """Refund all that is left, or `amount`; returns the refund's transaction id."""
        if order.status is not OrderStatus.PAID or order.transaction_id is None:
            raise ValueError(f"order {order.id} is not paid")
        amount = order.amount - order.refunded if amount is None else amount
        refund = self.client.payments.refund_payment(transaction_id=order.transaction_id, amount=amount)
        order.refunded += amount
        if order.refunded == order.amount:
            order.status = OrderStatus.REFUNDED
        return refund.transaction_id

    @staticmethod
    def _declined(order: Order, declined: PaymentDeclinedError) -> Order:
        order.status = OrderStatus.DECLINED
        order.decline_reason = int(declined.reason_code)
        order.payer_message = declined.cardholder_message
        order.transaction_id = declined.transaction_id
        return order
