"""`CloudPayments` and `AsyncCloudPayments`, and what every call shares.

Each call goes through `SyncRuntime.call` / `AsyncRuntime.call` with the operation's facts (its module in
`cloudpayments_client.api.<tag>`): Basic credentials that never show the secret, a timeout, retries with one
X-Request-ID, the reading of the answer (strict only where it decides the outcome), and the mapping
of every outcome to its exception (`errors.py`), which carries the request id and the answer.

Logging: the `cloudpayments_client` logger says DEBUG for every answer (operation, HTTP status, request id), INFO
before each retry, and WARNING once per answer field that drifts from the API description. It never logs
credentials or bodies.
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import logging
import os
import random
import time
import uuid
from collections.abc import Awaitable, Callable, Generator, Mapping
from datetime import UTC, datetime
from decimal import Decimal
from types import TracebackType
from typing import Any, Final, TypeVar, cast

import httpx

from .api.alt_payments import AltPayments, AsyncAltPayments
from .api.general import AsyncGeneral, General
from .api.notifications import AsyncNotifications, Notifications
from .api.orders import AsyncOrders, Orders
from .api.payments import AsyncPayments, Payments
from .api.payouts import AsyncPayouts, Payouts
from .api.receipts import AsyncReceipts, Receipts
from .api.subscriptions import AsyncSubscriptions, Subscriptions
from .errors import (
    APIConnectionError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    InvalidArgumentError,
    PaymentDeclinedError,
    RateLimitError,
    ResponseValidationError,
    ServerError,
    SucceededUnreadableError,
    ThreeDSecureRequired,
    UnexpectedStatusError,
)
from .models import ThreeDSecureChallenge, Transaction
from .types import AnswerFieldError, Operation, checked_headers, checked_request_id, expand_path

logger = logging.getLogger("cloudpayments_client")

PUBLIC_ID_ENV: Final = "CLOUDPAYMENTS_PUBLIC_ID"
API_SECRET_ENV: Final = "CLOUDPAYMENTS_API_SECRET"
BASE_URL_ENV: Final = "CLOUDPAYMENTS_BASE_URL"
DEFAULT_BASE_URL: Final = "https://api.cloudpayments.ru"
DEFAULT_TIMEOUT: Final = httpx.Timeout(30.0, connect=10.0)
DEFAULT_MAX_RETRIES: Final = 2
VERSION: Final = "2.1.0"
USER_AGENT: Final = f"cloudpayments-client/{VERSION} (python-httpx/{httpx.__version__})"
# Jittered exponential backoff between attempts, in seconds ("full jitter").
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
    """The typed result of one answer, or the exception for its outcome (carrying the request id and answer)."""
    name = op.operation_id
    status = response.status_code
    logger.debug("%s -> HTTP %d (request id %s)", name, status, request_id)
    if status != 200:
        if status == 401:
            raise AuthenticationError(
                "HTTP 401: credentials not accepted", operation=name, request_id=request_id, response=response
            )
        if status == 429:
            raise RateLimitError(
                "HTTP 429: too many requests",
                operation=name,
                request_id=request_id,
                response=response,
                retry_after=_retry_after(response),
            )
        if status >= 500:
            raise ServerError(f"HTTP {status}", operation=name, request_id=request_id, response=response)
        raise UnexpectedStatusError(f"HTTP {status}", operation=name, request_id=request_id, response=response)
    try:
        data = json.loads(response.content, parse_float=Decimal)
    except ValueError:
        raise ResponseValidationError(
            "is not JSON", operation=name, field="<body>", request_id=request_id, response=response
        ) from None
    success = data.get("Success") if type(data) is dict else None
    if type(success) is not bool:
        problem = "is missing" if type(data) is dict and "Success" not in data else "is not a boolean"
        raise ResponseValidationError(
            problem, operation=name, field="Success", request_id=request_id, response=response, data=data
        )
    model = data.get("Model")
    message = data.get("Message")
    message = message if type(message) is str else None
    if type(model) is dict and "AcsUrl" in model and "PaReq" in model:
        try:
            challenge = ThreeDSecureChallenge.from_dict(model)
        except AnswerFieldError as error:
            raise ResponseValidationError(
                error.problem,
                operation=name,
                field=f"Model.{error.field}",
                request_id=request_id,
                response=response,
                data=data,
            ) from None
        raise ThreeDSecureRequired(
            operation=name, api_message=message, challenge=challenge, request_id=request_id, response=response
        )
    if not success:
        if type(model) is dict and "TransactionId" in model:
            try:
                declined = Transaction.from_dict(model)
            except AnswerFieldError:
                pass
            else:
                raise PaymentDeclinedError(
                    operation=name,
                    api_message=message,
                    transaction=declined,
                    request_id=request_id,
                    response=response,
                )
        raise BadRequestError(
            operation=name, api_message=message, model=model, request_id=request_id, response=response
        )
    if not op.returns_model:
        result: Result = op.envelope(data)
        return result
    if op.returns_list:
        # An array of models: each item read as a single Model is; a null or absent Model is no items.
        if model is None:
            return cast(Result, [])
        if type(model) is not list:
            raise SucceededUnreadableError(
                f"is {type(model).__name__}, expected an array", operation=name, field="Model",
                request_id=request_id, response=response, data=data,
            )  # fmt: skip
        items: list[Any] = []
        for index, item in enumerate(model):
            found, failure = _read_model(op, item)
            if failure is not None:
                field = f"Model[{index}]" if failure.field == "" else f"Model[{index}].{failure.field}"
                raise SucceededUnreadableError(
                    failure.problem, operation=name, field=field, request_id=request_id, response=response,
                    data=data,
                )  # fmt: skip
            items.append(found)
        return cast(Result, items)
    if model is None:
        raise SucceededUnreadableError(
            "is missing", operation=name, field="Model", request_id=request_id, response=response, data=data
        )
    found, failure = _read_model(op, model)
    if failure is not None:
        raise SucceededUnreadableError(
            failure.problem, operation=name, field="Model" if failure.field == "" else f"Model.{failure.field}",
            request_id=request_id, response=response, data=data,
        )  # fmt: skip
    if op.answer is not None:
        # The fields beside the Model (`ExtensionData`, `ErrorCode`) are read from the envelope on access.
        return cast(Result, op.answer(found.raw, op.envelope(data)))
    return cast(Result, found)


def _read_model(op: Operation[Any, Any], value: Any) -> tuple[Any, AnswerFieldError | None]:
    """One Model (or item) read by the first of the operation's classes that accepts it, or the first refusal
    (its `field` is "" when the value is not an object at all)."""
    if type(value) is not dict:
        return None, AnswerFieldError("", f"is {type(value).__name__}, expected an object")
    failure: AnswerFieldError | None = None
    for kind in op.result:
        try:
            return kind.from_dict(value), None
        except AnswerFieldError as error:
            failure = failure or error
    assert failure is not None
    return None, failure


# ---- sending, with retries ---------------------------------------------------------------------------


def _retryable_status(status: int) -> bool:
    return status == 429 or status >= 500


def _backoff(attempt: int, response: httpx.Response | None) -> float:
    """Seconds before the next attempt: the answer's Retry-After, or jittered exponential backoff."""
    if response is not None:
        delay = _retry_after(response)
        if delay is not None:
            return min(delay, RETRY_AFTER_MAX)
    return random.uniform(0, min(BACKOFF_MAX, BACKOFF_INITIAL * 2**attempt))


def _connection_error(operation: str, error: Exception, request_id: str | None) -> APIConnectionError:
    # Built from the name and text only: the httpx exception's frames hold the request's headers.
    cls = APITimeoutError if isinstance(error, httpx.TimeoutException) else APIConnectionError
    what = "timed out" if cls is APITimeoutError else "no answer"
    return cls(f"{what} ({type(error).__name__}); request id {request_id}", operation=operation, request_id=request_id)


class _NotGiven:
    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = _NotGiven()


class _Settings:
    """What a runtime sends with: the http client, the credentials and the defaults of every call."""

    def __init__(
        self,
        http: Any,
        auth: httpx.Auth,
        base_url: str,
        timeout: httpx.Timeout | None | _NotGiven,
        max_retries: int,
        extra_headers: dict[str, str],
        owns_http: bool,
    ) -> None:
        self.http = http
        self.auth = auth
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.max_retries = max_retries
        self.extra_headers = extra_headers
        self.owns_http = owns_http

    def prepare(
        self,
        op: Operation[Body, Any],
        body: Body,
        request_id: str | None,
        timeout: float | httpx.Timeout | None,
        extra_headers: Mapping[str, str] | None,
        path: Mapping[str, str] | None = None,
    ) -> tuple[str | None, dict[str, Any]]:
        """The request id and the httpx.request arguments; every argument is checked before anything is sent."""
        if set(path or ()) != set(op.path_parameters):
            raise InvalidArgumentError(f"{op.operation_id} takes the path parameters {list(op.path_parameters)}")
        if op.mutating:
            # One id for the whole logical request: every retry carries the same X-Request-ID.
            rid: str | None = str(uuid.uuid4()) if request_id is None else checked_request_id(request_id)
        else:
            rid = None
        kwargs = op.build_request(body, rid)
        headers: dict[str, str] = kwargs["headers"]
        headers["User-Agent"] = USER_AGENT
        if self.extra_headers:
            headers.update(self.extra_headers)
        if extra_headers:
            headers.update(checked_headers(extra_headers))
        kwargs["url"] = self.base_url + (expand_path(kwargs["url"], path) if path else kwargs["url"])
        kwargs["auth"] = self.auth
        if timeout is not None:
            kwargs["timeout"] = _timeout(timeout)
        elif not isinstance(self.timeout, _NotGiven):
            kwargs["timeout"] = self.timeout
        return rid, kwargs


class SyncRuntime:
    """Sends one operation with retries and turns the answer into its result or exception."""

    def __init__(self, settings: _Settings, sleep: Callable[[float], None]) -> None:
        self.settings = settings
        self.http: httpx.Client = settings.http
        self._sleep = sleep

    def sleep(self, seconds: float) -> None:
        """Wait as the client waits between attempts (its `sleep`)."""
        self._sleep(seconds)

    def call(
        self,
        op: Operation[Body, Result],
        body: Body,
        request_id: str | None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        path: Mapping[str, str] | None = None,
    ) -> Result:
        rid, kwargs = self.settings.prepare(op, body, request_id, timeout, extra_headers, path)
        retries = self.settings.max_retries if max_retries is None else _max_retries(max_retries)
        attempt = 0
        while True:
            failure: Exception | None = None
            response: httpx.Response | None = None
            try:
                response = self.http.request(**kwargs)
            except RETRYABLE_ERRORS as error:
                failure = error
            if failure is None and response is not None and not _retryable_status(response.status_code):
                return _interpret(op, response, rid)
            if attempt >= retries:
                break
            what = repr(failure) if response is None else f"HTTP {response.status_code}"
            logger.info("%s attempt %d (request id %s): %s; retrying", op.operation_id, attempt + 1, rid, what)
            self._sleep(_backoff(attempt, response))
            attempt += 1
        if response is not None:
            return _interpret(op, response, rid)
        assert failure is not None
        # Raised outside the except block, so the error keeps no httpx frames (they hold the request's headers).
        raise _connection_error(op.operation_id, failure, rid)


class AsyncRuntime:
    """`SyncRuntime` for `httpx.AsyncClient`."""

    def __init__(self, settings: _Settings, sleep: Callable[[float], Awaitable[None]]) -> None:
        self.settings = settings
        self.http: httpx.AsyncClient = settings.http
        self._sleep = sleep

    async def sleep(self, seconds: float) -> None:
        """Wait as the client waits between attempts (its `sleep`)."""
        await self._sleep(seconds)

    async def call(
        self,
        op: Operation[Body, Result],
        body: Body,
        request_id: str | None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        path: Mapping[str, str] | None = None,
    ) -> Result:
        rid, kwargs = self.settings.prepare(op, body, request_id, timeout, extra_headers, path)
        retries = self.settings.max_retries if max_retries is None else _max_retries(max_retries)
        attempt = 0
        while True:
            failure: Exception | None = None
            response: httpx.Response | None = None
            try:
                response = await self.http.request(**kwargs)
            except RETRYABLE_ERRORS as error:
                failure = error
            if failure is None and response is not None and not _retryable_status(response.status_code):
                return _interpret(op, response, rid)
            if attempt >= retries:
                break
            what = repr(failure) if response is None else f"HTTP {response.status_code}"
            logger.info("%s attempt %d (request id %s): %s; retrying", op.operation_id, attempt + 1, rid, what)
            await self._sleep(_backoff(attempt, response))
            attempt += 1
        if response is not None:
            return _interpret(op, response, rid)
        assert failure is not None
        raise _connection_error(op.operation_id, failure, rid)


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
    if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
        raise InvalidArgumentError("max_retries must be 0 (no retries) or more")
    return max_retries


class CloudPayments:
    """Client of the CloudPayments API.

    Credentials come from the arguments or from the environment (CLOUDPAYMENTS_PUBLIC_ID,
    CLOUDPAYMENTS_API_SECRET, CLOUDPAYMENTS_BASE_URL; the base URL defaults to https://api.cloudpayments.ru).
    Every call has a timeout (`timeout`, default 30 s, 10 s to connect) and is retried up to
    `max_retries` times on connection errors, timeouts, 429 and 5xx, with the same X-Request-ID,
    exponential backoff with jitter, honouring Retry-After. `max_retries=0` switches retries off.
    `extra_headers` are sent with every call. `http_client` is your own `httpx.Client` (proxies, TLS,
    limits, event hooks): the credentials are still sent with every call, and the client is not closed by
    `close()`. `transport` replaces the network (e.g. `httpx.MockTransport`);
    `sleep` replaces the wait between attempts. Each method also takes `timeout`, `max_retries` and
    `extra_headers` for that call alone; `with_options(...)` is a copy with other defaults.
    Each tag of the API is an attribute with one method per operation.
    """

    def __init__(
        self,
        public_id: str | None = None,
        api_secret: str | None = None,
        *,
        base_url: str | None = None,
        timeout: httpx.Timeout | float | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        extra_headers: Mapping[str, str] | None = None,
        http_client: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        public_id, api_secret, base_url = _settings(public_id, api_secret, base_url)
        self.public_id = public_id
        self.base_url = base_url
        self.timeout = _timeout(timeout)
        if http_client is not None and transport is not None:
            raise ConfigurationError("pass either http_client or transport, not both")
        headers = checked_headers(extra_headers or {})
        if http_client is None:
            http: httpx.Client = httpx.Client(timeout=self.timeout, transport=transport)
            given_timeout: httpx.Timeout | _NotGiven = NOT_GIVEN
        else:
            http = http_client
            # Your client's own timeout stands unless one is passed here.
            given_timeout = NOT_GIVEN if timeout is DEFAULT_TIMEOUT else self.timeout
        settings = _Settings(
            http, BasicCredentials(public_id, api_secret), base_url, given_timeout, _max_retries(max_retries),
            headers, owns_http=http_client is None,
        )  # fmt: skip
        self._attach(SyncRuntime(settings, sleep))

    def _attach(self, runtime: SyncRuntime) -> None:
        self._runtime = runtime
        self.general = General(runtime)
        self.payments = Payments(runtime)
        self.alt_payments = AltPayments(runtime)
        self.payouts = Payouts(runtime)
        self.subscriptions = Subscriptions(runtime)
        self.orders = Orders(runtime)
        self.receipts = Receipts(runtime)
        self.notifications = Notifications(runtime)

    @property
    def max_retries(self) -> int:
        return self._runtime.settings.max_retries

    def with_options(
        self,
        *,
        timeout: httpx.Timeout | float | None | _NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> CloudPayments:
        """A copy with other defaults for its calls; it shares this client's connections and credentials.

        `extra_headers` are added to this client's. Close the original, not the copy.
        """
        old = self._runtime.settings
        headers = {**old.extra_headers, **checked_headers(extra_headers or {})}
        new_timeout = old.timeout if isinstance(timeout, _NotGiven) else _timeout(timeout)
        settings = _Settings(
            old.http, old.auth, old.base_url, new_timeout,
            old.max_retries if max_retries is None else _max_retries(max_retries), headers, owns_http=False,
        )  # fmt: skip
        copy = object.__new__(type(self))
        copy.public_id = self.public_id
        copy.base_url = self.base_url
        copy.timeout = self.timeout if isinstance(new_timeout, _NotGiven) or new_timeout is None else new_timeout
        copy._attach(SyncRuntime(settings, self._runtime._sleep))
        return copy

    def __repr__(self) -> str:
        return f"{type(self).__name__}(public_id={self.public_id!r}, base_url={self.base_url!r})"

    def close(self) -> None:
        """Close the connections, unless the httpx client was passed in (`http_client`) or this is a copy."""
        if self._runtime.settings.owns_http:
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
    `extra_headers` are sent with every call. `http_client` is your own `httpx.AsyncClient` (proxies, TLS,
    limits, event hooks): the credentials are still sent with every call, and the client is not closed by
    `aclose()`. `transport` replaces the network (e.g. `httpx.MockTransport`);
    `sleep` replaces the wait between attempts. Each method also takes `timeout`, `max_retries` and
    `extra_headers` for that call alone; `with_options(...)` is a copy with other defaults.
    Each tag of the API is an attribute with one method per operation.
    """

    def __init__(
        self,
        public_id: str | None = None,
        api_secret: str | None = None,
        *,
        base_url: str | None = None,
        timeout: httpx.Timeout | float | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        extra_headers: Mapping[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        public_id, api_secret, base_url = _settings(public_id, api_secret, base_url)
        self.public_id = public_id
        self.base_url = base_url
        self.timeout = _timeout(timeout)
        if http_client is not None and transport is not None:
            raise ConfigurationError("pass either http_client or transport, not both")
        headers = checked_headers(extra_headers or {})
        if http_client is None:
            http: httpx.AsyncClient = httpx.AsyncClient(timeout=self.timeout, transport=transport)
            given_timeout: httpx.Timeout | _NotGiven = NOT_GIVEN
        else:
            http = http_client
            # Your client's own timeout stands unless one is passed here.
            given_timeout = NOT_GIVEN if timeout is DEFAULT_TIMEOUT else self.timeout
        settings = _Settings(
            http, BasicCredentials(public_id, api_secret), base_url, given_timeout, _max_retries(max_retries),
            headers, owns_http=http_client is None,
        )  # fmt: skip
        self._attach(AsyncRuntime(settings, sleep))

    def _attach(self, runtime: AsyncRuntime) -> None:
        self._runtime = runtime
        self.general = AsyncGeneral(runtime)
        self.payments = AsyncPayments(runtime)
        self.alt_payments = AsyncAltPayments(runtime)
        self.payouts = AsyncPayouts(runtime)
        self.subscriptions = AsyncSubscriptions(runtime)
        self.orders = AsyncOrders(runtime)
        self.receipts = AsyncReceipts(runtime)
        self.notifications = AsyncNotifications(runtime)

    @property
    def max_retries(self) -> int:
        return self._runtime.settings.max_retries

    def with_options(
        self,
        *,
        timeout: httpx.Timeout | float | None | _NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncCloudPayments:
        """A copy with other defaults for its calls; it shares this client's connections and credentials.

        `extra_headers` are added to this client's. Close the original, not the copy.
        """
        old = self._runtime.settings
        headers = {**old.extra_headers, **checked_headers(extra_headers or {})}
        new_timeout = old.timeout if isinstance(timeout, _NotGiven) else _timeout(timeout)
        settings = _Settings(
            old.http, old.auth, old.base_url, new_timeout,
            old.max_retries if max_retries is None else _max_retries(max_retries), headers, owns_http=False,
        )  # fmt: skip
        copy = object.__new__(type(self))
        copy.public_id = self.public_id
        copy.base_url = self.base_url
        copy.timeout = self.timeout if isinstance(new_timeout, _NotGiven) or new_timeout is None else new_timeout
        copy._attach(AsyncRuntime(settings, self._runtime._sleep))
        return copy

    def __repr__(self) -> str:
        return f"{type(self).__name__}(public_id={self.public_id!r}, base_url={self.base_url!r})"

    async def aclose(self) -> None:
        """Close the connections, unless the httpx client was passed in (`http_client`) or this is a copy."""
        if self._runtime.settings.owns_http:
            await self._runtime.http.aclose()

    async def __aenter__(self) -> AsyncCloudPayments:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()
