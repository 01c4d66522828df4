"""`ReceiptQueuedResponse`: an object of an answer, read field by field (see `AnswerModel`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from ..types import AnswerModel, read_model, read_str
from .receipt_queued import ReceiptQueued


class ReceiptQueuedResponse(AnswerModel):
    """ReceiptQueuedResponse

    Checked when the answer arrives: Success. Every other field is data: None when absent,
    null or unreadable (the answer as it arrived is in `raw`).
    """

    __slots__ = ()
    _FIELDS: ClassVar[dict[str, str]] = {
        "Success": "success",
        "Message": "message",
        "Warning": "warning",
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
        """`Queued`, or the description of the error."""
        return read_str(self, "Message")

    @property
    def warning(self) -> str | None:
        """A warning about the cash registers (a full fiscal drive...), or null."""
        return read_str(self, "Warning")

    @property
    def model(self) -> ReceiptQueued | None:
        """`Model`"""
        return read_model(self, "Model", ReceiptQueued)


class ReceiptQueuedAnswer(ReceiptQueued):
    """A success of an operation answering `ReceiptQueuedResponse`: its Model, a `ReceiptQueued` (every field of it), with the
    fields the envelope carries beside the Model (`warning`).

    `envelope` is the whole answer, a `ReceiptQueuedResponse`; `raw` and `to_dict()` are the Model's.
    """

    __slots__ = ("envelope",)

    def __init__(self, raw: Mapping[str, Any], envelope: ReceiptQueuedResponse | None = None) -> None:
        super().__init__(raw)
        self.envelope = ReceiptQueuedResponse({"Success": True, "Model": self.raw}) if envelope is None else envelope

    def __eq__(self, other: object) -> bool:
        return super().__eq__(other) and isinstance(other, ReceiptQueuedAnswer) and other.envelope == self.envelope

    __hash__ = None  # type: ignore[assignment]

    @property
    def warning(self) -> str | None:
        """The envelope's `Warning`: A warning about the cash registers (a full fiscal drive...), or null."""
        return self.envelope.warning
