"""The `general` operations: `General` for `CloudPayments`, `AsyncGeneral` for `AsyncCloudPayments`.

One method per operation; each builds the request model from its keyword arguments and makes one call
through the client (retries, outcome mapping, response check). The request itself is built by the
operation's module in this package.
"""

from __future__ import annotations

from collections.abc import Mapping

import httpx

from ..._runtime import AsyncRuntime, SyncRuntime
from ...models import ConnectionCheckResponse
from .test import OPERATION as TEST


class General:
    """General operations: Connectivity check."""

    def __init__(self, runtime: SyncRuntime) -> None:
        self._runtime = runtime

    def test(
        self,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ConnectionCheckResponse:
        """Check the connection

        Checks that the API is reachable and the credentials are accepted. Takes no parameters; `Message`
        holds the id of the request.

        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `ConnectionCheckResponse`: the whole envelope (`success`, `message`); there is no Model.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        return self._runtime.call(TEST, None, None, timeout, max_retries, extra_headers)


class AsyncGeneral:
    """General operations: Connectivity check."""

    def __init__(self, runtime: AsyncRuntime) -> None:
        self._runtime = runtime

    async def test(
        self,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ConnectionCheckResponse:
        """Check the connection

        Checks that the API is reachable and the credentials are accepted. Takes no parameters; `Message`
        holds the id of the request.

        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `ConnectionCheckResponse`: the whole envelope (`success`, `message`); there is no Model.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        return await self._runtime.call(TEST, None, None, timeout, max_retries, extra_headers)
