"""`ReceiptQueued`: an object of an answer, read field by field (see `AnswerModel`)."""

from __future__ import annotations

from typing import ClassVar

from ..types import AnswerModel, read_int, read_str


class ReceiptQueued(AnswerModel):
    """A receipt that was queued; on a refusal only `ErrorCode` (-1).

    Every field is data: None when absent, null or unreadable (the answer as it arrived is in `raw`).
    """

    __slots__ = ()
    _FIELDS: ClassVar[dict[str, str]] = {
        "ErrorCode": "error_code",
        "Id": "id",
        "ReceiptLocalUrl": "receipt_local_url",
    }
    _DECISIVE: ClassVar[tuple[tuple[str, tuple[type, ...]], ...]] = ()

    @property
    def error_code(self) -> int | None:
        """0 when queued; -1 when refused."""
        return read_int(self, "ErrorCode")

    @property
    def id(self) -> str | None:
        """Id of the receipt."""
        return read_str(self, "Id")

    @property
    def receipt_local_url(self) -> str | None:
        """Address of the receipt's page."""
        return read_str(self, "ReceiptLocalUrl")
