"""Card cryptogram packets (`CardCryptogramPacket`) in the two documented layouts.

A real packet carries the card data RSA-encrypted for CloudPayments; only the first six and last four digits
and the expiry travel in clear. The mock cannot (and does not try to) decrypt anything: it reads the clear
part and picks the test card from it. `make_packet` builds packets for tests and demos whose encrypted part
is random placeholder bytes, not an encryption of anything.
"""

from __future__ import annotations

import base64
import binascii
import functools
import json
import re
import secrets
from dataclasses import dataclass
from typing import Final, Literal

PacketFormat = Literal["cloudcard", "legacy"]

LEGACY_PREFIX: Final = "01"
# Key version as the official Android SDK sends it.
KEY_VERSION: Final = "04"
# Size of an RSA-2048 block, what a real encrypted part decodes to.
_PLACEHOLDER_BYTES: Final = 256
_LEGACY_RE: Final = re.compile(
    r"^01(?P<first6>\d{6})(?P<last4>\d{4})(?P<yy>\d{2})(?P<mm>\d{2})(?P<key>\w{2})(?P<value>.+)$"
)


class InvalidPacketError(ValueError):
    """The packet is in neither documented layout."""


@dataclass(frozen=True)
class CardInfo:
    """What a packet reveals: the card's first six and last four digits and its expiry."""

    first_six: str
    last_four: str
    exp_month: int
    exp_year: int  # four digits
    packet_format: PacketFormat

    @property
    def exp_date(self) -> str:
        """`MM/YY`, as transactions show it."""
        return f"{self.exp_month:02d}/{self.exp_year % 100:02d}"


def luhn_valid(number: str) -> bool:
    if not number.isdigit():
        return False
    total = 0
    for index, char in enumerate(reversed(number)):
        digit = int(char)
        if index % 2 == 1:
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return total % 10 == 0


def make_packet(
    card_number: str,
    exp_month: int,
    exp_year: int,
    cvv: str = "123",
    public_id: str = "test_api_00000000000000000000001",
    fmt: PacketFormat = "cloudcard",
) -> str:
    """A packet for `card_number` the mock accepts (the encrypted part is random placeholder bytes).

    `exp_year` may have two or four digits. `cvv` and `public_id` are checked for shape only: a real
    packet encrypts `PAN@YYMM@CVV@PublicId`, which the mock never sees.
    """
    number = card_number.replace(" ", "")
    if not (13 <= len(number) <= 19) or not luhn_valid(number):
        raise ValueError("card_number is not a valid card number (13-19 digits, Luhn check)")
    if not 1 <= exp_month <= 12:
        raise ValueError("exp_month must be 1..12")
    if not (0 <= exp_year <= 99 or 2000 <= exp_year <= 2099):
        raise ValueError("exp_year must be YY or YYYY")
    if not (cvv.isdigit() and 3 <= len(cvv) <= 4):
        raise ValueError("cvv must be 3 or 4 digits")
    if not public_id:
        raise ValueError("public_id is required")
    yy = f"{exp_year % 100:02d}"
    mm = f"{exp_month:02d}"
    value = base64.b64encode(secrets.token_bytes(_PLACEHOLDER_BYTES)).decode("ascii")
    if fmt == "legacy":
        return f"{LEGACY_PREFIX}{number[:6]}{number[-4:]}{yy}{mm}{KEY_VERSION}{value}"
    if fmt != "cloudcard":
        raise ValueError("fmt must be 'cloudcard' or 'legacy'")
    payload = {
        "Type": "CloudCard",
        "BrowserInfoBase64": "",
        "CardInfo": {
            "FirstSixDigits": number[:6],
            "LastFourDigits": number[-4:],
            "ExpDateYear": yy,
            "ExpDateMonth": mm,
        },
        "KeyVersion": KEY_VERSION,
        "Format": 1,
        "Value": value,
    }
    return base64.b64encode(json.dumps(payload, separators=(",", ":")).encode("utf-8")).decode("ascii")


# A charge reads its packet twice (the X-Request-ID fingerprint, then the payment); the result depends on the
# text alone and CardInfo is frozen, so recent packets are kept. A refused packet is not kept (it raises).
@functools.lru_cache(maxsize=256)
def parse_packet(packet: str) -> CardInfo:
    """Read the clear part of a packet; raises InvalidPacketError when it is in neither layout."""
    packet = packet.strip()
    legacy = _LEGACY_RE.match(packet)
    if legacy is not None:
        _require_base64(legacy["value"])
        return _card_info(legacy["first6"], legacy["last4"], legacy["mm"], legacy["yy"], "legacy")
    try:
        decoded = _PACKET_DECODER.decode(_strict_base64(packet).decode("utf-8"))
    except (binascii.Error, ValueError, RecursionError):
        raise InvalidPacketError("not a legacy packet and not base64-encoded JSON") from None
    if not isinstance(decoded, dict) or decoded.get("Type") != "CloudCard":
        raise InvalidPacketError("the decoded packet is not a CloudCard object")
    info = decoded.get("CardInfo")
    value = decoded.get("Value")
    if not isinstance(info, dict) or not isinstance(value, str) or not value:
        raise InvalidPacketError("the packet lacks CardInfo or Value")
    _require_base64(value)
    fields = [info.get(k) for k in ("FirstSixDigits", "LastFourDigits", "ExpDateMonth", "ExpDateYear")]
    if not all(isinstance(f, str) for f in fields):
        raise InvalidPacketError("CardInfo fields must be strings")
    first_six, last_four, month, year = (str(f) for f in fields)
    return _card_info(first_six, last_four, month, year, "cloudcard")


def _require_base64(value: str) -> None:
    try:
        _strict_base64(value)
    except (binascii.Error, ValueError):
        raise InvalidPacketError("the encrypted part is not base64") from None


def _strict_base64(text: str) -> bytes:
    """`base64.b64decode(text, validate=True)` in one C call: only the alphabet, padding only at the end."""
    return binascii.a2b_base64(text.encode("ascii"), strict_mode=True)


_PACKET_DECODER: Final = json.JSONDecoder()


def _card_info(first_six: str, last_four: str, month: str, year: str, fmt: PacketFormat) -> CardInfo:
    if not (len(first_six) == 6 and first_six.isdigit() and len(last_four) == 4 and last_four.isdigit()):
        raise InvalidPacketError("the card digits are malformed")
    if not (month.isdigit() and len(month) <= 2 and 1 <= int(month) <= 12):
        raise InvalidPacketError("the expiry month is malformed")
    if not (year.isdigit() and len(year) in (2, 4)):
        raise InvalidPacketError("the expiry year is malformed")
    full_year = int(year) if len(year) == 4 else 2000 + int(year)
    return CardInfo(first_six, last_four, int(month), full_year, fmt)
