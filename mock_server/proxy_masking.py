"""Masking of a recorded exchange: no Authorization value, API Secret, cryptogram, card number, token or
e-mail leaves the proxy; each masked value keeps its shape, so the recording still validates."""

from __future__ import annotations

import base64
import re
from typing import Any, Final

from mock_server.testing import approving_card, packet

MASKED_EMAIL: Final = "user@example.com"
# A run of 13 to 19 digits (spaces or dashes allowed between groups) reads as a card number.
_PAN: Final = re.compile(r"(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)")
_EMAIL: Final = re.compile(r"[^@\s\"',;<>]+@[^@\s\"',;<>]+\.[A-Za-z]{2,}")
_CRYPTOGRAM_KEYS: Final = frozenset({"cardcryptogrampacket", "cryptogram", "paymentdata"})
_TOKEN_KEYS: Final = frozenset({"token"})


def basic_secret(authorization: str) -> str | None:
    """The password of a Basic Authorization value (the API Secret), to be masked wherever it appears."""
    scheme, _, value = authorization.partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        decoded = base64.b64decode(value, validate=True).decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        return None
    secret = decoded.partition(":")[2]
    return secret or None


def _luhn_digit(digits: str) -> str:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 0:
            value *= 2
            value -= 9 if value > 9 else 0
        total += value
    return str((10 - total % 10) % 10)


def _masked_pan(match: re.Match[str]) -> str:
    # Same length and separators, a test-range number (4 then zeros) with a valid check digit.
    digits = [c for c in match.group(0) if c.isdigit()]
    body = "4" + "0" * (len(digits) - 2)
    replacement = iter(body + _luhn_digit(body))
    return "".join(next(replacement) if c.isdigit() else c for c in match.group(0))


def mask_text(text: str, secrets: tuple[str, ...] = ()) -> str:
    for secret in secrets:
        text = text.replace(secret, "x" * len(secret))
    text = _EMAIL.sub(MASKED_EMAIL, text)
    return _PAN.sub(_masked_pan, text)


def mask(value: Any, secrets: tuple[str, ...] = (), key: str = "") -> Any:
    """`value` (a decoded JSON body) with every sensitive value replaced by one of the same shape."""
    name = key.lower()
    if isinstance(value, dict):
        return {k: mask(v, secrets, str(k)) for k, v in value.items()}
    if isinstance(value, list):
        return [mask(item, secrets, key) for item in value]
    if isinstance(value, int) and not isinstance(value, bool) and _PAN.fullmatch(str(value)):
        return int(_PAN.sub(_masked_pan, str(value)))  # a card number sent as a JSON number
    if not isinstance(value, str) or not value:
        return value
    if name in _CRYPTOGRAM_KEYS:
        return packet(approving_card())
    if name in _TOKEN_KEYS:
        return "tk_" + "0" * max(len(value) - 3, 1)
    return mask_text(value, secrets)
