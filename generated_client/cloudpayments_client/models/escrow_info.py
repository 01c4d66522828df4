"""`EscrowInfo`: an object of an answer, read field by field (see `AnswerModel`)."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

from ..types import AnswerModel, read_decimal, read_list, read_str
from .escrow_payout_transaction import EscrowPayoutTransaction
from .escrow_transaction import EscrowTransaction


class EscrowInfo(AnswerModel):
    """One safe-deal accumulation.

    Every field is data: None when absent, null or unreadable (the answer as it arrived is in `raw`).
    """

    __slots__ = ()
    _FIELDS: ClassVar[dict[str, str]] = {
        "Status": "status",
        "EscrowAccumulationId": "escrow_accumulation_id",
        "Balance": "balance",
        "PaidoutTransactions": "paidout_transactions",
        "NotPaidoutTransactions": "not_paidout_transactions",
        "PayoutTransactions": "payout_transactions",
        "RefundedTransactions": "refunded_transactions",
    }
    _DECISIVE: ClassVar[tuple[tuple[str, tuple[type, ...]], ...]] = ()

    @property
    def status(self) -> str | None:
        """`Open` while payments accumulate, `Closed` after the final payout."""
        return read_str(self, "Status")

    @property
    def escrow_accumulation_id(self) -> str | None:
        """Id of the accumulation."""
        return read_str(self, "EscrowAccumulationId")

    @property
    def balance(self) -> Decimal | None:
        """What is left to pay out: the payments less their refunds and the payouts."""
        return read_decimal(self, "Balance")

    @property
    def paidout_transactions(self) -> list[EscrowTransaction] | None:
        """Its payments a payout paid out."""
        return read_list(self, "PaidoutTransactions", EscrowTransaction)

    @property
    def not_paidout_transactions(self) -> list[EscrowTransaction] | None:
        """Its payments not paid out yet."""
        return read_list(self, "NotPaidoutTransactions", EscrowTransaction)

    @property
    def payout_transactions(self) -> list[EscrowPayoutTransaction] | None:
        """Its payouts."""
        return read_list(self, "PayoutTransactions", EscrowPayoutTransaction)

    @property
    def refunded_transactions(self) -> list[EscrowTransaction] | None:
        """The refunds of its payments."""
        return read_list(self, "RefundedTransactions", EscrowTransaction)
