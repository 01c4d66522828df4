"""Payouts: money sent to a card, by cryptogram (`/payments/cards/topup`) or by a token the mock issued
(`/payments/token/topup`). They are transactions of the payments' state (kind `payout`, `Type` 2), decided at
once from the test card's table; they cannot be confirmed, voided or refunded (payments.py refuses them).

Their schemas declare fewer parameters than a payment's; the others the transaction keeps (`CultureName`,
`IpAddress`, a token payout's `Description`...) are checked by `unreadable_parameter` before anything is
decided."""

from __future__ import annotations

from typing import Any

from mock_server.cards import INSUFFICIENT_FUNDS, SUCCESS
from mock_server.cryptogram import InvalidPacketError, parse_packet
from mock_server.envelopes import Handler, Outcome, RequestContext, fail
from mock_server.ledger import PaymentScheme, TransactionKind, TransactionRecord
from mock_server.resources.escrow import AccumulationStatus, escrow_of
from mock_server.resources.payments import Payments, card_expired, unreadable_parameter
from mock_server.values import MAX_PAYMENT_AMOUNT, money
from mock_server.vocabulary import ReasonCode


class Payouts:
    def __init__(self, payments: Payments) -> None:
        self.payments = payments

    def handlers(self) -> dict[str, Handler]:
        return {"topupCard": self.to_card, "topupToken": self.to_token}

    def to_card(self, params: dict[str, Any], ctx: RequestContext) -> Outcome:
        """The card's cryptogram column decides; no 3-D Secure (the money goes to the card holder)."""
        payments = self.payments
        unreadable = unreadable_parameter(params)
        if unreadable is not None:
            return Outcome(fail(unreadable))
        try:
            info = parse_packet(str(params["CardCryptogramPacket"]))
        except InvalidPacketError as exc:
            return Outcome(fail(f"CardCryptogramPacket is not a valid card cryptogram: {exc}"))
        card = payments.card_profile(info)
        payout = payments.new_record(
            params, PaymentScheme.CHARGE, card, info.exp_date, TransactionKind.PAYOUT
        )
        refusal = self.escrow_refusal(payout)
        if refusal is not None:
            return Outcome(fail(refusal))
        if card_expired(info.exp_month, info.exp_year, payout.created):
            return payments.decline(payout, ReasonCode.EXPIRED_CARD, ctx)
        if payout.amount > MAX_PAYMENT_AMOUNT:
            return payments.decline(payout, ReasonCode.AMOUNT_ERROR, ctx)
        return payments.settle(payout, card.cryptogram_outcome, ctx)

    def to_token(self, params: dict[str, Any], ctx: RequestContext) -> Outcome:
        """A token the mock issued for that AccountId; the card's token column decides (`none`: the card
        takes nothing by token, declined like a card without funds)."""
        payments = self.payments
        unreadable = unreadable_parameter(params)
        if unreadable is not None:
            return Outcome(fail(unreadable))
        token = payments.find_token(str(params["Token"]), params["AccountId"])
        if token is None:
            return Outcome(fail("Token not found"))
        payout = payments.new_record(
            params, PaymentScheme.CHARGE, token.card, token.card_exp_date, TransactionKind.PAYOUT
        )
        payout.paid_by_token = True
        payout.token = token.token
        refusal = self.escrow_refusal(payout)
        if refusal is not None:
            return Outcome(fail(refusal))
        if card_expired(token.exp_month, token.exp_year, payout.created):
            return payments.decline(payout, ReasonCode.EXPIRED_CARD, ctx)
        if payout.amount > MAX_PAYMENT_AMOUNT:
            return payments.decline(payout, ReasonCode.AMOUNT_ERROR, ctx)
        outcome = SUCCESS if token.card.token_outcome == SUCCESS else INSUFFICIENT_FUNDS
        return payments.settle(payout, outcome, ctx)

    def escrow_refusal(self, payout: TransactionRecord) -> str | None:
        """Why a payout of a safe deal (`Escrow.AccumulationId`) cannot be made, if it cannot: an unknown or
        closed accumulation, `TransactionIds` that are not its payments, an amount above its balance. A payout
        that can is bound to the accumulation (resources/escrow.py)."""
        escrow = escrow_of(payout.params)
        accumulation_id = escrow.get("AccumulationId")
        if not accumulation_id:
            return None
        accumulation = self.payments.state.accumulation(str(accumulation_id))
        if accumulation is None or not accumulation.payments:
            return f"Escrow.AccumulationId: no payment was made into the accumulation {accumulation_id!r}"
        if accumulation.status is AccumulationStatus.CLOSED:
            closed = f"the accumulation {accumulation_id!r} is closed"
            return f"Escrow.AccumulationId: {closed} (its final payout was made)"
        ours = accumulation.payment_ids()
        strangers = [str(i) for i in escrow.get("TransactionIds") or [] if int(i) not in ours]
        if strangers:
            named = ", ".join(strangers)
            return f"Escrow.TransactionIds: not payments of the accumulation {accumulation_id!r}: {named}"
        balance = accumulation.balance
        if payout.amount > balance:
            return f"Amount exceeds the balance of the accumulation {accumulation_id!r} ({money(balance)})"
        payout.escrow_accumulation_id = str(accumulation_id)
        return None
