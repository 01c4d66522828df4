"""Dolyami payments (`/payments/altpay/pay`): a transaction of the payments' state in `Created`, and the link
to its application (`ExtensionData.Link`), a page of the mock (routes/dolyami.py) where the payer's
application is approved or refused. Approval completes the payment (`Scheme` "0") or authorizes it ("1",
then confirmed or voided like any authorization) and sends Pay; refusal declines it and sends Fail; both
with `PaymentMethod` Dolyami.

The link names the transaction and carries a MAC under a key of this app, so the page needs no state of its
own and a guessed or altered link finds nothing."""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import secrets
from typing import Any, Final

from mock_server.cards import SUCCESS
from mock_server.envelopes import Handler, Outcome, RequestContext, fail, ok
from mock_server.ledger import TransactionKind, TransactionRecord
from mock_server.resources.payments import Payments, unreadable_parameter
from mock_server.statuses import TransactionStatus
from mock_server.values import DEFAULT_CURRENCY, amount_refusal, money, now, to_amount
from mock_server.vocabulary import ReasonCode

# `PaymentMethod` of the notifications. The reference names no value for Dolyami: the mock's choice.
PAYMENT_METHOD: Final = "Dolyami"
# Where the application pages are: GET shows one, POST (`Choice`) decides it.
PAGE_PATH: Final = "/dolyami"
_MAC_HEX_DIGITS: Final = 32
_MAX_ID_DIGITS: Final = 19


def with_link(outcome_envelope: dict[str, Any], link: str | None) -> dict[str, Any]:
    """The envelope with what the answer carries beside `Model`: the application's link and `ErrorCode`
    (its values are not documented: null)."""
    return {**outcome_envelope, "ExtensionData": None if link is None else {"Link": link}, "ErrorCode": None}


class Dolyami:
    def __init__(self, payments: Payments, public_id: str) -> None:
        self.payments = payments
        self.public_id = public_id
        self._key = secrets.token_bytes(32)

    def handlers(self) -> dict[str, Handler]:
        return {"createDolyamiPayment": self.create}

    def create(self, params: dict[str, Any], ctx: RequestContext) -> Outcome:
        refusal = self.refusal(params)
        if refusal is not None:
            return Outcome(with_link(fail(refusal), None))
        payment = TransactionRecord(
            transaction_id=self.payments.state.next_transaction_id(),
            kind=TransactionKind.PAYMENT,
            scheme=self.payments.vocabulary.schemes[str(params["Scheme"])],
            amount=to_amount(params["Amount"]),
            currency=DEFAULT_CURRENCY,  # Dolyami takes rubles; the request names no currency
            status=TransactionStatus.CREATED,
            reason_code=ReasonCode.APPROVED,
            created=now(),
            card=None,
            card_exp_date=None,
            params=dict(params),
            payment_method=PAYMENT_METHOD,
        )
        model = {"TransactionId": payment.transaction_id, "Amount": money(payment.amount), "IsTest": True}
        link = f"{ctx.base_url}{PAGE_PATH}/{self.token(payment.transaction_id)}"
        return Outcome(with_link(ok(model), link), lambda: self.payments.state.add(payment))

    def refusal(self, params: dict[str, Any]) -> str | None:
        """Why the request is a bad one (no transaction is made), or None. The schema has checked
        `AltPayType` (Dolyami only) and `Scheme`."""
        public_id = params["PublicId"]
        if public_id != self.public_id:
            return f"PublicId: {public_id!r} is not this terminal's Public ID"
        unreadable = unreadable_parameter(params)
        if unreadable is not None:
            return unreadable
        # No decline to give before the application exists: an absurd amount is refused.
        return amount_refusal(params["Amount"])

    # ---------- the application's page ----------

    def token(self, transaction_id: int) -> str:
        mac = hmac.new(self._key, str(transaction_id).encode("ascii"), hashlib.sha256).hexdigest()
        return f"{transaction_id}-{mac[:_MAC_HEX_DIGITS]}"

    def application(self, token: str) -> TransactionRecord | None:
        """The Dolyami payment a link names, or None for a link this app did not make (or one from before a
        reset). Call with the store's lock held."""
        number, _, _ = token.partition("-")
        if not (0 < len(number) <= _MAX_ID_DIGITS and number.isascii() and number.isdigit()):
            return None
        given = token.encode("utf-8", "surrogatepass")
        if not hmac.compare_digest(self.token(int(number)).encode("ascii"), given):
            return None
        record = self.payments.transaction(int(number))
        return record if record is not None and record.payment_method == PAYMENT_METHOD else None

    def decide(self, record: TransactionRecord, approved: bool, ctx: RequestContext) -> Outcome | None:
        """The payer's application approved (the payment goes on as its scheme says) or refused (declined,
        5005); None when it was decided before. Call with the store's lock held; commit the outcome."""
        if record.status is not TransactionStatus.CREATED:
            return None
        payment = dataclasses.replace(record)
        if approved:
            return self.payments.settle(payment, SUCCESS, ctx)
        return self.payments.decline(payment, ReasonCode.DO_NOT_HONOR, ctx)
