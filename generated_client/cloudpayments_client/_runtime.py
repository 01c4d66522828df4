"""What every facade call shares: credentials, retries with one request id, and outcome mapping."""

from __future__ import annotations

import asyncio
import dataclasses
import email.utils
import logging
import time
import uuid
from collections.abc import Awaitable, Callable, Generator
from datetime import UTC, datetime
from typing import Any

import httpx
from tenacity import AsyncRetrying, RetryCallState, Retrying, stop_after_attempt, wait_random_exponential

from ._validation import validate_response
from .exceptions import (
    APIConnectionError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    PaymentDeclinedError,
    RateLimitError,
    ResponseValidationError,
    ServerError,
    ThreeDSecureRequired,
    UnexpectedStatusError,
)
from .models import ThreeDSecureChallenge, Transaction
from .types import Unset

logger = logging.getLogger("cloudpayments_client")

REQUEST_ID_HEADER = "X-Request-ID"
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
DEFAULT_MAX_RETRIES = 2
# Jittered exponential backoff between attempts, in seconds (tenacity's "full jitter").
BACKOFF_INITIAL = 0.5
BACKOFF_MAX = 8.0
# A Retry-After longer than this is cut to it.
RETRY_AFTER_MAX = 60.0
# Failures after which the same request (same request id) may be sent again.
RETRYABLE_ERRORS: tuple[type[Exception], ...] = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)


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


@dataclasses.dataclass(frozen=True)
class Operation:
    """One operation of the API description, as the facade calls it."""

    operation_id: str
    # declares the X-Request-ID header: changes state, so every call carries an idempotency key
    mutating: bool
    # the success answer is the envelope's Model (otherwise the envelope itself)
    returns_model: bool
    envelope: Any  # the generated envelope model class (from_dict)
    request: Callable[[Any, str | None], dict[str, Any]]  # httpx.request kwargs from the generated module


@dataclasses.dataclass(frozen=True)
class RetryPolicy:
    max_retries: int = DEFAULT_MAX_RETRIES
    backoff_initial: float = BACKOFF_INITIAL
    backoff_max: float = BACKOFF_MAX

    def __post_init__(self) -> None:
        if self.max_retries < 0:
            raise ValueError("max_retries must be 0 (no retries) or more")


def new_request_id() -> str:
    return str(uuid.uuid4())


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


def _waiter(policy: RetryPolicy) -> Callable[[RetryCallState], float]:
    backoff = wait_random_exponential(multiplier=policy.backoff_initial, max=policy.backoff_max)

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


def interpret(op: Operation, response: httpx.Response, request_id: str | None) -> Any:
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
    validate_response(name, data)
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
    if op.returns_model:
        if model is None:
            raise ResponseValidationError("is missing although Success is true", operation=name, field="Model")
        return model
    return envelope


class SyncEngine:
    def __init__(self, http: Callable[[], httpx.Client], policy: RetryPolicy, sleep: Callable[[float], None]) -> None:
        self._http = http
        self._policy = policy
        self._sleep = sleep

    def call(self, op: Operation, body: Any, request_id: str | None) -> Any:
        # One id for the whole logical request: every retry carries the same X-Request-ID.
        rid = (request_id or new_request_id()) if op.mutating else None
        kwargs = op.request(body, rid)
        retrying = Retrying(
            stop=stop_after_attempt(self._policy.max_retries + 1),
            wait=_waiter(self._policy),
            retry=_should_retry,
            retry_error_callback=_last_outcome,
            before_sleep=_log_attempt(op.operation_id, rid),
            sleep=self._sleep,
            reraise=True,
        )
        try:
            response: httpx.Response = retrying(self._http().request, **kwargs)
        except RETRYABLE_ERRORS as error:
            raise _connection_error(op.operation_id, error) from error
        return interpret(op, response, rid)


class AsyncEngine:
    def __init__(
        self,
        http: Callable[[], httpx.AsyncClient],
        policy: RetryPolicy,
        sleep: Callable[[float], Awaitable[None]],
    ) -> None:
        self._http = http
        self._policy = policy
        self._sleep = sleep

    async def call(self, op: Operation, body: Any, request_id: str | None) -> Any:
        rid = (request_id or new_request_id()) if op.mutating else None
        kwargs = op.request(body, rid)
        retrying = AsyncRetrying(
            stop=stop_after_attempt(self._policy.max_retries + 1),
            wait=_waiter(self._policy),
            retry=_should_retry,
            retry_error_callback=_last_outcome,
            before_sleep=_log_attempt(op.operation_id, rid),
            sleep=self._sleep,
            reraise=True,
        )
        try:
            response: httpx.Response = await retrying(self._http().request, **kwargs)
        except RETRYABLE_ERRORS as error:
            raise _connection_error(op.operation_id, error) from error
        return interpret(op, response, rid)


default_sleep = time.sleep
default_async_sleep = asyncio.sleep
