"""The `orders` operations: `Orders` for `CloudPayments`, `AsyncOrders` for `AsyncCloudPayments`.

One method per operation; each builds the request model from its keyword arguments and makes one call
through the client (retries, outcome mapping, response check). The request itself is built by the
operation's module in this package.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import httpx

from ..._runtime import AsyncRuntime, SyncRuntime
from ...models import Currency, JsonData, OperationResponse, Order, SubscriptionBehavior
from ...types import money, nested
from .cancel_order import OPERATION as CANCEL_ORDER
from .create_order import OPERATION as CREATE_ORDER


class Orders:
    """Orders operations: Invoices with a payment link, optionally sent to the payer by e-mail."""

    def __init__(self, runtime: SyncRuntime) -> None:
        self._runtime = runtime

    def create_order(
        self,
        *,
        amount: Decimal | int | float,
        description: str,
        email: str,
        currency: Currency | None = None,
        require_confirmation: bool | None = None,
        send_email: bool | None = None,
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
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Order:
        """Create an invoice with a payment link

        Creates an invoice; `Model.Url` is the page where the payer pays it. With `SendEmail: true` the link is
        also sent to `Email`.

        Keyword arguments are the fields of `OrderCreateRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `Order`: the envelope's Model on `Success: true`.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "Amount": money(amount, "amount", 2),
            "Description": description,
            "Email": email,
        }
        if currency is not None:
            body["Currency"] = currency
        if require_confirmation is not None:
            body["RequireConfirmation"] = require_confirmation
        if send_email is not None:
            body["SendEmail"] = send_email
        if invoice_id is not None:
            body["InvoiceId"] = invoice_id
        if account_id is not None:
            body["AccountId"] = account_id
        if offer_uri is not None:
            body["OfferUri"] = offer_uri
        if phone is not None:
            body["Phone"] = phone
        if send_sms is not None:
            body["SendSms"] = send_sms
        if send_viber is not None:
            body["SendViber"] = send_viber
        if culture_name is not None:
            body["CultureName"] = culture_name
        if subscription_behavior is not None:
            body["SubscriptionBehavior"] = subscription_behavior
        if success_redirect_url is not None:
            body["SuccessRedirectUrl"] = success_redirect_url
        if fail_redirect_url is not None:
            body["FailRedirectUrl"] = fail_redirect_url
        if json_data is not None:
            body["JsonData"] = nested(json_data, "json_data", None)
        return self._runtime.call(CREATE_ORDER, body, request_id, timeout, max_retries, extra_headers)

    def cancel_order(
        self,
        *,
        id: str,
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> OperationResponse:
        """Cancel an invoice

        Withdraws an invoice that was not paid: its payment page no longer takes payments. An unknown or already
        paid invoice is refused with a `Message`.

        Keyword arguments are the fields of `OrderIdRequest` (wire names in PascalCase); amounts take `Decimal`,
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
        return self._runtime.call(CANCEL_ORDER, body, request_id, timeout, max_retries, extra_headers)


class AsyncOrders:
    """Orders operations: Invoices with a payment link, optionally sent to the payer by e-mail."""

    def __init__(self, runtime: AsyncRuntime) -> None:
        self._runtime = runtime

    async def create_order(
        self,
        *,
        amount: Decimal | int | float,
        description: str,
        email: str,
        currency: Currency | None = None,
        require_confirmation: bool | None = None,
        send_email: bool | None = None,
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
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Order:
        """Create an invoice with a payment link

        Creates an invoice; `Model.Url` is the page where the payer pays it. With `SendEmail: true` the link is
        also sent to `Email`.

        Keyword arguments are the fields of `OrderCreateRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `Order`: the envelope's Model on `Success: true`.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "Amount": money(amount, "amount", 2),
            "Description": description,
            "Email": email,
        }
        if currency is not None:
            body["Currency"] = currency
        if require_confirmation is not None:
            body["RequireConfirmation"] = require_confirmation
        if send_email is not None:
            body["SendEmail"] = send_email
        if invoice_id is not None:
            body["InvoiceId"] = invoice_id
        if account_id is not None:
            body["AccountId"] = account_id
        if offer_uri is not None:
            body["OfferUri"] = offer_uri
        if phone is not None:
            body["Phone"] = phone
        if send_sms is not None:
            body["SendSms"] = send_sms
        if send_viber is not None:
            body["SendViber"] = send_viber
        if culture_name is not None:
            body["CultureName"] = culture_name
        if subscription_behavior is not None:
            body["SubscriptionBehavior"] = subscription_behavior
        if success_redirect_url is not None:
            body["SuccessRedirectUrl"] = success_redirect_url
        if fail_redirect_url is not None:
            body["FailRedirectUrl"] = fail_redirect_url
        if json_data is not None:
            body["JsonData"] = nested(json_data, "json_data", None)
        return await self._runtime.call(CREATE_ORDER, body, request_id, timeout, max_retries, extra_headers)

    async def cancel_order(
        self,
        *,
        id: str,
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> OperationResponse:
        """Cancel an invoice

        Withdraws an invoice that was not paid: its payment page no longer takes payments. An unknown or already
        paid invoice is refused with a `Message`.

        Keyword arguments are the fields of `OrderIdRequest` (wire names in PascalCase); amounts take `Decimal`,
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
        return await self._runtime.call(CANCEL_ORDER, body, request_id, timeout, max_retries, extra_headers)
