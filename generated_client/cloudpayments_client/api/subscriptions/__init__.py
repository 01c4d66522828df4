"""The `subscriptions` operations: `Subscriptions` for `CloudPayments`, `AsyncSubscriptions` for `AsyncCloudPayments`.

One method per operation; each builds the request model from its keyword arguments and makes one call
through the client (retries, outcome mapping, response check). The request itself is built by the
operation's module in this package.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import httpx

from ..._runtime import AsyncRuntime, SyncRuntime
from ...models import Currency, CustomerReceipt, Interval, OperationResponse, Subscription
from ...types import date_argument, money, nested
from .cancel_subscription import OPERATION as CANCEL_SUBSCRIPTION
from .create_subscription import OPERATION as CREATE_SUBSCRIPTION
from .find_subscriptions import OPERATION as FIND_SUBSCRIPTIONS
from .get_subscription import OPERATION as GET_SUBSCRIPTION
from .update_subscription import OPERATION as UPDATE_SUBSCRIPTION


class Subscriptions:
    """Subscriptions operations: Recurrent payments on a schedule, charged to a saved card token."""

    def __init__(self, runtime: SyncRuntime) -> None:
        self._runtime = runtime

    def create_subscription(
        self,
        *,
        token: str,
        account_id: str,
        description: str,
        amount: Decimal | int | float,
        currency: Currency,
        start_date: datetime.datetime | str,
        interval: Interval,
        period: int,
        email: str | None = None,
        require_confirmation: bool | None = None,
        max_periods: int | None = None,
        culture_name: str | None = None,
        customer_receipt: CustomerReceipt | Mapping[str, Any] | None = None,
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Subscription:
        """Create a subscription

        Subscribes a payer to recurrent payments charged to a saved card token, starting at `StartDate` and
        repeating every `Period` `Interval`s.

        Keyword arguments are the fields of `SubscriptionCreateRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `Subscription`: the envelope's Model on `Success: true`.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "Token": token,
            "AccountId": account_id,
            "Description": description,
            "Amount": money(amount, "amount", 2),
            "Currency": currency,
            "StartDate": date_argument(start_date, "start_date"),
            "Interval": interval,
            "Period": period,
        }
        if email is not None:
            body["Email"] = email
        if require_confirmation is not None:
            body["RequireConfirmation"] = require_confirmation
        if max_periods is not None:
            body["MaxPeriods"] = max_periods
        if culture_name is not None:
            body["CultureName"] = culture_name
        if customer_receipt is not None:
            body["CustomerReceipt"] = nested(customer_receipt, "customer_receipt", None)
        return self._runtime.call(CREATE_SUBSCRIPTION, body, request_id, timeout, max_retries, extra_headers)

    def get_subscription(
        self,
        *,
        id: str,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Subscription:
        """Get a subscription

        Returns the subscription with its current status and schedule.

        Keyword arguments are the fields of `SubscriptionIdRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `Subscription`: the envelope's Model on `Success: true`.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "Id": id,
        }
        return self._runtime.call(GET_SUBSCRIPTION, body, None, timeout, max_retries, extra_headers)

    def cancel_subscription(
        self,
        *,
        id: str,
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> OperationResponse:
        """Cancel a subscription

        Stops the recurrent payments; the subscription becomes `Cancelled`.

        Keyword arguments are the fields of `SubscriptionIdRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `OperationResponse`: the whole envelope (`success`, `message`); there is no Model.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "Id": id,
        }
        return self._runtime.call(CANCEL_SUBSCRIPTION, body, request_id, timeout, max_retries, extra_headers)

    def find_subscriptions(
        self,
        *,
        account_id: str,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[Subscription]:
        """Find the subscriptions of a payer

        Returns every subscription of the given `AccountId`, whatever its status.

        Keyword arguments are the fields of `SubscriptionFindRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `list[Subscription]`: the envelope's Model on `Success: true`, each item read as a single
            Model is; an empty list when the Model is null or absent.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "AccountId": account_id,
        }
        return self._runtime.call(FIND_SUBSCRIPTIONS, body, None, timeout, max_retries, extra_headers)

    def update_subscription(
        self,
        *,
        id: str,
        description: str | None = None,
        amount: Decimal | int | float | None = None,
        currency: Currency | None = None,
        require_confirmation: bool | None = None,
        start_date: datetime.datetime | str | None = None,
        interval: Interval | None = None,
        period: int | None = None,
        max_periods: int | None = None,
        culture_name: str | None = None,
        customer_receipt: CustomerReceipt | Mapping[str, Any] | None = None,
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Subscription:
        """Change a subscription

        Changes the parameters given; the others keep their values. **Any update of a `Cancelled`, `Rejected` or
        `Expired` subscription re-activates it** (`Active`), with the periods already paid counted against
        `MaxPeriods`. An update sends no Recurrent notification.

        Keyword arguments are the fields of `SubscriptionUpdateRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `Subscription`: the envelope's Model on `Success: true`.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "Id": id,
        }
        if description is not None:
            body["Description"] = description
        if amount is not None:
            body["Amount"] = money(amount, "amount", 2)
        if currency is not None:
            body["Currency"] = currency
        if require_confirmation is not None:
            body["RequireConfirmation"] = require_confirmation
        if start_date is not None:
            body["StartDate"] = date_argument(start_date, "start_date")
        if interval is not None:
            body["Interval"] = interval
        if period is not None:
            body["Period"] = period
        if max_periods is not None:
            body["MaxPeriods"] = max_periods
        if culture_name is not None:
            body["CultureName"] = culture_name
        if customer_receipt is not None:
            body["CustomerReceipt"] = nested(customer_receipt, "customer_receipt", None)
        return self._runtime.call(UPDATE_SUBSCRIPTION, body, request_id, timeout, max_retries, extra_headers)


class AsyncSubscriptions:
    """Subscriptions operations: Recurrent payments on a schedule, charged to a saved card token."""

    def __init__(self, runtime: AsyncRuntime) -> None:
        self._runtime = runtime

    async def create_subscription(
        self,
        *,
        token: str,
        account_id: str,
        description: str,
        amount: Decimal | int | float,
        currency: Currency,
        start_date: datetime.datetime | str,
        interval: Interval,
        period: int,
        email: str | None = None,
        require_confirmation: bool | None = None,
        max_periods: int | None = None,
        culture_name: str | None = None,
        customer_receipt: CustomerReceipt | Mapping[str, Any] | None = None,
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Subscription:
        """Create a subscription

        Subscribes a payer to recurrent payments charged to a saved card token, starting at `StartDate` and
        repeating every `Period` `Interval`s.

        Keyword arguments are the fields of `SubscriptionCreateRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `Subscription`: the envelope's Model on `Success: true`.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "Token": token,
            "AccountId": account_id,
            "Description": description,
            "Amount": money(amount, "amount", 2),
            "Currency": currency,
            "StartDate": date_argument(start_date, "start_date"),
            "Interval": interval,
            "Period": period,
        }
        if email is not None:
            body["Email"] = email
        if require_confirmation is not None:
            body["RequireConfirmation"] = require_confirmation
        if max_periods is not None:
            body["MaxPeriods"] = max_periods
        if culture_name is not None:
            body["CultureName"] = culture_name
        if customer_receipt is not None:
            body["CustomerReceipt"] = nested(customer_receipt, "customer_receipt", None)
        return await self._runtime.call(CREATE_SUBSCRIPTION, body, request_id, timeout, max_retries, extra_headers)

    async def get_subscription(
        self,
        *,
        id: str,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Subscription:
        """Get a subscription

        Returns the subscription with its current status and schedule.

        Keyword arguments are the fields of `SubscriptionIdRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `Subscription`: the envelope's Model on `Success: true`.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "Id": id,
        }
        return await self._runtime.call(GET_SUBSCRIPTION, body, None, timeout, max_retries, extra_headers)

    async def cancel_subscription(
        self,
        *,
        id: str,
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> OperationResponse:
        """Cancel a subscription

        Stops the recurrent payments; the subscription becomes `Cancelled`.

        Keyword arguments are the fields of `SubscriptionIdRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `OperationResponse`: the whole envelope (`success`, `message`); there is no Model.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "Id": id,
        }
        return await self._runtime.call(CANCEL_SUBSCRIPTION, body, request_id, timeout, max_retries, extra_headers)

    async def find_subscriptions(
        self,
        *,
        account_id: str,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[Subscription]:
        """Find the subscriptions of a payer

        Returns every subscription of the given `AccountId`, whatever its status.

        Keyword arguments are the fields of `SubscriptionFindRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `list[Subscription]`: the envelope's Model on `Success: true`, each item read as a single
            Model is; an empty list when the Model is null or absent.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "AccountId": account_id,
        }
        return await self._runtime.call(FIND_SUBSCRIPTIONS, body, None, timeout, max_retries, extra_headers)

    async def update_subscription(
        self,
        *,
        id: str,
        description: str | None = None,
        amount: Decimal | int | float | None = None,
        currency: Currency | None = None,
        require_confirmation: bool | None = None,
        start_date: datetime.datetime | str | None = None,
        interval: Interval | None = None,
        period: int | None = None,
        max_periods: int | None = None,
        culture_name: str | None = None,
        customer_receipt: CustomerReceipt | Mapping[str, Any] | None = None,
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Subscription:
        """Change a subscription

        Changes the parameters given; the others keep their values. **Any update of a `Cancelled`, `Rejected` or
        `Expired` subscription re-activates it** (`Active`), with the periods already paid counted against
        `MaxPeriods`. An update sends no Recurrent notification.

        Keyword arguments are the fields of `SubscriptionUpdateRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `Subscription`: the envelope's Model on `Success: true`.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "Id": id,
        }
        if description is not None:
            body["Description"] = description
        if amount is not None:
            body["Amount"] = money(amount, "amount", 2)
        if currency is not None:
            body["Currency"] = currency
        if require_confirmation is not None:
            body["RequireConfirmation"] = require_confirmation
        if start_date is not None:
            body["StartDate"] = date_argument(start_date, "start_date")
        if interval is not None:
            body["Interval"] = interval
        if period is not None:
            body["Period"] = period
        if max_periods is not None:
            body["MaxPeriods"] = max_periods
        if culture_name is not None:
            body["CultureName"] = culture_name
        if customer_receipt is not None:
            body["CustomerReceipt"] = nested(customer_receipt, "customer_receipt", None)
        return await self._runtime.call(UPDATE_SUBSCRIPTION, body, request_id, timeout, max_retries, extra_headers)
