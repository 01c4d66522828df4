"""`SbpPayoutResponse`: an object of an answer, read field by field (see `AnswerModel`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

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


class SbpPayoutAnswer(Transaction):
    """A success of an operation answering `SbpPayoutResponse`: its Model, a `Transaction` (every field of it), with the
    fields the envelope carries beside the Model (`error_code`).

    `envelope` is the whole answer, a `SbpPayoutResponse`; `raw` and `to_dict()` are the Model's.
    """

    __slots__ = ("envelope",)

    def __init__(self, raw: Mapping[str, Any], envelope: SbpPayoutResponse | None = None) -> None:
        super().__init__(raw)
        self.envelope = SbpPayoutResponse({"Success": True, "Model": self.raw}) if envelope is None else envelope

    def __eq__(self, other: object) -> bool:
        return super().__eq__(other) and isinstance(other, SbpPayoutAnswer) and other.envelope == self.envelope

    __hash__ = None  # type: ignore[assignment]

    @property
    def error_code(self) -> str | int | None:
        """The envelope's `ErrorCode`: An error code some answers carry beside `Message`; null on success. Its values are not documented."""
        return self.envelope.error_code
