"""Payments: charge and auth by card cryptogram or token, 3-D Secure (post3ds and the PaRes of the ACS page),
confirm, void and refund, and the tokens cards leave behind. Holds transactions (payments, refunds and the
payouts of resources/payouts.py), tokens and PaRes."""

from __future__ import annotations

import dataclasses
import functools
import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from mock_server.cards import INSUFFICIENT_FUNDS, SUCCESS, CardProfile, profile
from mock_server.cryptogram import CardInfo, InvalidPacketError, parse_packet
from mock_server.envelopes import Handler, Outcome, RequestContext, fail, ok
from mock_server.events import Event, Events
from mock_server.ledger import CheckCandidate, CheckVerdict, PaymentScheme, TransactionKind, TransactionRecord
from mock_server.resources.escrow import Accumulation, AccumulationStatus
from mock_server.resources.payment_answers import challenge_model, pa_req, transaction_model
from mock_server.statuses import TransactionStatus
from mock_server.values import (
    DEFAULT_CURRENCY,
    MAX_PAYMENT_AMOUNT,
    MONEY_CONTEXT,
    money,
    new_hex_id,
    now,
    to_amount,
)
from mock_server.vocabulary import ReasonCode, Vocabulary
from spec_tools import TestCard

# Realistic 64-bit-looking ids: real ones are above 2**31 (e.g. 2200976211).
FIRST_TRANSACTION_ID: Final = 2_210_000_001
# Outcome names of the test-card table -> decline code.
_DECLINE_CODES: Final = {INSUFFICIENT_FUNDS: ReasonCode.INSUFFICIENT_FUNDS}
_MAX_PROFILES: Final = 1024
# What a refund keeps of its payment: a refund is found by its payment's invoice number, and answers with it.
_REFUND_CARRIES: Final = (
    "InvoiceId",
    "AccountId",
    "Email",
    "Description",
    "Name",
    "CultureName",
    "IpAddress",
)


# What a transaction keeps of its request and writes back (the Transaction model, the notifications), with
# the type each must have: the spec's type wherever an operation declares the parameter.
_KEPT_TEXT: Final = ("InvoiceId", "AccountId", "Email", "Description", "Name", "IpAddress", "CultureName")
_KEPT_PARAMETERS: Final[dict[str, tuple[type, str]]] = {
    **dict.fromkeys(_KEPT_TEXT, (str, "a string")),
    "TrInitiatorCode": (int, "an integer"),
    "JsonData": (dict, "an object"),
}


# The operations the Check notification is sent for, and their scheme.
CHECKED_OPERATIONS: Final = {
    "chargeCard": PaymentScheme.CHARGE,
    "authCard": PaymentScheme.AUTH,
    "chargeToken": PaymentScheme.CHARGE,
    "authToken": PaymentScheme.AUTH,
}


@dataclass
class TokenRecord:
    token: str
    account_id: str
    card: CardProfile
    card_exp_date: str
    exp_month: int
    exp_year: int

    @property
    def card_key(self) -> tuple[str, str, str, str]:
        return card_key(self.account_id, self.card, self.card_exp_date)


@dataclass
class PaResRecord:
    """The ACS page's answer for a payment awaiting authentication: the latest choice, one per payment."""

    value: str
    authenticated: bool  # the payer chose "Confirm payment" on the ACS page


def card_key(account_id: str, card: CardProfile, exp_date: str) -> tuple[str, str, str, str]:
    """One token per payer and card."""
    return (account_id, card.first_six, card.last_four, exp_date)


class PaymentState:
    def __init__(self) -> None:
        # Per app, never reset: an id reserved for a Check before a reset is never given to another payment.
        self._next_transaction_id = FIRST_TRANSACTION_ID
        self.reset()

    def reset(self) -> None:
        self.transactions: dict[int, TransactionRecord] = {}
        self.tokens: dict[str, TokenRecord] = {}
        self.token_by_card: dict[tuple[str, str, str, str], str] = {}
        # By transaction id, only while the payment awaits authentication: bounded by the pending payments.
        self.pares: dict[int, PaResRecord] = {}
        # The transactions of each safe-deal accumulation (resources/escrow.py), in the order added: its
        # payments, its payouts and the refunds of its payments. Bounded by the transactions.
        self.escrow: dict[str, dict[int, None]] = {}

    def next_transaction_id(self) -> int:
        """The id the next committed transaction gets (taken by `add`, so an uncommitted one uses none)."""
        return self._next_transaction_id

    def reserve_transaction_id(self) -> int:
        """An id taken now, for a payment the Check is asked about before it is decided."""
        reserved = self._next_transaction_id
        self._next_transaction_id += 1
        return reserved

    def add(self, record: TransactionRecord) -> None:
        self.transactions[record.transaction_id] = record
        self._next_transaction_id = max(self._next_transaction_id, record.transaction_id + 1)
        accumulation_id = record.escrow_accumulation_id
        if record.kind is TransactionKind.REFUND and record.original_transaction_id is not None:
            original = self.transactions.get(record.original_transaction_id)
            accumulation_id = original.escrow_accumulation_id if original is not None else None
        if accumulation_id is not None:
            self.escrow.setdefault(accumulation_id, {})[record.transaction_id] = None

    def accumulation(self, accumulation_id: str) -> Accumulation | None:
        """The safe-deal accumulation with that id, as its transactions make it; None when none has it."""
        ids = self.escrow.get(accumulation_id)
        return None if ids is None else Accumulation.of(accumulation_id, self.transactions, ids)

    def counts(self) -> dict[str, int]:
        return {"transactions": len(self.transactions), "tokens": len(self.tokens)}


def unreadable_parameter(params: dict[str, Any]) -> str | None:
    """Why a parameter the transaction keeps cannot be read as the answer and the notifications write it,
    if one cannot. An operation's schema checks what it declares; this catches the others (a payout's
    `CultureName`, a token payment's `Name`), which are kept and echoed as sent."""
    for name, (kinds, words) in _KEPT_PARAMETERS.items():
        value = params.get(name)
        if value is not None and (isinstance(value, bool) or not isinstance(value, kinds)):
            return f"{name} must be {words}"
    return None


def card_expired(exp_month: int, exp_year: int, moment: datetime) -> bool:
    return (exp_year, exp_month) < (moment.year, moment.month)


class Payments:
    """Each operation decides and builds its answer on working records; committing its outcome stores them."""

    def __init__(
        self,
        state: PaymentState,
        vocabulary: Vocabulary,
        test_cards: tuple[TestCard, ...],
        public_id: str,
        events: Events,
    ) -> None:
        self.state = state
        self.events = events
        self.vocabulary = vocabulary
        self.test_cards = test_cards
        self.public_id = public_id
        self._profiles: dict[tuple[str, str], CardProfile] = {}
        self._completion_guards: list[Callable[[TransactionRecord], int | None]] = []

    def handlers(self) -> dict[str, Handler]:
        return {
            "chargeCard": self.charge_card,
            "authCard": self.auth_card,
            "post3ds": self.post3ds,
            "chargeToken": self.charge_token,
            "authToken": self.auth_token,
            "confirmPayment": self.confirm,
            "voidPayment": self.void,
            "refundPayment": self.refund,
        }

    # ---------- by cryptogram ----------

    def charge_card(self, params: dict[str, Any], ctx: RequestContext) -> Outcome:
        return self.card_payment(params, ctx, PaymentScheme.CHARGE)

    def auth_card(self, params: dict[str, Any], ctx: RequestContext) -> Outcome:
        return self.card_payment(params, ctx, PaymentScheme.AUTH)

    def card_payment(
        self, params: dict[str, Any], ctx: RequestContext, scheme: PaymentScheme, order_id: str | None = None
    ) -> Outcome:
        unreadable = unreadable_parameter(params)
        if unreadable is not None:
            return Outcome(fail(unreadable))
        try:
            info = parse_packet(str(params["CardCryptogramPacket"]))
        except InvalidPacketError as exc:
            return Outcome(fail(f"CardCryptogramPacket is not a valid card cryptogram: {exc}"))
        card = self.card_profile(info)
        payment = self.new_record(params, scheme, card, info.exp_date, checked=ctx.check)
        payment.order_id = order_id
        escrow = params.get("Escrow") or {}
        if escrow.get("AccumulationId"):
            payment.escrow_accumulation_id = str(escrow["AccumulationId"])
            accumulation = self.state.accumulation(payment.escrow_accumulation_id)
            if accumulation is not None and accumulation.status is AccumulationStatus.CLOSED:
                closed = f"the accumulation {payment.escrow_accumulation_id!r} is closed"
                return Outcome(fail(f"Escrow.AccumulationId: {closed} (its final payout was made)"))
        elif escrow.get("StartAccumulation") is True:
            payment.escrow_accumulation_id = str(uuid.uuid4())
        if ctx.check is not None and ctx.check.declines:
            return self.decline(payment, ctx.check.reason_code, ctx)
        if card_expired(info.exp_month, info.exp_year, payment.created):
            return self.decline(payment, ReasonCode.EXPIRED_CARD, ctx)
        if payment.amount > MAX_PAYMENT_AMOUNT:
            return self.decline(payment, ReasonCode.AMOUNT_ERROR, ctx)
        if card.three_ds:
            payment.status = TransactionStatus.AWAITING_AUTHENTICATION
            payment.pa_req = pa_req(payment)
            answer = fail(None, challenge_model(payment, f"{ctx.base_url}/acs", secrets.token_hex(16)))
            return Outcome(answer, lambda: self._commit(payment))
        return self.settle(payment, card.cryptogram_outcome, ctx)

    # ---------- by token ----------

    def charge_token(self, params: dict[str, Any], ctx: RequestContext) -> Outcome:
        return self.token_payment(params, ctx, PaymentScheme.CHARGE)

    def auth_token(self, params: dict[str, Any], ctx: RequestContext) -> Outcome:
        return self.token_payment(params, ctx, PaymentScheme.AUTH)

    def find_token(self, token: str, account_id: Any) -> TokenRecord | None:
        """A token the mock issued, for this payer: tokens are bound to it, as to the terminal."""
        record = self.state.tokens.get(token)
        return record if record is not None and record.account_id == account_id else None

    def token_payment(self, params: dict[str, Any], ctx: RequestContext, scheme: PaymentScheme) -> Outcome:
        unreadable = unreadable_parameter(params)
        if unreadable is not None:
            return Outcome(fail(unreadable))
        token = self.find_token(str(params["Token"]), params["AccountId"])
        if token is None:
            return Outcome(fail("Token not found"))
        payment = self.new_record(params, scheme, token.card, token.card_exp_date, checked=ctx.check)
        payment.paid_by_token = True
        payment.token = token.token
        if ctx.check is not None and ctx.check.declines:
            return self.decline(payment, ctx.check.reason_code, ctx)
        if card_expired(token.exp_month, token.exp_year, payment.created):
            return self.decline(payment, ReasonCode.EXPIRED_CARD, ctx)
        if payment.amount > MAX_PAYMENT_AMOUNT:
            return self.decline(payment, ReasonCode.AMOUNT_ERROR, ctx)
        # "none" in the table: the card cannot be charged by token; it is declined like a card without funds.
        outcome = SUCCESS if token.card.token_outcome == SUCCESS else INSUFFICIENT_FUNDS
        return self.settle(payment, outcome, ctx)

    def transaction(self, transaction_id: int) -> TransactionRecord | None:
        return self.state.transactions.get(transaction_id)

    def check_candidates(self) -> dict[str, CheckCandidate]:
        """The operations the Check is sent before, each with the payment it would decide."""
        return {
            operation_id: functools.partial(self.check_candidate, operation_id)
            for operation_id in CHECKED_OPERATIONS
        }

    def check_candidate(
        self, operation_id: str, params: dict[str, Any], authenticated: bool = True
    ) -> TransactionRecord | None:
        """The payment a card or token operation is about to decide, as the Check describes it, with an id
        reserved for it (not otherwise in the state). None for another operation, or one that is refused
        before any payment exists (a packet that cannot be read, an unknown token)."""
        scheme = CHECKED_OPERATIONS.get(operation_id)
        if scheme is None or unreadable_parameter(params) is not None:
            return None
        if operation_id in ("chargeToken", "authToken"):
            token = self.find_token(str(params["Token"]), params["AccountId"])
            if token is None:
                return None
            payment = self.new_record(params, scheme, token.card, token.card_exp_date)
            payment.token = token.token
        else:
            try:
                info = parse_packet(str(params["CardCryptogramPacket"]))
            except InvalidPacketError:
                return None
            payment = self.new_record(params, scheme, self.card_profile(info), info.exp_date)
        payment.status = (
            TransactionStatus.COMPLETED if scheme is PaymentScheme.CHARGE else TransactionStatus.AUTHORIZED
        )
        payment.transaction_id = self.state.reserve_transaction_id()
        return payment

    # ---------- 3-D Secure ----------

    def add_completion_guard(self, guard: Callable[[TransactionRecord], int | None]) -> None:
        """Ask `guard` before post3ds decides a payment: a ReasonCode declines it whatever the payer chose
        (resources/orders.py refuses a second payment of an invoice, or one of a cancelled invoice)."""
        self._completion_guards.append(guard)

    def issue_pares(self, transaction_id: int, authenticated: bool) -> str | None:
        # The ACS page's own action (not an API operation): it changes the state at once.
        """The ACS page's answer for the payer's choice, bound to a payment awaiting authentication (None for
        any other). A new choice replaces the previous one: a pending payment holds one PaRes."""
        record = self.state.transactions.get(transaction_id)
        if record is None or record.status is not TransactionStatus.AWAITING_AUTHENTICATION:
            return None
        pares = secrets.token_urlsafe(48)
        self.state.pares[transaction_id] = PaResRecord(pares, authenticated)
        return pares

    def post3ds(self, params: dict[str, Any], ctx: RequestContext) -> Outcome:
        record, refusal = self._payment(params["TransactionId"], "authenticated")
        if record is None:
            return Outcome(fail(refusal))
        # A decided payment's PaRes is gone with its wait: a used or replaced one finds nothing to complete.
        if record.status is not TransactionStatus.AWAITING_AUTHENTICATION:
            return Outcome(fail("Transaction is not awaiting 3-D Secure authentication"))
        pares = self.state.pares.get(record.transaction_id)
        given = str(params["PaRes"]).encode("utf-8", "surrogatepass")
        if pares is None or not secrets.compare_digest(pares.value.encode("utf-8"), given):
            return Outcome(fail("PaRes is not valid for this transaction"))
        payment = dataclasses.replace(record)
        refusals = (guard(payment) for guard in self._completion_guards)
        refused = next((code for code in refusals if code is not None), None)
        if refused is not None:
            decided = self.decline(payment, refused, ctx)
        elif not pares.authenticated:
            decided = self.decline(payment, ReasonCode.AUTHENTICATION_FAILED, ctx)
        else:
            assert payment.card is not None  # 3-D Secure is only asked for card payments
            decided = self.settle(payment, payment.card.cryptogram_outcome, ctx)
        return self._leaving_authentication(decided, record.transaction_id)

    def decline_pending(self, transaction_id: int, code: int, ctx: RequestContext) -> Outcome | None:
        """The payment declined with `code` if it still awaits authentication (None otherwise)."""
        record = self.state.transactions.get(transaction_id)
        if record is None or record.status is not TransactionStatus.AWAITING_AUTHENTICATION:
            return None
        declined = self.decline(dataclasses.replace(record), code, ctx)
        return self._leaving_authentication(declined, transaction_id)

    def _leaving_authentication(self, decided: Outcome, transaction_id: int) -> Outcome:
        """`decided`, whose commit also drops the payment's PaRes: it no longer awaits authentication."""

        def commit() -> None:
            decided.commit()
            self.state.pares.pop(transaction_id, None)

        return Outcome(decided.envelope, commit)

    # ---------- two steps and refunds ----------

    def confirm(self, params: dict[str, Any], ctx: RequestContext) -> Outcome:
        record, refusal = self._payment(params["TransactionId"], "confirmed")
        if record is None:
            return Outcome(fail(refusal))
        if record.status is not TransactionStatus.AUTHORIZED:
            return Outcome(fail(f"Transaction is not authorized (status {record.status})"))
        amount = to_amount(params["Amount"])
        if amount > record.amount:
            return Outcome(fail(f"Amount exceeds the authorized amount ({money(record.amount)})"))
        confirmed = now()
        after = dataclasses.replace(
            record, amount=amount, confirm_date=confirmed, status=TransactionStatus.COMPLETED
        )
        announce = self.events.announce(Event.CONFIRMED, after, record)

        def commit() -> None:
            record.amount = amount
            record.confirm_date = confirmed
            record.status = TransactionStatus.COMPLETED
            announce()

        return Outcome(ok(with_model=False), commit)

    def void(self, params: dict[str, Any], ctx: RequestContext) -> Outcome:
        record, refusal = self._payment(params["TransactionId"], "voided")
        if record is None:
            return Outcome(fail(refusal))
        if record.status is TransactionStatus.COMPLETED:
            return Outcome(fail("Transaction is completed: a captured payment is refunded, not voided"))
        if record.status is not TransactionStatus.AUTHORIZED:
            return Outcome(fail(f"Transaction is not authorized (status {record.status})"))
        after = dataclasses.replace(record, status=TransactionStatus.CANCELLED)
        announce = self.events.announce(Event.VOIDED, after, record)

        def commit() -> None:
            record.status = TransactionStatus.CANCELLED
            announce()

        return Outcome(ok(with_model=False), commit)

    def refund(self, params: dict[str, Any], ctx: RequestContext) -> Outcome:
        record, refusal = self._payment(params["TransactionId"], "refunded")
        if record is None:
            return Outcome(fail(refusal))
        if record.status is not TransactionStatus.COMPLETED:
            return Outcome(fail(f"Transaction is not completed (status {record.status})"))
        amount = to_amount(params["Amount"])
        # Exact to the kopeck at any magnitude (the default 28-digit context would round huge amounts).
        available = MONEY_CONTEXT.subtract(record.amount, record.refunded)
        if amount > available:
            return Outcome(fail(f"Refund amount exceeds the available amount ({money(available)})"))
        created = now()
        refund = TransactionRecord(
            transaction_id=self.state.next_transaction_id(),
            kind=TransactionKind.REFUND,
            scheme=PaymentScheme.CHARGE,
            amount=amount,
            currency=record.currency,
            status=TransactionStatus.COMPLETED,
            reason_code=ReasonCode.APPROVED,
            created=created,
            card=record.card,
            card_exp_date=record.card_exp_date,
            params={
                **{key: record.params[key] for key in _REFUND_CARRIES if record.params.get(key) is not None},
                "JsonData": params.get("JsonData"),
            },
            original_transaction_id=record.transaction_id,
            auth_date=created,
            confirm_date=created,
        )
        answer = ok({"TransactionId": refund.transaction_id})
        announce = self.events.announce(Event.REFUNDED, refund)

        def commit() -> None:
            self.state.add(refund)
            record.refunded = MONEY_CONTEXT.add(record.refunded, amount)
            announce()

        return Outcome(answer, commit)

    # ---------- helpers ----------

    def card_profile(self, info: CardInfo) -> CardProfile:
        """The card's profile depends on its digits alone (it is frozen): worked out once per card."""
        key = (info.first_six, info.last_four)
        card = self._profiles.get(key)
        if card is None:
            if len(self._profiles) >= _MAX_PROFILES:
                self._profiles.clear()
            card = self._profiles[key] = profile(info, self.test_cards)
        return card

    def _payment(self, transaction_id: Any, done: str) -> tuple[TransactionRecord | None, str]:
        """The payment with that id, or why there is none to be `done` (confirmed, refunded...)."""
        record = self.state.transactions.get(int(transaction_id))
        if record is None:
            return None, "Transaction not found"
        if record.kind is TransactionKind.PAYOUT:
            return None, f"Transaction is a payout: a payout cannot be {done}"
        if record.kind is TransactionKind.REFUND:
            return None, f"Transaction is a refund: a refund cannot be {done}"
        return record, ""

    def new_record(
        self,
        params: dict[str, Any],
        scheme: PaymentScheme,
        card: CardProfile,
        exp_date: str,
        kind: TransactionKind = TransactionKind.PAYMENT,
        checked: CheckVerdict | None = None,
    ) -> TransactionRecord:
        """A working record, not yet in the state; with the id the Check was sent with, if one was."""
        return TransactionRecord(
            transaction_id=self.state.next_transaction_id() if checked is None else checked.transaction_id,
            kind=kind,
            scheme=scheme,
            amount=to_amount(params["Amount"]),
            currency=str(params.get("Currency") or DEFAULT_CURRENCY),
            status=TransactionStatus.DECLINED,
            reason_code=ReasonCode.APPROVED,
            created=now(),
            card=card,
            card_exp_date=exp_date,
            params=dict(params),
        )

    def settle(self, payment: TransactionRecord, outcome: str, ctx: RequestContext) -> Outcome:
        """The issuer's answer once the card is authenticated: approve, or decline with the table's code."""
        token = self._token_for(payment)
        if outcome != SUCCESS:
            code = _DECLINE_CODES.get(outcome, ReasonCode.INSUFFICIENT_FUNDS)
            return self.decline(payment, code, ctx, token)
        moment = now()
        payment.reason_code = ReasonCode.APPROVED
        payment.auth_date = moment
        if payment.scheme is PaymentScheme.CHARGE:
            payment.status = TransactionStatus.COMPLETED
            payment.confirm_date = moment
        else:
            payment.status = TransactionStatus.AUTHORIZED
        answer = ok(self.model(payment, ctx))
        announce = self.events.announce(Event.APPROVED, payment)

        def commit() -> None:
            self._commit(payment, token)
            announce()

        return Outcome(answer, commit)

    def decline(
        self, payment: TransactionRecord, code: int, ctx: RequestContext, token: TokenRecord | None = None
    ) -> Outcome:
        payment.status = TransactionStatus.DECLINED
        payment.reason_code = code
        answer = fail(None, self.model(payment, ctx))
        announce = self.events.announce(Event.DECLINED, payment)

        def commit() -> None:
            self._commit(payment, token)
            announce()

        return Outcome(answer, commit)

    def _token_for(self, payment: TransactionRecord) -> TokenRecord | None:
        """A payment with an AccountId returns the card's token (one per payer and card) unless SaveCard is
        false; like the API's documented declined answer, a decline by the issuer also carries it.
        Returns the token to add to the state when it is a new one."""
        account_id = payment.params.get("AccountId")
        if (
            payment.kind is not TransactionKind.PAYMENT
            or payment.paid_by_token
            or not account_id
            or payment.params.get("SaveCard") is False
        ):
            return None
        card = payment.card
        if card is None or payment.card_exp_date is None:
            return None
        existing = self.state.token_by_card.get(card_key(str(account_id), card, payment.card_exp_date))
        if existing is not None:
            payment.token = existing
            return None
        month, year = payment.card_exp_date.split("/")
        token = TokenRecord(
            new_hex_id("tk_"), str(account_id), card, payment.card_exp_date, int(month), 2000 + int(year)
        )
        payment.token = token.token
        return token

    def _commit(self, payment: TransactionRecord, token: TokenRecord | None = None) -> None:
        self.state.add(payment)
        if token is not None:
            self.state.tokens[token.token] = token
            self.state.token_by_card[token.card_key] = token.token

    def model(self, payment: TransactionRecord, ctx: RequestContext) -> dict[str, Any]:
        return transaction_model(payment, self.vocabulary, self.public_id, ctx.base_url)
