"""`DolyamiPaymentResponse`: an object of an answer, read field by field (see `AnswerModel`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from ..types import AnswerModel, read_model, read_str, read_union
from .dolyami_extension_data import DolyamiExtensionData
from .dolyami_payment import DolyamiPayment


class DolyamiPaymentResponse(AnswerModel):
    """DolyamiPaymentResponse

    Checked when the answer arrives: Success. Every other field is data: None when absent,
    null or unreadable (the answer as it arrived is in `raw`).
    """

    __slots__ = ()
    _FIELDS: ClassVar[dict[str, str]] = {
        "Success": "success",
        "Message": "message",
        "Model": "model",
        "ExtensionData": "extension_data",
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
    def model(self) -> DolyamiPayment | None:
        """`Model`"""
        return read_model(self, "Model", DolyamiPayment)

    @property
    def extension_data(self) -> DolyamiExtensionData | None:
        """The application's link, outside `Model`."""
        return read_model(self, "ExtensionData", DolyamiExtensionData)

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


class DolyamiPaymentAnswer(DolyamiPayment):
    """A success of an operation answering `DolyamiPaymentResponse`: its Model, a `DolyamiPayment` (every field of it), with the
    fields the envelope carries beside the Model (`extension_data`, `error_code`).

    `envelope` is the whole answer, a `DolyamiPaymentResponse`; `raw` and `to_dict()` are the Model's.
    """

    __slots__ = ("envelope",)

    def __init__(self, raw: Mapping[str, Any], envelope: DolyamiPaymentResponse | None = None) -> None:
        super().__init__(raw)
        self.envelope = DolyamiPaymentResponse({"Success": True, "Model": self.raw}) if envelope is None else envelope

    def __eq__(self, other: object) -> bool:
        return super().__eq__(other) and isinstance(other, DolyamiPaymentAnswer) and other.envelope == self.envelope

    __hash__ = None  # type: ignore[assignment]

    @property
    def extension_data(self) -> DolyamiExtensionData | None:
        """The envelope's `ExtensionData`: The application's link, outside `Model`."""
        return self.envelope.extension_data

    @property
    def error_code(self) -> str | int | None:
        """The envelope's `ErrorCode`: An error code some answers carry beside `Message`; null on success. Its values are not documented."""
        return self.envelope.error_code
