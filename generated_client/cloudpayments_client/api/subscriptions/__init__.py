"""The `subscriptions` operations: `Subscriptions` for `CloudPayments`, `AsyncSubscriptions` for `AsyncCloudPayments`.

One method per operation; each builds the request model from its keyword arguments and makes one call
through the client (retries, outcome mapping, response check). The request itself is built by the
operation's module in this package.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ...models import (
    Currency,
    CustomerReceipt,
    Interval,
    OperationResponse,
    Subscription,
    SubscriptionCreateRequest,
    SubscriptionIdRequest,
)
from ...types import optional, optional_model
from .cancel_subscription import OPERATION as CANCEL_SUBSCRIPTION
from .create_subscription import OPERATION as CREATE_SUBSCRIPTION
from .get_subscription import OPERATION as GET_SUBSCRIPTION

if TYPE_CHECKING:
    from ...client import AsyncRuntime, SyncRuntime


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
        email: str,
        amount: float,
        currency: Currency,
        require_confirmation: bool,
        start_date: datetime.datetime | str,
        interval: Interval,
        period: int,
        max_periods: int | None = None,
        culture_name: str | None = None,
        customer_receipt: CustomerReceipt | Mapping[str, Any] | None = None,
        request_id: str | None = None,
    ) -> Subscription:
        """Create a subscription

        Subscribes a payer to recurrent payments charged to a saved card token, starting at `StartDate` and
        repeating every `Period` `Interval`s.

        Keyword arguments are the fields of `SubscriptionCreateRequest` (wire names in PascalCase); object-valued
        ones also accept a mapping with the API's field names.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.

        Returns:
            `Subscription`: the envelope's Model on `Success: true`.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        return self._runtime.call(
            CREATE_SUBSCRIPTION,
            SubscriptionCreateRequest(
                token=token,
                account_id=account_id,
                description=description,
                email=email,
                amount=amount,
                currency=currency,
                require_confirmation=require_confirmation,
                start_date=start_date,
                interval=interval,
                period=period,
                max_periods=optional(max_periods),
                culture_name=optional(culture_name),
                customer_receipt=optional_model(CustomerReceipt, customer_receipt),
            ),
            request_id,
        )

    def get_subscription(
        self,
        *,
        id: str,
    ) -> Subscription:
        """Get a subscription

        Returns the subscription with its current status and schedule.

        Keyword arguments are the fields of `SubscriptionIdRequest` (wire names in PascalCase); object-valued
        ones also accept a mapping with the API's field names.

        Returns:
            `Subscription`: the envelope's Model on `Success: true`.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        return self._runtime.call(
            GET_SUBSCRIPTION,
            SubscriptionIdRequest(
                id=id,
            ),
            None,
        )

    def cancel_subscription(
        self,
        *,
        id: str,
        request_id: str | None = None,
    ) -> OperationResponse:
        """Cancel a subscription

        Stops the recurrent payments; the subscription becomes `Cancelled`.

        Keyword arguments are the fields of `SubscriptionIdRequest` (wire names in PascalCase); object-valued
        ones also accept a mapping with the API's field names.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.

        Returns:
            `OperationResponse`: the whole envelope (`success`, `message`); there is no Model.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        return self._runtime.call(
            CANCEL_SUBSCRIPTION,
            SubscriptionIdRequest(
                id=id,
            ),
            request_id,
        )


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
        email: str,
        amount: float,
        currency: Currency,
        require_confirmation: bool,
        start_date: datetime.datetime | str,
        interval: Interval,
        period: int,
        max_periods: int | None = None,
        culture_name: str | None = None,
        customer_receipt: CustomerReceipt | Mapping[str, Any] | None = None,
        request_id: str | None = None,
    ) -> Subscription:
        """Create a subscription

        Subscribes a payer to recurrent payments charged to a saved card token, starting at `StartDate` and
        repeating every `Period` `Interval`s.

        Keyword arguments are the fields of `SubscriptionCreateRequest` (wire names in PascalCase); object-valued
        ones also accept a mapping with the API's field names.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.

        Returns:
            `Subscription`: the envelope's Model on `Success: true`.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        return await self._runtime.call(
            CREATE_SUBSCRIPTION,
            SubscriptionCreateRequest(
                token=token,
                account_id=account_id,
                description=description,
                email=email,
                amount=amount,
                currency=currency,
                require_confirmation=require_confirmation,
                start_date=start_date,
                interval=interval,
                period=period,
                max_periods=optional(max_periods),
                culture_name=optional(culture_name),
                customer_receipt=optional_model(CustomerReceipt, customer_receipt),
            ),
            request_id,
        )

    async def get_subscription(
        self,
        *,
        id: str,
    ) -> Subscription:
        """Get a subscription

        Returns the subscription with its current status and schedule.

        Keyword arguments are the fields of `SubscriptionIdRequest` (wire names in PascalCase); object-valued
        ones also accept a mapping with the API's field names.

        Returns:
            `Subscription`: the envelope's Model on `Success: true`.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        return await self._runtime.call(
            GET_SUBSCRIPTION,
            SubscriptionIdRequest(
                id=id,
            ),
            None,
        )

    async def cancel_subscription(
        self,
        *,
        id: str,
        request_id: str | None = None,
    ) -> OperationResponse:
        """Cancel a subscription

        Stops the recurrent payments; the subscription becomes `Cancelled`.

        Keyword arguments are the fields of `SubscriptionIdRequest` (wire names in PascalCase); object-valued
        ones also accept a mapping with the API's field names.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.

        Returns:
            `OperationResponse`: the whole envelope (`success`, `message`); there is no Model.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        return await self._runtime.call(
            CANCEL_SUBSCRIPTION,
            SubscriptionIdRequest(
                id=id,
            ),
            request_id,
        )
