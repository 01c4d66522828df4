"""Orders (invoices): create, cancel, and the payment of the invoice page, which runs as a card payment.

A cancelled invoice keeps its status code (the API documents none for it, and has no operation that reads an
order back): it is marked `cancelled`, and its page takes no payment.

An invoice is paid at most once: whatever finishes after the paying transaction (another tab's 3-D Secure
return, an API post3ds) is declined, as is any 3-D Secure return once the invoice is cancelled. Its page is
open to anyone, so what it can create is bounded: a few pending 3-D Secure attempts (a new one declines the
oldest beyond them) and a cap on attempts in all."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any, Final

from mock_server.cryptogram import make_packet
from mock_server.envelopes import Handler, Outcome, RequestContext, fail, ok
from mock_server.events import Event, Record
from mock_server.ledger import PaymentScheme, TransactionRecord
from mock_server.resources.payments import Payments
from mock_server.statuses import OrderStatus, TransactionStatus
from mock_server.values import (
    DEFAULT_CULTURE,
    DEFAULT_CURRENCY,
    amount_refusal,
    iso_date,
    money,
    ms_date,
    new_order_id,
    now,
    to_amount,
)
from mock_server.vocabulary import ReasonCode, Vocabulary

FIRST_ORDER_NUMBER: Final = 2131
FIRST_INTERNAL_ID: Final = 12_272_916
# What an invoice passes on to the payment made on its page.
_CARRIED_PARAMS: Final = ("InvoiceId", "AccountId", "Email", "Description", "JsonData", "CultureName")
# Two tabs of one page may both be on their bank's page; a new attempt beyond this declines the oldest.
MAX_PENDING_3DS_PER_INVOICE: Final = 3
# Every attempt on the page (declined ones too) is a transaction the unauthenticated page creates.
MAX_ATTEMPTS_PER_INVOICE: Final = 50
# What the page says when it refuses an attempt.
ALREADY_PAID: Final = "This invoice is already paid"
CANCELLED: Final = "This invoice is cancelled"
TOO_MANY_ATTEMPTS: Final = "Too many payment attempts for this invoice"


@dataclass
class OrderRecord:
    order_id: str
    number: int
    internal_id: int
    params: dict[str, Any]
    amount: Decimal
    created: datetime
    status: OrderStatus = OrderStatus.CREATED
    payment_date: datetime | None = None
    cancelled_date: datetime | None = None  # withdrawn by /orders/cancel
    transaction_ids: list[int] = field(default_factory=list)  # every attempt on the page, in order
    # The one paying transaction: Completed, or Authorized when the invoice asks for confirmation.
    paid_by: int | None = None


class OrderState:
    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.orders: dict[str, OrderRecord] = {}
        self._next_number = FIRST_ORDER_NUMBER
        self._next_internal_id = FIRST_INTERNAL_ID

    def next_numbers(self) -> tuple[int, int]:
        """The numbers the next committed order gets (taken by `add`)."""
        return self._next_number, self._next_internal_id

    def add(self, record: OrderRecord) -> None:
        self.orders[record.order_id] = record
        self._next_number = max(self._next_number, record.number + 1)
        self._next_internal_id = max(self._next_internal_id, record.internal_id + 1)

    def counts(self) -> dict[str, int]:
        return {"orders": len(self.orders)}


class Orders:
    def __init__(self, state: OrderState, payments: Payments, vocabulary: Vocabulary, public_id: str) -> None:
        self.state = state
        self.payments = payments
        self.vocabulary = vocabulary
        self.public_id = public_id
        # A payment made on an invoice's page pays the invoice when the issuer approves it, maybe after
        # 3-D Secure, so later than the page's request.
        payments.events.on(self._on_event)
        payments.add_completion_guard(self._completion_refusal)

    def handlers(self) -> dict[str, Handler]:
        return {"createOrder": self.create, "cancelOrder": self.cancel}

    def create(self, params: dict[str, Any], ctx: RequestContext) -> Outcome:
        if (refused := amount_refusal(params["Amount"])) is not None:
            return Outcome(fail(refused))
        if params.get("SendSms") is True and params.get("SendViber") is True:
            return Outcome(fail("SendSms and SendViber cannot both be true"))
        number, internal_id = self.state.next_numbers()
        record = OrderRecord(
            order_id=new_order_id(),
            number=number,
            internal_id=internal_id,
            params={"Currency": DEFAULT_CURRENCY, **params},
            amount=to_amount(params["Amount"]),
            created=now(),
        )
        answer = ok(self._model(record, ctx.base_url))
        return Outcome(answer, lambda: self.state.add(record))

    def cancel(self, params: dict[str, Any], ctx: RequestContext) -> Outcome:
        """Withdraws an invoice not paid yet: its page no longer takes payments."""
        order = self.state.orders.get(str(params["Id"]))
        if order is None:
            return Outcome(fail("Order not found"))
        if order.paid_by is not None:
            return Outcome(fail("Order is already paid: a paid invoice cannot be cancelled"))
        if order.cancelled_date is not None:
            return Outcome(fail("Order is already cancelled"))
        cancelled = now()

        def commit() -> None:
            order.cancelled_date = cancelled

        return Outcome(ok(with_model=False), commit)

    def pay(
        self,
        order: OrderRecord,
        card_number: str,
        exp_month: int,
        exp_year: int,
        cvv: str,
        name: str,
        ctx: RequestContext,
    ) -> Outcome:
        """The invoice page's payment: a card payment with a packet built from the page's form."""
        refusal = self.refusal(order)
        if refusal is not None:
            return Outcome(fail(refusal))
        packet = make_packet(card_number, exp_month, exp_year, cvv, self.public_id)
        params: dict[str, Any] = {
            key: order.params[key] for key in _CARRIED_PARAMS if order.params.get(key) is not None
        }
        params.update(
            Amount=money(order.amount),
            Currency=order.params["Currency"],
            IpAddress=ctx.client_ip,
            Name=name,
            CardCryptogramPacket=packet,
        )
        scheme = PaymentScheme.AUTH if order.params.get("RequireConfirmation") else PaymentScheme.CHARGE
        outcome = self.payments.card_payment(params, ctx, scheme, order_id=order.order_id)
        model = outcome.envelope.get("Model")
        challenged = isinstance(model, dict) and "AcsUrl" in model
        replaced = self._replaced_attempts(order, ctx) if challenged else []

        def commit() -> None:
            outcome.commit()
            if isinstance(model, dict) and "TransactionId" in model:
                order.transaction_ids.append(int(model["TransactionId"]))
            for decline in replaced:
                decline.commit()

        return Outcome(outcome.envelope, commit)

    def refusal(self, order: OrderRecord) -> str | None:
        """Why the invoice takes no new payment attempt, if it takes none."""
        if order.paid_by is not None:
            return ALREADY_PAID
        if order.cancelled_date is not None:
            return CANCELLED
        if len(order.transaction_ids) >= MAX_ATTEMPTS_PER_INVOICE:
            return TOO_MANY_ATTEMPTS
        return None

    def _replaced_attempts(self, order: OrderRecord, ctx: RequestContext) -> list[Outcome]:
        """The declines of the oldest pending 3-D Secure attempts a new one leaves beyond the cap."""
        transactions = self.payments.state.transactions
        pending = [
            transaction_id
            for transaction_id in order.transaction_ids
            if transactions[transaction_id].status is TransactionStatus.AWAITING_AUTHENTICATION
        ]
        excess = pending[: max(0, len(pending) + 1 - MAX_PENDING_3DS_PER_INVOICE)]
        declines = (
            self.payments.decline_pending(tid, ReasonCode.EXCEED_WITHDRAWAL_FREQUENCY, ctx) for tid in excess
        )
        return [decline for decline in declines if decline is not None]

    def _completion_refusal(self, payment: TransactionRecord) -> int | None:
        """Consulted by post3ds: a payment of this mock's invoices may not pay one paid or cancelled."""
        order = self.state.orders.get(payment.order_id) if payment.order_id is not None else None
        if order is None:
            return None
        if order.cancelled_date is not None or order.paid_by not in (None, payment.transaction_id):
            return ReasonCode.TRANSACTION_NOT_PERMITTED
        return None

    def _on_event(self, event: Event, record: Record) -> None:
        if event is Event.APPROVED and isinstance(record, TransactionRecord):
            self._paid_by(record)

    def _paid_by(self, payment: TransactionRecord) -> None:
        order = self.state.orders.get(payment.order_id) if payment.order_id is not None else None
        if order is not None and order.paid_by is None and order.cancelled_date is None:
            order.status = OrderStatus.PAID
            order.paid_by = payment.transaction_id
            order.payment_date = now()

    def _model(self, record: OrderRecord, base_url: str) -> dict[str, Any]:
        params = record.params
        currency = str(params["Currency"])
        return {
            "Id": record.order_id,
            "Number": record.number,
            "Amount": money(record.amount),
            "Currency": currency,
            "CurrencyCode": self.vocabulary.currency_codes.get(currency, 0),
            "Email": params.get("Email"),
            "Phone": params.get("Phone"),
            "Description": params.get("Description"),
            "RequireConfirmation": params.get("RequireConfirmation", False),
            "Url": f"{base_url}/d/{record.order_id}",
            "CultureName": params.get("CultureName") or DEFAULT_CULTURE,
            "CreatedDate": ms_date(record.created),
            "CreatedDateIso": iso_date(record.created),
            "PaymentDate": ms_date(record.payment_date),
            "PaymentDateIso": iso_date(record.payment_date),
            "StatusCode": self.vocabulary.order_status_codes[record.status],
            "Status": record.status,
            "InternalId": record.internal_id,
        }
