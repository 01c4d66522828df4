"""`DolyamiPayment`: an object of an answer, read field by field (see `AnswerModel`)."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

from ..types import AnswerModel, read_bool, read_decimal, read_int


class DolyamiPayment(AnswerModel):
    """A Dolyami payment that was made; the payer goes on at `ExtensionData.Link`.

    Every field is data: None when absent, null or unreadable (the answer as it arrived is in `raw`).
    """

    __slots__ = ()
    _FIELDS: ClassVar[dict[str, str]] = {
        "TransactionId": "transaction_id",
        "Amount": "amount",
        "IsTest": "is_test",
    }
    _DECISIVE: ClassVar[tuple[tuple[str, tuple[type, ...]], ...]] = ()

    @property
    def transaction_id(self) -> int | None:
        """Id of the payment's transaction."""
        return read_int(self, "TransactionId")

    @property
    def amount(self) -> Decimal | None:
        """Amount of the payment."""
        return read_decimal(self, "Amount")

    @property
    def is_test(self) -> bool | None:
        """A payment on a test terminal."""
        return read_bool(self, "IsTest")
