"""`CorrectionReceiptResponse`: an object of an answer, read field by field (see `AnswerModel`)."""

from __future__ import annotations

from typing import ClassVar

from ..types import AnswerModel, read_model, read_str
from .correction_receipt import CorrectionReceipt


class CorrectionReceiptResponse(AnswerModel):
    """CorrectionReceiptResponse

    Checked when the answer arrives: Success. Every other field is data: None when absent,
    null or unreadable (the answer as it arrived is in `raw`).
    """

    __slots__ = ()
    _FIELDS: ClassVar[dict[str, str]] = {
        "Success": "success",
        "Message": "message",
        "Model": "model",
    }
    _DECISIVE: ClassVar[tuple[tuple[str, tuple[type, ...]], ...]] = (("Success", (bool,)),)

    @property
    def success(self) -> bool:
        """`Success`"""
        value: bool = self.raw["Success"]
        return value

    @property
    def message(self) -> str | None:
        """Description of the error, or null."""
        return read_str(self, "Message")

    @property
    def model(self) -> CorrectionReceipt | None:
        """`Model`"""
        return read_model(self, "Model", CorrectionReceipt)
