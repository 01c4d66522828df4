"""`IssuedCorrectionReceiptAmounts`: an object of an answer, read field by field (see `AnswerModel`)."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

from ..types import AnswerModel, read_decimal


class IssuedCorrectionReceiptAmounts(AnswerModel):
    """How the total of a correction receipt was paid (see `ReceiptAmounts`), a kind not given 0, and `Sum`, their
    total.

    Every field is data: None when absent, null or unreadable (the answer as it arrived is in `raw`).
    """

    __slots__ = ()
    _FIELDS: ClassVar[dict[str, str]] = {
        "Electronic": "electronic",
        "Cash": "cash",
        "AdvancePayment": "advance_payment",
        "Credit": "credit",
        "Provision": "provision",
        "Sum": "sum_",
    }
    _DECISIVE: ClassVar[tuple[tuple[str, tuple[type, ...]], ...]] = ()

    @property
    def electronic(self) -> Decimal | None:
        """`Electronic`"""
        return read_decimal(self, "Electronic")

    @property
    def cash(self) -> Decimal | None:
        """`Cash`"""
        return read_decimal(self, "Cash")

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
    def sum_(self) -> Decimal | None:
        """The total of the kinds."""
        return read_decimal(self, "Sum")
