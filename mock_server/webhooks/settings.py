"""The notification types and the settings of one type, as `/site/notifications/{Type}/update` takes them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Final, TypeVar

_E = TypeVar("_E", bound=StrEnum)


class NotificationType(StrEnum):
    CHECK = "Check"
    PAY = "Pay"
    FAIL = "Fail"
    CONFIRM = "Confirm"
    REFUND = "Refund"
    RECURRENT = "Recurrent"
    CANCEL = "Cancel"
    # Saved and read like the others; the mock sends none of these three yet (no receipts, no SBP).
    RECEIPT = "Receipt"
    SBP_TOKEN = "SbpToken"
    KKT = "Kkt"

    @classmethod
    def parse(cls, text: str) -> NotificationType:
        """The type named in any case (`pay`, `Pay`); raises ValueError for another word."""
        for member in cls:
            if member.value.lower() == text.lower():
                return member
        raise ValueError(f"not a notification type: {text!r}")


# The types the mock sends; the others are saved and read through the settings operations only.
SENT_TYPES: Final = tuple(
    kind
    for kind in NotificationType
    if kind
    not in {
        NotificationType.RECEIPT,
        NotificationType.SBP_TOKEN,
        NotificationType.KKT,
    }
)


class HttpMethod(StrEnum):
    GET = "GET"
    POST = "POST"


class Encoding(StrEnum):
    UTF8 = "UTF8"
    WINDOWS1251 = "Windows1251"

    @property
    def charset(self) -> str:
        """The Python codec and the `charset` of the Content-Type."""
        return "utf-8" if self is Encoding.UTF8 else "windows-1251"


class Format(StrEnum):
    CLOUDPAYMENTS = "CloudPayments"
    QIWI = "QIWI"  # named by the documentation, not described: not emulated
    RT = "RT"  # likewise


class Body(StrEnum):
    """How the parameters are written. The documented settings have no switch for it: `form` is what the API
    sends; `json` is the mock's option for a receiver that reads JSON (set in Python only)."""

    FORM = "form"
    JSON = "json"


@dataclass(frozen=True)
class NotificationSettings:
    """The settings of one type. Defaults are the documented ones, except that the mock's own Check (set by
    `--check-url`) and a receiver without settings are sent POST."""

    is_enabled: bool = False
    address: str | None = None
    http_method: HttpMethod = HttpMethod.GET
    encoding: Encoding = Encoding.UTF8
    format: Format = Format.CLOUDPAYMENTS
    body: Body = Body.FORM

    @property
    def active(self) -> bool:
        """Notifications of the type are sent: enabled, with an address."""
        return self.is_enabled and bool(self.address)

    @classmethod
    def from_model(cls, model: Mapping[str, Any]) -> NotificationSettings:
        """From the API's model (`IsEnabled`, `Address`, `HttpMethod`, `Encoding`, `Format`; keys in any
        case); a missing or unknown value takes the documented default."""
        values = {str(key).lower(): value for key, value in model.items()}
        return cls(
            is_enabled=values.get("isenabled") is True,
            address=str(values["address"]) if values.get("address") else None,
            http_method=_member(HttpMethod, values.get("httpmethod"), HttpMethod.GET),
            encoding=_member(Encoding, values.get("encoding"), Encoding.UTF8),
            format=_member(Format, values.get("format"), Format.CLOUDPAYMENTS),
        )


def _member(enum: type[_E], value: Any, default: _E) -> _E:
    for member in enum:
        if isinstance(value, str) and member.value.lower() == value.lower():
            return member
    return default
