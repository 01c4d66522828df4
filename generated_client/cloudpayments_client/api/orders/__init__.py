"""The `orders` operations: `Orders` for `CloudPayments`, `AsyncOrders` for `AsyncCloudPayments`.

One method per operation; each builds the request model from its keyword arguments and makes one call
through the client (retries, outcome mapping, response check). The request itself is built by the
operation's module in this package.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ...models import Currency, JsonData, Order, OrderCreateRequest, SubscriptionBehavior
from ...types import optional, optional_model
from .create_order import OPERATION as CREATE_ORDER

if TYPE_CHECKING:
    from ...client import AsyncRuntime, SyncRuntime


class Orders:
    """Orders operations: Invoices with a payment link, optionally sent to the payer by e-mail."""

    def __init__(self, runtime: SyncRuntime) -> None:
        self._runtime = runtime

    def create_order(
        self,
        *,
        amount: float,
        currency: Currency,
        description: str,
        email: str,
        require_confirmation: bool,
        send_email: bool,
        invoice_id: str | None = None,
        account_id: str | None = None,
        offer_uri: str | None = None,
        phone: str | None = None,
        send_sms: bool | None = None,
        send_viber: bool | None = None,
        culture_name: str | None = None,
        subscription_behavior: SubscriptionBehavior | None = None,
        success_redirect_url: str | None = None,
        fail_redirect_url: str | None = None,
        json_data: JsonData | Mapping[str, Any] | None = None,
        request_id: str | None = None,
    ) -> Order:
        """Create an invoice with a payment link

        Creates an invoice; `Model.Url` is the page where the payer pays it. With `SendEmail: true` the link is
        also sent to `Email`.

        Keyword arguments are the fields of `OrderCreateRequest` (wire names in PascalCase); object-valued
        ones also accept a mapping with the API's field names.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.

        Returns:
            `Order`: the envelope's Model on `Success: true`.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        return self._runtime.call(
            CREATE_ORDER,
            OrderCreateRequest(
                amount=amount,
                currency=currency,
                description=description,
                email=email,
                require_confirmation=require_confirmation,
                send_email=send_email,
                invoice_id=optional(invoice_id),
                account_id=optional(account_id),
                offer_uri=optional(offer_uri),
                phone=optional(phone),
                send_sms=optional(send_sms),
                send_viber=optional(send_viber),
                culture_name=optional(culture_name),
                subscription_behavior=optional(subscription_behavior),
                success_redirect_url=optional(success_redirect_url),
                fail_redirect_url=optional(fail_redirect_url),
                json_data=optional_model(JsonData, json_data),
            ),
            request_id,
        )


class AsyncOrders:
    """Orders operations: Invoices with a payment link, optionally sent to the payer by e-mail."""

    def __init__(self, runtime: AsyncRuntime) -> None:
        self._runtime = runtime

    async def create_order(
        self,
        *,
        amount: float,
        currency: Currency,
        description: str,
        email: str,
        require_confirmation: bool,
        send_email: bool,
        invoice_id: str | None = None,
        account_id: str | None = None,
        offer_uri: str | None = None,
        phone: str | None = None,
        send_sms: bool | None = None,
        send_viber: bool | None = None,
        culture_name: str | None = None,
        subscription_behavior: SubscriptionBehavior | None = None,
        success_redirect_url: str | None = None,
        fail_redirect_url: str | None = None,
        json_data: JsonData | Mapping[str, Any] | None = None,
        request_id: str | None = None,
    ) -> Order:
        """Create an invoice with a payment link

        Creates an invoice; `Model.Url` is the page where the payer pays it. With `SendEmail: true` the link is
        also sent to `Email`.

        Keyword arguments are the fields of `OrderCreateRequest` (wire names in PascalCase); object-valued
        ones also accept a mapping with the API's field names.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.

        Returns:
            `Order`: the envelope's Model on `Success: true`.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        return await self._runtime.call(
            CREATE_ORDER,
            OrderCreateRequest(
                amount=amount,
                currency=currency,
                description=description,
                email=email,
                require_confirmation=require_confirmation,
                send_email=send_email,
                invoice_id=optional(invoice_id),
                account_id=optional(account_id),
                offer_uri=optional(offer_uri),
                phone=optional(phone),
                send_sms=optional(send_sms),
                send_viber=optional(send_viber),
                culture_name=optional(culture_name),
                subscription_behavior=optional(subscription_behavior),
                success_redirect_url=optional(success_redirect_url),
                fail_redirect_url=optional(fail_redirect_url),
                json_data=optional_model(JsonData, json_data),
            ),
            request_id,
        )
