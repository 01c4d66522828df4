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
from mock_server.ledger import PaymentScheme, TransactionKind
from mock_server.resources.payments import Payments, card_expired, unreadable_parameter
from mock_server.values import MAX_PAYMENT_AMOUNT
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
        if card_expired(token.exp_month, token.exp_year, payout.created):
            return payments.decline(payout, ReasonCode.EXPIRED_CARD, ctx)
        if payout.amount > MAX_PAYMENT_AMOUNT:
            return payments.decline(payout, ReasonCode.AMOUNT_ERROR, ctx)
        outcome = SUCCESS if token.card.token_outcome == SUCCESS else INSUFFICIENT_FUNDS
        return payments.settle(payout, outcome, ctx)
