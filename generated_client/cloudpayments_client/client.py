"""`CloudPayments` and `AsyncCloudPayments`, and what every call shares.

Each call goes through `SyncRuntime.call` / `AsyncRuntime.call` with the operation's facts (its module in
`cloudpayments_client.api.<tag>`): Basic credentials that never show the secret, a timeout, retries with one
X-Request-ID (tenacity), the check of the answer against the API description (naming the field
that does not match), and the mapping of every outcome to its exception (`errors.py`).
"""

from __future__ import annotations

import asyncio
import email.utils
import logging
import os
import time
import uuid
from collections.abc import Awaitable, Callable, Generator
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, Final, TypeVar

import httpx
from tenacity import AsyncRetrying, RetryCallState, Retrying, stop_after_attempt, wait_random_exponential

from .api.general import AsyncGeneral, General
from .api.orders import AsyncOrders, Orders
from .api.payments import AsyncPayments, Payments
from .api.subscriptions import AsyncSubscriptions, Subscriptions
from .errors import (
    APIConnectionError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    PaymentDeclinedError,
    RateLimitError,
    ResponseValidationError,
    ServerError,
    ThreeDSecureRequired,
    UnexpectedStatusError,
)
from .models import ThreeDSecureChallenge, Transaction
from .types import Operation, Unset

logger = logging.getLogger("cloudpayments_client")

PUBLIC_ID_ENV: Final = "CLOUDPAYMENTS_PUBLIC_ID"
API_SECRET_ENV: Final = "CLOUDPAYMENTS_API_SECRET"
BASE_URL_ENV: Final = "CLOUDPAYMENTS_BASE_URL"
DEFAULT_BASE_URL: Final = "https://api.cloudpayments.ru"
DEFAULT_TIMEOUT: Final = httpx.Timeout(30.0, connect=10.0)
DEFAULT_MAX_RETRIES: Final = 2
# Jittered exponential backoff between attempts, in seconds (tenacity's "full jitter").
BACKOFF_INITIAL: Final = 0.5
BACKOFF_MAX: Final = 8.0
# A Retry-After longer than this is cut to it.
RETRY_AFTER_MAX: Final = 60.0
# Failures after which the same request (same request id) may be sent again.
RETRYABLE_ERRORS: Final[tuple[type[Exception], ...]] = (
    httpx.TimeoutException,
    httpx.NetworkError,
    httpx.RemoteProtocolError,
)

Body = TypeVar("Body")
Result = TypeVar("Result")


class BasicCredentials(httpx.Auth):
    """HTTP Basic auth whose repr, str and vars never show the API Secret."""

    def __init__(self, public_id: str, api_secret: str) -> None:
        self.public_id = public_id
        self.__header = httpx.BasicAuth(public_id, api_secret)

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        return self.__header.auth_flow(request)

    def __repr__(self) -> str:
        return f"BasicCredentials(public_id={self.public_id!r}, api_secret='***')"

    __str__ = __repr__


# ---- the answer against the API description -------------------------------------------------------

# Compact schemas of every model an answer can contain (types, required keys, structure), keyed by model
# class. Enum-like answer values (Status, Reason, Currency) are plain strings: new values are data.
_SCHEMAS: Final[dict[str, Any]] = {
    "CardPaymentResponse": {
        "type": "object",
        "required": ["Success"],
        "properties": {
            "Success": {"type": "boolean"},
            "Message": {"type": ["string", "null"]},
            "Model": {"oneOf": [{"$ref": "Transaction"}, {"$ref": "ThreeDSecureChallenge"}, {"type": "null"}]},
        },
    },
    "ConnectionCheckResponse": {
        "type": "object",
        "required": ["Success"],
        "properties": {"Success": {"type": "boolean"}, "Message": {"type": ["string", "null"]}},
    },
    "OperationResponse": {
        "type": "object",
        "required": ["Success"],
        "properties": {"Success": {"type": "boolean"}, "Message": {"type": ["string", "null"]}},
    },
    "Order": {
        "type": "object",
        "required": ["Id", "Number", "Amount", "Currency", "Url"],
        "properties": {
            "Id": {"type": "string"},
            "Number": {"type": "integer"},
            "Amount": {"type": "number"},
            "Currency": {"type": "string"},
            "Url": {"type": "string"},
            "CurrencyCode": {"type": "integer"},
            "Email": {"type": ["string", "null"]},
            "Phone": {"type": ["string", "null"]},
            "Description": {"type": ["string", "null"]},
            "RequireConfirmation": {"type": "boolean"},
            "CultureName": {"type": ["string", "null"]},
            "CreatedDate": {"type": "string"},
            "CreatedDateIso": {"type": "string"},
            "PaymentDate": {"type": ["string", "null"]},
            "PaymentDateIso": {"type": ["string", "null"]},
            "StatusCode": {"type": "integer"},
            "Status": {"type": "string"},
            "InternalId": {"type": "integer"},
        },
    },
    "OrderResponse": {
        "type": "object",
        "required": ["Success"],
        "properties": {
            "Success": {"type": "boolean"},
            "Message": {"type": ["string", "null"]},
            "Model": {"oneOf": [{"$ref": "Order"}, {"type": "null"}]},
        },
    },
    "RefundResponse": {
        "type": "object",
        "required": ["Success"],
        "properties": {
            "Success": {"type": "boolean"},
            "Message": {"type": ["string", "null"]},
            "Model": {"oneOf": [{"$ref": "RefundResult"}, {"type": "null"}]},
        },
    },
    "RefundResult": {
        "type": "object",
        "required": ["TransactionId"],
        "properties": {"TransactionId": {"type": "integer"}},
    },
    "Subscription": {
        "type": "object",
        "required": ["Id", "AccountId", "Amount", "Currency", "RequireConfirmation", "Interval", "Period", "Status"],
        "properties": {
            "Id": {"type": "string"},
            "AccountId": {"type": "string"},
            "Amount": {"type": "number"},
            "Currency": {"type": "string"},
            "RequireConfirmation": {"type": "boolean"},
            "Interval": {"type": "string"},
            "Period": {"type": "integer"},
            "Status": {"type": "string"},
            "Description": {"type": ["string", "null"]},
            "Email": {"type": ["string", "null"]},
            "CurrencyCode": {"type": "integer"},
            "StartDate": {"type": "string"},
            "StartDateIso": {"type": "string"},
            "IntervalCode": {"type": "integer"},
            "MaxPeriods": {"type": ["integer", "null"]},
            "CultureName": {"type": ["string", "null"]},
            "StatusCode": {"type": "integer"},
            "SuccessfulTransactionsNumber": {"type": "integer"},
            "FailedTransactionsNumber": {"type": "integer"},
            "LastTransactionDate": {"type": ["string", "null"]},
            "LastTransactionDateIso": {"type": ["string", "null"]},
            "NextTransactionDate": {"type": ["string", "null"]},
            "NextTransactionDateIso": {"type": ["string", "null"]},
            "Receipt": {"oneOf": [{"$ref": "SubscriptionReceipt"}, {"type": "null"}]},
            "FailoverSchemeId": {"type": ["string", "null"]},
        },
    },
    "SubscriptionReceipt": {"type": "object", "required": [], "properties": {}},
    "SubscriptionResponse": {
        "type": "object",
        "required": ["Success"],
        "properties": {
            "Success": {"type": "boolean"},
            "Message": {"type": ["string", "null"]},
            "Model": {"oneOf": [{"$ref": "Subscription"}, {"type": "null"}]},
        },
    },
    "ThreeDSecureChallenge": {
        "type": "object",
        "required": ["TransactionId", "PaReq", "AcsUrl"],
        "properties": {
            "TransactionId": {"type": "integer"},
            "PaReq": {"type": "string"},
            "AcsUrl": {"type": "string"},
            "GoReq": {"type": ["string", "null"]},
            "ThreeDsSessionData": {"type": ["string", "null"]},
            "IFrameIsAllowed": {"type": "boolean"},
            "FrameWidth": {"type": ["integer", "null"]},
            "FrameHeight": {"type": ["integer", "null"]},
            "ThreeDsCallbackId": {"type": ["string", "null"]},
            "EscrowAccumulationId": {"type": ["string", "null"]},
        },
    },
    "Transaction": {
        "type": "object",
        "required": ["ReasonCode", "TransactionId", "Amount", "Currency", "Status"],
        "properties": {
            "ReasonCode": {"type": "integer"},
            "TransactionId": {"type": "integer"},
            "Amount": {"type": "number"},
            "Currency": {"type": "string"},
            "Status": {"type": "string"},
            "PublicId": {"type": "string"},
            "TerminalUrl": {"type": "string"},
            "CurrencyCode": {"type": "integer"},
            "PaymentAmount": {"type": "number"},
            "PaymentCurrency": {"type": "string"},
            "PaymentCurrencyCode": {"type": "integer"},
            "InvoiceId": {"type": ["string", "integer", "null"]},
            "AccountId": {"type": ["string", "null"]},
            "TrInitiatorCode": {"type": ["integer", "null"]},
            "Email": {"type": ["string", "null"]},
            "Description": {"type": ["string", "null"]},
            "JsonData": {"type": ["string", "null"]},
            "CreatedDate": {"type": "string"},
            "CreatedDateIso": {"type": "string"},
            "AuthDate": {"type": ["string", "null"]},
            "AuthDateIso": {"type": ["string", "null"]},
            "ConfirmDate": {"type": ["string", "null"]},
            "ConfirmDateIso": {"type": ["string", "null"]},
            "PayoutDate": {"type": ["string", "null"]},
            "PayoutDateIso": {"type": ["string", "null"]},
            "PayoutAmount": {"type": ["number", "null"]},
            "AuthCode": {"type": ["string", "null"]},
            "TestMode": {"type": "boolean"},
            "Rrn": {"type": ["string", "null"]},
            "OriginalTransactionId": {"type": ["integer", "null"]},
            "FallBackScenarioDeclinedTransactionId": {"type": ["integer", "null"]},
            "IpAddress": {"type": ["string", "null"]},
            "IpCountry": {"type": ["string", "null"]},
            "IpCity": {"type": ["string", "null"]},
            "IpRegion": {"type": ["string", "null"]},
            "IpDistrict": {"type": ["string", "null"]},
            "IpLatitude": {"type": ["number", "null"]},
            "IpLongitude": {"type": ["number", "null"]},
            "CardFirstSix": {"type": ["string", "null"]},
            "CardLastFour": {"type": ["string", "null"]},
            "CardExpDate": {"type": ["string", "null"]},
            "CardType": {"type": ["string", "null"]},
            "CardTypeCode": {"type": ["integer", "null"]},
            "CardProduct": {"type": ["string", "null"]},
            "CardCategory": {"type": ["string", "null"]},
            "Issuer": {"type": ["string", "null"]},
            "IssuerBankCountry": {"type": ["string", "null"]},
            "EscrowAccumulationId": {"type": ["string", "null"]},
            "StatusCode": {"type": "integer"},
            "CultureName": {"type": ["string", "null"]},
            "Reason": {"type": ["string", "null"]},
            "CardHolderMessage": {"type": ["string", "null"]},
            "Type": {"type": "integer"},
            "Refunded": {"type": "boolean"},
            "Name": {"type": ["string", "null"]},
            "Token": {"type": ["string", "null"]},
            "SubscriptionId": {"type": ["string", "null"]},
            "GatewayName": {"type": ["string", "null"]},
            "AndroidPay": {"type": "boolean"},
            "WalletType": {"type": ["string", "null"]},
            "TotalFee": {"type": ["number", "null"]},
            "VatAboveTotalFee": {"type": ["number", "null"]},
            "ProcessorAndPartnerFee": {"type": ["number", "null"]},
            "VatWithinProcessorFee": {"type": ["number", "null"]},
        },
    },
    "TransactionResponse": {
        "type": "object",
        "required": ["Success"],
        "properties": {
            "Success": {"type": "boolean"},
            "Message": {"type": ["string", "null"]},
            "Model": {"oneOf": [{"$ref": "Transaction"}, {"type": "null"}]},
        },
    },
}

_JSON_TYPES: Final[dict[str, tuple[type, ...]]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "object": (dict,),
    "array": (list,),
    "null": (type(None),),
}


def _type_ok(value: Any, kind: str) -> bool:
    if kind in ("integer", "number") and isinstance(value, bool):
        return False
    if kind == "integer" and isinstance(value, float):
        return value.is_integer()
    return isinstance(value, _JSON_TYPES.get(kind, (object,)))


def _json_type(value: Any) -> str:
    for kind in ("null", "boolean", "integer", "number", "string", "array", "object"):
        if _type_ok(value, kind):
            return kind
    return type(value).__name__


def _join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    resolved: dict[str, Any] = _SCHEMAS[schema["$ref"]] if "$ref" in schema else schema
    return resolved


def _errors(value: Any, schema: dict[str, Any], path: str) -> list[tuple[str, str]]:
    """(field, problem) pairs; empty when the value matches."""
    schema = _resolve(schema)
    kinds = schema.get("type")
    if kinds is not None:
        allowed = [kinds] if isinstance(kinds, str) else list(kinds)
        if not any(_type_ok(value, kind) for kind in allowed):
            return [(path or "<body>", f"is {_json_type(value)}, expected {' or '.join(allowed)}")]
    found: list[tuple[str, str]] = []
    if "oneOf" in schema:
        found += _best_branch(value, schema["oneOf"], path)
    if isinstance(value, dict):
        for name in schema.get("required", []):
            if name not in value:
                found.append((_join(path, name), "is missing"))
        for name, sub in schema.get("properties", {}).items():
            if name in value:
                found += _errors(value[name], sub, _join(path, name))
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            found += _errors(item, schema["items"], _join(path, index))
    return found


def _admits(value: Any, schema: dict[str, Any]) -> bool:
    """Whether a branch is meant for this JSON type (so its errors are the meaningful ones)."""
    kinds = _resolve(schema).get("type")
    if kinds is None:
        return True
    allowed = [kinds] if isinstance(kinds, str) else list(kinds)
    return any(_type_ok(value, kind) for kind in allowed)


def _best_branch(value: Any, branches: list[dict[str, Any]], path: str) -> list[tuple[str, str]]:
    results = [_errors(value, branch, path) for branch in branches]
    if any(not errors for errors in results):
        return []
    candidates = [errors for branch, errors in zip(branches, results, strict=True) if _admits(value, branch)]
    return min(candidates or results, key=len)


def _check_response(operation: Operation[Any, Any], data: Any) -> None:
    """Raise ResponseValidationError naming the operation and the first field that does not match.

    The models' parsers fall back to a raw dict when a `oneOf` member does not fit and raise a bare
    KeyError for a missing key; this check names the field instead.
    """
    errors = _errors(data, {"$ref": operation.envelope.__name__}, "")
    if errors:
        field, problem = errors[0]
        raise ResponseValidationError(problem, operation=operation.operation_id, field=field)


# ---- outcomes -------------------------------------------------------------------------------------


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return max(0.0, (moment - datetime.now(UTC)).total_seconds())


def _interpret(op: Operation[Any, Result], response: httpx.Response, request_id: str | None) -> Result:
    """The typed result of one answer, or the exception for its outcome."""
    name = op.operation_id
    status = response.status_code
    logger.debug("%s -> HTTP %d (request id %s)", name, status, request_id)
    if status == 401:
        raise AuthenticationError(
            "HTTP 401: credentials not accepted", operation=name, status_code=status, request_id=request_id
        )
    if status == 429:
        raise RateLimitError(
            "HTTP 429: too many requests",
            operation=name,
            status_code=status,
            request_id=request_id,
            retry_after=_retry_after(response),
        )
    if status >= 500:
        raise ServerError(f"HTTP {status}", operation=name, status_code=status, request_id=request_id)
    if status != 200:
        raise UnexpectedStatusError(f"HTTP {status}", operation=name, status_code=status, request_id=request_id)
    try:
        data = response.json()
    except ValueError:
        raise ResponseValidationError("is not JSON", operation=name, field="<body>") from None
    _check_response(op, data)
    try:
        envelope = op.envelope.from_dict(data)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ResponseValidationError(f"cannot be read ({error!r})", operation=name, field="<body>") from None
    model = getattr(envelope, "model", None)
    if isinstance(model, Unset):
        model = None
    if isinstance(model, dict):
        raise ResponseValidationError("matches none of the documented models", operation=name, field="Model")
    message = getattr(envelope, "message", None)
    message = message if isinstance(message, str) else None
    if isinstance(model, ThreeDSecureChallenge):
        raise ThreeDSecureRequired(operation=name, api_message=message, challenge=model)
    if not envelope.success:
        if isinstance(model, Transaction):
            raise PaymentDeclinedError(operation=name, api_message=message, transaction=model)
        raise BadRequestError(operation=name, api_message=message, model=model)
    if op.returns_model and model is None:
        raise ResponseValidationError("is missing although Success is true", operation=name, field="Model")
    result = model if op.returns_model else envelope
    if not isinstance(result, op.result):
        raise ResponseValidationError(f"is a {type(result).__name__}", operation=name, field="Model")
    return result


# ---- retries ----------------------------------------------------------------------------------------


def _retryable_status(status: int) -> bool:
    return status == 429 or status >= 500


def _should_retry(state: RetryCallState) -> bool:
    outcome = state.outcome
    if outcome is None:
        return False
    if outcome.failed:
        return isinstance(outcome.exception(), RETRYABLE_ERRORS)
    response: httpx.Response = outcome.result()
    return _retryable_status(response.status_code)


def _waiter(max_wait: float) -> Callable[[RetryCallState], float]:
    backoff = wait_random_exponential(multiplier=BACKOFF_INITIAL, max=max_wait)

    def wait(state: RetryCallState) -> float:
        outcome = state.outcome
        if outcome is not None and not outcome.failed:
            delay = _retry_after(outcome.result())
            if delay is not None:
                return min(delay, RETRY_AFTER_MAX)
        return float(backoff(state))

    return wait


def _last_outcome(state: RetryCallState) -> httpx.Response:
    """After the last attempt: its response, or its exception re-raised."""
    assert state.outcome is not None
    result: httpx.Response = state.outcome.result()
    return result


def _log_attempt(operation: str, request_id: str | None) -> Callable[[RetryCallState], None]:
    def log(state: RetryCallState) -> None:
        outcome = state.outcome
        what = "no outcome"
        if outcome is not None:
            what = repr(outcome.exception()) if outcome.failed else f"HTTP {outcome.result().status_code}"
        logger.info("%s attempt %d (request id %s): %s; retrying", operation, state.attempt_number, request_id, what)

    return log


def _connection_error(operation: str, error: Exception) -> APIConnectionError:
    if isinstance(error, httpx.TimeoutException):
        return APITimeoutError(f"timed out ({type(error).__name__})", operation=operation)
    return APIConnectionError(f"no answer ({type(error).__name__})", operation=operation)


def _request_id(op: Operation[Any, Any], given: str | None) -> str | None:
    # One id for the whole logical request: every retry carries the same X-Request-ID.
    return (given or str(uuid.uuid4())) if op.mutating else None


class SyncRuntime:
    """Sends one operation with retries and turns the answer into its result or exception."""

    def __init__(self, http: httpx.Client, max_retries: int, sleep: Callable[[float], None]) -> None:
        self.http = http
        self._max_retries = max_retries
        self._sleep = sleep

    def call(self, op: Operation[Body, Result], body: Body, request_id: str | None) -> Result:
        rid = _request_id(op, request_id)
        retrying = Retrying(
            stop=stop_after_attempt(self._max_retries + 1),
            wait=_waiter(BACKOFF_MAX),
            retry=_should_retry,
            retry_error_callback=_last_outcome,
            before_sleep=_log_attempt(op.operation_id, rid),
            sleep=self._sleep,
            reraise=True,
        )
        try:
            response: httpx.Response = retrying(self.http.request, **op.build_request(body, rid))
        except RETRYABLE_ERRORS as error:
            raise _connection_error(op.operation_id, error) from error
        return _interpret(op, response, rid)


class AsyncRuntime:
    """`SyncRuntime` for `httpx.AsyncClient`."""

    def __init__(self, http: httpx.AsyncClient, max_retries: int, sleep: Callable[[float], Awaitable[None]]) -> None:
        self.http = http
        self._max_retries = max_retries
        self._sleep = sleep

    async def call(self, op: Operation[Body, Result], body: Body, request_id: str | None) -> Result:
        rid = _request_id(op, request_id)
        retrying = AsyncRetrying(
            stop=stop_after_attempt(self._max_retries + 1),
            wait=_waiter(BACKOFF_MAX),
            retry=_should_retry,
            retry_error_callback=_last_outcome,
            before_sleep=_log_attempt(op.operation_id, rid),
            sleep=self._sleep,
            reraise=True,
        )
        try:
            response: httpx.Response = await retrying(self.http.request, **op.build_request(body, rid))
        except RETRYABLE_ERRORS as error:
            raise _connection_error(op.operation_id, error) from error
        return _interpret(op, response, rid)


# ---- the clients ------------------------------------------------------------------------------------


def _settings(public_id: str | None, api_secret: str | None, base_url: str | None) -> tuple[str, str, str]:
    public_id = public_id or os.environ.get(PUBLIC_ID_ENV)
    api_secret = api_secret or os.environ.get(API_SECRET_ENV)
    if not public_id:
        raise ConfigurationError(f"no Public ID: pass public_id or set {PUBLIC_ID_ENV}")
    if not api_secret:
        raise ConfigurationError(f"no API Secret: pass api_secret or set {API_SECRET_ENV}")
    return public_id, api_secret, base_url or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL


def _timeout(timeout: httpx.Timeout | float | None) -> httpx.Timeout:
    return timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)


def _max_retries(max_retries: int) -> int:
    if max_retries < 0:
        raise ValueError("max_retries must be 0 (no retries) or more")
    return max_retries


class CloudPayments:
    """Client of the CloudPayments API.

    Credentials come from the arguments or from the environment (CLOUDPAYMENTS_PUBLIC_ID,
    CLOUDPAYMENTS_API_SECRET, CLOUDPAYMENTS_BASE_URL; the base URL defaults to https://api.cloudpayments.ru).
    Every call has a timeout (`timeout`, default 30 s, 10 s to connect) and is retried up to
    `max_retries` times on connection errors, timeouts, 429 and 5xx, with the same X-Request-ID,
    exponential backoff with jitter, honouring Retry-After. `max_retries=0` switches retries off.
    `transport` replaces the network (e.g. `httpx.MockTransport`); `sleep` replaces the wait between
    attempts. Each tag of the API is an attribute with one method per operation.
    """

    def __init__(
        self,
        public_id: str | None = None,
        api_secret: str | None = None,
        *,
        base_url: str | None = None,
        timeout: httpx.Timeout | float | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        public_id, api_secret, base_url = _settings(public_id, api_secret, base_url)
        self.public_id = public_id
        self.base_url = base_url
        self.timeout = _timeout(timeout)
        http = httpx.Client(
            base_url=base_url,
            auth=BasicCredentials(public_id, api_secret),
            timeout=self.timeout,
            transport=transport,
        )
        self._runtime = SyncRuntime(http, _max_retries(max_retries), sleep)
        self.general = General(self._runtime)
        self.payments = Payments(self._runtime)
        self.subscriptions = Subscriptions(self._runtime)
        self.orders = Orders(self._runtime)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(public_id={self.public_id!r}, base_url={self.base_url!r})"

    def close(self) -> None:
        self._runtime.http.close()

    def __enter__(self) -> CloudPayments:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class AsyncCloudPayments:
    """Asynchronous client of the CloudPayments API.

    Credentials come from the arguments or from the environment (CLOUDPAYMENTS_PUBLIC_ID,
    CLOUDPAYMENTS_API_SECRET, CLOUDPAYMENTS_BASE_URL; the base URL defaults to https://api.cloudpayments.ru).
    Every call has a timeout (`timeout`, default 30 s, 10 s to connect) and is retried up to
    `max_retries` times on connection errors, timeouts, 429 and 5xx, with the same X-Request-ID,
    exponential backoff with jitter, honouring Retry-After. `max_retries=0` switches retries off.
    `transport` replaces the network (e.g. `httpx.MockTransport`); `sleep` replaces the wait between
    attempts. Each tag of the API is an attribute with one method per operation.
    """

    def __init__(
        self,
        public_id: str | None = None,
        api_secret: str | None = None,
        *,
        base_url: str | None = None,
        timeout: httpx.Timeout | float | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        transport: httpx.AsyncBaseTransport | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        public_id, api_secret, base_url = _settings(public_id, api_secret, base_url)
        self.public_id = public_id
        self.base_url = base_url
        self.timeout = _timeout(timeout)
        http = httpx.AsyncClient(
            base_url=base_url,
            auth=BasicCredentials(public_id, api_secret),
            timeout=self.timeout,
            transport=transport,
        )
        self._runtime = AsyncRuntime(http, _max_retries(max_retries), sleep)
        self.general = AsyncGeneral(self._runtime)
        self.payments = AsyncPayments(self._runtime)
        self.subscriptions = AsyncSubscriptions(self._runtime)
        self.orders = AsyncOrders(self._runtime)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(public_id={self.public_id!r}, base_url={self.base_url!r})"

    async def aclose(self) -> None:
        await self._runtime.http.aclose()

    async def __aenter__(self) -> AsyncCloudPayments:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()
