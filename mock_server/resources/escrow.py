"""Safe deals (escrow): the accumulations of payments made with `Escrow`, read from the payments' state.

An accumulation is no record of its own: it is the payments that carry its `EscrowAccumulationId`, the payouts
made with `Escrow.AccumulationId` naming it, and the refunds of its payments (`PaymentState` indexes them by
accumulation as it adds them, so the index is bounded by the transactions and emptied with them). From those:

- it is `Closed` once a completed payout with `Escrow.FinalPayout` was made, `Open` before;
- its balance is its completed payments, less their refunds, less its completed payouts;
- a payment is paid out when a completed payout named it in `Escrow.TransactionIds`.

Payments (resources/payments.py) refuse a payment into a closed accumulation; payouts
(resources/payouts.py) refuse one into an unknown or closed accumulation, one naming another accumulation's
payments, and one above the balance. `/Escrow/GetEscrowInfo` reports each accumulation named; an id that
names none is left out (the reference does not say what the API answers for one).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any, Final

from mock_server.envelopes import Handler, Outcome, RequestContext, ok
from mock_server.ledger import TransactionKind, TransactionRecord
from mock_server.statuses import TransactionStatus
from mock_server.values import MONEY_CONTEXT, money

OPERATION_ID: Final = "getEscrowInfo"


class AccumulationStatus(StrEnum):
    """The spec's `EscrowAccumulationStatus` (a test compares the two)."""

    OPEN = "Open"
    CLOSED = "Closed"


def escrow_of(params: Mapping[str, Any]) -> Mapping[str, Any]:
    """A request's `Escrow` object (empty without one)."""
    escrow = params.get("Escrow")
    return escrow if isinstance(escrow, Mapping) else {}


def is_final_payout(payout: TransactionRecord) -> bool:
    return escrow_of(payout.params).get("FinalPayout") is True


@dataclass(frozen=True)
class Accumulation:
    accumulation_id: str
    payments: tuple[TransactionRecord, ...]
    payouts: tuple[TransactionRecord, ...]
    refunds: tuple[TransactionRecord, ...]

    @classmethod
    def of(
        cls, accumulation_id: str, transactions: Mapping[int, TransactionRecord], ids: Iterable[int]
    ) -> Accumulation:
        records = [transactions[i] for i in ids if i in transactions]
        return cls(
            accumulation_id,
            tuple(r for r in records if r.kind is TransactionKind.PAYMENT),
            tuple(r for r in records if r.kind is TransactionKind.PAYOUT),
            tuple(r for r in records if r.kind is TransactionKind.REFUND),
        )

    @property
    def completed_payouts(self) -> tuple[TransactionRecord, ...]:
        return tuple(p for p in self.payouts if p.status is TransactionStatus.COMPLETED)

    @property
    def completed_payments(self) -> tuple[TransactionRecord, ...]:
        return tuple(p for p in self.payments if p.status is TransactionStatus.COMPLETED)

    @property
    def status(self) -> AccumulationStatus:
        closed = any(is_final_payout(payout) for payout in self.completed_payouts)
        return AccumulationStatus.CLOSED if closed else AccumulationStatus.OPEN

    @property
    def balance(self) -> Decimal:
        total = Decimal(0)
        for payment in self.completed_payments:
            total = MONEY_CONTEXT.add(total, MONEY_CONTEXT.subtract(payment.amount, payment.refunded))
        for payout in self.completed_payouts:
            total = MONEY_CONTEXT.subtract(total, payout.amount)
        return total

    def paid_out_ids(self) -> set[int]:
        named: set[int] = set()
        for payout in self.completed_payouts:
            ids = escrow_of(payout.params).get("TransactionIds") or []
            named.update(int(i) for i in ids)
        return named

    def payment_ids(self) -> set[int]:
        return {payment.transaction_id for payment in self.payments}

    def model(self) -> dict[str, Any]:
        """The accumulation as `/Escrow/GetEscrowInfo` answers it; an empty list is null, as the reference's
        example writes `RefundedTransactions`."""
        paid_out = self.paid_out_ids()
        payments = self.completed_payments
        return {
            "Status": str(self.status),
            "PaidoutTransactions": _items(p for p in payments if p.transaction_id in paid_out),
            "NotPaidoutTransactions": _items(p for p in payments if p.transaction_id not in paid_out),
            "PayoutTransactions": _items(self.payouts, final=True),
            "RefundedTransactions": _items(self.refunds),
            "EscrowAccumulationId": self.accumulation_id,
            "Balance": money(self.balance),
        }


def _items(records: Iterable[TransactionRecord], *, final: bool = False) -> list[dict[str, Any]] | None:
    items: list[dict[str, Any]] = []
    for record in records:
        item: dict[str, Any] = {
            "Id": record.transaction_id,
            "Status": str(record.status),
            "Amount": money(record.amount),
        }
        if final:
            item["IsFinalPayout"] = is_final_payout(record)
        items.append(item)
    return items or None


class Escrow:
    """`/Escrow/GetEscrowInfo` over the accumulations `find` gives (None for an id that names none)."""

    def __init__(self, find: Callable[[str], Accumulation | None]) -> None:
        self.find = find

    def handlers(self) -> dict[str, Handler]:
        return {OPERATION_ID: self.info}

    def info(self, params: dict[str, Any], ctx: RequestContext) -> Outcome:
        """One item per accumulation found, in the order asked, each once."""
        found: list[dict[str, Any]] = []
        for accumulation_id in dict.fromkeys(str(i) for i in params["EscrowAccumulationIds"]):
            accumulation = self.find(accumulation_id)
            if accumulation is not None:
                found.append(accumulation.model())
        return Outcome(ok(found))
