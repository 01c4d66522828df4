"""What every call of `CloudPayments` and `AsyncCloudPayments` shares: the runtime their resource groups call.

Each call goes through `SyncRuntime.call` / `AsyncRuntime.call` with the operation's facts (its module in
`cloudpayments_client.api.<tag>`): Basic credentials that never show the secret, a timeout, retries with one
X-Request-ID, the reading of the answer (strict only where it decides the outcome), and the mapping
of every outcome to its exception (`errors.py`), which carries the request id and the answer. The clients
(`client.py`) and the resource groups (`api/<tag>`) both import this module; it imports neither.

Logging: the `cloudpayments_client` logger says DEBUG for every answer (operation, HTTP status, request id), INFO
before each retry, and WARNING once per answer field that drifts from the API description. It never logs
credentials or bodies.
"""

from __future__ import annotations

import email.utils
import json
import logging
import os
import random
import uuid
from collections.abc import Awaitable, Callable, Generator, Mapping
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, Final, TypeVar, cast

import httpx

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
VERSION: Final = "3.0.0"
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
    return cls(f"{what} ({type(error).__name__})", operation=operation, request_id=request_id)


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


# ---- what the clients take ---------------------------------------------------------------------------


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
