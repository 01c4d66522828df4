"""`NotificationSettings`: an object of an answer, read field by field (see `AnswerModel`)."""

from __future__ import annotations

from typing import ClassVar

from ..types import AnswerModel, read_bool, read_str


class NotificationSettings(AnswerModel):
    """Settings of one notification type.

    Every field is data: None when absent, null or unreadable (the answer as it arrived is in `raw`).
    """

    __slots__ = ()
    _FIELDS: ClassVar[dict[str, str]] = {
        "IsEnabled": "is_enabled",
        "Address": "address",
        "HttpMethod": "http_method",
        "Encoding": "encoding",
        "Format": "format_",
    }
    _DECISIVE: ClassVar[tuple[tuple[str, tuple[type, ...]], ...]] = ()

    @property
    def is_enabled(self) -> bool | None:
        """`IsEnabled`"""
        return read_bool(self, "IsEnabled")

    @property
    def address(self) -> str | None:
        """`Address`"""
        return read_str(self, "Address")

    @property
    def http_method(self) -> str | None:
        """`GET` or `POST`."""
        return read_str(self, "HttpMethod")

    @property
    def encoding(self) -> str | None:
        """`UTF8` or `Windows1251`."""
        return read_str(self, "Encoding")

    @property
    def format_(self) -> str | None:
        """`CloudPayments`, `QIWI` or `RT`."""
        return read_str(self, "Format")
