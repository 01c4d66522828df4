"""`ReceiptStatusResponse`: an object of an answer, read field by field (see `AnswerModel`)."""

from __future__ import annotations

from typing import ClassVar

from ..types import AnswerModel, read_str


class ReceiptStatusResponse(AnswerModel):
    """ReceiptStatusResponse

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
        """Why the receipt was refused (`Error`), or null."""
        return read_str(self, "Message")

    @property
    def model(self) -> str | None:
        """`Model`"""
        return read_str(self, "Model")
