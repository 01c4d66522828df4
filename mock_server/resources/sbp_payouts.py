"""Payouts by SBP to a phone (`/payments/alt/topup`): transactions of the payments' state (kind `payout`,
`Type` 2, no card), decided at once like the payouts to a card (resources/payouts.py): the same ceiling and
reason codes, Pay or Fail with `OperationType` CardPayout and `PaymentMethod` Sbp.

The receiver's bank (`MemberId`) must be one of `/sbp/v2/banks/info` (resources/sbp_banks.py); the phones
the spec's `info.x-test-sbp-payout-phones` names are declined with their ReasonCode. `X-Signature` is taken
and not checked (the route reads no header but `X-Request-ID`)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Final

from mock_server.cards import SUCCESS
from mock_server.envelopes import Handler, Outcome, RequestContext, fail
from mock_server.ledger import PaymentScheme, TransactionKind, TransactionRecord
from mock_server.resources.payments import Payments, unreadable_parameter
from mock_server.statuses import TransactionStatus
from mock_server.values import MAX_PAYMENT_AMOUNT, now, to_amount
from mock_server.vocabulary import ReasonCode

# `PaymentMethod` of the notifications, as the spec's PaymentMethod names SBP.
PAYMENT_METHOD: Final = "Sbp"
# SBP serves Russian phone numbers: +7 and ten digits, as the reference's example writes them.
_PHONE: Final = re.compile(r"\+7[0-9]{10}")


def with_error_code(outcome: Outcome) -> Outcome:
    """The envelope with the top-level `ErrorCode` the operation's answer carries (its values are not
    documented: null, the outcome is in `Success` and the transaction's `ReasonCode`)."""
    return Outcome({**outcome.envelope, "ErrorCode": None}, outcome.commit)


class SbpPayouts:
    def __init__(
        self, payments: Payments, member_ids: frozenset[str], declined_phones: Mapping[str, int]
    ) -> None:
        self.payments = payments
        self.member_ids = member_ids
        self.declined_phones = dict(declined_phones)

    def handlers(self) -> dict[str, Handler]:
        return {"topupSbp": self.to_phone}

    def to_phone(self, params: dict[str, Any], ctx: RequestContext) -> Outcome:
        refusal = self.refusal(params)
        if refusal is not None:
            return with_error_code(Outcome(fail(refusal)))
        payout = self.new_payout(params)
        payments = self.payments
        if payout.amount > MAX_PAYMENT_AMOUNT:
            return with_error_code(payments.decline(payout, ReasonCode.AMOUNT_ERROR, ctx))
        code = self.declined_phones.get(str(params["Receiver"]["Phone"]))
        if code is not None:
            return with_error_code(payments.decline(payout, code, ctx))
        return with_error_code(payments.settle(payout, SUCCESS, ctx))

    def refusal(self, params: dict[str, Any]) -> str | None:
        """Why the request is a bad one (no transaction is made), or None. The schema has checked the rest:
        `Currency` RUB, `Receiver` an object with a text `Phone`, `MemberId` digits."""
        unreadable = unreadable_parameter(params)
        if unreadable is not None:
            return unreadable
        phone = str(params["Receiver"]["Phone"])
        if not _PHONE.fullmatch(phone):
            return f"Receiver.Phone must be a Russian number, +7 and ten digits (+71234567890): {phone!r}"
        member_id = params.get("MemberId")
        if member_id is None:
            return "MemberId is required with Receiver.Phone: the receiver's bank (see /sbp/v2/banks/info)"
        if member_id not in self.member_ids:
            return f"MemberId: {member_id!r} is not an SBP member bank (see /sbp/v2/banks/info)"
        return None

    def new_payout(self, params: dict[str, Any]) -> TransactionRecord:
        """A working record, not yet in the state (the commit of its decision stores it)."""
        return TransactionRecord(
            transaction_id=self.payments.state.next_transaction_id(),
            kind=TransactionKind.PAYOUT,
            scheme=PaymentScheme.CHARGE,
            amount=to_amount(params["Amount"]),
            currency=str(params["Currency"]),
            status=TransactionStatus.DECLINED,
            reason_code=ReasonCode.APPROVED,
            created=now(),
            card=None,
            card_exp_date=None,
            params=dict(params),
            payment_method=PAYMENT_METHOD,
        )
