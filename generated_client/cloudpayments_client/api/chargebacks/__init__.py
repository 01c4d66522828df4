"""The `chargebacks` operations: `Chargebacks` for `CloudPayments`, `AsyncChargebacks` for `AsyncCloudPayments`.

One method per operation; each builds the request model from its keyword arguments and makes one call
through the client (retries, outcome mapping, response check). The request itself is built by the
operation's module in this package.
"""

from __future__ import annotations

import datetime
from collections.abc import AsyncIterator, Iterator, Mapping
from typing import Any

import httpx

from ..._runtime import AsyncRuntime, SyncRuntime
from ...models import Chargeback
from ...types import date_argument
from .list_chargebacks import OPERATION as LIST_CHARGEBACKS


class Chargebacks:
    """Chargebacks operations: Chargebacks and chargeback fees the banks opened on the terminal's payments, by period."""

    def __init__(self, runtime: SyncRuntime) -> None:
        self._runtime = runtime

    def list_chargebacks(
        self,
        *,
        created_date_gte: datetime.datetime | str,
        created_date_lte: datetime.datetime | str,
        page_number: int,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[Chargeback]:
        """List the chargebacks and fees of a period, page by page

        Returns the chargebacks (`Type: Chargeback`) and chargeback fees (`Type: Fee`) opened on the terminal's
        payments between `CreatedDateGte` and `CreatedDateLte` (both included), oldest first, 100 a page;
        `PageNumber` counts from 1 and a page with fewer than 100 items is the last one. The two dates are at
        most a year apart (`x-max-period`): a wider period, or one that ends before it starts, is refused with a
        `Message`. The envelope also carries `ErrorCode`.

        Keyword arguments are the fields of `ChargebackListRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        One page of at most 100 items (`page_number` counts from 1; there is no
        total): `iter_list_chargebacks(...)` walks every page for you.

        Returns:
            `list[Chargeback]`: the envelope's Model on `Success: true`, each item read as a single
            Model is; an empty list when the Model is null or absent.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "CreatedDateGte": date_argument(created_date_gte, "created_date_gte"),
            "CreatedDateLte": date_argument(created_date_lte, "created_date_lte"),
            "PageNumber": page_number,
        }
        return self._runtime.call(LIST_CHARGEBACKS, body, None, timeout, max_retries, extra_headers)

    def iter_list_chargebacks(
        self,
        *,
        created_date_gte: datetime.datetime | str,
        created_date_lte: datetime.datetime | str,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Iterator[Chargeback]:
        """List the chargebacks and fees of a period, page by page: every item of every page.

        Calls `list_chargebacks` with `page_number` 1, 2, 3... and yields the items of each page in
        order, until a page with fewer than 100 items (an empty one included): the answer has no total.
        Nothing is sent before the first item is asked for. Keyword arguments are those of `list_chargebacks`
        but `page_number`; `timeout`, `max_retries` and `extra_headers` apply to every page.

        Yields:
            `Chargeback`: each item, read as `list_chargebacks` reads it.

        Raises:
            The errors of `list_chargebacks`, for the page that failed (the items of the pages before it were
            yielded already).
        """
        current_page = 1
        while True:
            page_items = self.list_chargebacks(
                created_date_gte=created_date_gte,
                created_date_lte=created_date_lte,
                page_number=current_page,
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
            )
            yield from page_items
            if len(page_items) < 100:
                return
            current_page += 1


class AsyncChargebacks:
    """Chargebacks operations: Chargebacks and chargeback fees the banks opened on the terminal's payments, by period."""

    def __init__(self, runtime: AsyncRuntime) -> None:
        self._runtime = runtime

    async def list_chargebacks(
        self,
        *,
        created_date_gte: datetime.datetime | str,
        created_date_lte: datetime.datetime | str,
        page_number: int,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[Chargeback]:
        """List the chargebacks and fees of a period, page by page

        Returns the chargebacks (`Type: Chargeback`) and chargeback fees (`Type: Fee`) opened on the terminal's
        payments between `CreatedDateGte` and `CreatedDateLte` (both included), oldest first, 100 a page;
        `PageNumber` counts from 1 and a page with fewer than 100 items is the last one. The two dates are at
        most a year apart (`x-max-period`): a wider period, or one that ends before it starts, is refused with a
        `Message`. The envelope also carries `ErrorCode`.

        Keyword arguments are the fields of `ChargebackListRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        One page of at most 100 items (`page_number` counts from 1; there is no
        total): `iter_list_chargebacks(...)` walks every page for you.

        Returns:
            `list[Chargeback]`: the envelope's Model on `Success: true`, each item read as a single
            Model is; an empty list when the Model is null or absent.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "CreatedDateGte": date_argument(created_date_gte, "created_date_gte"),
            "CreatedDateLte": date_argument(created_date_lte, "created_date_lte"),
            "PageNumber": page_number,
        }
        return await self._runtime.call(LIST_CHARGEBACKS, body, None, timeout, max_retries, extra_headers)

    async def iter_list_chargebacks(
        self,
        *,
        created_date_gte: datetime.datetime | str,
        created_date_lte: datetime.datetime | str,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncIterator[Chargeback]:
        """List the chargebacks and fees of a period, page by page: every item of every page (async).

        Calls `list_chargebacks` with `page_number` 1, 2, 3... and yields the items of each page in
        order, until a page with fewer than 100 items (an empty one included): the answer has no total.
        Nothing is sent before the first item is asked for. Keyword arguments are those of `list_chargebacks`
        but `page_number`; `timeout`, `max_retries` and `extra_headers` apply to every page.

        Yields:
            `Chargeback`: each item, read as `list_chargebacks` reads it.

        Raises:
            The errors of `list_chargebacks`, for the page that failed (the items of the pages before it were
            yielded already).
        """
        current_page = 1
        while True:
            page_items = await self.list_chargebacks(
                created_date_gte=created_date_gte,
                created_date_lte=created_date_lte,
                page_number=current_page,
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
            )
            for page_item in page_items:
                yield page_item
            if len(page_items) < 100:
                return
            current_page += 1
