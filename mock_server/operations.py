"""What each operation does to the mock's state, and what it answers.

Every method takes the request's canonical, validated parameters and returns the response envelope. The app
calls them with the store's lock held, so each read-check-write is atomic.
"""

from __future__ import annotations

import re
import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import Any, Final

from mock_server import models
from mock_server.cards import INSUFFICIENT_FUNDS, SUCCESS, CardProfile, profile
from mock_server.cryptogram import InvalidPacketError, make_packet, parse_packet
from mock_server.spec import ApiSpec
from mock_server.statuses import OrderStatus, SubscriptionStatus, TransactionStatus
from mock_server.store import (
    OrderRecord,
    PaResRecord,
    Store,
    SubscriptionRecord,
    TokenRecord,
    TransactionRecord,
    new_hex_id,
    new_order_id,
)
from mock_server.vocabulary import ReasonCode, Vocabulary

Envelope = dict[str, Any]
Handler = Callable[[dict[str, Any], "RequestContext"], Envelope]

# Wide enough for any finite double: amounts are rounded to kopecks, never truncated by precision.
_MONEY_CONTEXT: Final = Context(prec=800)
_CENT: Final = Decimal("0.01")
_FRACTION_RE: Final = re.compile(r"(\.\d{6})\d+")

# Outcome names of the test-card table -> decline code.
_DECLINE_CODES: Final = {INSUFFICIENT_FUNDS: ReasonCode.INSUFFICIENT_FUNDS}


@dataclass(frozen=True)
class RequestContext:
    base_url: str  # scheme://host:port of the mock as the client reached it, no trailing slash
    client_ip: str


def ok(model: Any = None, *, with_model: bool = True) -> Envelope:
    envelope: Envelope = {"Success": True, "Message": None}
    if with_model:
        envelope["Model"] = model
    return envelope


def fail(message: str | None, model: Any = None) -> Envelope:
    return {"Success": False, "Message": message, "Model": model}


def to_amount(value: Any) -> Decimal:
    return Decimal(str(value)).quantize(_CENT, rounding=ROUND_HALF_UP, context=_MONEY_CONTEXT)


def parse_start_date(value: str) -> datetime:
    """ISO 8601 with or without an offset (UTC when none); up to 7 fractional digits as .NET writes them."""
    moment = datetime.fromisoformat(_FRACTION_RE.sub(r"\1", value.replace("Z", "+00:00")))
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _now() -> datetime:
    return datetime.now(UTC)


def _expired(exp_month: int, exp_year: int, now: datetime) -> bool:
    return (exp_year, exp_month) < (now.year, now.month)


class Emulator:
    def __init__(self, spec: ApiSpec, store: Store, public_id: str) -> None:
        self.spec = spec
        self.store = store
        self.public_id = public_id
        self.vocabulary = Vocabulary.from_document(spec.document)
        self.handlers: dict[str, Handler] = {
            "test": self.test,
            "chargeCard": lambda p, c: self.card_payment(p, c, "charge"),
            "authCard": lambda p, c: self.card_payment(p, c, "auth"),
            "post3ds": self.post3ds,
            "chargeToken": lambda p, c: self.token_payment(p, c, "charge"),
            "authToken": lambda p, c: self.token_payment(p, c, "auth"),
            "confirmPayment": self.confirm,
            "voidPayment": self.void,
            "refundPayment": self.refund,
            "createSubscription": self.create_subscription,
            "getSubscription": self.get_subscription,
            "cancelSubscription": self.cancel_subscription,
            "createOrder": self.create_order,
        }

    def transaction_model(self, record: TransactionRecord, ctx: RequestContext) -> dict[str, Any]:
        return models.transaction_model(record, self.vocabulary, self.public_id, ctx.base_url)

    # ---------- general ----------

    def test(self, params: dict[str, Any], ctx: RequestContext) -> Envelope:
        return {"Success": True, "Message": str(uuid.uuid4())}

    # ---------- payments ----------

    def card_payment(self, params: dict[str, Any], ctx: RequestContext, scheme: str) -> Envelope:
        try:
            info = parse_packet(str(params["CardCryptogramPacket"]))
        except InvalidPacketError as exc:
            return fail(f"CardCryptogramPacket is not a valid card cryptogram: {exc}")
        card = profile(info, self.spec.test_cards)
        record = self._new_payment(params, scheme, card, info.exp_date)
        escrow = params.get("Escrow") or {}
        if escrow.get("AccumulationId"):
            record.escrow_accumulation_id = str(escrow["AccumulationId"])
        elif escrow.get("StartAccumulation") is True:
            record.escrow_accumulation_id = str(uuid.uuid4())
        if _expired(info.exp_month, info.exp_year, record.created):
            return self._decline(record, ReasonCode.EXPIRED_CARD, ctx)
        if card.three_ds:
            record.status = TransactionStatus.AWAITING_AUTHENTICATION
            record.pa_req = models.pa_req(record)
            challenge = models.challenge_model(record, f"{ctx.base_url}/acs", secrets.token_hex(16))
            return fail(None, challenge)
        return self._settle(record, card.cryptogram_outcome, ctx)

    def token_payment(self, params: dict[str, Any], ctx: RequestContext, scheme: str) -> Envelope:
        token = self.store.tokens.get(str(params["Token"]))
        # Tokens are bound to the payer they were issued for, as to the terminal.
        if token is None or token.account_id != params["AccountId"]:
            return fail("Token not found")
        record = self._new_payment(params, scheme, token.card, token.card_exp_date)
        record.paid_by_token = True
        record.token = token.token
        if _expired(token.exp_month, token.exp_year, record.created):
            return self._decline(record, ReasonCode.EXPIRED_CARD, ctx)
        # "none" in the table: the card cannot be charged by token; it is declined like a card without funds.
        outcome = SUCCESS if token.card.token_outcome == SUCCESS else INSUFFICIENT_FUNDS
        return self._settle(record, outcome, ctx)

    def post3ds(self, params: dict[str, Any], ctx: RequestContext) -> Envelope:
        record = self._payment(params["TransactionId"])
        if record is None:
            return fail("Transaction not found")
        pares = self.store.pares.get(str(params["PaRes"]))
        if pares is None or pares.transaction_id != record.transaction_id:
            return fail("PaRes is not valid for this transaction")
        if pares.used:
            return fail("PaRes has already been used")
        if record.status is not TransactionStatus.AWAITING_AUTHENTICATION:
            return fail("Transaction is not awaiting 3-D Secure authentication")
        pares.used = True
        if not pares.authenticated:
            return self._decline(record, ReasonCode.AUTHENTICATION_FAILED, ctx)
        assert record.card is not None  # 3-D Secure is only asked for card payments
        return self._settle(record, record.card.cryptogram_outcome, ctx)

    def confirm(self, params: dict[str, Any], ctx: RequestContext) -> Envelope:
        record = self._payment(params["TransactionId"])
        if record is None:
            return fail("Transaction not found")
        if record.status is not TransactionStatus.AUTHORIZED:
            return fail(f"Transaction is not authorized (status {record.status})")
        amount = to_amount(params["Amount"])
        if amount > record.amount:
            return fail(f"Amount exceeds the authorized amount ({models.money(record.amount)})")
        record.amount = amount
        record.confirm_date = _now()
        record.status = TransactionStatus.COMPLETED
        return ok(with_model=False)

    def void(self, params: dict[str, Any], ctx: RequestContext) -> Envelope:
        record = self._payment(params["TransactionId"])
        if record is None:
            return fail("Transaction not found")
        if record.status is TransactionStatus.COMPLETED:
            return fail("Transaction is completed: a captured payment is refunded, not voided")
        if record.status is not TransactionStatus.AUTHORIZED:
            return fail(f"Transaction is not authorized (status {record.status})")
        record.status = TransactionStatus.CANCELLED
        return ok(with_model=False)

    def refund(self, params: dict[str, Any], ctx: RequestContext) -> Envelope:
        record = self._payment(params["TransactionId"])
        if record is None:
            return fail("Transaction not found")
        if record.status is not TransactionStatus.COMPLETED:
            return fail(f"Transaction is not completed (status {record.status})")
        amount = to_amount(params["Amount"])
        # Exact to the kopeck at any magnitude (the default 28-digit context would round huge amounts).
        available = _MONEY_CONTEXT.subtract(record.amount, record.refunded)
        if amount > available:
            return fail(f"Refund amount exceeds the available amount ({models.money(available)})")
        refund = TransactionRecord(
            transaction_id=self.store.next_transaction_id(),
            kind="refund",
            scheme="charge",
            amount=amount,
            currency=record.currency,
            status=TransactionStatus.COMPLETED,
            reason_code=ReasonCode.APPROVED,
            created=_now(),
            card=record.card,
            card_exp_date=record.card_exp_date,
            params={"JsonData": params.get("JsonData")},
            original_transaction_id=record.transaction_id,
        )
        refund.auth_date = refund.confirm_date = refund.created
        self.store.transactions[refund.transaction_id] = refund
        record.refunded = _MONEY_CONTEXT.add(record.refunded, amount)
        return ok({"TransactionId": refund.transaction_id})

    # ---------- subscriptions ----------

    def create_subscription(self, params: dict[str, Any], ctx: RequestContext) -> Envelope:
        token = self.store.tokens.get(str(params["Token"]))
        if token is None or token.account_id != params["AccountId"]:
            return fail("Token not found")
        try:
            start = parse_start_date(str(params["StartDate"]))
        except (ValueError, OverflowError):  # also a date that leaves the calendar once moved to UTC
            return fail("StartDate is not a valid date and time")
        if start <= _now():
            return fail("StartDate must be in the future")
        record = SubscriptionRecord(
            subscription_id=new_hex_id("sc_"),
            params=dict(params),
            amount=to_amount(params["Amount"]),
            start=start,
            status=SubscriptionStatus.ACTIVE,
        )
        self.store.subscriptions[record.subscription_id] = record
        return ok(models.subscription_model(record, self.vocabulary))

    def get_subscription(self, params: dict[str, Any], ctx: RequestContext) -> Envelope:
        record = self.store.subscriptions.get(str(params["Id"]))
        if record is None:
            return fail("Subscription not found")
        return ok(models.subscription_model(record, self.vocabulary))

    def cancel_subscription(self, params: dict[str, Any], ctx: RequestContext) -> Envelope:
        record = self.store.subscriptions.get(str(params["Id"]))
        if record is None:
            return fail("Subscription not found")
        if record.status is SubscriptionStatus.CANCELLED:
            return fail("Subscription is already cancelled")
        record.status = SubscriptionStatus.CANCELLED
        return ok(with_model=False)

    # ---------- orders ----------

    def create_order(self, params: dict[str, Any], ctx: RequestContext) -> Envelope:
        if params.get("SendSms") is True and params.get("SendViber") is True:
            return fail("SendSms and SendViber cannot both be true")
        number, internal_id = self.store.next_order_numbers()
        record = OrderRecord(
            order_id=new_order_id(),
            number=number,
            internal_id=internal_id,
            params=dict(params),
            amount=to_amount(params["Amount"]),
            created=_now(),
        )
        self.store.orders[record.order_id] = record
        return ok(models.order_model(record, self.vocabulary, ctx.base_url))

    def pay_order(
        self,
        order: OrderRecord,
        card_number: str,
        exp_month: int,
        exp_year: int,
        cvv: str,
        name: str,
        ctx: RequestContext,
    ) -> Envelope:
        """The order page's payment: the same path as a card payment, with a packet built from the form."""
        packet = make_packet(card_number, exp_month, exp_year, cvv, self.public_id)
        params: dict[str, Any] = {
            key: order.params[key]
            for key in ("InvoiceId", "AccountId", "Email", "Description", "JsonData", "CultureName")
            if order.params.get(key) is not None
        }
        params.update(
            Amount=models.money(order.amount),
            Currency=order.params["Currency"],
            IpAddress=ctx.client_ip,
            Name=name,
            CardCryptogramPacket=packet,
        )
        scheme = "auth" if order.params.get("RequireConfirmation") else "charge"
        answer = self.card_payment(params, ctx, scheme)
        model = answer.get("Model")
        if isinstance(model, dict) and "TransactionId" in model:
            transaction_id = int(model["TransactionId"])
            order.transaction_ids.append(transaction_id)
            self.store.transactions[transaction_id].order_id = order.order_id
            if answer["Success"]:
                self._mark_paid(order.order_id)
        return answer

    # ---------- 3-D Secure page (ACS) ----------

    def issue_pares(self, record: TransactionRecord, authenticated: bool) -> str:
        pares = secrets.token_urlsafe(48)
        self.store.pares[pares] = PaResRecord(record.transaction_id, authenticated)
        return pares

    # ---------- helpers ----------

    def _payment(self, transaction_id: Any) -> TransactionRecord | None:
        record = self.store.transactions.get(int(transaction_id))
        return record if record is not None and record.kind == "payment" else None

    def _new_payment(
        self, params: dict[str, Any], scheme: str, card: CardProfile, exp_date: str
    ) -> TransactionRecord:
        record = TransactionRecord(
            transaction_id=self.store.next_transaction_id(),
            kind="payment",
            scheme=scheme,
            amount=to_amount(params["Amount"]),
            currency=str(params.get("Currency") or "RUB"),
            status=TransactionStatus.DECLINED,
            reason_code=ReasonCode.APPROVED,
            created=_now(),
            card=card,
            card_exp_date=exp_date,
            params=dict(params),
        )
        self.store.transactions[record.transaction_id] = record
        return record

    def _settle(self, record: TransactionRecord, outcome: str, ctx: RequestContext) -> Envelope:
        """The issuer's answer once the card is authenticated: approve, or decline with the table's code."""
        self._issue_token(record)
        if outcome != SUCCESS:
            return self._decline(record, _DECLINE_CODES.get(outcome, ReasonCode.INSUFFICIENT_FUNDS), ctx)
        now = _now()
        record.reason_code = ReasonCode.APPROVED
        record.auth_date = now
        if record.scheme == "charge":
            record.status = TransactionStatus.COMPLETED
            record.confirm_date = now
        else:
            record.status = TransactionStatus.AUTHORIZED
        if record.order_id is not None:
            self._mark_paid(record.order_id)
        return ok(self.transaction_model(record, ctx))

    def _decline(self, record: TransactionRecord, code: int, ctx: RequestContext) -> Envelope:
        record.status = TransactionStatus.DECLINED
        record.reason_code = code
        return fail(None, self.transaction_model(record, ctx))

    def _issue_token(self, record: TransactionRecord) -> None:
        """A payment with an AccountId returns the card's token (one per payer and card) unless SaveCard is
        false; like the API's documented declined answer, a decline by the issuer also carries it."""
        account_id = record.params.get("AccountId")
        if record.paid_by_token or not account_id or record.params.get("SaveCard") is False:
            return
        card = record.card
        if card is None or record.card_exp_date is None:
            return
        key = (str(account_id), card.first_six, card.last_four, record.card_exp_date)
        existing = self.store.token_by_card.get(key)
        if existing is None:
            month, year = record.card_exp_date.split("/")
            existing = new_hex_id("tk_")
            self.store.tokens[existing] = TokenRecord(
                existing, str(account_id), card, record.card_exp_date, int(month), 2000 + int(year)
            )
            self.store.token_by_card[key] = existing
        record.token = existing

    def _mark_paid(self, order_id: str) -> None:
        order = self.store.orders.get(order_id)
        if order is not None and order.status is not OrderStatus.PAID:
            order.status = OrderStatus.PAID
            order.payment_date = _now()
