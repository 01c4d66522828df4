"""What the resources share: the clock, new ids, and amounts and dates as the API writes them."""

from __future__ import annotations

import json
import re
import secrets
import string
from datetime import UTC, datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import Any, Final

DEFAULT_CULTURE: Final = "ru-RU"
# The currency of a payment or an invoice that names none (optional today; required in the 2021 reference).
DEFAULT_CURRENCY: Final = "RUB"
# Wide enough for any finite double: amounts are rounded to kopecks, never truncated by precision.
MONEY_CONTEXT: Final = Context(prec=800)
_CENT: Final = Decimal("0.01")
# The mock's ceiling of one payment: beyond any real card payment (the API's limits are per card and
# terminal, and undocumented). A payment or payout above it is declined 5013 Amount Error; a subscription or
# an order above it is refused (`amount_refusal`): neither has a decline to give.
MAX_PAYMENT_AMOUNT: Final = Decimal(1_000_000_000)
# Integers a double (and any JSON client) holds exactly.
_EXACT_INTEGER_LIMIT: Final = 2**53
_FRACTION_RE: Final = re.compile(r"(\.\d{6})\d+")
# json.dumps with these options, built once.
_JSON_DATA_ENCODER: Final = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def now() -> datetime:
    return datetime.now(UTC)


def new_hex_id(prefix: str, digits: int = 29) -> str:
    return prefix + secrets.token_hex((digits + 1) // 2)[:digits]


def new_order_id() -> str:
    alphabet = string.ascii_letters + string.digits
    return "".join(secrets.choice(alphabet) for _ in range(16))


def to_amount(value: Any) -> Decimal:
    return Decimal(str(value)).quantize(_CENT, rounding=ROUND_HALF_UP, context=MONEY_CONTEXT)


def amount_refusal(value: Any, name: str = "Amount") -> str | None:
    """Why an amount is refused by an operation that has no decline to give (a subscription, an order):
    above the mock's ceiling of one payment; None when it is fine."""
    if to_amount(value) > MAX_PAYMENT_AMOUNT:
        return f"{name} must not exceed {MAX_PAYMENT_AMOUNT} (the mock's ceiling of one payment): {value!r}"
    return None


def money(amount: Decimal) -> int | float:
    """Amounts are JSON numbers: 10 for whole amounts, 12.34 otherwise.

    A whole amount beyond 2**53 stays a float: as an integer it would be refused when sent back
    (integers are limited to int64 on input), so a charge could not be refunded with its own Amount.
    """
    whole = amount == amount.to_integral_value() and abs(amount) <= _EXACT_INTEGER_LIMIT
    return int(amount) if whole else float(amount)


def ms_date(moment: datetime | None) -> str | None:
    """Microsoft JSON date `/Date(ms)/`, UTC."""
    return None if moment is None else f"/Date({int(moment.timestamp() * 1000)})/"


def iso_date(moment: datetime | None) -> str | None:
    """`yyyy-MM-ddTHH:mm:ss`, UTC, no offset."""
    if moment is None:
        return None
    utc = moment.astimezone(UTC)
    if utc.year >= 1000:  # isoformat is one C call; it pads years below 1000, strftime does not
        return utc.isoformat(timespec="seconds")[:19]
    return utc.strftime("%Y-%m-%dT%H:%M:%S")


def parse_start_date(value: str) -> datetime:
    """ISO 8601 with or without an offset (UTC when none); up to 7 fractional digits as .NET writes them."""
    return parse_date_time(value, UTC)


def parse_date_time(value: str, zone: timezone) -> datetime:
    """ISO 8601 with or without an offset (`zone` when none), in UTC; up to 7 fractional digits as .NET
    writes them. Raises ValueError for text that is not one, OverflowError for a valid one that leaves
    the calendar (years 1-9999) once moved to UTC (`0001-01-01T00:00:00+03:00`)."""
    moment = datetime.fromisoformat(_FRACTION_RE.sub(r"\1", value.replace("Z", "+00:00")))
    return in_utc(moment if moment.tzinfo is not None else moment.replace(tzinfo=zone))


def in_utc(moment: datetime) -> datetime:
    """`moment` in UTC; OverflowError (never another error) when that leaves the calendar."""
    try:
        return moment.astimezone(UTC)
    except (OverflowError, ValueError):
        raise OverflowError("date value out of range") from None


def utc_offset(text: str) -> timezone:
    """A fixed offset written `+03:00` or `-09:30`."""
    sign, hours, minutes = text[0], int(text[1:3]), int(text[4:6])
    delta = timedelta(hours=hours, minutes=minutes)
    return timezone(-delta if sign == "-" else delta)


def json_data_string(value: Any) -> str | None:
    """Requests carry JsonData as an object; transactions return it as a JSON-encoded string."""
    return None if value is None else _JSON_DATA_ENCODER.encode(value)
