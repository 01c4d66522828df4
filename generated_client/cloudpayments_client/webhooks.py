"""Notifications (webhooks) that CloudPayments sends to the merchant's site: check their signature, read them
into typed objects, write the answer. Framework-neutral: it takes bytes and a mapping of headers.

Each kind (Check, Pay, Fail, Confirm, Refund, Recurrent, Cancel, Receipt) is sent to its own address, so the
handler of an address knows the kind and names it::

    notification = webhooks.parse(body, headers, api_secret, kind="Pay")   # verifies first
    answer = webhooks.accept()          # answer.body b'{"code":0}', answer.content_type, answer.status_code

`body` is the raw body as received (for a notification sent by GET, the raw query string), never a re-encoding.

Signatures: `Content-HMAC` is base64(HMAC-SHA256(key = API Secret in UTF-8, message = the body as sent)); when
it is absent, `X-Content-HMAC` is checked: the same over the URL-decoded body (`+` read as a space, `%xx` as its
byte, i.e. `urllib.parse.unquote_plus` of the body in the sender's charset); a JSON body is signed as it is.
The comparison takes constant time. This module logs nothing, and no error message or repr contains the secret
or the body: errors name the header or the parameter at fault, never a value.

Which header to trust: `Content-HMAC`. It signs the bytes that are read, so what is read is what was signed;
CloudPayments sends it with every notification, and it is checked whenever it is present. `X-Content-HMAC`
signs the URL-decoded text, which many bodies share: a `&` or `=` typed by the payer (in `Name`, say) is sent
as `%26`/`%3D`, but in the decoded text it looks like a separator, so a body re-encoded with a literal `&`
verifies too and would read as other parameters. A form verified by `X-Content-HMAC` alone is therefore read
only when its decoded text splits (on `&`, then on a name's first `=`) into exactly the parameters of the
body; otherwise it is refused as ambiguous (`InvalidNotificationError`: check `Content-HMAC`). Even then,
the decoded text cannot show that a `&Name=value` in it was typed by the payer inside another value: a
handler that can require `Content-HMAC` (it can: CloudPayments sends both) should refuse notifications
without it.

Reading exactly what was signed: a parameter sent twice (names compared in any case), in a form or at the top
of a JSON body, is refused, as is a key repeated in one JSON object anywhere in a JSON body or in `Data`
(keys there compared exactly): two readers could read two different values. The Content-Type is not signed,
so it cannot change the reading: a body that is JSON is never read as a form, and its charset must be UTF-8
or a single-byte charset that reads ASCII as ASCII (windows-1251, koi8-r...); UTF-7, UTF-16, multibyte
(Shift_JIS...), escape and binary codecs are refused. JSON nested deeper than 32, a JSON number longer than
64 characters, NaN and Infinity (not JSON), an integer parameter of more than 19 digits and a decimal one
longer than 32 characters are refused too: whatever arrives, `parse` raises `InvalidSignatureError` or
`InvalidNotificationError` (a `TypeError` for arguments of the wrong type).

Parameters: amounts are `Decimal`, dates timezone-aware `datetime`s in UTC, `TestMode` and other flags `bool`,
ids and counters `int`, `Data` the decoded JSON object (its text when it is not a JSON object). A parameter
this module does not know is kept in `.extra`; the whole decoded form is in `.raw`. A required parameter that
is missing, or one that cannot be read as its type, raises `InvalidNotificationError` naming it. The API sends
many optional parameters empty (`TotalFee=`, `CardId=`): an empty optional parameter is `None`, as an absent
one is; an empty required number, amount, date or flag is refused, and empty required text is kept as "".
Bodies from older API versions have no `OperationType` or `GatewayName`: those fields are `None` then.
The classes and their fields are generated from the spec's `webhooks` (openapi.yaml). The repr of a
notification leaves out the payer's personal data and tokens (`name`, `email`, `account_id`, `token`,
`token_recipient`, `ip_address`, its coordinates, `card_exp_date`, `data`, `custom_fields`, `receipt`,
`cashier_name`, `extra`, `raw`); the fields themselves hold them.
"""

from __future__ import annotations

import base64
import codecs
import enum
import functools
import hashlib
import hmac
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import MISSING, dataclass, field, fields
from datetime import UTC, datetime
from decimal import Decimal
from types import MappingProxyType
from typing import Any, ClassVar, Final, Literal, TypeAlias, TypeVar, cast, overload
from urllib.parse import unquote_to_bytes

from .errors import ConfigurationError, InvalidArgumentError, InvalidNotificationError, InvalidSignatureError
from .types import ReasonCode, SubscriptionStatus, TransactionStatus

__all__ = (
    "CONTENT_HMAC",
    "X_CONTENT_HMAC",
    "CancelNotification",
    "CheckCode",
    "CheckNotification",
    "ConfirmNotification",
    "FailNotification",
    "InvalidNotificationError",
    "InvalidSignatureError",
    "Notification",
    "NotificationKind",
    "PayNotification",
    "ReceiptNotification",
    "RecurrentNotification",
    "RefundNotification",
    "WebhookAnswer",
    "accept",
    "decline",
    "parse",
    "signature_headers",
    "verify",
)

CONTENT_HMAC: Final = "Content-HMAC"
X_CONTENT_HMAC: Final = "X-Content-HMAC"
FORM_CONTENT_TYPE: Final = "application/x-www-form-urlencoded; charset=utf-8"
JSON_CONTENT_TYPE: Final = "application/json"

# Not in a notification's repr: the payer's personal data, tokens, and what may hold either.
_PRIVATE_FIELDS: Final = frozenset(
    {
        "name",
        "email",
        "account_id",
        "token",
        "token_recipient",
        "ip_address",
        "ip_latitude",
        "ip_longitude",
        "card_exp_date",
        "custom_fields",
        "data",
        "receipt",
        "cashier_name",
        "extra",
        "raw",
    }
)

# Bounds of what is read (see the module's docstring).
_MAX_JSON_DEPTH: Final = 32
_MAX_JSON_NUMBER: Final = 64
_MAX_INTEGER_DIGITS: Final = 19  # an Int64
_MAX_DECIMAL_LENGTH: Final = 32


class NotificationKind(enum.StrEnum):
    """The notification types whose bodies the spec describes, as the notification settings name them."""

    CHECK = "Check"
    PAY = "Pay"
    FAIL = "Fail"
    CONFIRM = "Confirm"
    REFUND = "Refund"
    RECURRENT = "Recurrent"
    CANCEL = "Cancel"
    RECEIPT = "Receipt"


class CheckCode(enum.IntEnum):
    """The answer `{"code": N}` to a Check: 0 lets the payment go on, any other code declines it.
    The other kinds are answered 0 only (another code makes CloudPayments send them again later)."""

    OK = 0
    INVALID_INVOICE_ID = 10  # the order number (InvoiceId) is wrong
    INVALID_ACCOUNT_ID = 11  # the payer's AccountId is wrong
    INVALID_AMOUNT = 12  # the amount is wrong
    NOT_ACCEPTED = 13  # the payment cannot be accepted
    EXPIRED = 20  # the payment is overdue; the payer is told so


# ---------------------------------------------------------------------------------------------------------------
# Signatures


def _header(headers: Mapping[str, str], name: str) -> str | None:
    """The header `name` in any case (Starlette and Werkzeug headers, a plain dict)."""
    wanted = name.lower()
    try:
        items = list(headers.items())
    except AttributeError:
        raise TypeError("headers must be a mapping of header names to values") from None
    for key, value in items:
        if isinstance(key, str) and key.lower() == wanted:
            if not isinstance(value, str):
                raise TypeError(f"the {name} header's value must be str, not {type(value).__name__}")
            return value
    return None


def _content_type(headers: Mapping[str, str]) -> tuple[bool, str | None]:
    """(the body is JSON, the charset named by the Content-Type or None)."""
    media, _, parameters = (_header(headers, "Content-Type") or "").partition(";")
    media = media.strip().lower()
    charset = None
    for parameter in parameters.split(";"):
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset" and value.strip().strip('"'):
            charset = value.strip().strip('"')
    return media == "application/json" or media.endswith("+json"), charset


def _url_decoded(body: bytes) -> bytes:
    # Bytewise, so the charset does not matter: the same bytes as unquote_plus in the sender's charset.
    return unquote_to_bytes(body.replace(b"+", b" "))


def _raw_bytes(body: bytes) -> bytes:
    if not isinstance(body, bytes | bytearray | memoryview):
        raise TypeError("body must be the raw bytes received, not " + type(body).__name__)
    return bytes(body)


def _signature(message: bytes, api_secret: str) -> str:
    if not isinstance(api_secret, str):
        raise TypeError("the API Secret must be str, not " + type(api_secret).__name__)
    if not api_secret:
        raise ConfigurationError("the API Secret to check notifications with is empty")
    try:
        key = api_secret.encode("utf-8")
    except UnicodeEncodeError:
        raise ConfigurationError("the API Secret to check notifications with is not valid text") from None
    digest = hmac.new(key, message, hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


def _verified_by(raw: bytes, headers: Mapping[str, str], api_secret: str) -> str:
    """The header whose signature matches `raw`; `InvalidSignatureError` when none does."""
    given = _header(headers, CONTENT_HMAC)
    name, message = CONTENT_HMAC, raw
    if given is None:
        given = _header(headers, X_CONTENT_HMAC)
        if given is None:
            raise InvalidSignatureError(
                f"the notification has neither a {CONTENT_HMAC} nor an {X_CONTENT_HMAC} header", header=None
            )
        is_json, _ = _content_type(headers)
        name, message = X_CONTENT_HMAC, raw if is_json else _url_decoded(raw)
    expected = _signature(message, api_secret)
    if not hmac.compare_digest(expected.encode("ascii"), given.strip().encode("utf-8", errors="replace")):
        raise InvalidSignatureError(f"the {name} header does not match the body", header=name)
    return name


def verify(body: bytes, headers: Mapping[str, str], api_secret: str) -> None:
    """Checks the notification's signature; raises `InvalidSignatureError` when it is missing or wrong.

    `Content-HMAC` is checked when present (over the raw body), otherwise `X-Content-HMAC` (over the URL-decoded
    body; a JSON body as it is). Header names in any case. A GET notification: pass its raw query string.
    Trust `Content-HMAC`: `X-Content-HMAC` does not tell where a value ends (see the module's docstring), and
    `parse` reads a form it alone verified only when that cannot matter."""
    _verified_by(_raw_bytes(body), headers, api_secret)


def signature_headers(body: bytes, api_secret: str, *, content_type: str = FORM_CONTENT_TYPE) -> dict[str, str]:
    """The headers CloudPayments sends with `body`: Content-Type, Content-HMAC and X-Content-HMAC. For tests of
    a handler (a notification of your own, signed as the real ones are)."""
    raw = _raw_bytes(body)
    is_json, _ = _content_type({"Content-Type": content_type})
    return {
        "Content-Type": content_type,
        CONTENT_HMAC: _signature(raw, api_secret),
        X_CONTENT_HMAC: _signature(raw if is_json else _url_decoded(raw), api_secret),
    }


# ---------------------------------------------------------------------------------------------------------------
# Charsets: the Content-Type is not signed, so its charset must not be able to move a `&`, `=`, `"` or `\`:
# only UTF-8 and single-byte charsets whose lower half is ASCII and upper half is not.

# What escape, shift and punycode codecs read as something else (UTF-7, unicode_escape, HZ, ISO-2022, IDNA),
# and what a multibyte charset's lead byte takes with it (Shift_JIS, Big5, GBK read `X\` as one character).
_CODEC_PROBE: Final = b'\\x26\\u0026\\N{AMPERSAND} +ACY- +AD0- ~{~} \x1b$B\x1b(B xn--p1ai. &=%"{}[]@'


@functools.lru_cache(maxsize=64)
def _reads_ascii_as_ascii(codec: str) -> bool:
    if codec == "utf-8":
        return True
    probe = _CODEC_PROBE.decode("ascii")
    try:
        if not getattr(codecs.lookup(codec), "_is_text_encoding", True):
            return False
        # First, so that an escape codec is refused before it warns of the invalid escapes below.
        if _CODEC_PROBE.decode(codec, errors="replace") != probe:
            return False
        singles = [bytes([byte]).decode(codec, errors="replace") for byte in range(256)]
        for byte, alone in enumerate(singles):
            if byte < 0x80 and alone != chr(byte):
                return False
            if byte >= 0x80 and (len(alone) != 1 or alone.isascii()):
                return False
            # Next to any other byte, each byte still reads as alone: nothing is taken with it.
            pairs = bytes(part for other in range(256) for part in (byte, other))
            if pairs.decode(codec, errors="replace") != "".join(alone + single for single in singles):
                return False
            if (bytes([byte]) + _CODEC_PROBE).decode(codec, errors="replace") != alone + probe:
                return False
    except Exception:  # an arbitrary codec may fail in its own way: not one to read a body with
        return False
    return True


def _codec(charset: str | None) -> str:
    try:
        name = codecs.lookup(charset or "utf-8").name
    except (LookupError, ValueError, TypeError):  # ValueError: a NUL in the name
        raise InvalidNotificationError("the Content-Type names a charset Python does not know") from None
    if not _reads_ascii_as_ascii(name):
        raise InvalidNotificationError(
            "the Content-Type names a charset that is not UTF-8 or a single-byte text encoding that reads ASCII "
            "as ASCII (such as windows-1251)"
        )
    return name


# ---------------------------------------------------------------------------------------------------------------
# Parameters: each converter takes the text as sent; ValueError when it cannot be read (never quoting it).

_INTEGER: Final = re.compile(r"-?[0-9]+")
_DECIMAL: Final = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
_FLAGS: Final = {"1": True, "0": False, "true": True, "false": False}


def _text(text: str) -> str:
    return text


def _integer(text: str) -> int:
    stripped = text.strip()
    if not _INTEGER.fullmatch(stripped) or len(stripped.lstrip("-")) > _MAX_INTEGER_DIGITS:
        raise ValueError(f"an integer of at most {_MAX_INTEGER_DIGITS} digits")
    return int(stripped)


def _reason_code(text: str) -> ReasonCode | int:
    """A reason code: the answers' `ReasonCode` member when known, else the number as sent (data, not an error)."""
    number = _integer(text)
    try:
        return ReasonCode(number)
    except ValueError:
        return number


def _transaction_status(text: str) -> TransactionStatus | str:
    """A transaction status: the answers' `TransactionStatus` member when known, else the text as sent."""
    try:
        return TransactionStatus(text)
    except ValueError:
        return text


def _subscription_status(text: str) -> SubscriptionStatus | str:
    """A subscription status: the answers' `SubscriptionStatus` member when known, else the text as sent."""
    try:
        return SubscriptionStatus(text)
    except ValueError:
        return text


def _decimal(text: str) -> Decimal:
    stripped = text.strip()
    if not _DECIMAL.fullmatch(stripped) or len(stripped) > _MAX_DECIMAL_LENGTH:
        raise ValueError(f"a decimal number with a dot, at most {_MAX_DECIMAL_LENGTH} characters")
    return Decimal(stripped)


def _flag(text: str) -> bool:
    try:
        return _FLAGS[text.strip().lower()]
    except KeyError:
        raise ValueError("1 or 0") from None


def _moment(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text.strip())
        return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    except (ValueError, OverflowError):  # OverflowError: an offset past year 1 or 9999 in UTC
        raise ValueError("a date and time yyyy-MM-dd HH:mm:ss") from None


class _UnreadableJson(ValueError):
    """JSON that is not read: it could be read two ways, or it is past the bounds."""


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # A repeated key is last-wins for json.loads, first-wins for other readers: refused, not guessed.
    decoded = dict(pairs)
    if len(decoded) != len(pairs):
        raise _UnreadableJson("a key is repeated in one object")
    return decoded


def _json_number(text: str) -> str:
    if len(text) > _MAX_JSON_NUMBER:
        raise _UnreadableJson(f"a number is longer than {_MAX_JSON_NUMBER} characters")
    return text


def _json_decimal(text: str) -> Decimal:
    try:
        return Decimal(_json_number(text))
    except ArithmeticError:  # decimal.InvalidOperation: an exponent past what a Decimal holds
        raise _UnreadableJson("a number is out of range") from None


def _json_constant(name: str) -> Any:
    raise ValueError("NaN and Infinity are not JSON")


def _json_depth_exceeded(value: Any) -> bool:
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else None
        if children is None:
            continue
        if depth > _MAX_JSON_DEPTH:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


def _json(text: str) -> Any:
    """`text` as JSON: numbers exact (`int`, `Decimal`); `_UnreadableJson` past the bounds or for a repeated
    key, ValueError when it is not JSON."""
    try:
        value = json.loads(
            text,
            parse_int=lambda number: int(_json_number(number)),
            parse_float=_json_decimal,
            parse_constant=_json_constant,
            object_pairs_hook=_json_object,
        )
    except RecursionError:
        raise _UnreadableJson(f"it is nested deeper than {_MAX_JSON_DEPTH}") from None
    if _json_depth_exceeded(value):
        raise _UnreadableJson(f"it is nested deeper than {_MAX_JSON_DEPTH}")
    return value


def _data(text: str) -> dict[str, Any] | str:
    try:
        decoded = _json(text)
    except _UnreadableJson as error:
        raise ValueError(f"readable JSON: {error}") from None
    except ValueError:
        return text
    return decoded if isinstance(decoded, dict) else text


def _wire(name: str, convert: Callable[[str], Any] = _text) -> dict[str, Any]:
    return {"wire": name, "convert": convert}


def _optional(name: str, convert: Callable[[str], Any] = _text) -> Any:
    return field(default=None, metadata=_wire(name, convert))


# ---------------------------------------------------------------------------------------------------------------
# Notifications


@dataclass(frozen=True, kw_only=True)
class _Notification:
    kind: ClassVar[NotificationKind]

    extra: Mapping[str, str] = field(default_factory=dict, hash=False)
    """Parameters this module does not know, as sent (text)."""
    raw: Mapping[str, str] = field(default_factory=dict, hash=False, repr=False)
    """Every parameter as decoded from the body (text)."""

    def __repr__(self) -> str:
        # Logged notifications must not carry the payer's personal data or a token: those fields are left out.
        shown = (
            f"{item.name}={getattr(self, item.name)!r}"
            for item in fields(self)
            if item.repr and item.name not in _PRIVATE_FIELDS
        )
        return f"{type(self).__qualname__}({', '.join(shown)})"


@dataclass(frozen=True, kw_only=True, repr=False)  # _Notification's repr: no personal data
class _NotificationPaymentFields(_Notification):
    """The parameters Check, Pay, Fail and Confirm share (a card payment)."""

    transaction_id: int = field(metadata=_wire("TransactionId", _integer))
    """Transaction id."""
    amount: Decimal = field(metadata=_wire("Amount", _decimal))
    """Amount of the payment, in `Currency`."""
    currency: str = field(metadata=_wire("Currency"))
    """ISO 4217 letter code of `Amount`."""
    payment_amount: Decimal = field(metadata=_wire("PaymentAmount", _decimal))
    """Amount charged, in `PaymentCurrency`."""
    payment_currency: str = field(metadata=_wire("PaymentCurrency"))
    """ISO 4217 letter code of the currency the payer was charged in."""
    date_time: datetime = field(metadata=_wire("DateTime", _moment))
    """When the transaction was made."""
    card_first_six: str = field(metadata=_wire("CardFirstSix"))
    """First six digits of the card number."""
    card_last_four: str = field(metadata=_wire("CardLastFour"))
    """Last four digits of the card number."""
    card_type: str = field(metadata=_wire("CardType"))
    """Card brand, in Latin letters as notifications spell it: `Visa`, `MasterCard`, `MIR`, `Maestro`..."""
    card_exp_date: str = field(metadata=_wire("CardExpDate"))
    """Expiry date, `MM/YY`."""
    test_mode: bool = field(metadata=_wire("TestMode", _flag))
    """`1` for a transaction in test mode."""
    invoice_id: str | None = _optional("InvoiceId")
    """Order number given with the payment (often sent empty)."""
    account_id: str | None = _optional("AccountId")
    """Payer id given with the payment."""
    subscription_id: str | None = _optional("SubscriptionId")
    """Subscription id, for a payment of a subscription (often sent empty)."""
    name: str | None = _optional("Name")
    """Cardholder name (often sent empty)."""
    email: str | None = _optional("Email")
    """Payer's e-mail address."""
    ip_address: str | None = _optional("IpAddress")
    """Payer's IP address."""
    ip_country: str | None = _optional("IpCountry")
    """Two-letter country code of the IP address (empty when unknown)."""
    ip_city: str | None = _optional("IpCity")
    """City of the IP address (empty when unknown)."""
    ip_region: str | None = _optional("IpRegion")
    """Region of the IP address (empty when unknown)."""
    ip_district: str | None = _optional("IpDistrict")
    """District of the IP address (empty when unknown)."""
    ip_latitude: str | None = _optional("IpLatitude")
    """Latitude of the IP address (empty when unknown)."""
    ip_longitude: str | None = _optional("IpLongitude")
    """Longitude of the IP address (empty when unknown)."""
    issuer: str | None = _optional("Issuer")
    """Name of the issuing bank."""
    issuer_bank_country: str | None = _optional("IssuerBankCountry")
    """Two-letter country code of the issuing bank."""
    description: str | None = _optional("Description")
    """Purpose of the payment."""
    data: dict[str, Any] | str | None = field(default=None, hash=False, metadata=_wire("Data", _data))
    """`JsonData` of the payment, as JSON text (`{}` or `{"CloudPayments":{...}}` when the payment had none
    of its own)."""
    payment_method: str | None = _optional("PaymentMethod")
    """How it was paid, e.g. `ApplePay`, `GooglePay`, `SberPay` (the card fields are still sent), `Sbp`,
    `T-Pay`; empty for a card payment."""


@dataclass(frozen=True, kw_only=True, repr=False)  # _Notification's repr: no personal data
class CheckNotification(_NotificationPaymentFields):
    """Check: before a payment is decided.

    Sent to the site's Check address (set in the back office; the settings API cannot change it) before
    a card or token payment is decided; for SBP, before the QR code or link is made. The answer decides
    the payment: `{"code":0}` lets it go on, any other documented code declines it, and so does a failed
    delivery (no answer within 30 s, an HTTP status other than 200, an answer that is not `{"code":N}`).
    Sent once, never retried.
    """

    kind: ClassVar[NotificationKind] = NotificationKind.CHECK

    status: TransactionStatus | str = field(metadata=_wire("Status", _transaction_status))
    """`Completed` (one-step payment) or `Authorized` (two-step)."""
    operation_type: str | None = _optional("OperationType")
    """The kind of operation: `Payment` or `CardPayout`. Bodies from older API versions do not have it (the
    Check, Pay and Fail bodies a client library recorded in 2015), so it is optional here although the
    reference marks it required."""
    card_id: str | None = _optional("CardId")
    """Unique id of the card (sent since December 2023; often empty)."""
    token_recipient: str | None = _optional("TokenRecipient")
    """Token of the recipient of a payout."""
    card_product: str | None = _optional("CardProduct")
    """Card product code of the payment system (e.g. `SAP`, `PRD`; often empty)."""


@dataclass(frozen=True, kw_only=True, repr=False)  # _Notification's repr: no personal data
class PayNotification(_NotificationPaymentFields):
    """Pay: a payment succeeded.

    Sent when a payment succeeded: `Status` is `Completed` (one-step) or `Authorized` (two-step, until
    it is confirmed or voided). Redelivered when the site cannot be reached, the answer is not
    `{"code":0}` or takes more than 30 s: up to 100 attempts, 1, 2, 5, 10 and then 30 minutes apart.
    """

    kind: ClassVar[NotificationKind] = NotificationKind.PAY

    status: TransactionStatus | str = field(metadata=_wire("Status", _transaction_status))
    """`Completed` (one-step payment) or `Authorized` (two-step)."""
    operation_type: str | None = _optional("OperationType")
    """The kind of operation: `Payment` or `CardPayout`. Bodies from older API versions do not have it (the
    Check, Pay and Fail bodies a client library recorded in 2015), so it is optional here although the
    reference marks it required."""
    gateway_name: str | None = _optional("GatewayName")
    """Acquiring bank that processed the payment, e.g. `Tinkoff`, `Tbank`, `TBank Mapi`, `Test` (a test
    terminal). Bodies from older API versions do not have it, so it is optional where the reference
    marks it required."""
    card_id: str | None = _optional("CardId")
    """Unique id of the card (sent since December 2023; often empty)."""
    auth_code: str | None = _optional("AuthCode")
    """Authorization code (often sent empty)."""
    token: str | None = _optional("Token")
    """Card token for later payments (`/payments/tokens/charge`)."""
    total_fee: Decimal | None = _optional("TotalFee", _decimal)
    """Fee of the payment."""
    card_product: str | None = _optional("CardProduct")
    """Card product code of the payment system (e.g. `SAP`, `PRD`; often empty)."""
    fall_back_scenario_declined_transaction_id: int | None = _optional(
        "FallBackScenarioDeclinedTransactionId", _integer
    )
    """Id of the declined transaction this payment followed (fallback scenario)."""
    rrn: str | None = _optional("Rrn")
    """Retrieval reference number of the operation (sent since March 2024)."""
    installment_term: int | None = _optional("InstallmentTerm", _integer)
    """Number of months of a payment in installments. Not in the reference's table; real Pay bodies carry
    it, empty."""
    installment_monthly_payment: Decimal | None = _optional("InstallmentMonthlyPayment", _decimal)
    """Monthly payment of a payment in installments. Not in the reference's table; real Pay bodies carry
    it, empty."""
    custom_fields: str | None = _optional("CustomFields")
    """Custom fields of the payment, as JSON text (an array; usually sent empty)."""
    vat_above_total_fee: Decimal | None = _optional("VatAboveTotalFee", _decimal)
    """VAT charged on top of the fee (since 2026-04-29)."""
    processor_and_partner_fee: Decimal | None = _optional("ProcessorAndPartnerFee", _decimal)
    """Fee of the processor and the partner (since 2026-04-29; SBP payments)."""
    vat_within_processor_fee: Decimal | None = _optional("VatWithinProcessorFee", _decimal)
    """VAT within the processor's fee (since 2026-04-29; SBP payments)."""
    escrow_accumulation_id: str | None = _optional("EscrowAccumulationId")
    """Escrow accumulation of a safe-deal payment."""


@dataclass(frozen=True, kw_only=True, repr=False)  # _Notification's repr: no personal data
class FailNotification(_NotificationPaymentFields):
    """Fail: a payment was declined.

    Sent when a payment was declined; `Reason` and `ReasonCode` say why (the reason codes are listed in
    the introduction). Redelivered when the site cannot be reached, the answer is not `{"code":0}` or
    takes more than 30 s: up to 100 attempts, 1, 2, 5, 10 and then 30 minutes apart.
    """

    kind: ClassVar[NotificationKind] = NotificationKind.FAIL

    reason: str = field(metadata=_wire("Reason"))
    """Name of the decline reason, e.g. `InsufficientFunds`."""
    reason_code: ReasonCode | int = field(metadata=_wire("ReasonCode", _reason_code))
    """ReasonCode of the decline."""
    operation_type: str | None = _optional("OperationType")
    """The kind of operation: `Payment` or `CardPayout`. Bodies from older API versions do not have it (the
    Check, Pay and Fail bodies a client library recorded in 2015), so it is optional here although the
    reference marks it required."""
    card_id: str | None = _optional("CardId")
    """Unique id of the card (sent since December 2023; often empty)."""
    token: str | None = _optional("Token")
    """Card token, when the card was saved."""
    fall_back_scenario_declined_transaction_id: int | None = _optional(
        "FallBackScenarioDeclinedTransactionId", _integer
    )
    """Id of the declined transaction this payment followed (fallback scenario)."""
    rrn: str | None = _optional("Rrn")
    """Retrieval reference number of the operation (sent since March 2024)."""
    custom_fields: str | None = _optional("CustomFields")
    """Custom fields of the payment, as JSON text (an array; usually sent empty)."""
    retry_after: str | None = _optional("RetryAfter")
    """When the payment may be tried again (since 2026-05-27)."""
    provider_message: str | None = _optional("ProviderMessage")
    """Message of the payment provider (since 2026-05-27)."""
    escrow_accumulation_id: str | None = _optional("EscrowAccumulationId")
    """Escrow accumulation of a safe-deal payment."""


@dataclass(frozen=True, kw_only=True, repr=False)  # _Notification's repr: no personal data
class ConfirmNotification(_NotificationPaymentFields):
    """Confirm: a two-step payment was confirmed.

    Sent when an authorized payment was confirmed (`/payments/confirm`, or in the back office).
    Redelivered when the site cannot be reached, the answer is not `{"code":0}` or takes more than 30 s:
    up to 100 attempts, 1, 2, 5, 10 and then 30 minutes apart.
    """

    kind: ClassVar[NotificationKind] = NotificationKind.CONFIRM

    status: TransactionStatus | str = field(metadata=_wire("Status", _transaction_status))
    """`Completed`."""
    auth_code: str | None = _optional("AuthCode")
    """Authorization code."""
    token: str | None = _optional("Token")
    """Card token for later payments (`/payments/tokens/charge`)."""
    rrn: str | None = _optional("Rrn")
    """Retrieval reference number of the operation (sent since March 2024)."""
    escrow_accumulation_id: str | None = _optional("EscrowAccumulationId")
    """Escrow accumulation of a safe-deal payment."""


@dataclass(frozen=True, kw_only=True, repr=False)  # _Notification's repr: no personal data
class RefundNotification(_Notification):
    """Refund: a payment was refunded.

    Sent when a payment was refunded, in full or in part: `TransactionId` is the refund's own id,
    `PaymentTransactionId` the payment's. Redelivered when the site cannot be reached, the answer is not
    `{"code":0}` or takes more than 30 s: up to 100 attempts, 1, 2, 5, 10 and then 30 minutes apart.
    """

    kind: ClassVar[NotificationKind] = NotificationKind.REFUND

    transaction_id: int = field(metadata=_wire("TransactionId", _integer))
    """Id of the refund."""
    payment_transaction_id: int = field(metadata=_wire("PaymentTransactionId", _integer))
    """Id of the refunded payment."""
    amount: Decimal = field(metadata=_wire("Amount", _decimal))
    """Amount refunded."""
    date_time: datetime = field(metadata=_wire("DateTime", _moment))
    """When the refund was made."""
    operation_type: str = field(metadata=_wire("OperationType"))
    """The kind of operation: `Payment`, `Refund` or `CardPayout`."""
    invoice_id: str | None = _optional("InvoiceId")
    """Order number of the payment."""
    account_id: str | None = _optional("AccountId")
    """Payer id of the payment."""
    email: str | None = _optional("Email")
    """Payer's e-mail address."""
    data: dict[str, Any] | str | None = field(default=None, hash=False, metadata=_wire("Data", _data))
    """`JsonData` given with the refund, as JSON text."""
    rrn: str | None = _optional("Rrn")
    """Retrieval reference number of the operation (sent since March 2024)."""
    custom_fields: str | None = _optional("CustomFields")
    """Custom fields of the payment, as JSON text (an array; usually sent empty)."""
    escrow_accumulation_id: str | None = _optional("EscrowAccumulationId")
    """Escrow accumulation of a safe-deal payment."""


@dataclass(frozen=True, kw_only=True, repr=False)  # _Notification's repr: no personal data
class RecurrentNotification(_Notification):
    """Recurrent: a subscription's status changed.

    Sent when the status of a subscription changed (after a charge on schedule, failed charges, a
    cancel); not for changes made through `/subscriptions/update`. Redelivered when the site cannot be
    reached, the answer is not `{"code":0}` or takes more than 30 s: up to 100 attempts, 1, 2, 5, 10 and
    then 30 minutes apart.
    """

    kind: ClassVar[NotificationKind] = NotificationKind.RECURRENT

    id: str = field(metadata=_wire("Id"))
    """Subscription id (`sc_...`)."""
    account_id: str = field(metadata=_wire("AccountId"))
    """Payer id."""
    description: str = field(metadata=_wire("Description"))
    """Purpose of the payments."""
    email: str = field(metadata=_wire("Email"))
    """Payer's e-mail address."""
    amount: Decimal = field(metadata=_wire("Amount", _decimal))
    """Amount of each payment."""
    currency: str = field(metadata=_wire("Currency"))
    """ISO 4217 letter code of `Amount`."""
    require_confirmation: bool = field(metadata=_wire("RequireConfirmation", _flag))
    """`1` when the payments are two-step."""
    start_date: datetime = field(metadata=_wire("StartDate", _moment))
    """Date of the first payment."""
    interval: str = field(metadata=_wire("Interval"))
    """Unit of the payment interval (`Day` was added by the current API)."""
    period: int = field(metadata=_wire("Period", _integer))
    """Number of intervals between payments."""
    status: SubscriptionStatus | str = field(metadata=_wire("Status", _subscription_status))
    """`Active`, `PastDue`, `Cancelled`, `Rejected` or `Expired`."""
    successful_transactions_number: int = field(metadata=_wire("SuccessfulTransactionsNumber", _integer))
    """Number of successful payments."""
    failed_transactions_number: int = field(metadata=_wire("FailedTransactionsNumber", _integer))
    """Number of failed payments in a row."""
    max_periods: int | None = _optional("MaxPeriods", _integer)
    """Most payments of the subscription."""
    last_transaction_date: datetime | None = _optional("LastTransactionDate", _moment)
    """Date of the last payment."""
    next_transaction_date: datetime | None = _optional("NextTransactionDate", _moment)
    """Date of the next payment."""


@dataclass(frozen=True, kw_only=True, repr=False)  # _Notification's repr: no personal data
class CancelNotification(_Notification):
    """Cancel: an authorized payment was voided.

    Sent when an authorized payment was voided (`/payments/void`, or in the back office). Redelivered
    when the site cannot be reached, the answer is not `{"code":0}` or takes more than 30 s: up to 100
    attempts, 1, 2, 5, 10 and then 30 minutes apart.
    """

    kind: ClassVar[NotificationKind] = NotificationKind.CANCEL

    transaction_id: int = field(metadata=_wire("TransactionId", _integer))
    """Id of the voided payment."""
    amount: Decimal = field(metadata=_wire("Amount", _decimal))
    """Amount of the voided payment."""
    date_time: datetime = field(metadata=_wire("DateTime", _moment))
    """When the payment was voided."""
    invoice_id: str | None = _optional("InvoiceId")
    """Order number of the payment."""
    account_id: str | None = _optional("AccountId")
    """Payer id of the payment."""
    email: str | None = _optional("Email")
    """Payer's e-mail address."""
    data: dict[str, Any] | str | None = field(default=None, hash=False, metadata=_wire("Data", _data))
    """`JsonData` of the payment, as JSON text."""
    rrn: str | None = _optional("Rrn")
    """Retrieval reference number of the operation (sent since March 2024)."""
    escrow_accumulation_id: str | None = _optional("EscrowAccumulationId")
    """Escrow accumulation of a safe-deal payment."""


@dataclass(frozen=True, kw_only=True, repr=False)  # _Notification's repr: no personal data
class ReceiptNotification(_Notification):
    """Receipt: a receipt was fiscalised.

    Sent when CloudKassir has issued a receipt (54-FZ) for a payment, a refund or a receipt made through
    `/kkt/receipt` or in the back office; its parameters are those of the CloudKassir reference
    (`#receipt`). Signed like the other notifications; redelivered until the answer is `{"code":0}`.
    """

    kind: ClassVar[NotificationKind] = NotificationKind.RECEIPT

    id: str = field(metadata=_wire("Id"))
    """Unique id of the receipt."""
    document_number: int = field(metadata=_wire("DocumentNumber", _integer))
    """Number of the fiscal document."""
    session_number: int = field(metadata=_wire("SessionNumber", _integer))
    """Number of the cash register's shift."""
    number: int = field(metadata=_wire("Number", _integer))
    """Number of the receipt in the shift."""
    fiscal_sign: str = field(metadata=_wire("FiscalSign"))
    """Fiscal sign of the document."""
    device_number: str = field(metadata=_wire("DeviceNumber"))
    """Serial number of the cash register (digits)."""
    reg_number: str = field(metadata=_wire("RegNumber"))
    """Registration number of the cash register."""
    fiscal_number: str = field(metadata=_wire("FiscalNumber"))
    """Number of the fiscal drive."""
    inn: str = field(metadata=_wire("Inn"))
    """INN (taxpayer number) of the seller, digits."""
    type_: str = field(metadata=_wire("Type"))
    """Kind of settlement: `Income`, `IncomeReturn`, `Expense` or `ExpenseReturn`."""
    ofd: str = field(metadata=_wire("Ofd"))
    """Name of the fiscal data operator."""
    url: str = field(metadata=_wire("Url"))
    """Address of a copy of the receipt."""
    qr_code_url: str = field(metadata=_wire("QrCodeUrl"))
    """Address of the QR code that checks the receipt with the tax service."""
    transaction_id: int | None = _optional("TransactionId", _integer)
    """Id of the transaction the receipt is for."""
    amount: Decimal = field(metadata=_wire("Amount", _decimal))
    """Amount of the receipt."""
    date_time: datetime = field(metadata=_wire("DateTime", _moment))
    """When the receipt was issued."""
    invoice_id: str | None = _optional("InvoiceId")
    """Order number."""
    account_id: str | None = _optional("AccountId")
    """Payer id."""
    receipt: dict[str, Any] | str = field(hash=False, metadata=_wire("Receipt", _data))
    """The receipt's contents (items, amounts...), as JSON text."""
    calculation_place: str | None = _optional("CalculationPlace")
    """Where the settlement took place."""
    cashier_name: str | None = _optional("CashierName")
    """Name of the cashier."""
    settle_place: str | None = _optional("SettlePlace")
    """Where the cash register is installed."""


Notification: TypeAlias = (
    CheckNotification
    | PayNotification
    | FailNotification
    | ConfirmNotification
    | RefundNotification
    | RecurrentNotification
    | CancelNotification
    | ReceiptNotification
)

_CLASSES: Final[dict[NotificationKind, type[_Notification]]] = {
    cls.kind: cls
    for cls in (
        CheckNotification,
        PayNotification,
        FailNotification,
        ConfirmNotification,
        RefundNotification,
        RecurrentNotification,
        CancelNotification,
        ReceiptNotification,
    )
}
_N = TypeVar("_N", bound=_Notification)

# Every parameter name a notification class reads, folded, to name a repeated one without quoting the body.
_KNOWN: Final = {
    str(item.metadata["wire"]).lower(): str(item.metadata["wire"])
    for cls in _CLASSES.values()
    for item in fields(cls)
    if "wire" in item.metadata
}
_AMBIGUOUS: Final = (
    f"the body is verified only by {X_CONTENT_HMAC}, which signs its URL-decoded text, and a parameter of this "
    "body holds a '&' (or its name a '=') that the text reads as a separator: the text is ambiguous, so the body "
    f"is not read. Check {CONTENT_HMAC}, the signature over the body as sent (CloudPayments sends it with every "
    "notification; a proxy may have dropped it, or the body is not the one CloudPayments signed)"
)


def _notification_kind(kind: NotificationKind | str) -> NotificationKind:
    if isinstance(kind, str):
        for member in NotificationKind:
            if member.value.lower() == kind.lower():
                return member
    names = ", ".join(member.value for member in NotificationKind)
    raise InvalidArgumentError(f"kind must be one of {names}, not {kind!r}")


def _json_text(value: Any) -> str:
    """A JSON value as text: strings as they are, anything else as JSON (numbers exactly as sent)."""
    if isinstance(value, str):
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        items = (json.dumps(str(key), ensure_ascii=False) + ":" + _json_member(item) for key, item in value.items())
        return "{" + ",".join(items) + "}"
    if isinstance(value, list):
        return "[" + ",".join(_json_member(item) for item in value) + "]"
    return json.dumps(value)


def _json_member(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else _json_text(value)


def _json_parameters(body: bytes, codec: str) -> list[tuple[str, str]]:
    try:
        loaded = _json(body.decode(codec))
    except UnicodeDecodeError:
        raise InvalidNotificationError(f"the body is not valid {codec}") from None
    except _UnreadableJson as error:
        raise InvalidNotificationError(f"the JSON body is not read: {error}") from None
    except ValueError:
        raise InvalidNotificationError("the body is not JSON") from None
    if not isinstance(loaded, dict):
        raise InvalidNotificationError("the JSON body is not an object")
    return [(str(key), _json_text(value)) for key, value in loaded.items() if value is not None]


def _form_pairs(data: bytes, codec: str, unescape: Callable[[bytes], bytes]) -> list[tuple[str, str]]:
    """`name=value&...` split on every `&` and on a segment's first `=` (empty segments skipped, a segment
    without `=` an empty value), each part unescaped, then decoded."""
    return [
        (unescape(name).decode(codec), unescape(value).decode(codec))
        for name, _, value in (segment.partition(b"=") for segment in data.split(b"&") if segment)
    ]


def _as_signed(data: bytes) -> bytes:
    return data


def _form_parameters(body: bytes, codec: str, verified_by: str) -> list[tuple[str, str]]:
    # The Content-Type is not signed: a JSON body relabelled as a form would split on a `&` inside a value.
    if body.lstrip(b" \t\r\n\xef\xbb\xbf")[:1] in (b"{", b"["):
        raise InvalidNotificationError(
            "the body is JSON but the Content-Type names a form (or none); it is not read as a form"
        )
    try:
        pairs = _form_pairs(body, codec, _url_decoded)
        # What X-Content-HMAC signed is the decoded text: read only when it splits into these very pairs.
        if verified_by == X_CONTENT_HMAC and _form_pairs(_url_decoded(body), codec, _as_signed) != pairs:
            raise InvalidNotificationError(_AMBIGUOUS)
    except UnicodeDecodeError:
        raise InvalidNotificationError(f"the form's escapes are not valid {codec}") from None
    return pairs


def _parameters(body: bytes, headers: Mapping[str, str], verified_by: str) -> list[tuple[str, str]]:
    """The parameters of a form (the default) or of a JSON object, in the Content-Type's charset (UTF-8),
    in the order sent."""
    is_json, charset = _content_type(headers)
    codec = _codec(charset)
    return _json_parameters(body, codec) if is_json else _form_parameters(body, codec, verified_by)


def _build(cls: type[_N], pairs: list[tuple[str, str]]) -> _N:
    values: dict[str, str] = {}
    keys: dict[str, str] = {}
    for name, value in pairs:
        folded = name.lower()
        if folded in keys:
            # Two values for one name: which one was meant cannot be told (a forged body may add the second).
            known = _KNOWN.get(folded)
            if known is None:
                raise InvalidNotificationError("a parameter is sent more than once (names in any case)", kind=cls.kind)
            raise InvalidNotificationError("is sent more than once (names in any case)", field=known, kind=cls.kind)
        keys[folded] = name
        values[name] = value
    arguments: dict[str, Any] = {}
    known_keys: set[str] = set()
    for item in fields(cls):
        wire = item.metadata.get("wire")
        if wire is None:
            continue
        convert: Callable[[str], Any] = item.metadata["convert"]
        required = item.default is MISSING
        key = keys.get(wire.lower())
        if key is None:
            if required:
                raise InvalidNotificationError("is missing", field=wire, kind=cls.kind)
            continue
        known_keys.add(key)
        text = values[key]
        if text.strip() == "" and (convert is not _text or not required):
            if required:
                raise InvalidNotificationError("is empty", field=wire, kind=cls.kind)
            continue
        try:
            arguments[item.name] = convert(text)
        except ValueError as error:
            raise InvalidNotificationError(f"is not {error}", field=wire, kind=cls.kind) from None
    extra = {key: value for key, value in values.items() if key not in known_keys}
    return cls(**arguments, extra=MappingProxyType(extra), raw=MappingProxyType(dict(values)))


@overload
def parse(
    body: bytes,
    headers: Mapping[str, str],
    api_secret: str,
    *,
    kind: Literal["Check", NotificationKind.CHECK],
) -> CheckNotification: ...


@overload
def parse(
    body: bytes,
    headers: Mapping[str, str],
    api_secret: str,
    *,
    kind: Literal["Pay", NotificationKind.PAY],
) -> PayNotification: ...


@overload
def parse(
    body: bytes,
    headers: Mapping[str, str],
    api_secret: str,
    *,
    kind: Literal["Fail", NotificationKind.FAIL],
) -> FailNotification: ...


@overload
def parse(
    body: bytes,
    headers: Mapping[str, str],
    api_secret: str,
    *,
    kind: Literal["Confirm", NotificationKind.CONFIRM],
) -> ConfirmNotification: ...


@overload
def parse(
    body: bytes,
    headers: Mapping[str, str],
    api_secret: str,
    *,
    kind: Literal["Refund", NotificationKind.REFUND],
) -> RefundNotification: ...


@overload
def parse(
    body: bytes,
    headers: Mapping[str, str],
    api_secret: str,
    *,
    kind: Literal["Recurrent", NotificationKind.RECURRENT],
) -> RecurrentNotification: ...


@overload
def parse(
    body: bytes,
    headers: Mapping[str, str],
    api_secret: str,
    *,
    kind: Literal["Cancel", NotificationKind.CANCEL],
) -> CancelNotification: ...


@overload
def parse(
    body: bytes,
    headers: Mapping[str, str],
    api_secret: str,
    *,
    kind: Literal["Receipt", NotificationKind.RECEIPT],
) -> ReceiptNotification: ...


@overload
def parse(
    body: bytes, headers: Mapping[str, str], api_secret: str, *, kind: NotificationKind | str
) -> Notification: ...


def parse(body: bytes, headers: Mapping[str, str], api_secret: str, *, kind: NotificationKind | str) -> Notification:
    """Verifies the notification (see `verify`), then reads it as the notification of `kind` (a
    `NotificationKind` or its name in any case: "Check", "Pay", ...).

    The body is a form (`application/x-www-form-urlencoded`, the default) or, when the Content-Type says so,
    JSON; in the Content-Type's charset (UTF-8 unless it names another, e.g. windows-1251). A notification
    sent by GET has no Content-Type: pass its raw query string as `body`, and for a site set to Windows-1251
    a `Content-Type: application/x-www-form-urlencoded; charset=windows-1251` among the headers.
    Only what was signed is read: a parameter sent twice, or a form that `X-Content-HMAC` alone verified
    whose decoded text would split otherwise (see the module's docstring), is refused.
    Raises `InvalidSignatureError` or `InvalidNotificationError`.

    Typed by `kind`: `parse(..., kind="Pay")` (or `NotificationKind.PAY`) is a `PayNotification` to a type
    checker, so a handler reads its fields without an `isinstance`; a kind known only at run time (or spelt in
    another case) is a `Notification`, the union of them."""
    notification_kind = _notification_kind(kind)
    raw = _raw_bytes(body)
    verified_by = _verified_by(raw, headers, api_secret)
    return cast(Notification, _build(_CLASSES[notification_kind], _parameters(raw, headers, verified_by)))


# ---------------------------------------------------------------------------------------------------------------
# Answers


@dataclass(frozen=True)
class WebhookAnswer:
    """What to send back: HTTP `status_code` 200, `content_type` and `body` `{"code":N}`."""

    code: int
    status_code: int = 200
    content_type: str = JSON_CONTENT_TYPE

    @property
    def body(self) -> bytes:
        return json.dumps({"code": int(self.code)}, separators=(",", ":")).encode("ascii")

    @property
    def headers(self) -> dict[str, str]:
        return {"Content-Type": self.content_type}


def accept() -> WebhookAnswer:
    """The answer `{"code":0}`: the notification was received (a Check: the payment may go on)."""
    return WebhookAnswer(CheckCode.OK)


def decline(code: CheckCode | int) -> WebhookAnswer:
    """The answer to a Check that declines the payment: 10, 11, 12, 13 or 20 (see `CheckCode`)."""
    try:
        member = CheckCode(code)
    except ValueError:
        raise InvalidArgumentError(f"{code!r} is not a Check answer code (10, 11, 12, 13 or 20)") from None
    if member is CheckCode.OK:
        raise InvalidArgumentError("decline() needs a non-zero code; accept() answers 0")
    return WebhookAnswer(member)
