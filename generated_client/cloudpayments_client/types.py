"""Types shared by the models, the operation modules and the resource classes.

Answers: `AnswerModel` keeps the answer's JSON (`raw`) and reads each field when it is asked for. Fields that
decide the outcome are checked when the answer arrives (`AnswerFieldError`); every other field is data: a value
of another type than documented is converted when it can be (a number sent as a string), otherwise read as
None, and either way logged once per field on the `cloudpayments_client` logger.

Requests: money arguments (`Decimal`, `int` or `float`) are sent exactly; mapping arguments for nested objects
are checked against the model's keys; the request id is checked against the API description; path parameters
are non-empty strings, sent percent-encoded; dates and date-times take `datetime.date` / `datetime.datetime` or
the string to send; arrays take a list or tuple.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import logging
import math
import re
import urllib.parse
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar, Final, Generic, Literal, Protocol, TypeVar

__all__ = [
    "UNSET",
    "AnswerModel",
    "ReasonCode",
    "SubscriptionStatus",
    "TransactionStatus",
    "Operation",
    "Unset",
]

logger = logging.getLogger("cloudpayments_client")


class Unset:
    """The value of a request field that is left out of the body (where leaving out differs from null)."""

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Unset = Unset()


class ReasonCode(enum.IntEnum):
    """The documented values (info.x-reason-codes); an answer may carry others, which stay plain int."""

    APPROVED = 0
    REFER_TO_CARD_ISSUER = 5001
    INVALID_MERCHANT = 5003
    PICK_UP_CARD = 5004
    DO_NOT_HONOR = 5005
    ERROR = 5006
    PICK_UP_CARD_SPECIAL_CONDITIONS = 5007
    INVALID_TRANSACTION = 5012
    AMOUNT_ERROR = 5013
    INVALID_CARD_NUMBER = 5014
    NO_SUCH_ISSUER = 5015
    CUSTOMER_CANCELLATION = 5017
    TRANSACTION_ERROR = 5019
    FORMAT_ERROR = 5030
    BANK_NOT_SUPPORTED_BY_SWITCH = 5031
    EXPIRED_CARD_PICKUP = 5033
    SUSPECTED_FRAUD = 5034
    RESTRICTED_CARD = 5036
    LOST_CARD = 5041
    STOLEN_CARD = 5043
    INSUFFICIENT_FUNDS = 5051
    EXPIRED_CARD = 5054
    INVALID_PIN = 5055
    TRANSACTION_NOT_PERMITTED = 5057
    TRANSACTION_NOT_PERMITTED_TO_CARD = 5058
    SUSPECTED_FRAUD_DECLINE = 5059
    EXCEEDS_APPROVAL_AMOUNT = 5061
    RESTRICTED_CARD_2 = 5062
    SECURITY_VIOLATION = 5063
    EXCEED_WITHDRAWAL_FREQUENCY = 5065
    INCORRECT_CVV = 5082
    TIMEOUT = 5091
    CANNOT_REACH_NETWORK = 5092
    SYSTEM_ERROR = 5096
    GATEWAYS_DO_NOT_SUPPORT_THE_CURRENTLY_SELECTED_PAYMENT_CARD = 5113
    UNABLE_TO_PROCESS = 5204
    AUTHENTICATION_FAILED = 5206
    AUTHENTICATION_UNAVAILABLE = 5207
    ANTI_FRAUD = 5300
    ACQUIRER_TERMINAL_LIMITS_EXCEEDED = 5303
    NO_PHONE = 5761
    INVALID_PHONE = 5762
    DIFFERENT_PHONES = 5763
    SAVE_CARD_REFUSED = 6001
    INVALID_ERROR_CODE = 6002
    AGENT_ID_NOT_EXISTS = 6003
    CURRENCY_NOT_VALID = 6004
    INVALID_PAYMENT_LINK = 6005
    AMOUNT_CURRENCY_NOT_VALID = 6006
    INVALID_REDIRECT_URL = 6007
    INVALID_PARAMS_ID = 6008
    INVALID_TTL = 6009
    SUBSCRIPTION_NOT_FOUND = 6010
    INVALID_SUBSCRIPTION = 6011
    INVALID_REFUND = 6013
    ORIGINAL_DETAILS_INCORRECT = 6014
    TRANSACTION_NOT_FOUND = 6015
    INVALID_MEMBER_ID = 6016
    INCORRECT_MCCATEGORY = 6017
    RECEIVER_ACCOUNT_ERROR = 6021
    RECEIVER_NAME_ERROR = 6022
    CROSS_TERMINAL_TOKEN_RESTRICTION = 6025
    INVALID_INVOICE_ID = 3001
    INVALID_ACCOUNT_ID = 3002
    INVALID_AMOUNT = 3003
    OUT_OF_DATE = 3004
    FORMAT_ERROR_3005 = 3005
    UNAVAILABLE = 3006
    UNABLE_TO_CONNECT = 3007
    NOT_ACCEPTED = 3008


class SubscriptionStatus(enum.StrEnum):
    """The documented values (info.x-subscription-statuses); an answer may carry others, which stay plain str."""

    ACTIVE = "Active"
    PAST_DUE = "PastDue"
    CANCELLED = "Cancelled"
    REJECTED = "Rejected"
    EXPIRED = "Expired"


class TransactionStatus(enum.StrEnum):
    """The documented values (info.x-transaction-statuses); an answer may carry others, which stay plain str."""

    AWAITING_AUTHENTICATION = "AwaitingAuthentication"
    AUTHORIZED = "Authorized"
    COMPLETED = "Completed"
    CANCELLED = "Cancelled"
    DECLINED = "Declined"
    CREATED = "Created"
    PENDING = "Pending"
    FAILED = "Failed"


Body = TypeVar("Body")
Result = TypeVar("Result")


@dataclasses.dataclass(frozen=True, slots=True)
class Operation(Generic[Body, Result]):
    """One operation of the API description: how to send it and what its success answer is.

    Each `api/<tag>/<operation>.py` module defines one; the resource classes hand it to the client.
    """

    operation_id: str
    # httpx.request keyword arguments from the request body (a JSON-ready dict) and the X-Request-ID; the url
    # names the path parameters as the API description does (`/site/notifications/{Type}/get`)
    build_request: Callable[[Body, Any], dict[str, Any]]
    # declares X-Request-ID: the call changes state, so every call carries an idempotency key
    mutating: bool
    # the answer class of the HTTP 200 envelope (Success, Message, Model)
    envelope: type[Any]
    # the classes a success may return: the envelope's Model (the items' class when it is an array), or the
    # envelope itself when there is no Model
    result: tuple[type[Any], ...]
    returns_model: bool
    # the Model is an array of `result` items: a list is returned (an empty one for a null or absent Model)
    returns_list: bool = False
    # the wire names of the path parameters, filled into the url percent-encoded (`expand_path`)
    path_parameters: tuple[str, ...] = ()
    # the envelope carries fields beside its Model (`ExtensionData`, `ErrorCode`): a success is this class, built
    # from the Model read as `result` and the envelope
    answer: Callable[[dict[str, Any], Any], Any] | None = None


# ---- requests ---------------------------------------------------------------------------------------


def InvalidArgument(message: str) -> Exception:  # noqa: N802 - reads as the exception it builds
    """`InvalidArgumentError`: an argument the client refuses before sending anything."""
    from .errors import InvalidArgumentError  # noqa: PLC0415 - errors imports the models, which import this module

    return InvalidArgumentError(message)


# The X-Request-ID schema's pattern; without one, what a header value can carry (printable ASCII, no CR/LF).
_REQUEST_ID: Final = re.compile("^[\\x21-\\x7E]+$")
REQUEST_ID_MIN: Final = 1
REQUEST_ID_MAX: Final = 128
# A header value httpx can send as it is: printable ASCII and spaces (no CR, LF or other control characters).
_HEADER_VALUE: Final = re.compile(r"^[\x20-\x7e]*$")
_HEADER_NAME: Final = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")


def checked_request_id(value: object) -> str:
    """The request id as the API description allows it (X-Request-ID: length and characters)."""
    if not isinstance(value, str):
        raise InvalidArgument(f"request_id must be a str, not {type(value).__name__}")
    if not REQUEST_ID_MIN <= len(value) <= REQUEST_ID_MAX or not _REQUEST_ID.match(value):
        raise InvalidArgument(
            f"request_id must be {REQUEST_ID_MIN} to {REQUEST_ID_MAX} characters matching {_REQUEST_ID.pattern} "
            f"(the API description's X-Request-ID), got {len(value)} characters"
        )
    return value


def checked_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """Extra headers of a call: names are HTTP tokens, values printable ASCII (no CR/LF)."""
    checked: dict[str, str] = {}
    for name, value in headers.items():
        if not isinstance(name, str) or not _HEADER_NAME.match(name):
            raise InvalidArgument(f"extra_headers: {name!r} is not a valid header name")
        if not isinstance(value, str) or not _HEADER_VALUE.match(value):
            raise InvalidArgument(f"extra_headers[{name!r}] must be printable ASCII without CR or LF")
        checked[name] = value
    return checked


def _fraction_digits(value: Decimal) -> int:
    """Significant fractional digits of a finite Decimal: trailing zeros (`10.50`) do not count."""
    _, digits, exponent = value.as_tuple()
    if not any(digits) or not isinstance(exponent, int):
        return 0
    trailing = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    return max(0, -(exponent + trailing))


def money(value: Decimal | int | float, name: str, places: int | None = None) -> Decimal | int | float:
    """An amount argument: a finite Decimal, int or float, sent exactly as given; with `places` (the spec's
    `x-decimal-places`), one with more significant fractional digits is refused (`AmountPrecisionError`), as
    the API refuses it: never rounded. A float counts by its shortest repr, so `0.1 + 0.2` has 17 digits."""
    if type(value) is int:
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        raise InvalidArgument(f"{name} must be a Decimal, int or float, not {type(value).__name__}")
    if not (value.is_finite() if isinstance(value, Decimal) else math.isfinite(value)):
        raise InvalidArgument(f"{name} must be a finite amount, got {value!r}")
    if places is not None:
        digits = _fraction_digits(value if isinstance(value, Decimal) else Decimal(repr(value)))
        if digits > places:
            from .errors import AmountPrecisionError  # noqa: PLC0415 - errors imports the models, which import this module

            raise AmountPrecisionError(name, value, places)
    return value


def date_argument(value: datetime | str, name: str = "date") -> str:
    """A date-time argument: a datetime is sent in ISO 8601 (a naive one is UTC for the API), a str as given."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, str):
        return value
    raise InvalidArgument(f"{name} must be a datetime or an ISO 8601 str, not {type(value).__name__}")


def day_argument(value: date | str, name: str) -> str:
    """A date argument (`yyyy-MM-dd`): a date is sent as such, a str as given; a datetime is refused."""
    if isinstance(value, datetime):
        raise InvalidArgument(f"{name} is a date (yyyy-MM-dd): pass a datetime.date or a str, not a datetime")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return value
    raise InvalidArgument(f"{name} must be a datetime.date or a yyyy-MM-dd str, not {type(value).__name__}")


def list_argument(value: Sequence[Any], name: str) -> list[Any]:
    """An array argument: a list or tuple (never a str) without None items; enum members are sent as their values."""
    if isinstance(value, (str, bytes, bytearray)) or not isinstance(value, Sequence):
        raise InvalidArgument(f"{name} must be a list or tuple, not {type(value).__name__}")
    items: list[Any] = []
    for index, item in enumerate(value):
        if item is None:
            raise InvalidArgument(f"{name}[{index}] is None")
        items.append(item.value if isinstance(item, enum.Enum) else item)
    return items


def path_argument(value: object, name: str) -> str:
    """A path parameter: a non-empty str, or an enum member whose value is one (sent as its value)."""
    if isinstance(value, enum.Enum):
        value = value.value
    if not isinstance(value, str):
        raise InvalidArgument(f"{name} must be a str (or an enum of str values), not {type(value).__name__}")
    if not value:
        raise InvalidArgument(f"{name} must not be empty: it is a segment of the URL path")
    return value


_PATH_PARAMETER: Final = re.compile(r"\{([^{}/]+)\}")


def expand_path(template: str, values: Mapping[str, str]) -> str:
    """The url with each `{name}` of `template` replaced by its value, percent-encoded (a `/` included)."""
    return _PATH_PARAMETER.sub(lambda match: urllib.parse.quote(values[match.group(1)], safe=""), template)


class _ToDict(Protocol):
    def to_dict(self) -> dict[str, Any]: ...


def nested(value: _ToDict | Mapping[str, Any], name: str, keys: frozenset[str] | None) -> dict[str, Any]:
    """A nested object argument: the model, or a mapping whose keys must be the model's (`keys`, None = any)."""
    if isinstance(value, Mapping):
        if keys is not None:
            unknown = [key for key in value if key not in keys]
            if unknown:
                raise InvalidArgument(
                    f"{name}: unknown key(s) {', '.join(map(repr, unknown))}; known: {', '.join(sorted(keys))}"
                )
        return dict(value)
    to_dict = getattr(value, "to_dict", None)
    if to_dict is None:
        raise InvalidArgument(f"{name} must be a mapping or a model, not {type(value).__name__}")
    result: dict[str, Any] = to_dict()
    return result


def optional(value: Any) -> Any:
    """An optional argument: None leaves the field out of the body."""
    return UNSET if value is None else value


def _encode(value: Any) -> str:
    # The slow path, only for bodies holding a Decimal: every other value is encoded by json.
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Mapping):
        return "{" + ",".join(f"{json.dumps(str(k), ensure_ascii=False)}:{_encode(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(_encode(item) for item in value) + "]"
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def json_body(body: Mapping[str, Any]) -> bytes:
    """The request body as JSON; a Decimal is written with its exact digits (never through float)."""
    try:
        return json.dumps(body, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()
    except TypeError:
        return _encode(body).encode()


# ---- answers -----------------------------------------------------------------------------------------


class AnswerFieldError(Exception):
    """A field that decides the outcome is missing or of another type; `field` is its JSON path."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field} {problem}")
        self.field = field
        self.problem = problem


_logged: set[tuple[str, str]] = set()


def drift(model: str, field: str, value: Any, expected: str) -> None:
    """Log, once per model field, that an answer carried a value the API description does not document."""
    if (model, field) in _logged:
        return
    _logged.add((model, field))
    logger.warning(
        "answer drift: %s.%s is %s %r, documented as %s; kept as data", model, field, type(value).__name__,
        value if isinstance(value, (int, float, Decimal, bool)) or value is None else str(value)[:40], expected
    )  # fmt: skip


A = TypeVar("A", bound="AnswerModel")


class AnswerModel:
    """An object of an answer: its JSON in `raw`, each documented field a read-only attribute."""

    __slots__ = ("raw",)
    # wire name -> python attribute; the fields that decide the outcome, with their JSON types
    _FIELDS: ClassVar[dict[str, str]] = {}
    _DECISIVE: ClassVar[tuple[tuple[str, tuple[type, ...]], ...]] = ()

    def __init__(self, raw: Mapping[str, Any]) -> None:
        self.raw: dict[str, Any] = dict(raw) if type(raw) is not dict else raw

    @classmethod
    def from_dict(cls: type[A], src_dict: Mapping[str, Any]) -> A:
        """Check the decisive fields (AnswerFieldError); every other field is read when asked for."""
        if not isinstance(src_dict, Mapping):
            raise AnswerFieldError(cls.__name__, f"is {type(src_dict).__name__}, expected an object")
        for key, kinds in cls._DECISIVE:
            value = src_dict.get(key)
            if type(value) not in kinds:
                problem = "is missing" if key not in src_dict else f"is {type(value).__name__}, not {kinds[0].__name__}"
                raise AnswerFieldError(key, problem)
        return cls(src_dict)

    def to_dict(self) -> dict[str, Any]:
        """The answer's JSON object as it arrived (numbers with a fraction as Decimal)."""
        return dict(self.raw)

    @property
    def additional_properties(self) -> dict[str, Any]:
        """The fields the API description does not document."""
        return {key: value for key, value in self.raw.items() if key not in self._FIELDS}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, AnswerModel) and type(other) is type(self) and other.raw == self.raw

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        shown = ", ".join(f"{self._FIELDS[key]}={getattr(self, self._FIELDS[key])!r}" for key, _ in self._DECISIVE)
        return f"{type(self).__name__}({shown})"


_STRINGS: Final = (str,)


def read_str(model: AnswerModel, key: str) -> str | None:
    value = model.raw.get(key)
    if value is None or type(value) is str:
        return value
    if isinstance(value, (int, Decimal, float)) and not isinstance(value, bool):
        drift(type(model).__name__, key, value, "string")
        return str(value)
    drift(type(model).__name__, key, value, "string")
    return None


def read_int(model: AnswerModel, key: str) -> int | None:
    value = model.raw.get(key)
    if value is None or type(value) is int:
        return value
    drift(type(model).__name__, key, value, "integer")
    try:
        number = Decimal(str(value).strip()) if not isinstance(value, bool) else None
    except InvalidOperation:
        number = None
    return int(number) if number is not None and number.is_finite() and number == int(number) else None


def read_decimal(model: AnswerModel, key: str) -> Decimal | None:
    value: Any = model.raw.get(key)
    kind = type(value)
    if kind is Decimal:
        return value  # type: ignore[no-any-return]
    if kind is int:
        return Decimal(value)
    if value is None:
        return None
    drift(type(model).__name__, key, value, "number")
    if kind is str:
        try:
            number = Decimal(value.strip())
        except InvalidOperation:
            return None
        return number if number.is_finite() else None
    if kind is float:
        return Decimal(repr(value))
    return None


def read_bool(model: AnswerModel, key: str) -> bool | None:
    value = model.raw.get(key)
    if value is None or type(value) is bool:
        return value
    drift(type(model).__name__, key, value, "boolean")
    text = str(value).strip().lower()
    return True if text in ("true", "1") else False if text in ("false", "0") else None


_MS_DATE: Final = re.compile(r"^/Date\((-?\d+)\)/$")
_EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)


def read_datetime(model: AnswerModel, key: str, kind: str) -> datetime | None:
    """An "iso" (`yyyy-MM-ddTHH:mm:ss`, UTC) or "ms" (`/Date(ms)/`) date as an aware datetime in UTC."""
    value = model.raw.get(key)
    if value is None:
        return None
    if type(value) is str:
        match = _MS_DATE.match(value)
        if match:
            return _EPOCH + timedelta(milliseconds=int(match.group(1)))
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            moment = None
        if moment is not None:
            if kind == "ms":
                drift(type(model).__name__, key, value, "a /Date(ms)/ date")
            return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    drift(type(model).__name__, key, value, "an ISO date" if kind == "iso" else "a /Date(ms)/ date")
    return None


def read_json(model: AnswerModel, key: str) -> Any:
    """`JsonData`: documented as a JSON-encoded string, sent as an object by some servers; both are decoded."""
    value = model.raw.get(key)
    if type(value) is str:
        try:
            return json.loads(value)
        except ValueError:
            drift(type(model).__name__, key, value, "a JSON-encoded string")
            return value
    return value


def read_union(model: AnswerModel, key: str, kinds: tuple[type, ...], expected: str) -> Any:
    value = model.raw.get(key)
    if value is None or (type(value) in kinds):
        return value
    drift(type(model).__name__, key, value, expected)
    return None


def read_model(model: AnswerModel, key: str, kind: type[A]) -> A | None:
    value = model.raw.get(key)
    if value is None:
        return None
    if isinstance(value, dict):
        try:
            return kind.from_dict(value)
        except AnswerFieldError:
            pass
    drift(type(model).__name__, key, value, kind.__name__)
    return None


def read_list(model: AnswerModel, key: str, kind: type[A]) -> list[A] | None:
    """An array of objects: each item read as `kind`; an item that cannot be read is logged and left out."""
    value = model.raw.get(key)
    if value is None:
        return None
    if not isinstance(value, list):
        drift(type(model).__name__, key, value, f"an array of {kind.__name__}")
        return None
    items: list[A] = []
    for item in value:
        if isinstance(item, dict):
            try:
                items.append(kind.from_dict(item))
                continue
            except AnswerFieldError:
                pass
        drift(type(model).__name__, f"{key}[]", item, kind.__name__)
    return items


def read_any(model: AnswerModel, key: str) -> Any:
    return model.raw.get(key)


E = TypeVar("E", bound=enum.Enum)


def read_enum(model: AnswerModel, key: str, kind: type[E], base: type) -> Any:
    """A known value as the enum member, an unknown one as it arrived (data, not an error)."""
    value = model.raw.get(key)
    if value is None:
        return None
    member = kind._value2member_map_.get(value)
    if member is not None:
        return member
    if type(value) is not base:
        drift(type(model).__name__, key, value, base.__name__)
        return None
    return value
