"""The typed facade: `CloudPayments` and `AsyncCloudPayments`, one method per operation, grouped by tag.

Generated from the API description; each method builds the request model from keyword arguments,
sends it with the generated low-level module (`cloudpayments_client.api.<tag>.<operation>`), retries
safely, and returns the typed result or raises the exception for the outcome (see exceptions.py).
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Awaitable, Callable, Mapping
from types import TracebackType
from typing import Any, TypeVar

import httpx

from ._runtime import (
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    AsyncEngine,
    BasicCredentials,
    Operation,
    RetryPolicy,
    SyncEngine,
    default_async_sleep,
    default_sleep,
)
from .api.general.test import _get_kwargs as _test_kwargs
from .api.orders.create_order import _get_kwargs as _create_order_kwargs
from .api.payments.auth_card import _get_kwargs as _auth_card_kwargs
from .api.payments.auth_token import _get_kwargs as _auth_token_kwargs
from .api.payments.charge_card import _get_kwargs as _charge_card_kwargs
from .api.payments.charge_token import _get_kwargs as _charge_token_kwargs
from .api.payments.confirm_payment import _get_kwargs as _confirm_payment_kwargs
from .api.payments.post3ds import _get_kwargs as _post3ds_kwargs
from .api.payments.refund_payment import _get_kwargs as _refund_payment_kwargs
from .api.payments.void_payment import _get_kwargs as _void_payment_kwargs
from .api.subscriptions.cancel_subscription import _get_kwargs as _cancel_subscription_kwargs
from .api.subscriptions.create_subscription import _get_kwargs as _create_subscription_kwargs
from .api.subscriptions.get_subscription import _get_kwargs as _get_subscription_kwargs
from .client import Client
from .exceptions import ConfigurationError
from .models import (
    AirlineAddendum,
    CardPaymentRequest,
    CardPaymentResponse,
    ConfirmRequest,
    ConnectionCheckResponse,
    Currency,
    CustomerReceipt,
    Escrow,
    Interval,
    JsonData,
    OperationResponse,
    Order,
    OrderCreateRequest,
    OrderResponse,
    Payer,
    PaymentScheduled,
    Post3DsRequest,
    RefundRequest,
    RefundResponse,
    RefundResult,
    Subscription,
    SubscriptionBehavior,
    SubscriptionCreateRequest,
    SubscriptionIdRequest,
    SubscriptionResponse,
    TokenPaymentRequest,
    Transaction,
    TransactionResponse,
    TrInitiatorCode,
    VoidRequest,
)
from .types import UNSET

PUBLIC_ID_ENV = "CLOUDPAYMENTS_PUBLIC_ID"
API_SECRET_ENV = "CLOUDPAYMENTS_API_SECRET"
BASE_URL_ENV = "CLOUDPAYMENTS_BASE_URL"
DEFAULT_BASE_URL = "https://api.cloudpayments.ru"

T = TypeVar("T")


def _expect(value: object, kind: type[T]) -> T:
    if not isinstance(value, kind):
        raise TypeError(f"expected {kind.__name__}, got {type(value).__name__}")
    return value


_TEST = Operation(
    operation_id="test",
    mutating=False,
    returns_model=False,
    envelope=ConnectionCheckResponse,
    request=lambda body, rid: _test_kwargs(),
)

_CHARGE_CARD = Operation(
    operation_id="chargeCard",
    mutating=True,
    returns_model=True,
    envelope=CardPaymentResponse,
    request=lambda body, rid: _charge_card_kwargs(body=body, x_request_id=UNSET if rid is None else rid),
)

_AUTH_CARD = Operation(
    operation_id="authCard",
    mutating=True,
    returns_model=True,
    envelope=CardPaymentResponse,
    request=lambda body, rid: _auth_card_kwargs(body=body, x_request_id=UNSET if rid is None else rid),
)

_POST3DS = Operation(
    operation_id="post3ds",
    mutating=True,
    returns_model=True,
    envelope=TransactionResponse,
    request=lambda body, rid: _post3ds_kwargs(body=body, x_request_id=UNSET if rid is None else rid),
)

_CHARGE_TOKEN = Operation(
    operation_id="chargeToken",
    mutating=True,
    returns_model=True,
    envelope=TransactionResponse,
    request=lambda body, rid: _charge_token_kwargs(body=body, x_request_id=UNSET if rid is None else rid),
)

_AUTH_TOKEN = Operation(
    operation_id="authToken",
    mutating=True,
    returns_model=True,
    envelope=TransactionResponse,
    request=lambda body, rid: _auth_token_kwargs(body=body, x_request_id=UNSET if rid is None else rid),
)

_CONFIRM_PAYMENT = Operation(
    operation_id="confirmPayment",
    mutating=True,
    returns_model=False,
    envelope=OperationResponse,
    request=lambda body, rid: _confirm_payment_kwargs(body=body, x_request_id=UNSET if rid is None else rid),
)

_VOID_PAYMENT = Operation(
    operation_id="voidPayment",
    mutating=True,
    returns_model=False,
    envelope=OperationResponse,
    request=lambda body, rid: _void_payment_kwargs(body=body, x_request_id=UNSET if rid is None else rid),
)

_REFUND_PAYMENT = Operation(
    operation_id="refundPayment",
    mutating=True,
    returns_model=True,
    envelope=RefundResponse,
    request=lambda body, rid: _refund_payment_kwargs(body=body, x_request_id=UNSET if rid is None else rid),
)

_CREATE_SUBSCRIPTION = Operation(
    operation_id="createSubscription",
    mutating=True,
    returns_model=True,
    envelope=SubscriptionResponse,
    request=lambda body, rid: _create_subscription_kwargs(body=body, x_request_id=UNSET if rid is None else rid),
)

_GET_SUBSCRIPTION = Operation(
    operation_id="getSubscription",
    mutating=False,
    returns_model=True,
    envelope=SubscriptionResponse,
    request=lambda body, rid: _get_subscription_kwargs(body=body),
)

_CANCEL_SUBSCRIPTION = Operation(
    operation_id="cancelSubscription",
    mutating=True,
    returns_model=False,
    envelope=OperationResponse,
    request=lambda body, rid: _cancel_subscription_kwargs(body=body, x_request_id=UNSET if rid is None else rid),
)

_CREATE_ORDER = Operation(
    operation_id="createOrder",
    mutating=True,
    returns_model=True,
    envelope=OrderResponse,
    request=lambda body, rid: _create_order_kwargs(body=body, x_request_id=UNSET if rid is None else rid),
)


def _settings(public_id: str | None, api_secret: str | None, base_url: str | None) -> tuple[str, str, str]:
    public_id = public_id or os.environ.get(PUBLIC_ID_ENV)
    api_secret = api_secret or os.environ.get(API_SECRET_ENV)
    if not public_id:
        raise ConfigurationError(f"no Public ID: pass public_id or set {PUBLIC_ID_ENV}")
    if not api_secret:
        raise ConfigurationError(f"no API Secret: pass api_secret or set {API_SECRET_ENV}")
    return public_id, api_secret, base_url or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL


def _timeout(timeout: httpx.Timeout | float | None) -> httpx.Timeout | None:
    return timeout if timeout is None or isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)


class General:
    """General operations: Connectivity check."""

    def __init__(self, engine: SyncEngine) -> None:
        self._engine = engine

    def test(
        self,
    ) -> ConnectionCheckResponse:
        """Check the connection

        Checks that the API is reachable and the credentials are accepted. Takes no parameters; `Message`
        holds the id of the request.


        Returns:
            `ConnectionCheckResponse`: the whole envelope (`success`, `message`); there is no Model.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body = None
        result = self._engine.call(_TEST, body, None)
        return _expect(result, ConnectionCheckResponse)


class Payments:
    """Payments operations: Payments by card cryptogram and by saved token, 3-D Secure completion, two-step confirmation, void and refund."""

    def __init__(self, engine: SyncEngine) -> None:
        self._engine = engine

    def charge_card(
        self,
        *,
        amount: float,
        currency: Currency,
        ip_address: str,
        name: str,
        card_cryptogram_packet: str,
        invoice_id: str | None = None,
        description: str | None = None,
        account_id: str | None = None,
        email: str | None = None,
        payment_url: str | None = None,
        culture_name: str | None = None,
        save_card: bool | None = None,
        json_data: JsonData | Mapping[str, Any] | None = None,
        payer: Payer | Mapping[str, Any] | None = None,
        escrow: Escrow | Mapping[str, Any] | None = None,
        airline_addendum: AirlineAddendum | Mapping[str, Any] | None = None,
        request_id: str | None = None,
    ) -> Transaction:
        """One-step payment by card cryptogram

        Charges a card described by a cryptogram made by the CloudPayments checkout script. The answer is an
        approved transaction (`Status: Completed`), a 3-D Secure challenge (continue with the ACS page and
        `/payments/cards/post3ds`), a declined transaction (`ReasonCode` says why) or a bad request.

        Keyword arguments are the fields of `CardPaymentRequest` (wire names in PascalCase); object-valued
        ones also accept a mapping with the API's field names.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.

        Returns:
            `Transaction`: the envelope's Model on `Success: true`.

        Raises:
            ThreeDSecureRequired: the payer must pass 3-D Secure (acs_url, pa_req, md).
            PaymentDeclinedError: `Success: false` with the declined transaction (reason_code...).
            BadRequestError: `Success: false` with only a Message.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        fields: dict[str, Any] = {
            "amount": amount,
            "currency": currency,
            "ip_address": ip_address,
            "name": name,
            "card_cryptogram_packet": card_cryptogram_packet,
        }
        if invoice_id is not None:
            fields["invoice_id"] = invoice_id
        if description is not None:
            fields["description"] = description
        if account_id is not None:
            fields["account_id"] = account_id
        if email is not None:
            fields["email"] = email
        if payment_url is not None:
            fields["payment_url"] = payment_url
        if culture_name is not None:
            fields["culture_name"] = culture_name
        if save_card is not None:
            fields["save_card"] = save_card
        if json_data is not None:
            fields["json_data"] = json_data if isinstance(json_data, JsonData) else JsonData.from_dict(json_data)
        if payer is not None:
            fields["payer"] = payer if isinstance(payer, Payer) else Payer.from_dict(payer)
        if escrow is not None:
            fields["escrow"] = escrow if isinstance(escrow, Escrow) else Escrow.from_dict(escrow)
        if airline_addendum is not None:
            fields["airline_addendum"] = (
                airline_addendum
                if isinstance(airline_addendum, AirlineAddendum)
                else AirlineAddendum.from_dict(airline_addendum)
            )
        body: CardPaymentRequest | None = CardPaymentRequest(**fields)
        result = self._engine.call(_CHARGE_CARD, body, request_id)
        return _expect(result, Transaction)

    def auth_card(
        self,
        *,
        amount: float,
        currency: Currency,
        ip_address: str,
        name: str,
        card_cryptogram_packet: str,
        invoice_id: str | None = None,
        description: str | None = None,
        account_id: str | None = None,
        email: str | None = None,
        payment_url: str | None = None,
        culture_name: str | None = None,
        save_card: bool | None = None,
        json_data: JsonData | Mapping[str, Any] | None = None,
        payer: Payer | Mapping[str, Any] | None = None,
        escrow: Escrow | Mapping[str, Any] | None = None,
        airline_addendum: AirlineAddendum | Mapping[str, Any] | None = None,
        request_id: str | None = None,
    ) -> Transaction:
        """Two-step payment by card cryptogram (authorization)

        Blocks the amount on a card described by a cryptogram; the transaction stays `Authorized` until
        `/payments/confirm` captures it or `/payments/void` releases it. Answers as `/payments/cards/charge`.

        Keyword arguments are the fields of `CardPaymentRequest` (wire names in PascalCase); object-valued
        ones also accept a mapping with the API's field names.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.

        Returns:
            `Transaction`: the envelope's Model on `Success: true`.

        Raises:
            ThreeDSecureRequired: the payer must pass 3-D Secure (acs_url, pa_req, md).
            PaymentDeclinedError: `Success: false` with the declined transaction (reason_code...).
            BadRequestError: `Success: false` with only a Message.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        fields: dict[str, Any] = {
            "amount": amount,
            "currency": currency,
            "ip_address": ip_address,
            "name": name,
            "card_cryptogram_packet": card_cryptogram_packet,
        }
        if invoice_id is not None:
            fields["invoice_id"] = invoice_id
        if description is not None:
            fields["description"] = description
        if account_id is not None:
            fields["account_id"] = account_id
        if email is not None:
            fields["email"] = email
        if payment_url is not None:
            fields["payment_url"] = payment_url
        if culture_name is not None:
            fields["culture_name"] = culture_name
        if save_card is not None:
            fields["save_card"] = save_card
        if json_data is not None:
            fields["json_data"] = json_data if isinstance(json_data, JsonData) else JsonData.from_dict(json_data)
        if payer is not None:
            fields["payer"] = payer if isinstance(payer, Payer) else Payer.from_dict(payer)
        if escrow is not None:
            fields["escrow"] = escrow if isinstance(escrow, Escrow) else Escrow.from_dict(escrow)
        if airline_addendum is not None:
            fields["airline_addendum"] = (
                airline_addendum
                if isinstance(airline_addendum, AirlineAddendum)
                else AirlineAddendum.from_dict(airline_addendum)
            )
        body: CardPaymentRequest | None = CardPaymentRequest(**fields)
        result = self._engine.call(_AUTH_CARD, body, request_id)
        return _expect(result, Transaction)

    def post3ds(
        self,
        *,
        transaction_id: int,
        pa_res: str,
        request_id: str | None = None,
    ) -> Transaction:
        """Complete 3-D Secure authentication

        Completes a payment after the payer came back from the ACS page: `TransactionId` is the `MD` and `PaRes`
        the parameter of the same name posted to the shop's `TermUrl`. The answer is the approved or the declined
        transaction.

        Keyword arguments are the fields of `Post3DsRequest` (wire names in PascalCase); object-valued
        ones also accept a mapping with the API's field names.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.

        Returns:
            `Transaction`: the envelope's Model on `Success: true`.

        Raises:
            PaymentDeclinedError: `Success: false` with the declined transaction (reason_code...).
            BadRequestError: `Success: false` with only a Message.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        fields: dict[str, Any] = {
            "transaction_id": transaction_id,
            "pa_res": pa_res,
        }
        body: Post3DsRequest | None = Post3DsRequest(**fields)
        result = self._engine.call(_POST3DS, body, request_id)
        return _expect(result, Transaction)

    def charge_token(
        self,
        *,
        amount: float,
        currency: Currency,
        account_id: str,
        token: str,
        invoice_id: str | None = None,
        description: str | None = None,
        email: str | None = None,
        tr_initiator_code: TrInitiatorCode | None = None,
        payment_scheduled: PaymentScheduled | None = None,
        ip_address: str | None = None,
        culture_name: str | None = None,
        json_data: JsonData | Mapping[str, Any] | None = None,
        payer: Payer | Mapping[str, Any] | None = None,
        request_id: str | None = None,
    ) -> Transaction:
        """One-step payment by token

        Charges a card saved as a token (returned in `Model.Token` of an earlier payment with an `AccountId`).
        A token works only on the terminal that issued it. There is no 3-D Secure step.

        Keyword arguments are the fields of `TokenPaymentRequest` (wire names in PascalCase); object-valued
        ones also accept a mapping with the API's field names.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.

        Returns:
            `Transaction`: the envelope's Model on `Success: true`.

        Raises:
            PaymentDeclinedError: `Success: false` with the declined transaction (reason_code...).
            BadRequestError: `Success: false` with only a Message.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        fields: dict[str, Any] = {
            "amount": amount,
            "currency": currency,
            "account_id": account_id,
            "token": token,
        }
        if invoice_id is not None:
            fields["invoice_id"] = invoice_id
        if description is not None:
            fields["description"] = description
        if email is not None:
            fields["email"] = email
        if tr_initiator_code is not None:
            fields["tr_initiator_code"] = tr_initiator_code
        if payment_scheduled is not None:
            fields["payment_scheduled"] = payment_scheduled
        if ip_address is not None:
            fields["ip_address"] = ip_address
        if culture_name is not None:
            fields["culture_name"] = culture_name
        if json_data is not None:
            fields["json_data"] = json_data if isinstance(json_data, JsonData) else JsonData.from_dict(json_data)
        if payer is not None:
            fields["payer"] = payer if isinstance(payer, Payer) else Payer.from_dict(payer)
        body: TokenPaymentRequest | None = TokenPaymentRequest(**fields)
        result = self._engine.call(_CHARGE_TOKEN, body, request_id)
        return _expect(result, Transaction)

    def auth_token(
        self,
        *,
        amount: float,
        currency: Currency,
        account_id: str,
        token: str,
        invoice_id: str | None = None,
        description: str | None = None,
        email: str | None = None,
        tr_initiator_code: TrInitiatorCode | None = None,
        payment_scheduled: PaymentScheduled | None = None,
        ip_address: str | None = None,
        culture_name: str | None = None,
        json_data: JsonData | Mapping[str, Any] | None = None,
        payer: Payer | Mapping[str, Any] | None = None,
        request_id: str | None = None,
    ) -> Transaction:
        """Two-step payment by token (authorization)

        Blocks the amount on a card saved as a token; continue with `/payments/confirm` or `/payments/void`.
        Answers as `/payments/tokens/charge`.

        Keyword arguments are the fields of `TokenPaymentRequest` (wire names in PascalCase); object-valued
        ones also accept a mapping with the API's field names.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.

        Returns:
            `Transaction`: the envelope's Model on `Success: true`.

        Raises:
            PaymentDeclinedError: `Success: false` with the declined transaction (reason_code...).
            BadRequestError: `Success: false` with only a Message.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        fields: dict[str, Any] = {
            "amount": amount,
            "currency": currency,
            "account_id": account_id,
            "token": token,
        }
        if invoice_id is not None:
            fields["invoice_id"] = invoice_id
        if description is not None:
            fields["description"] = description
        if email is not None:
            fields["email"] = email
        if tr_initiator_code is not None:
            fields["tr_initiator_code"] = tr_initiator_code
        if payment_scheduled is not None:
            fields["payment_scheduled"] = payment_scheduled
        if ip_address is not None:
            fields["ip_address"] = ip_address
        if culture_name is not None:
            fields["culture_name"] = culture_name
        if json_data is not None:
            fields["json_data"] = json_data if isinstance(json_data, JsonData) else JsonData.from_dict(json_data)
        if payer is not None:
            fields["payer"] = payer if isinstance(payer, Payer) else Payer.from_dict(payer)
        body: TokenPaymentRequest | None = TokenPaymentRequest(**fields)
        result = self._engine.call(_AUTH_TOKEN, body, request_id)
        return _expect(result, Transaction)

    def confirm_payment(
        self,
        *,
        transaction_id: int,
        amount: float,
        json_data: JsonData | Mapping[str, Any] | None = None,
        request_id: str | None = None,
    ) -> OperationResponse:
        """Confirm (capture) a two-step payment

        Captures an `Authorized` transaction. The amount may be less than, never more than, the authorized
        one; the transaction becomes `Completed`.

        Keyword arguments are the fields of `ConfirmRequest` (wire names in PascalCase); object-valued
        ones also accept a mapping with the API's field names.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.

        Returns:
            `OperationResponse`: the whole envelope (`success`, `message`); there is no Model.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        fields: dict[str, Any] = {
            "transaction_id": transaction_id,
            "amount": amount,
        }
        if json_data is not None:
            fields["json_data"] = json_data if isinstance(json_data, JsonData) else JsonData.from_dict(json_data)
        body: ConfirmRequest | None = ConfirmRequest(**fields)
        result = self._engine.call(_CONFIRM_PAYMENT, body, request_id)
        return _expect(result, OperationResponse)

    def void_payment(
        self,
        *,
        transaction_id: int,
        request_id: str | None = None,
    ) -> OperationResponse:
        """Cancel (void) a payment

        Releases an `Authorized` transaction; it becomes `Cancelled`. A captured payment is refunded instead.

        Keyword arguments are the fields of `VoidRequest` (wire names in PascalCase); object-valued
        ones also accept a mapping with the API's field names.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.

        Returns:
            `OperationResponse`: the whole envelope (`success`, `message`); there is no Model.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        fields: dict[str, Any] = {
            "transaction_id": transaction_id,
        }
        body: VoidRequest | None = VoidRequest(**fields)
        result = self._engine.call(_VOID_PAYMENT, body, request_id)
        return _expect(result, OperationResponse)

    def refund_payment(
        self,
        *,
        transaction_id: int,
        amount: float,
        json_data: JsonData | Mapping[str, Any] | None = None,
        request_id: str | None = None,
    ) -> RefundResult:
        """Refund a payment

        Refunds a `Completed` payment in full or in part; several partial refunds never exceed the amount paid.
        `Model.TransactionId` is the id of the refund operation.

        Keyword arguments are the fields of `RefundRequest` (wire names in PascalCase); object-valued
        ones also accept a mapping with the API's field names.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.

        Returns:
            `RefundResult`: the envelope's Model on `Success: true`.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        fields: dict[str, Any] = {
            "transaction_id": transaction_id,
            "amount": amount,
        }
        if json_data is not None:
            fields["json_data"] = json_data if isinstance(json_data, JsonData) else JsonData.from_dict(json_data)
        body: RefundRequest | None = RefundRequest(**fields)
        result = self._engine.call(_REFUND_PAYMENT, body, request_id)
        return _expect(result, RefundResult)


class Subscriptions:
    """Subscriptions operations: Recurrent payments on a schedule, charged to a saved card token."""

    def __init__(self, engine: SyncEngine) -> None:
        self._engine = engine

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
        fields: dict[str, Any] = {
            "token": token,
            "account_id": account_id,
            "description": description,
            "email": email,
            "amount": amount,
            "currency": currency,
            "require_confirmation": require_confirmation,
            "start_date": start_date,
            "interval": interval,
            "period": period,
        }
        if max_periods is not None:
            fields["max_periods"] = max_periods
        if culture_name is not None:
            fields["culture_name"] = culture_name
        if customer_receipt is not None:
            fields["customer_receipt"] = (
                customer_receipt
                if isinstance(customer_receipt, CustomerReceipt)
                else CustomerReceipt.from_dict(customer_receipt)
            )
        body: SubscriptionCreateRequest | None = SubscriptionCreateRequest(**fields)
        result = self._engine.call(_CREATE_SUBSCRIPTION, body, request_id)
        return _expect(result, Subscription)

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
        fields: dict[str, Any] = {
            "id": id,
        }
        body: SubscriptionIdRequest | None = SubscriptionIdRequest(**fields)
        result = self._engine.call(_GET_SUBSCRIPTION, body, None)
        return _expect(result, Subscription)

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
        fields: dict[str, Any] = {
            "id": id,
        }
        body: SubscriptionIdRequest | None = SubscriptionIdRequest(**fields)
        result = self._engine.call(_CANCEL_SUBSCRIPTION, body, request_id)
        return _expect(result, OperationResponse)


class Orders:
    """Orders operations: Invoices with a payment link, optionally sent to the payer by e-mail."""

    def __init__(self, engine: SyncEngine) -> None:
        self._engine = engine

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
        fields: dict[str, Any] = {
            "amount": amount,
            "currency": currency,
            "description": description,
            "email": email,
            "require_confirmation": require_confirmation,
            "send_email": send_email,
        }
        if invoice_id is not None:
            fields["invoice_id"] = invoice_id
        if account_id is not None:
            fields["account_id"] = account_id
        if offer_uri is not None:
            fields["offer_uri"] = offer_uri
        if phone is not None:
            fields["phone"] = phone
        if send_sms is not None:
            fields["send_sms"] = send_sms
        if send_viber is not None:
            fields["send_viber"] = send_viber
        if culture_name is not None:
            fields["culture_name"] = culture_name
        if subscription_behavior is not None:
            fields["subscription_behavior"] = subscription_behavior
        if success_redirect_url is not None:
            fields["success_redirect_url"] = success_redirect_url
        if fail_redirect_url is not None:
            fields["fail_redirect_url"] = fail_redirect_url
        if json_data is not None:
            fields["json_data"] = json_data if isinstance(json_data, JsonData) else JsonData.from_dict(json_data)
        body: OrderCreateRequest | None = OrderCreateRequest(**fields)
        result = self._engine.call(_CREATE_ORDER, body, request_id)
        return _expect(result, Order)


class CloudPayments:
    """Client of the CloudPayments API.

    Credentials come from the arguments or from the environment (CLOUDPAYMENTS_PUBLIC_ID,
    CLOUDPAYMENTS_API_SECRET, CLOUDPAYMENTS_BASE_URL; the base URL defaults to https://api.cloudpayments.ru).
    Every call has a timeout (`timeout`, default 30 s, 10 s to connect) and is retried up to
    `max_retries` times on connection errors, timeouts, 429 and 5xx, with the same X-Request-ID,
    exponential backoff with jitter, honouring Retry-After. `max_retries=0` switches retries off.
    `transport` replaces the network (e.g. `httpx.MockTransport`); `sleep` replaces the wait between
    attempts. `low_level` is the generated `Client` for the functions in `cloudpayments_client.api`.
    """

    def __init__(
        self,
        public_id: str | None = None,
        api_secret: str | None = None,
        *,
        base_url: str | None = None,
        timeout: httpx.Timeout | float | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = default_sleep,
    ) -> None:
        public_id, api_secret, base_url = _settings(public_id, api_secret, base_url)
        self.public_id = public_id
        self.base_url = base_url
        self.retry_policy = RetryPolicy(max_retries=max_retries)
        httpx_args: dict[str, Any] = {"auth": BasicCredentials(public_id, api_secret)}
        if transport is not None:
            httpx_args["transport"] = transport
        self.low_level = Client(base_url=base_url, timeout=_timeout(timeout), httpx_args=httpx_args)
        engine = SyncEngine(self.low_level.get_httpx_client, self.retry_policy, sleep)
        self.general = General(engine)
        self.payments = Payments(engine)
        self.subscriptions = Subscriptions(engine)
        self.orders = Orders(engine)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(public_id={self.public_id!r}, base_url={self.base_url!r})"

    def close(self) -> None:
        self.low_level.get_httpx_client().close()

    def __enter__(self) -> CloudPayments:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class AsyncGeneral:
    """General operations: Connectivity check."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def test(
        self,
    ) -> ConnectionCheckResponse:
        """Check the connection

        Checks that the API is reachable and the credentials are accepted. Takes no parameters; `Message`
        holds the id of the request.


        Returns:
            `ConnectionCheckResponse`: the whole envelope (`success`, `message`); there is no Model.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body = None
        result = await self._engine.call(_TEST, body, None)
        return _expect(result, ConnectionCheckResponse)


class AsyncPayments:
    """Payments operations: Payments by card cryptogram and by saved token, 3-D Secure completion, two-step confirmation, void and refund."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def charge_card(
        self,
        *,
        amount: float,
        currency: Currency,
        ip_address: str,
        name: str,
        card_cryptogram_packet: str,
        invoice_id: str | None = None,
        description: str | None = None,
        account_id: str | None = None,
        email: str | None = None,
        payment_url: str | None = None,
        culture_name: str | None = None,
        save_card: bool | None = None,
        json_data: JsonData | Mapping[str, Any] | None = None,
        payer: Payer | Mapping[str, Any] | None = None,
        escrow: Escrow | Mapping[str, Any] | None = None,
        airline_addendum: AirlineAddendum | Mapping[str, Any] | None = None,
        request_id: str | None = None,
    ) -> Transaction:
        """One-step payment by card cryptogram

        Charges a card described by a cryptogram made by the CloudPayments checkout script. The answer is an
        approved transaction (`Status: Completed`), a 3-D Secure challenge (continue with the ACS page and
        `/payments/cards/post3ds`), a declined transaction (`ReasonCode` says why) or a bad request.

        Keyword arguments are the fields of `CardPaymentRequest` (wire names in PascalCase); object-valued
        ones also accept a mapping with the API's field names.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.

        Returns:
            `Transaction`: the envelope's Model on `Success: true`.

        Raises:
            ThreeDSecureRequired: the payer must pass 3-D Secure (acs_url, pa_req, md).
            PaymentDeclinedError: `Success: false` with the declined transaction (reason_code...).
            BadRequestError: `Success: false` with only a Message.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        fields: dict[str, Any] = {
            "amount": amount,
            "currency": currency,
            "ip_address": ip_address,
            "name": name,
            "card_cryptogram_packet": card_cryptogram_packet,
        }
        if invoice_id is not None:
            fields["invoice_id"] = invoice_id
        if description is not None:
            fields["description"] = description
        if account_id is not None:
            fields["account_id"] = account_id
        if email is not None:
            fields["email"] = email
        if payment_url is not None:
            fields["payment_url"] = payment_url
        if culture_name is not None:
            fields["culture_name"] = culture_name
        if save_card is not None:
            fields["save_card"] = save_card
        if json_data is not None:
            fields["json_data"] = json_data if isinstance(json_data, JsonData) else JsonData.from_dict(json_data)
        if payer is not None:
            fields["payer"] = payer if isinstance(payer, Payer) else Payer.from_dict(payer)
        if escrow is not None:
            fields["escrow"] = escrow if isinstance(escrow, Escrow) else Escrow.from_dict(escrow)
        if airline_addendum is not None:
            fields["airline_addendum"] = (
                airline_addendum
                if isinstance(airline_addendum, AirlineAddendum)
                else AirlineAddendum.from_dict(airline_addendum)
            )
        body: CardPaymentRequest | None = CardPaymentRequest(**fields)
        result = await self._engine.call(_CHARGE_CARD, body, request_id)
        return _expect(result, Transaction)

    async def auth_card(
        self,
        *,
        amount: float,
        currency: Currency,
        ip_address: str,
        name: str,
        card_cryptogram_packet: str,
        invoice_id: str | None = None,
        description: str | None = None,
        account_id: str | None = None,
        email: str | None = None,
        payment_url: str | None = None,
        culture_name: str | None = None,
        save_card: bool | None = None,
        json_data: JsonData | Mapping[str, Any] | None = None,
        payer: Payer | Mapping[str, Any] | None = None,
        escrow: Escrow | Mapping[str, Any] | None = None,
        airline_addendum: AirlineAddendum | Mapping[str, Any] | None = None,
        request_id: str | None = None,
    ) -> Transaction:
        """Two-step payment by card cryptogram (authorization)

        Blocks the amount on a card described by a cryptogram; the transaction stays `Authorized` until
        `/payments/confirm` captures it or `/payments/void` releases it. Answers as `/payments/cards/charge`.

        Keyword arguments are the fields of `CardPaymentRequest` (wire names in PascalCase); object-valued
        ones also accept a mapping with the API's field names.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.

        Returns:
            `Transaction`: the envelope's Model on `Success: true`.

        Raises:
            ThreeDSecureRequired: the payer must pass 3-D Secure (acs_url, pa_req, md).
            PaymentDeclinedError: `Success: false` with the declined transaction (reason_code...).
            BadRequestError: `Success: false` with only a Message.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        fields: dict[str, Any] = {
            "amount": amount,
            "currency": currency,
            "ip_address": ip_address,
            "name": name,
            "card_cryptogram_packet": card_cryptogram_packet,
        }
        if invoice_id is not None:
            fields["invoice_id"] = invoice_id
        if description is not None:
            fields["description"] = description
        if account_id is not None:
            fields["account_id"] = account_id
        if email is not None:
            fields["email"] = email
        if payment_url is not None:
            fields["payment_url"] = payment_url
        if culture_name is not None:
            fields["culture_name"] = culture_name
        if save_card is not None:
            fields["save_card"] = save_card
        if json_data is not None:
            fields["json_data"] = json_data if isinstance(json_data, JsonData) else JsonData.from_dict(json_data)
        if payer is not None:
            fields["payer"] = payer if isinstance(payer, Payer) else Payer.from_dict(payer)
        if escrow is not None:
            fields["escrow"] = escrow if isinstance(escrow, Escrow) else Escrow.from_dict(escrow)
        if airline_addendum is not None:
            fields["airline_addendum"] = (
                airline_addendum
                if isinstance(airline_addendum, AirlineAddendum)
                else AirlineAddendum.from_dict(airline_addendum)
            )
        body: CardPaymentRequest | None = CardPaymentRequest(**fields)
        result = await self._engine.call(_AUTH_CARD, body, request_id)
        return _expect(result, Transaction)

    async def post3ds(
        self,
        *,
        transaction_id: int,
        pa_res: str,
        request_id: str | None = None,
    ) -> Transaction:
        """Complete 3-D Secure authentication

        Completes a payment after the payer came back from the ACS page: `TransactionId` is the `MD` and `PaRes`
        the parameter of the same name posted to the shop's `TermUrl`. The answer is the approved or the declined
        transaction.

        Keyword arguments are the fields of `Post3DsRequest` (wire names in PascalCase); object-valued
        ones also accept a mapping with the API's field names.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.

        Returns:
            `Transaction`: the envelope's Model on `Success: true`.

        Raises:
            PaymentDeclinedError: `Success: false` with the declined transaction (reason_code...).
            BadRequestError: `Success: false` with only a Message.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        fields: dict[str, Any] = {
            "transaction_id": transaction_id,
            "pa_res": pa_res,
        }
        body: Post3DsRequest | None = Post3DsRequest(**fields)
        result = await self._engine.call(_POST3DS, body, request_id)
        return _expect(result, Transaction)

    async def charge_token(
        self,
        *,
        amount: float,
        currency: Currency,
        account_id: str,
        token: str,
        invoice_id: str | None = None,
        description: str | None = None,
        email: str | None = None,
        tr_initiator_code: TrInitiatorCode | None = None,
        payment_scheduled: PaymentScheduled | None = None,
        ip_address: str | None = None,
        culture_name: str | None = None,
        json_data: JsonData | Mapping[str, Any] | None = None,
        payer: Payer | Mapping[str, Any] | None = None,
        request_id: str | None = None,
    ) -> Transaction:
        """One-step payment by token

        Charges a card saved as a token (returned in `Model.Token` of an earlier payment with an `AccountId`).
        A token works only on the terminal that issued it. There is no 3-D Secure step.

        Keyword arguments are the fields of `TokenPaymentRequest` (wire names in PascalCase); object-valued
        ones also accept a mapping with the API's field names.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.

        Returns:
            `Transaction`: the envelope's Model on `Success: true`.

        Raises:
            PaymentDeclinedError: `Success: false` with the declined transaction (reason_code...).
            BadRequestError: `Success: false` with only a Message.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        fields: dict[str, Any] = {
            "amount": amount,
            "currency": currency,
            "account_id": account_id,
            "token": token,
        }
        if invoice_id is not None:
            fields["invoice_id"] = invoice_id
        if description is not None:
            fields["description"] = description
        if email is not None:
            fields["email"] = email
        if tr_initiator_code is not None:
            fields["tr_initiator_code"] = tr_initiator_code
        if payment_scheduled is not None:
            fields["payment_scheduled"] = payment_scheduled
        if ip_address is not None:
            fields["ip_address"] = ip_address
        if culture_name is not None:
            fields["culture_name"] = culture_name
        if json_data is not None:
            fields["json_data"] = json_data if isinstance(json_data, JsonData) else JsonData.from_dict(json_data)
        if payer is not None:
            fields["payer"] = payer if isinstance(payer, Payer) else Payer.from_dict(payer)
        body: TokenPaymentRequest | None = TokenPaymentRequest(**fields)
        result = await self._engine.call(_CHARGE_TOKEN, body, request_id)
        return _expect(result, Transaction)

    async def auth_token(
        self,
        *,
        amount: float,
        currency: Currency,
        account_id: str,
        token: str,
        invoice_id: str | None = None,
        description: str | None = None,
        email: str | None = None,
        tr_initiator_code: TrInitiatorCode | None = None,
        payment_scheduled: PaymentScheduled | None = None,
        ip_address: str | None = None,
        culture_name: str | None = None,
        json_data: JsonData | Mapping[str, Any] | None = None,
        payer: Payer | Mapping[str, Any] | None = None,
        request_id: str | None = None,
    ) -> Transaction:
        """Two-step payment by token (authorization)

        Blocks the amount on a card saved as a token; continue with `/payments/confirm` or `/payments/void`.
        Answers as `/payments/tokens/charge`.

        Keyword arguments are the fields of `TokenPaymentRequest` (wire names in PascalCase); object-valued
        ones also accept a mapping with the API's field names.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.

        Returns:
            `Transaction`: the envelope's Model on `Success: true`.

        Raises:
            PaymentDeclinedError: `Success: false` with the declined transaction (reason_code...).
            BadRequestError: `Success: false` with only a Message.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        fields: dict[str, Any] = {
            "amount": amount,
            "currency": currency,
            "account_id": account_id,
            "token": token,
        }
        if invoice_id is not None:
            fields["invoice_id"] = invoice_id
        if description is not None:
            fields["description"] = description
        if email is not None:
            fields["email"] = email
        if tr_initiator_code is not None:
            fields["tr_initiator_code"] = tr_initiator_code
        if payment_scheduled is not None:
            fields["payment_scheduled"] = payment_scheduled
        if ip_address is not None:
            fields["ip_address"] = ip_address
        if culture_name is not None:
            fields["culture_name"] = culture_name
        if json_data is not None:
            fields["json_data"] = json_data if isinstance(json_data, JsonData) else JsonData.from_dict(json_data)
        if payer is not None:
            fields["payer"] = payer if isinstance(payer, Payer) else Payer.from_dict(payer)
        body: TokenPaymentRequest | None = TokenPaymentRequest(**fields)
        result = await self._engine.call(_AUTH_TOKEN, body, request_id)
        return _expect(result, Transaction)

    async def confirm_payment(
        self,
        *,
        transaction_id: int,
        amount: float,
        json_data: JsonData | Mapping[str, Any] | None = None,
        request_id: str | None = None,
    ) -> OperationResponse:
        """Confirm (capture) a two-step payment

        Captures an `Authorized` transaction. The amount may be less than, never more than, the authorized
        one; the transaction becomes `Completed`.

        Keyword arguments are the fields of `ConfirmRequest` (wire names in PascalCase); object-valued
        ones also accept a mapping with the API's field names.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.

        Returns:
            `OperationResponse`: the whole envelope (`success`, `message`); there is no Model.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        fields: dict[str, Any] = {
            "transaction_id": transaction_id,
            "amount": amount,
        }
        if json_data is not None:
            fields["json_data"] = json_data if isinstance(json_data, JsonData) else JsonData.from_dict(json_data)
        body: ConfirmRequest | None = ConfirmRequest(**fields)
        result = await self._engine.call(_CONFIRM_PAYMENT, body, request_id)
        return _expect(result, OperationResponse)

    async def void_payment(
        self,
        *,
        transaction_id: int,
        request_id: str | None = None,
    ) -> OperationResponse:
        """Cancel (void) a payment

        Releases an `Authorized` transaction; it becomes `Cancelled`. A captured payment is refunded instead.

        Keyword arguments are the fields of `VoidRequest` (wire names in PascalCase); object-valued
        ones also accept a mapping with the API's field names.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.

        Returns:
            `OperationResponse`: the whole envelope (`success`, `message`); there is no Model.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        fields: dict[str, Any] = {
            "transaction_id": transaction_id,
        }
        body: VoidRequest | None = VoidRequest(**fields)
        result = await self._engine.call(_VOID_PAYMENT, body, request_id)
        return _expect(result, OperationResponse)

    async def refund_payment(
        self,
        *,
        transaction_id: int,
        amount: float,
        json_data: JsonData | Mapping[str, Any] | None = None,
        request_id: str | None = None,
    ) -> RefundResult:
        """Refund a payment

        Refunds a `Completed` payment in full or in part; several partial refunds never exceed the amount paid.
        `Model.TransactionId` is the id of the refund operation.

        Keyword arguments are the fields of `RefundRequest` (wire names in PascalCase); object-valued
        ones also accept a mapping with the API's field names.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.

        Returns:
            `RefundResult`: the envelope's Model on `Success: true`.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        fields: dict[str, Any] = {
            "transaction_id": transaction_id,
            "amount": amount,
        }
        if json_data is not None:
            fields["json_data"] = json_data if isinstance(json_data, JsonData) else JsonData.from_dict(json_data)
        body: RefundRequest | None = RefundRequest(**fields)
        result = await self._engine.call(_REFUND_PAYMENT, body, request_id)
        return _expect(result, RefundResult)


class AsyncSubscriptions:
    """Subscriptions operations: Recurrent payments on a schedule, charged to a saved card token."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

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
        fields: dict[str, Any] = {
            "token": token,
            "account_id": account_id,
            "description": description,
            "email": email,
            "amount": amount,
            "currency": currency,
            "require_confirmation": require_confirmation,
            "start_date": start_date,
            "interval": interval,
            "period": period,
        }
        if max_periods is not None:
            fields["max_periods"] = max_periods
        if culture_name is not None:
            fields["culture_name"] = culture_name
        if customer_receipt is not None:
            fields["customer_receipt"] = (
                customer_receipt
                if isinstance(customer_receipt, CustomerReceipt)
                else CustomerReceipt.from_dict(customer_receipt)
            )
        body: SubscriptionCreateRequest | None = SubscriptionCreateRequest(**fields)
        result = await self._engine.call(_CREATE_SUBSCRIPTION, body, request_id)
        return _expect(result, Subscription)

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
        fields: dict[str, Any] = {
            "id": id,
        }
        body: SubscriptionIdRequest | None = SubscriptionIdRequest(**fields)
        result = await self._engine.call(_GET_SUBSCRIPTION, body, None)
        return _expect(result, Subscription)

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
        fields: dict[str, Any] = {
            "id": id,
        }
        body: SubscriptionIdRequest | None = SubscriptionIdRequest(**fields)
        result = await self._engine.call(_CANCEL_SUBSCRIPTION, body, request_id)
        return _expect(result, OperationResponse)


class AsyncOrders:
    """Orders operations: Invoices with a payment link, optionally sent to the payer by e-mail."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

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
        fields: dict[str, Any] = {
            "amount": amount,
            "currency": currency,
            "description": description,
            "email": email,
            "require_confirmation": require_confirmation,
            "send_email": send_email,
        }
        if invoice_id is not None:
            fields["invoice_id"] = invoice_id
        if account_id is not None:
            fields["account_id"] = account_id
        if offer_uri is not None:
            fields["offer_uri"] = offer_uri
        if phone is not None:
            fields["phone"] = phone
        if send_sms is not None:
            fields["send_sms"] = send_sms
        if send_viber is not None:
            fields["send_viber"] = send_viber
        if culture_name is not None:
            fields["culture_name"] = culture_name
        if subscription_behavior is not None:
            fields["subscription_behavior"] = subscription_behavior
        if success_redirect_url is not None:
            fields["success_redirect_url"] = success_redirect_url
        if fail_redirect_url is not None:
            fields["fail_redirect_url"] = fail_redirect_url
        if json_data is not None:
            fields["json_data"] = json_data if isinstance(json_data, JsonData) else JsonData.from_dict(json_data)
        body: OrderCreateRequest | None = OrderCreateRequest(**fields)
        result = await self._engine.call(_CREATE_ORDER, body, request_id)
        return _expect(result, Order)


class AsyncCloudPayments:
    """Asynchronous client of the CloudPayments API.

    Credentials come from the arguments or from the environment (CLOUDPAYMENTS_PUBLIC_ID,
    CLOUDPAYMENTS_API_SECRET, CLOUDPAYMENTS_BASE_URL; the base URL defaults to https://api.cloudpayments.ru).
    Every call has a timeout (`timeout`, default 30 s, 10 s to connect) and is retried up to
    `max_retries` times on connection errors, timeouts, 429 and 5xx, with the same X-Request-ID,
    exponential backoff with jitter, honouring Retry-After. `max_retries=0` switches retries off.
    `transport` replaces the network (e.g. `httpx.MockTransport`); `sleep` replaces the wait between
    attempts. `low_level` is the generated `Client` for the functions in `cloudpayments_client.api`.
    """

    def __init__(
        self,
        public_id: str | None = None,
        api_secret: str | None = None,
        *,
        base_url: str | None = None,
        timeout: httpx.Timeout | float | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        transport: httpx.AsyncBaseTransport | None = None,
        sleep: Callable[[float], Awaitable[None]] = default_async_sleep,
    ) -> None:
        public_id, api_secret, base_url = _settings(public_id, api_secret, base_url)
        self.public_id = public_id
        self.base_url = base_url
        self.retry_policy = RetryPolicy(max_retries=max_retries)
        httpx_args: dict[str, Any] = {"auth": BasicCredentials(public_id, api_secret)}
        if transport is not None:
            httpx_args["transport"] = transport
        self.low_level = Client(base_url=base_url, timeout=_timeout(timeout), httpx_args=httpx_args)
        engine = AsyncEngine(self.low_level.get_async_httpx_client, self.retry_policy, sleep)
        self.general = AsyncGeneral(engine)
        self.payments = AsyncPayments(engine)
        self.subscriptions = AsyncSubscriptions(engine)
        self.orders = AsyncOrders(engine)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(public_id={self.public_id!r}, base_url={self.base_url!r})"

    async def aclose(self) -> None:
        await self.low_level.get_async_httpx_client().aclose()

    async def __aenter__(self) -> AsyncCloudPayments:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()
