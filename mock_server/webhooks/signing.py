"""The signature headers of a notification. Both are base64 of HMAC-SHA256 keyed with the API Secret (UTF-8):
`Content-HMAC` over the message as sent (a POST's body, a GET's query string), `X-Content-HMAC` over the
same message URL-decoded (`+` read as a space, `%xx` as its byte: the values' bytes in their encoding)."""

from __future__ import annotations

import base64
import hashlib
import hmac
from typing import Final
from urllib.parse import unquote_to_bytes

CONTENT_HMAC: Final = "Content-HMAC"
X_CONTENT_HMAC: Final = "X-Content-HMAC"


def sign(message: bytes, api_secret: str) -> str:
    digest = hmac.new(api_secret.encode("utf-8"), message, hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


def url_decoded(message: bytes) -> bytes:
    return unquote_to_bytes(message.replace(b"+", b" "))


def signature_headers(message: bytes, api_secret: str, *, form: bool = True) -> dict[str, str]:
    """Both headers. A JSON body has nothing to URL-decode: both sign the body as sent."""
    decoded = url_decoded(message) if form else message
    return {CONTENT_HMAC: sign(message, api_secret), X_CONTENT_HMAC: sign(decoded, api_secret)}
