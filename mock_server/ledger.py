"""The records the resources keep and the notifications read: transactions (payments, refunds, payouts),
subscriptions, and the Check's verdict on a payment. A leaf module: it imports no resource and nothing of
`webhooks/`, so both sides import it and neither imports the other."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from mock_server.cards import CardProfile
from mock_server.statuses import SubscriptionStatus, TransactionStatus


class TransactionKind(StrEnum):
    PAYMENT = "payment"
    REFUND = "refund"
    PAYOUT = "payout"  # money sent to a card (resources/payouts.py) or by SBP (resources/sbp_payouts.py)


class PaymentScheme(StrEnum):
    """What approval leads to."""

    CHARGE = "charge"  # one step: the payment is captured
    AUTH = "auth"  # two steps: authorized until confirmed or voided


@dataclass
class TransactionRecord:
    transaction_id: int
    kind: TransactionKind
    scheme: PaymentScheme
    amount: Decimal
    currency: str
    status: TransactionStatus
    reason_code: int
    created: datetime
    card: CardProfile | None
    card_exp_date: str | None
    params: dict[str, Any]  # the request's canonical parameters (InvoiceId, AccountId, JsonData...)
    auth_date: datetime | None = None
    confirm_date: datetime | None = None
    token: str | None = None
    refunded: Decimal = Decimal(0)
    original_transaction_id: int | None = None
    pa_req: str | None = None
    escrow_accumulation_id: str | None = None
    paid_by_token: bool = False
    order_id: str | None = None
    # How a payment or payout without a card was made, as notifications name it (`Sbp`, `T-Pay`, `SberPay`,
    # `Dolyami`); None for a card.
    payment_method: str | None = None


@dataclass
class SubscriptionRecord:
    subscription_id: str
    params: dict[str, Any]
    amount: Decimal
    start: datetime
    status: SubscriptionStatus


@dataclass
class ReceiptRecord:
    """A receipt of the online cash register (`/kkt/receipt`, `/kkt/correction-receipt`, or issued with a
    payment or refund). Its
    outcome (`error`, None when it adds up) is decided when it is queued; it is `Queued` until
    `due_at` (the store's clock), then `Processed` with its fiscal data, or `Error`."""

    receipt_id: str
    receipt_type: str  # Income, IncomeReturn, Expense, ExpenseReturn
    inn: str
    customer_receipt: dict[str, Any]  # the canonical CustomerReceipt
    total: Decimal  # the items' amounts added up
    queued: datetime
    due_at: float
    error: str | None
    invoice_id: str | None = None
    account_id: str | None = None
    transaction_id: int | None = None
    status: str = "Queued"
    # Once Processed: when, and its fiscal data as `/kkt/receipt/get` writes them (`AdditionalData`).
    fiscalised: datetime | None = None
    fiscal: dict[str, Any] | None = None
    # A correction receipt (`/kkt/correction-receipt`): `customer_receipt` is its `CorrectionReceiptData`.
    correction: bool = False


# The payment an operation is about to decide, as the Check describes it, with an id reserved for it; None
# when the operation refuses the request before any payment exists. Called with the request's parameters and
# whether it came with Basic auth (an operation that takes requests without it may refuse them first).
CheckCandidate = Callable[[dict[str, Any], bool], "TransactionRecord | None"]


@dataclass(frozen=True)
class CheckVerdict:
    """What the Check decided for the payment with `transaction_id` (the id it was sent with, which the
    payment then takes). `reason_code` 0: go on."""

    transaction_id: int
    reason_code: int
    answer_code: int | None = None
    error: str | None = None

    @property
    def declines(self) -> bool:
        return self.reason_code != 0
