"""`EscrowTransaction`: an object of an answer, read field by field (see `AnswerModel`)."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

from ..types import AnswerModel, read_decimal, read_int, read_str


class EscrowTransaction(AnswerModel):
    """A payment, payout or refund of an accumulation.

    Every field is data: None when absent, null or unreadable (the answer as it arrived is in `raw`).
    """

    __slots__ = ()
    _FIELDS: ClassVar[dict[str, str]] = {
        "Id": "id",
        "Status": "status",
        "Amount": "amount",
    }
    _DECISIVE: ClassVar[tuple[tuple[str, tuple[type, ...]], ...]] = ()

    @property
    def id(self) -> int | None:
        """Transaction id."""
        return read_int(self, "Id")

    @property
    def status(self) -> str | None:
        """Status of the transaction (see Transaction statuses)."""
        return read_str(self, "Status")

    @property
    def amount(self) -> Decimal | None:
        """Amount of the transaction."""
        return read_decimal(self, "Amount")
