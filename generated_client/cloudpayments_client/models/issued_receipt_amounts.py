"""`IssuedReceiptAmounts`: an object of an answer, read field by field (see `AnswerModel`)."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

from ..types import AnswerModel, read_decimal


class IssuedReceiptAmounts(AnswerModel):
    """How the total of a fiscalised receipt was paid (see `ReceiptAmounts`).

    Every field is data: None when absent, null or unreadable (the answer as it arrived is in `raw`).
    """

    __slots__ = ()
    _FIELDS: ClassVar[dict[str, str]] = {
        "Electronic": "electronic",
        "AdvancePayment": "advance_payment",
        "Credit": "credit",
        "Provision": "provision",
        "Cash": "cash",
    }
    _DECISIVE: ClassVar[tuple[tuple[str, tuple[type, ...]], ...]] = ()

    @property
    def electronic(self) -> Decimal | None:
        """`Electronic`"""
        return read_decimal(self, "Electronic")

    @property
    def advance_payment(self) -> Decimal | None:
        """`AdvancePayment`"""
        return read_decimal(self, "AdvancePayment")

    @property
    def credit(self) -> Decimal | None:
        """`Credit`"""
        return read_decimal(self, "Credit")

    @property
    def provision(self) -> Decimal | None:
        """`Provision`"""
        return read_decimal(self, "Provision")

    @property
    def cash(self) -> Decimal | None:
        """`Cash`"""
        return read_decimal(self, "Cash")
