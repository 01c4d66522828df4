"""A notification as an HTTP request: its parameters written as a form the way .NET writes one (lower-case
`%xx` escapes, `+` for a space; letters, digits and `-_.!*()` as they are), or as JSON; in UTF-8 or
Windows-1251; in the body of a POST or the query of a GET; signed."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Final

from mock_server.webhooks.payloads import Parameters
from mock_server.webhooks.settings import Body, Encoding, HttpMethod, NotificationSettings, NotificationType
from mock_server.webhooks.signing import signature_headers

# What System.Web.HttpUtility.UrlEncode leaves as it is.
_UNRESERVED: Final = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!*()")
_BYTE_TEXT: Final = tuple(
    chr(byte) if byte in _UNRESERVED else "+" if byte == 0x20 else f"%{byte:02x}" for byte in range(256)
)
_JSON: Final = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def form_value(text: str, encoding: Encoding = Encoding.UTF8) -> str:
    """One name or value, escaped as .NET does. A character Windows-1251 lacks is sent as `?`, as .NET's
    encoder replaces it."""
    raw = text.encode(encoding.charset, errors="replace")
    return "".join(_BYTE_TEXT[byte] for byte in raw)


def form_text(parameters: Parameters, encoding: Encoding = Encoding.UTF8) -> str:
    """`name=value&...`: ASCII, whatever the encoding (its bytes are escaped)."""
    return "&".join(
        f"{form_value(name, encoding)}={form_value(value, encoding)}" for name, value in parameters
    )


def json_body(parameters: Parameters, encoding: Encoding = Encoding.UTF8) -> bytes:
    """The parameters as one JSON object of strings, in the encoding's bytes."""
    return _JSON.encode(dict(parameters)).encode(encoding.charset, errors="replace")


@dataclass(frozen=True)
class NotificationRequest:
    """A notification ready to send (and to send again, the same bytes)."""

    type: NotificationType
    method: HttpMethod
    address: str  # the receiver's address, as set
    url: str  # what is requested: the address, and for a GET the parameters in the query
    body: bytes  # empty for GET
    headers: dict[str, str]
    signed: bytes  # what Content-HMAC signs: the body of a POST, the query of a GET

    def text(self) -> str:
        """What was signed, as text, for a debug log."""
        return self.signed.decode("latin-1")


def build_request(
    kind: NotificationType, parameters: Parameters, settings: NotificationSettings, api_secret: str
) -> NotificationRequest:
    """The request of a notification to `settings.address` (which must be set)."""
    if not settings.address:
        raise ValueError(f"{kind} notifications have no address")
    encoding = settings.encoding
    charset = encoding.charset
    # A GET carries its parameters in the query: always a form.
    if settings.body is Body.JSON and settings.http_method is HttpMethod.POST:
        message = json_body(parameters, encoding)
        content_type = f"application/json; charset={charset}"
        form = False
    else:
        message = form_text(parameters, encoding).encode("ascii")
        content_type = f"application/x-www-form-urlencoded; charset={charset}"
        form = True
    headers = signature_headers(message, api_secret, form=form)
    if settings.http_method is HttpMethod.GET:
        separator = "&" if "?" in settings.address else "?"
        url = f"{settings.address}{separator}{message.decode('ascii')}"
        return NotificationRequest(kind, HttpMethod.GET, settings.address, url, b"", headers, message)
    headers["Content-Type"] = content_type
    return NotificationRequest(
        kind, HttpMethod.POST, settings.address, settings.address, message, headers, message
    )
