"""`CloudPayments` and `AsyncCloudPayments`: one attribute per tag of the API, each a resource group of
`cloudpayments_client.api.<tag>` over the runtime every call shares (`_runtime.py`)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Mapping
from types import TracebackType

import httpx

from ._runtime import (
    API_SECRET_ENV,
    BACKOFF_INITIAL,
    BACKOFF_MAX,
    BASE_URL_ENV,
    DEFAULT_BASE_URL,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    NOT_GIVEN,
    PUBLIC_ID_ENV,
    RETRY_AFTER_MAX,
    RETRYABLE_ERRORS,
    USER_AGENT,
    VERSION,
    AsyncRuntime,
    BasicCredentials,
    SyncRuntime,
    _max_retries,
    _NotGiven,
    _Settings,
    _settings,
    _timeout,
)
from .api.alt_payments import AltPayments, AsyncAltPayments
from .api.chargebacks import AsyncChargebacks, Chargebacks
from .api.escrow import AsyncEscrow, Escrow
from .api.general import AsyncGeneral, General
from .api.notifications import AsyncNotifications, Notifications
from .api.orders import AsyncOrders, Orders
from .api.payments import AsyncPayments, Payments
from .api.payouts import AsyncPayouts, Payouts
from .api.receipts import AsyncReceipts, Receipts
from .api.subscriptions import AsyncSubscriptions, Subscriptions
from .errors import ConfigurationError
from .types import checked_headers

# The runtime's settings stay importable from here, where they were before the runtime had its own module.
__all__ = [
    "API_SECRET_ENV",
    "BACKOFF_INITIAL",
    "BACKOFF_MAX",
    "BASE_URL_ENV",
    "DEFAULT_BASE_URL",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "PUBLIC_ID_ENV",
    "RETRYABLE_ERRORS",
    "RETRY_AFTER_MAX",
    "USER_AGENT",
    "VERSION",
    "AsyncCloudPayments",
    "AsyncRuntime",
    "BasicCredentials",
    "CloudPayments",
    "SyncRuntime",
]


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
        self.chargebacks = Chargebacks(runtime)
        self.escrow = Escrow(runtime)
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
        self.chargebacks = AsyncChargebacks(runtime)
        self.escrow = AsyncEscrow(runtime)
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
