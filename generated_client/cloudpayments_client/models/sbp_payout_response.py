"""`SbpPayoutResponse`: an object of an answer, read field by field (see `AnswerModel`)."""

from __future__ import annotations

from typing import ClassVar

from ..types import AnswerModel, read_model, read_str, read_union
from .transaction import Transaction


class SbpPayoutResponse(AnswerModel):
    """SbpPayoutResponse

    Checked when the answer arrives: Success. Every other field is data: None when absent,
    null or unreadable (the answer as it arrived is in `raw`).
    """

    __slots__ = ()
    _FIELDS: ClassVar[dict[str, str]] = {
        "Success": "success",
        "Message": "message",
        "Model": "model",
        "ErrorCode": "error_code",
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
    def model(self) -> Transaction | None:
        """The payout transaction, with its `Receiver`; absent on a bad request."""
        return read_model(self, "Model", Transaction)

    @property
    def error_code(self) -> str | int | None:
        """An error code some answers carry beside `Message`; null on success. Its values are not documented."""
        value: str | int | None = read_union(
            self,
            "ErrorCode",
            (
                str,
                int,
            ),
            "str | int | None",
        )
        return value
