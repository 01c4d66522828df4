"""`DolyamiPayment`: an object of an answer, read field by field (see `AnswerModel`)."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

from ..types import AnswerModel, read_bool, read_decimal


class DolyamiPayment(AnswerModel):
    """A Dolyami payment that was made; the payer goes on at `ExtensionData.Link`.

    Checked when the answer arrives: TransactionId. Every other field is data: None when absent,
    null or unreadable (the answer as it arrived is in `raw`).
    """

    __slots__ = ()
    _FIELDS: ClassVar[dict[str, str]] = {
        "TransactionId": "transaction_id",
        "Amount": "amount",
        "IsTest": "is_test",
    }
    _DECISIVE: ClassVar[tuple[tuple[str, tuple[type, ...]], ...]] = (("TransactionId", (int,)),)

    @property
    def transaction_id(self) -> int:
        """Id of the payment's transaction."""
        value: int = self.raw["TransactionId"]
        return value

    @property
    def amount(self) -> Decimal | None:
        """Amount of the payment."""
        return read_decimal(self, "Amount")

    @property
    def is_test(self) -> bool | None:
        """A payment on a test terminal."""
        return read_bool(self, "IsTest")
