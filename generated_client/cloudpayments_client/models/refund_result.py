"""`RefundResult`: an object of an answer, read field by field (see `AnswerModel`)."""

from __future__ import annotations

from typing import ClassVar

from ..types import AnswerModel


class RefundResult(AnswerModel):
    """RefundResult

    Checked when the answer arrives: TransactionId. Every other field is data: None when absent,
    null or unreadable (the answer as it arrived is in `raw`).
    """

    __slots__ = ()
    _FIELDS: ClassVar[dict[str, str]] = {
        "TransactionId": "transaction_id",
    }
    _DECISIVE: ClassVar[tuple[tuple[str, tuple[type, ...]], ...]] = (("TransactionId", (int,)),)

    @property
    def transaction_id(self) -> int:
        """Id of the refund operation."""
        value: int = self.raw["TransactionId"]
        return value
