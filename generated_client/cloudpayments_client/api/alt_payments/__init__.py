"""The `alt_payments` operations: `AltPayments` for `CloudPayments`, `AsyncAltPayments` for `AsyncCloudPayments`.

One method per operation; each builds the request model from its keyword arguments and makes one call
through the client (retries, outcome mapping, response check). The request itself is built by the
operation's module in this package.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Final

import httpx

from ..._runtime import AsyncRuntime, SyncRuntime
from ...errors import (
    APIConnectionError,
    CloudPaymentsError,
    InvalidArgumentError,
    QrPaymentTimeout,
    RateLimitError,
    ServerError,
)
from ...models import (
    AltPaymentCurrency,
    Device,
    DolyamiPaymentAnswer,
    DolyamiPaymentRequestAltPayType,
    JsonData,
    PaymentSchemeCode,
    PaymentSchemeName,
    QrPayment,
    QrPaymentStatus,
    SbpBankList,
    SbpPaymentRequestScheme,
    TpayScheme,
)
from ...types import money, nested
from .create_dolyami_payment import OPERATION as CREATE_DOLYAMI_PAYMENT
from .create_sberpay_link import OPERATION as CREATE_SBERPAY_LINK
from .create_sberpay_qr import OPERATION as CREATE_SBERPAY_QR
from .create_sbp_link import OPERATION as CREATE_SBP_LINK
from .create_sbp_qr import OPERATION as CREATE_SBP_QR
from .create_tpay_link import OPERATION as CREATE_TPAY_LINK
from .create_tpay_qr import OPERATION as CREATE_TPAY_QR
from .list_sbp_banks import OPERATION as LIST_SBP_BANKS
from .wait_qr_status import OPERATION as WAIT_QR_STATUS

# `wait_for_payment`: the default deadline, the least time between the starts of two polls answered at once,
# and the backoff after a poll that failed (doubling from the first, at most the second), in seconds.
WAIT_TIMEOUT: Final = 300.0
POLL_INTERVAL: Final = 0.5
POLL_BACKOFF: Final = (0.25, 4.0)
# The statuses to poll again on (the API description's x-long-poll of waitQrStatus); any other is the outcome.
_WAIT_WHILE: Final = frozenset({"Created", "Pending"})
# A poll that failed with these is polled again: no answer, HTTP 429 or 5xx. A refusal (`Success: false`) is not.
_POLL_AGAIN: Final = (APIConnectionError, RateLimitError, ServerError)


def _wait_timeout(timeout: float) -> float:
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not 0 < timeout < float("inf"):
        raise InvalidArgumentError("timeout must be a positive number of seconds")
    return float(timeout)


def _poll_backoff(failures: int, error: CloudPaymentsError) -> float:
    """Seconds before polling again after the `failures`-th failed poll in a row (a 429's Retry-After if longer)."""
    delay = min(POLL_BACKOFF[1], POLL_BACKOFF[0] * 2.0 ** min(failures - 1, 16))
    if isinstance(error, RateLimitError) and error.retry_after is not None:
        delay = max(delay, error.retry_after)
    return delay


def _until(deadline: float, seconds: float) -> float:
    """`seconds`, but not past the deadline (and not negative)."""
    return max(0.0, min(seconds, deadline - time.monotonic()))


class AltPayments:
    """Alt_payments operations: Payments other than by card: SBP, T-Pay and SberPay links and QR codes, their status and the SBP member
    banks, Dolyami instalments."""

    def __init__(self, runtime: SyncRuntime) -> None:
        self._runtime = runtime

    def create_sbp_link(
        self,
        *,
        amount: Decimal | int | float,
        currency: AltPaymentCurrency,
        public_id: str | None = None,
        description: str | None = None,
        account_id: str | None = None,
        email: str | None = None,
        invoice_id: str | None = None,
        scheme: SbpPaymentRequestScheme | None = None,
        success_redirect_url: str | None = None,
        ip_address: str | None = None,
        os: str | None = None,
        webview: bool | None = None,
        device: Device | None = None,
        browser: str | None = None,
        ttl_minutes: int | None = None,
        save_card: bool | None = None,
        is_test: bool | None = None,
        json_data: JsonData | Mapping[str, Any] | None = None,
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> QrPayment:
        """SBP payment link

        Makes a payment by SBP (the Faster Payments System) and answers its link, `QrUrl`: send the payer there and
        their bank's app pays it. The payment is a transaction in `Created` until the payer acts (see Payments by
        SBP, T-Pay and SberPay); `Success: true` says the link was made, not that anything was paid.

        Basic auth is optional here: the official mobile SDKs call this method without it, naming the terminal by
        `PublicId` in the body (CloudPayments-SDK-iOS 1.5.14 `sdk/Sources/api/Requests/CloudpaymentsApi.swift`,
        `getSbpLink`) or by `publicId` in the query string (CloudPayments-SDK-Android `AuthenticationInterceptor.kt`),
        and both send `Scenario` (7), which the reference does not list.

        Keyword arguments are the fields of `SbpPaymentRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `QrPayment`: the envelope's Model on `Success: true`.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "Amount": money(amount, "amount", 2),
            "Currency": currency,
        }
        if public_id is not None:
            body["PublicId"] = public_id
        if description is not None:
            body["Description"] = description
        if account_id is not None:
            body["AccountId"] = account_id
        if email is not None:
            body["Email"] = email
        if invoice_id is not None:
            body["InvoiceId"] = invoice_id
        if scheme is not None:
            body["Scheme"] = scheme
        if success_redirect_url is not None:
            body["SuccessRedirectUrl"] = success_redirect_url
        if ip_address is not None:
            body["IpAddress"] = ip_address
        if os is not None:
            body["Os"] = os
        if webview is not None:
            body["Webview"] = webview
        if device is not None:
            body["Device"] = device
        if browser is not None:
            body["Browser"] = browser
        if ttl_minutes is not None:
            body["TtlMinutes"] = ttl_minutes
        if save_card is not None:
            body["SaveCard"] = save_card
        if is_test is not None:
            body["IsTest"] = is_test
        if json_data is not None:
            body["JsonData"] = nested(json_data, "json_data", None)
        return self._runtime.call(CREATE_SBP_LINK, body, request_id, timeout, max_retries, extra_headers)

    def create_sbp_qr(
        self,
        *,
        amount: Decimal | int | float,
        currency: AltPaymentCurrency,
        public_id: str | None = None,
        description: str | None = None,
        account_id: str | None = None,
        email: str | None = None,
        invoice_id: str | None = None,
        scheme: SbpPaymentRequestScheme | None = None,
        success_redirect_url: str | None = None,
        ip_address: str | None = None,
        os: str | None = None,
        webview: bool | None = None,
        device: Device | None = None,
        browser: str | None = None,
        ttl_minutes: int | None = None,
        save_card: bool | None = None,
        is_test: bool | None = None,
        json_data: JsonData | Mapping[str, Any] | None = None,
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> QrPayment:
        """SBP payment QR code

        Makes a payment by SBP and answers its QR code, `QrImage` (a PNG, base64), to show the payer, who scans it
        with their bank's app. Takes the parameters of `/payments/qr/sbp/link`. One SBP QR code may be paid any
        number of times until it expires (`TtlMinutes`); each payment is a transaction of its own.

        Keyword arguments are the fields of `SbpPaymentRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `QrPayment`: the envelope's Model on `Success: true`.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "Amount": money(amount, "amount", 2),
            "Currency": currency,
        }
        if public_id is not None:
            body["PublicId"] = public_id
        if description is not None:
            body["Description"] = description
        if account_id is not None:
            body["AccountId"] = account_id
        if email is not None:
            body["Email"] = email
        if invoice_id is not None:
            body["InvoiceId"] = invoice_id
        if scheme is not None:
            body["Scheme"] = scheme
        if success_redirect_url is not None:
            body["SuccessRedirectUrl"] = success_redirect_url
        if ip_address is not None:
            body["IpAddress"] = ip_address
        if os is not None:
            body["Os"] = os
        if webview is not None:
            body["Webview"] = webview
        if device is not None:
            body["Device"] = device
        if browser is not None:
            body["Browser"] = browser
        if ttl_minutes is not None:
            body["TtlMinutes"] = ttl_minutes
        if save_card is not None:
            body["SaveCard"] = save_card
        if is_test is not None:
            body["IsTest"] = is_test
        if json_data is not None:
            body["JsonData"] = nested(json_data, "json_data", None)
        return self._runtime.call(CREATE_SBP_QR, body, request_id, timeout, max_retries, extra_headers)

    def create_tpay_link(
        self,
        *,
        amount: Decimal | int | float,
        currency: AltPaymentCurrency,
        scheme: TpayScheme,
        webview: bool,
        device: Device,
        success_redirect_url: str,
        fail_redirect_url: str,
        public_id: str | None = None,
        browser: str | None = None,
        os: str | None = None,
        ip_address: str | None = None,
        account_id: str | None = None,
        email: str | None = None,
        invoice_id: str | None = None,
        description: str | None = None,
        ttl_minutes: int | None = None,
        save_card: bool | None = None,
        json_data: JsonData | Mapping[str, Any] | None = None,
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> QrPayment:
        """T-Pay payment link

        Makes a payment by T-Pay (the T-Bank app) and answers its link, `QrUrl`: send the payer there and the app
        pays it, one-step or two-step (`Scheme`). The payment is a transaction in `Created` until the payer acts
        (see Payments by SBP, T-Pay and SberPay).

        Basic auth is optional here: the official mobile SDKs call this method without it, naming the terminal by
        `PublicId` in the body (CloudPayments-SDK-iOS `sdk/Sources/api/GatewayRequest.swift`) or by `publicId` in
        the query string (CloudPayments-SDK-Android `AuthenticationInterceptor.kt`).

        Keyword arguments are the fields of `TpayPaymentRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `QrPayment`: the envelope's Model on `Success: true`.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "Amount": money(amount, "amount", 2),
            "Currency": currency,
            "Scheme": scheme,
            "Webview": webview,
            "Device": device,
            "SuccessRedirectUrl": success_redirect_url,
            "FailRedirectUrl": fail_redirect_url,
        }
        if public_id is not None:
            body["PublicId"] = public_id
        if browser is not None:
            body["Browser"] = browser
        if os is not None:
            body["Os"] = os
        if ip_address is not None:
            body["IpAddress"] = ip_address
        if account_id is not None:
            body["AccountId"] = account_id
        if email is not None:
            body["Email"] = email
        if invoice_id is not None:
            body["InvoiceId"] = invoice_id
        if description is not None:
            body["Description"] = description
        if ttl_minutes is not None:
            body["TtlMinutes"] = ttl_minutes
        if save_card is not None:
            body["SaveCard"] = save_card
        if json_data is not None:
            body["JsonData"] = nested(json_data, "json_data", None)
        return self._runtime.call(CREATE_TPAY_LINK, body, request_id, timeout, max_retries, extra_headers)

    def create_tpay_qr(
        self,
        *,
        amount: Decimal | int | float,
        currency: AltPaymentCurrency,
        scheme: TpayScheme,
        webview: bool,
        device: Device,
        success_redirect_url: str,
        fail_redirect_url: str,
        public_id: str | None = None,
        browser: str | None = None,
        os: str | None = None,
        ip_address: str | None = None,
        account_id: str | None = None,
        email: str | None = None,
        invoice_id: str | None = None,
        description: str | None = None,
        ttl_minutes: int | None = None,
        save_card: bool | None = None,
        json_data: JsonData | Mapping[str, Any] | None = None,
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> QrPayment:
        """T-Pay payment QR code

        Makes a payment by T-Pay and answers its QR code, `QrImage` (an SVG, base64), to show the payer in a
        browser. Takes the parameters of `/payments/qr/tinkoffpay/link`.

        Keyword arguments are the fields of `TpayPaymentRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `QrPayment`: the envelope's Model on `Success: true`.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "Amount": money(amount, "amount", 2),
            "Currency": currency,
            "Scheme": scheme,
            "Webview": webview,
            "Device": device,
            "SuccessRedirectUrl": success_redirect_url,
            "FailRedirectUrl": fail_redirect_url,
        }
        if public_id is not None:
            body["PublicId"] = public_id
        if browser is not None:
            body["Browser"] = browser
        if os is not None:
            body["Os"] = os
        if ip_address is not None:
            body["IpAddress"] = ip_address
        if account_id is not None:
            body["AccountId"] = account_id
        if email is not None:
            body["Email"] = email
        if invoice_id is not None:
            body["InvoiceId"] = invoice_id
        if description is not None:
            body["Description"] = description
        if ttl_minutes is not None:
            body["TtlMinutes"] = ttl_minutes
        if save_card is not None:
            body["SaveCard"] = save_card
        if json_data is not None:
            body["JsonData"] = nested(json_data, "json_data", None)
        return self._runtime.call(CREATE_TPAY_QR, body, request_id, timeout, max_retries, extra_headers)

    def create_sberpay_link(
        self,
        *,
        public_id: str,
        amount: Decimal | int | float,
        currency: AltPaymentCurrency,
        scheme: PaymentSchemeName,
        description: str | None = None,
        account_id: str | None = None,
        email: str | None = None,
        invoice_id: str | None = None,
        success_redirect_url: str | None = None,
        ip_address: str | None = None,
        os: str | None = None,
        webview: bool | None = None,
        device: Device | None = None,
        browser: str | None = None,
        json_data: JsonData | Mapping[str, Any] | None = None,
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> QrPayment:
        """SberPay payment link

        Makes a payment by SberPay (the Sber app) and answers its link, `QrUrl` (`sberpay://invoicing/v2?...`):
        send the payer there and the app pays it, one-step or two-step (`Scheme`). The payment is a transaction in
        `Created` until the payer acts (see Payments by SBP, T-Pay and SberPay); Pay or Fail follows with
        `PaymentMethod: SberPay`.

        **No Basic auth**: the terminal is named by `PublicId` in the body (the reference says so). The official
        SDKs also send `TtlMinutes`, `FailRedirectUrl`, `SaveCard` and `Scenario`, which its table does not list
        (CloudPayments-SDK-iOS 1.5.14 `getSberPayLink`).

        Keyword arguments are the fields of `SberpayPaymentRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `QrPayment`: the envelope's Model on `Success: true`.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "PublicId": public_id,
            "Amount": money(amount, "amount", 2),
            "Currency": currency,
            "Scheme": scheme,
        }
        if description is not None:
            body["Description"] = description
        if account_id is not None:
            body["AccountId"] = account_id
        if email is not None:
            body["Email"] = email
        if invoice_id is not None:
            body["InvoiceId"] = invoice_id
        if success_redirect_url is not None:
            body["SuccessRedirectUrl"] = success_redirect_url
        if ip_address is not None:
            body["IpAddress"] = ip_address
        if os is not None:
            body["Os"] = os
        if webview is not None:
            body["Webview"] = webview
        if device is not None:
            body["Device"] = device
        if browser is not None:
            body["Browser"] = browser
        if json_data is not None:
            body["JsonData"] = nested(json_data, "json_data", None)
        return self._runtime.call(CREATE_SBERPAY_LINK, body, request_id, timeout, max_retries, extra_headers)

    def create_sberpay_qr(
        self,
        *,
        public_id: str,
        amount: Decimal | int | float,
        currency: AltPaymentCurrency,
        scheme: PaymentSchemeName,
        description: str | None = None,
        account_id: str | None = None,
        email: str | None = None,
        invoice_id: str | None = None,
        success_redirect_url: str | None = None,
        ip_address: str | None = None,
        os: str | None = None,
        webview: bool | None = None,
        device: Device | None = None,
        browser: str | None = None,
        json_data: JsonData | Mapping[str, Any] | None = None,
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> QrPayment:
        """SberPay payment QR code

        Makes a payment by SberPay and answers its QR code, `QrImage` (an SVG, base64), to show the payer in a
        browser. Takes the parameters of `/payments/qr/sberpay/link`; **no Basic auth** either: `PublicId` in the
        body names the terminal.

        Keyword arguments are the fields of `SberpayPaymentRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `QrPayment`: the envelope's Model on `Success: true`.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "PublicId": public_id,
            "Amount": money(amount, "amount", 2),
            "Currency": currency,
            "Scheme": scheme,
        }
        if description is not None:
            body["Description"] = description
        if account_id is not None:
            body["AccountId"] = account_id
        if email is not None:
            body["Email"] = email
        if invoice_id is not None:
            body["InvoiceId"] = invoice_id
        if success_redirect_url is not None:
            body["SuccessRedirectUrl"] = success_redirect_url
        if ip_address is not None:
            body["IpAddress"] = ip_address
        if os is not None:
            body["Os"] = os
        if webview is not None:
            body["Webview"] = webview
        if device is not None:
            body["Device"] = device
        if browser is not None:
            body["Browser"] = browser
        if json_data is not None:
            body["JsonData"] = nested(json_data, "json_data", None)
        return self._runtime.call(CREATE_SBERPAY_QR, body, request_id, timeout, max_retries, extra_headers)

    def wait_qr_status(
        self,
        *,
        transaction_id: int,
        public_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> QrPaymentStatus:
        """Wait for the status of a QR payment

        Long-polls an SBP, T-Pay or SberPay payment: the API holds the request for a while (how long is not
        documented) and answers the transaction's `Status`: `Created` or `Pending` while the payer has not paid,
        then `Authorized`, `Completed`, `Cancelled` or `Declined`. Call it again while the status is `Created` or
        `Pending`; the Pay or Fail notification tells the outcome too.

        Not in the reference: this is what the official mobile SDKs call after opening a payment link.
        CloudPayments-SDK-iOS (`sdk/Sources/api/GatewayRequest.swift`) sends `TransactionId` and `PublicId` and
        reads `TransactionId`, `Status` (its `StatusPay`: Created, Pending, Authorized, Completed, Cancelled,
        Declined), `StatusCode` and `ProviderQrId`; CloudPayments-SDK-Android (`QrLinkStatusWaitBody.kt`,
        `PaymentProcessViewModel.kt`) sends `TransactionId` and calls again on any status but Authorized,
        Completed, Cancelled and Declined. Both call it without Basic auth (`PublicId` in the body, or `publicId`
        in the query string), so Basic auth is optional here.

        Keyword arguments are the fields of `QrStatusRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `QrPaymentStatus`: the envelope's Model on `Success: true`.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "TransactionId": transaction_id,
        }
        if public_id is not None:
            body["PublicId"] = public_id
        return self._runtime.call(WAIT_QR_STATUS, body, None, timeout, max_retries, extra_headers)

    def wait_for_payment(
        self,
        transaction_id: int,
        *,
        timeout: float = WAIT_TIMEOUT,
        extra_headers: Mapping[str, str] | None = None,
    ) -> QrPaymentStatus:
        """Wait for the payment's outcome: `wait_qr_status` again and again until a final status.

        The API holds each `wait_qr_status` call until the status changes or a while passes, and answers
        `Created` or `Pending` while the payer has not paid: that answer is polled again; any
        other `Status` is the outcome and is returned. Each poll's HTTP timeout is what is left of
        `timeout`, so no poll outlives the deadline. A poll that gets no answer, HTTP 429 or 5xx is polled
        again after a short backoff (from 0.25 s, doubling, at most 4.0 s); after a poll answered at
        once the next starts 0.5 s after it, never in a busy loop.

        Args:
            transaction_id: `TransactionId` of the link's or QR code's answer.
            timeout: how long to wait in all, in seconds (300.0 by default).
            extra_headers: sent with every poll.

        Returns:
            `QrPaymentStatus`: the answer with the final status.

        Raises:
            QrPaymentTimeout: no final status before the deadline (`transaction_id`, `last_status`, `last_error`).
            BadRequestError: `Success: false` (e.g. an unknown transaction), at once.
            InvalidArgumentError: `timeout` is not a positive number of seconds.
            AuthenticationError, ResponseValidationError, SucceededUnreadableError: at once, as `wait_qr_status`.
        """
        deadline = time.monotonic() + _wait_timeout(timeout)
        last_status: str | None = None
        last_error: CloudPaymentsError | None = None
        failures = 0
        while True:
            started = time.monotonic()
            remaining = deadline - started
            if remaining <= 0:
                raise QrPaymentTimeout(
                    operation="waitQrStatus", transaction_id=transaction_id, last_status=last_status,
                    timeout=timeout, last_error=last_error,
                    request_id=last_error.request_id if last_error is not None else None,
                )  # fmt: skip
            try:
                answer = self.wait_qr_status(
                    transaction_id=transaction_id, timeout=remaining, max_retries=0, extra_headers=extra_headers
                )
            except _POLL_AGAIN as error:
                last_error = error
                failures += 1
                self._runtime.sleep(_until(deadline, _poll_backoff(failures, error)))
                continue
            status = answer.raw["Status"]
            if status not in _WAIT_WHILE:
                return answer
            last_status, last_error, failures = status, None, 0
            # A server that answers at once (no long poll) is not called in a busy loop.
            self._runtime.sleep(_until(deadline, POLL_INTERVAL - (time.monotonic() - started)))

    def list_sbp_banks(
        self,
        *,
        public_terminal_id: str,
        platform: str | None = None,
        account_id: str | None = None,
        is_renew_subscription: bool | None = None,
        json_data: str | None = None,
        save_card: bool | None = None,
        token: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[SbpBankList]:
        """List the SBP member banks

        The banks a payer may pay from by SBP, for the payer's platform, as the SBP widget's API lists them
        (`https://widget.cbrpay.ru/#membersListV2`; CloudPayments keeps them no older than 24 hours). Show them in
        the order given, with their names and logos unchanged (the payer may see up to three banks they chose
        before first). A bank's `url` is a template: replace its last segment, `{QRC_ID}{QUERY_STRING}`, with the
        path and query of the payment link (`QrUrl` of `/payments/qr/sbp/link`) to open the payment in that bank's
        app.

        Keyword arguments are the fields of `SbpBanksRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `list[SbpBankList]`: the envelope's Model on `Success: true`, each item read as a single
            Model is; an empty list when the Model is null or absent.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "PublicTerminalId": public_terminal_id,
        }
        if platform is not None:
            body["Platform"] = platform
        if account_id is not None:
            body["AccountId"] = account_id
        if is_renew_subscription is not None:
            body["IsRenewSubscription"] = is_renew_subscription
        if json_data is not None:
            body["JsonData"] = json_data
        if save_card is not None:
            body["SaveCard"] = save_card
        if token is not None:
            body["Token"] = token
        return self._runtime.call(LIST_SBP_BANKS, body, None, timeout, max_retries, extra_headers)

    def create_dolyami_payment(
        self,
        *,
        public_id: str,
        alt_pay_type: DolyamiPaymentRequestAltPayType,
        amount: Decimal | int | float,
        scheme: PaymentSchemeCode,
        invoice_id: str | None = None,
        description: str | None = None,
        account_id: str | None = None,
        email: str | None = None,
        success_redirect_url: str | None = None,
        fail_redirect_url: str | None = None,
        culture_name: str | None = None,
        json_data: JsonData | Mapping[str, Any] | None = None,
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> DolyamiPaymentAnswer:
        """Dolyami payment (pay in four parts)

        Makes a payment by Dolyami, T-Bank's pay-in-four-parts service, and answers the link to its application form
        in `ExtensionData.Link`, outside `Model`: send the payer there. The payer fills in the application; when
        it is approved the payment goes on (the shop gets the whole amount the next working day), and Pay or Fail
        follows. The method is enabled on request to CloudPayments.

        **No Basic auth**: the terminal is named by `PublicId` in the body (the reference says so). The answer's
        envelope also carries `ErrorCode`.

        Keyword arguments are the fields of `DolyamiPaymentRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `DolyamiPaymentAnswer`: the envelope's Model on `Success: true` (a `DolyamiPayment`), with
            the fields the envelope carries beside it; `.envelope` is the whole answer.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "PublicId": public_id,
            "AltPayType": alt_pay_type,
            "Amount": money(amount, "amount", 2),
            "Scheme": scheme,
        }
        if invoice_id is not None:
            body["InvoiceId"] = invoice_id
        if description is not None:
            body["Description"] = description
        if account_id is not None:
            body["AccountId"] = account_id
        if email is not None:
            body["Email"] = email
        if success_redirect_url is not None:
            body["SuccessRedirectUrl"] = success_redirect_url
        if fail_redirect_url is not None:
            body["FailRedirectUrl"] = fail_redirect_url
        if culture_name is not None:
            body["CultureName"] = culture_name
        if json_data is not None:
            body["JsonData"] = nested(json_data, "json_data", None)
        return self._runtime.call(CREATE_DOLYAMI_PAYMENT, body, request_id, timeout, max_retries, extra_headers)


class AsyncAltPayments:
    """Alt_payments operations: Payments other than by card: SBP, T-Pay and SberPay links and QR codes, their status and the SBP member
    banks, Dolyami instalments."""

    def __init__(self, runtime: AsyncRuntime) -> None:
        self._runtime = runtime

    async def create_sbp_link(
        self,
        *,
        amount: Decimal | int | float,
        currency: AltPaymentCurrency,
        public_id: str | None = None,
        description: str | None = None,
        account_id: str | None = None,
        email: str | None = None,
        invoice_id: str | None = None,
        scheme: SbpPaymentRequestScheme | None = None,
        success_redirect_url: str | None = None,
        ip_address: str | None = None,
        os: str | None = None,
        webview: bool | None = None,
        device: Device | None = None,
        browser: str | None = None,
        ttl_minutes: int | None = None,
        save_card: bool | None = None,
        is_test: bool | None = None,
        json_data: JsonData | Mapping[str, Any] | None = None,
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> QrPayment:
        """SBP payment link

        Makes a payment by SBP (the Faster Payments System) and answers its link, `QrUrl`: send the payer there and
        their bank's app pays it. The payment is a transaction in `Created` until the payer acts (see Payments by
        SBP, T-Pay and SberPay); `Success: true` says the link was made, not that anything was paid.

        Basic auth is optional here: the official mobile SDKs call this method without it, naming the terminal by
        `PublicId` in the body (CloudPayments-SDK-iOS 1.5.14 `sdk/Sources/api/Requests/CloudpaymentsApi.swift`,
        `getSbpLink`) or by `publicId` in the query string (CloudPayments-SDK-Android `AuthenticationInterceptor.kt`),
        and both send `Scenario` (7), which the reference does not list.

        Keyword arguments are the fields of `SbpPaymentRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `QrPayment`: the envelope's Model on `Success: true`.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "Amount": money(amount, "amount", 2),
            "Currency": currency,
        }
        if public_id is not None:
            body["PublicId"] = public_id
        if description is not None:
            body["Description"] = description
        if account_id is not None:
            body["AccountId"] = account_id
        if email is not None:
            body["Email"] = email
        if invoice_id is not None:
            body["InvoiceId"] = invoice_id
        if scheme is not None:
            body["Scheme"] = scheme
        if success_redirect_url is not None:
            body["SuccessRedirectUrl"] = success_redirect_url
        if ip_address is not None:
            body["IpAddress"] = ip_address
        if os is not None:
            body["Os"] = os
        if webview is not None:
            body["Webview"] = webview
        if device is not None:
            body["Device"] = device
        if browser is not None:
            body["Browser"] = browser
        if ttl_minutes is not None:
            body["TtlMinutes"] = ttl_minutes
        if save_card is not None:
            body["SaveCard"] = save_card
        if is_test is not None:
            body["IsTest"] = is_test
        if json_data is not None:
            body["JsonData"] = nested(json_data, "json_data", None)
        return await self._runtime.call(CREATE_SBP_LINK, body, request_id, timeout, max_retries, extra_headers)

    async def create_sbp_qr(
        self,
        *,
        amount: Decimal | int | float,
        currency: AltPaymentCurrency,
        public_id: str | None = None,
        description: str | None = None,
        account_id: str | None = None,
        email: str | None = None,
        invoice_id: str | None = None,
        scheme: SbpPaymentRequestScheme | None = None,
        success_redirect_url: str | None = None,
        ip_address: str | None = None,
        os: str | None = None,
        webview: bool | None = None,
        device: Device | None = None,
        browser: str | None = None,
        ttl_minutes: int | None = None,
        save_card: bool | None = None,
        is_test: bool | None = None,
        json_data: JsonData | Mapping[str, Any] | None = None,
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> QrPayment:
        """SBP payment QR code

        Makes a payment by SBP and answers its QR code, `QrImage` (a PNG, base64), to show the payer, who scans it
        with their bank's app. Takes the parameters of `/payments/qr/sbp/link`. One SBP QR code may be paid any
        number of times until it expires (`TtlMinutes`); each payment is a transaction of its own.

        Keyword arguments are the fields of `SbpPaymentRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `QrPayment`: the envelope's Model on `Success: true`.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "Amount": money(amount, "amount", 2),
            "Currency": currency,
        }
        if public_id is not None:
            body["PublicId"] = public_id
        if description is not None:
            body["Description"] = description
        if account_id is not None:
            body["AccountId"] = account_id
        if email is not None:
            body["Email"] = email
        if invoice_id is not None:
            body["InvoiceId"] = invoice_id
        if scheme is not None:
            body["Scheme"] = scheme
        if success_redirect_url is not None:
            body["SuccessRedirectUrl"] = success_redirect_url
        if ip_address is not None:
            body["IpAddress"] = ip_address
        if os is not None:
            body["Os"] = os
        if webview is not None:
            body["Webview"] = webview
        if device is not None:
            body["Device"] = device
        if browser is not None:
            body["Browser"] = browser
        if ttl_minutes is not None:
            body["TtlMinutes"] = ttl_minutes
        if save_card is not None:
            body["SaveCard"] = save_card
        if is_test is not None:
            body["IsTest"] = is_test
        if json_data is not None:
            body["JsonData"] = nested(json_data, "json_data", None)
        return await self._runtime.call(CREATE_SBP_QR, body, request_id, timeout, max_retries, extra_headers)

    async def create_tpay_link(
        self,
        *,
        amount: Decimal | int | float,
        currency: AltPaymentCurrency,
        scheme: TpayScheme,
        webview: bool,
        device: Device,
        success_redirect_url: str,
        fail_redirect_url: str,
        public_id: str | None = None,
        browser: str | None = None,
        os: str | None = None,
        ip_address: str | None = None,
        account_id: str | None = None,
        email: str | None = None,
        invoice_id: str | None = None,
        description: str | None = None,
        ttl_minutes: int | None = None,
        save_card: bool | None = None,
        json_data: JsonData | Mapping[str, Any] | None = None,
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> QrPayment:
        """T-Pay payment link

        Makes a payment by T-Pay (the T-Bank app) and answers its link, `QrUrl`: send the payer there and the app
        pays it, one-step or two-step (`Scheme`). The payment is a transaction in `Created` until the payer acts
        (see Payments by SBP, T-Pay and SberPay).

        Basic auth is optional here: the official mobile SDKs call this method without it, naming the terminal by
        `PublicId` in the body (CloudPayments-SDK-iOS `sdk/Sources/api/GatewayRequest.swift`) or by `publicId` in
        the query string (CloudPayments-SDK-Android `AuthenticationInterceptor.kt`).

        Keyword arguments are the fields of `TpayPaymentRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `QrPayment`: the envelope's Model on `Success: true`.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "Amount": money(amount, "amount", 2),
            "Currency": currency,
            "Scheme": scheme,
            "Webview": webview,
            "Device": device,
            "SuccessRedirectUrl": success_redirect_url,
            "FailRedirectUrl": fail_redirect_url,
        }
        if public_id is not None:
            body["PublicId"] = public_id
        if browser is not None:
            body["Browser"] = browser
        if os is not None:
            body["Os"] = os
        if ip_address is not None:
            body["IpAddress"] = ip_address
        if account_id is not None:
            body["AccountId"] = account_id
        if email is not None:
            body["Email"] = email
        if invoice_id is not None:
            body["InvoiceId"] = invoice_id
        if description is not None:
            body["Description"] = description
        if ttl_minutes is not None:
            body["TtlMinutes"] = ttl_minutes
        if save_card is not None:
            body["SaveCard"] = save_card
        if json_data is not None:
            body["JsonData"] = nested(json_data, "json_data", None)
        return await self._runtime.call(CREATE_TPAY_LINK, body, request_id, timeout, max_retries, extra_headers)

    async def create_tpay_qr(
        self,
        *,
        amount: Decimal | int | float,
        currency: AltPaymentCurrency,
        scheme: TpayScheme,
        webview: bool,
        device: Device,
        success_redirect_url: str,
        fail_redirect_url: str,
        public_id: str | None = None,
        browser: str | None = None,
        os: str | None = None,
        ip_address: str | None = None,
        account_id: str | None = None,
        email: str | None = None,
        invoice_id: str | None = None,
        description: str | None = None,
        ttl_minutes: int | None = None,
        save_card: bool | None = None,
        json_data: JsonData | Mapping[str, Any] | None = None,
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> QrPayment:
        """T-Pay payment QR code

        Makes a payment by T-Pay and answers its QR code, `QrImage` (an SVG, base64), to show the payer in a
        browser. Takes the parameters of `/payments/qr/tinkoffpay/link`.

        Keyword arguments are the fields of `TpayPaymentRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `QrPayment`: the envelope's Model on `Success: true`.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "Amount": money(amount, "amount", 2),
            "Currency": currency,
            "Scheme": scheme,
            "Webview": webview,
            "Device": device,
            "SuccessRedirectUrl": success_redirect_url,
            "FailRedirectUrl": fail_redirect_url,
        }
        if public_id is not None:
            body["PublicId"] = public_id
        if browser is not None:
            body["Browser"] = browser
        if os is not None:
            body["Os"] = os
        if ip_address is not None:
            body["IpAddress"] = ip_address
        if account_id is not None:
            body["AccountId"] = account_id
        if email is not None:
            body["Email"] = email
        if invoice_id is not None:
            body["InvoiceId"] = invoice_id
        if description is not None:
            body["Description"] = description
        if ttl_minutes is not None:
            body["TtlMinutes"] = ttl_minutes
        if save_card is not None:
            body["SaveCard"] = save_card
        if json_data is not None:
            body["JsonData"] = nested(json_data, "json_data", None)
        return await self._runtime.call(CREATE_TPAY_QR, body, request_id, timeout, max_retries, extra_headers)

    async def create_sberpay_link(
        self,
        *,
        public_id: str,
        amount: Decimal | int | float,
        currency: AltPaymentCurrency,
        scheme: PaymentSchemeName,
        description: str | None = None,
        account_id: str | None = None,
        email: str | None = None,
        invoice_id: str | None = None,
        success_redirect_url: str | None = None,
        ip_address: str | None = None,
        os: str | None = None,
        webview: bool | None = None,
        device: Device | None = None,
        browser: str | None = None,
        json_data: JsonData | Mapping[str, Any] | None = None,
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> QrPayment:
        """SberPay payment link

        Makes a payment by SberPay (the Sber app) and answers its link, `QrUrl` (`sberpay://invoicing/v2?...`):
        send the payer there and the app pays it, one-step or two-step (`Scheme`). The payment is a transaction in
        `Created` until the payer acts (see Payments by SBP, T-Pay and SberPay); Pay or Fail follows with
        `PaymentMethod: SberPay`.

        **No Basic auth**: the terminal is named by `PublicId` in the body (the reference says so). The official
        SDKs also send `TtlMinutes`, `FailRedirectUrl`, `SaveCard` and `Scenario`, which its table does not list
        (CloudPayments-SDK-iOS 1.5.14 `getSberPayLink`).

        Keyword arguments are the fields of `SberpayPaymentRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `QrPayment`: the envelope's Model on `Success: true`.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "PublicId": public_id,
            "Amount": money(amount, "amount", 2),
            "Currency": currency,
            "Scheme": scheme,
        }
        if description is not None:
            body["Description"] = description
        if account_id is not None:
            body["AccountId"] = account_id
        if email is not None:
            body["Email"] = email
        if invoice_id is not None:
            body["InvoiceId"] = invoice_id
        if success_redirect_url is not None:
            body["SuccessRedirectUrl"] = success_redirect_url
        if ip_address is not None:
            body["IpAddress"] = ip_address
        if os is not None:
            body["Os"] = os
        if webview is not None:
            body["Webview"] = webview
        if device is not None:
            body["Device"] = device
        if browser is not None:
            body["Browser"] = browser
        if json_data is not None:
            body["JsonData"] = nested(json_data, "json_data", None)
        return await self._runtime.call(CREATE_SBERPAY_LINK, body, request_id, timeout, max_retries, extra_headers)

    async def create_sberpay_qr(
        self,
        *,
        public_id: str,
        amount: Decimal | int | float,
        currency: AltPaymentCurrency,
        scheme: PaymentSchemeName,
        description: str | None = None,
        account_id: str | None = None,
        email: str | None = None,
        invoice_id: str | None = None,
        success_redirect_url: str | None = None,
        ip_address: str | None = None,
        os: str | None = None,
        webview: bool | None = None,
        device: Device | None = None,
        browser: str | None = None,
        json_data: JsonData | Mapping[str, Any] | None = None,
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> QrPayment:
        """SberPay payment QR code

        Makes a payment by SberPay and answers its QR code, `QrImage` (an SVG, base64), to show the payer in a
        browser. Takes the parameters of `/payments/qr/sberpay/link`; **no Basic auth** either: `PublicId` in the
        body names the terminal.

        Keyword arguments are the fields of `SberpayPaymentRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `QrPayment`: the envelope's Model on `Success: true`.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "PublicId": public_id,
            "Amount": money(amount, "amount", 2),
            "Currency": currency,
            "Scheme": scheme,
        }
        if description is not None:
            body["Description"] = description
        if account_id is not None:
            body["AccountId"] = account_id
        if email is not None:
            body["Email"] = email
        if invoice_id is not None:
            body["InvoiceId"] = invoice_id
        if success_redirect_url is not None:
            body["SuccessRedirectUrl"] = success_redirect_url
        if ip_address is not None:
            body["IpAddress"] = ip_address
        if os is not None:
            body["Os"] = os
        if webview is not None:
            body["Webview"] = webview
        if device is not None:
            body["Device"] = device
        if browser is not None:
            body["Browser"] = browser
        if json_data is not None:
            body["JsonData"] = nested(json_data, "json_data", None)
        return await self._runtime.call(CREATE_SBERPAY_QR, body, request_id, timeout, max_retries, extra_headers)

    async def wait_qr_status(
        self,
        *,
        transaction_id: int,
        public_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> QrPaymentStatus:
        """Wait for the status of a QR payment

        Long-polls an SBP, T-Pay or SberPay payment: the API holds the request for a while (how long is not
        documented) and answers the transaction's `Status`: `Created` or `Pending` while the payer has not paid,
        then `Authorized`, `Completed`, `Cancelled` or `Declined`. Call it again while the status is `Created` or
        `Pending`; the Pay or Fail notification tells the outcome too.

        Not in the reference: this is what the official mobile SDKs call after opening a payment link.
        CloudPayments-SDK-iOS (`sdk/Sources/api/GatewayRequest.swift`) sends `TransactionId` and `PublicId` and
        reads `TransactionId`, `Status` (its `StatusPay`: Created, Pending, Authorized, Completed, Cancelled,
        Declined), `StatusCode` and `ProviderQrId`; CloudPayments-SDK-Android (`QrLinkStatusWaitBody.kt`,
        `PaymentProcessViewModel.kt`) sends `TransactionId` and calls again on any status but Authorized,
        Completed, Cancelled and Declined. Both call it without Basic auth (`PublicId` in the body, or `publicId`
        in the query string), so Basic auth is optional here.

        Keyword arguments are the fields of `QrStatusRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `QrPaymentStatus`: the envelope's Model on `Success: true`.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "TransactionId": transaction_id,
        }
        if public_id is not None:
            body["PublicId"] = public_id
        return await self._runtime.call(WAIT_QR_STATUS, body, None, timeout, max_retries, extra_headers)

    async def wait_for_payment(
        self,
        transaction_id: int,
        *,
        timeout: float = WAIT_TIMEOUT,
        extra_headers: Mapping[str, str] | None = None,
    ) -> QrPaymentStatus:
        """Wait for the payment's outcome: `wait_qr_status` again and again until a final status.

        The API holds each `wait_qr_status` call until the status changes or a while passes, and answers
        `Created` or `Pending` while the payer has not paid: that answer is polled again; any
        other `Status` is the outcome and is returned. Each poll's HTTP timeout is what is left of
        `timeout`, so no poll outlives the deadline. A poll that gets no answer, HTTP 429 or 5xx is polled
        again after a short backoff (from 0.25 s, doubling, at most 4.0 s); after a poll answered at
        once the next starts 0.5 s after it, never in a busy loop.

        Args:
            transaction_id: `TransactionId` of the link's or QR code's answer.
            timeout: how long to wait in all, in seconds (300.0 by default).
            extra_headers: sent with every poll.

        Returns:
            `QrPaymentStatus`: the answer with the final status.

        Raises:
            QrPaymentTimeout: no final status before the deadline (`transaction_id`, `last_status`, `last_error`).
            BadRequestError: `Success: false` (e.g. an unknown transaction), at once.
            InvalidArgumentError: `timeout` is not a positive number of seconds.
            AuthenticationError, ResponseValidationError, SucceededUnreadableError: at once, as `wait_qr_status`.
        """
        deadline = time.monotonic() + _wait_timeout(timeout)
        last_status: str | None = None
        last_error: CloudPaymentsError | None = None
        failures = 0
        while True:
            started = time.monotonic()
            remaining = deadline - started
            if remaining <= 0:
                raise QrPaymentTimeout(
                    operation="waitQrStatus", transaction_id=transaction_id, last_status=last_status,
                    timeout=timeout, last_error=last_error,
                    request_id=last_error.request_id if last_error is not None else None,
                )  # fmt: skip
            try:
                answer = await self.wait_qr_status(
                    transaction_id=transaction_id, timeout=remaining, max_retries=0, extra_headers=extra_headers
                )
            except _POLL_AGAIN as error:
                last_error = error
                failures += 1
                await self._runtime.sleep(_until(deadline, _poll_backoff(failures, error)))
                continue
            status = answer.raw["Status"]
            if status not in _WAIT_WHILE:
                return answer
            last_status, last_error, failures = status, None, 0
            # A server that answers at once (no long poll) is not called in a busy loop.
            await self._runtime.sleep(_until(deadline, POLL_INTERVAL - (time.monotonic() - started)))

    async def list_sbp_banks(
        self,
        *,
        public_terminal_id: str,
        platform: str | None = None,
        account_id: str | None = None,
        is_renew_subscription: bool | None = None,
        json_data: str | None = None,
        save_card: bool | None = None,
        token: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[SbpBankList]:
        """List the SBP member banks

        The banks a payer may pay from by SBP, for the payer's platform, as the SBP widget's API lists them
        (`https://widget.cbrpay.ru/#membersListV2`; CloudPayments keeps them no older than 24 hours). Show them in
        the order given, with their names and logos unchanged (the payer may see up to three banks they chose
        before first). A bank's `url` is a template: replace its last segment, `{QRC_ID}{QUERY_STRING}`, with the
        path and query of the payment link (`QrUrl` of `/payments/qr/sbp/link`) to open the payment in that bank's
        app.

        Keyword arguments are the fields of `SbpBanksRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `list[SbpBankList]`: the envelope's Model on `Success: true`, each item read as a single
            Model is; an empty list when the Model is null or absent.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "PublicTerminalId": public_terminal_id,
        }
        if platform is not None:
            body["Platform"] = platform
        if account_id is not None:
            body["AccountId"] = account_id
        if is_renew_subscription is not None:
            body["IsRenewSubscription"] = is_renew_subscription
        if json_data is not None:
            body["JsonData"] = json_data
        if save_card is not None:
            body["SaveCard"] = save_card
        if token is not None:
            body["Token"] = token
        return await self._runtime.call(LIST_SBP_BANKS, body, None, timeout, max_retries, extra_headers)

    async def create_dolyami_payment(
        self,
        *,
        public_id: str,
        alt_pay_type: DolyamiPaymentRequestAltPayType,
        amount: Decimal | int | float,
        scheme: PaymentSchemeCode,
        invoice_id: str | None = None,
        description: str | None = None,
        account_id: str | None = None,
        email: str | None = None,
        success_redirect_url: str | None = None,
        fail_redirect_url: str | None = None,
        culture_name: str | None = None,
        json_data: JsonData | Mapping[str, Any] | None = None,
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> DolyamiPaymentAnswer:
        """Dolyami payment (pay in four parts)

        Makes a payment by Dolyami, T-Bank's pay-in-four-parts service, and answers the link to its application form
        in `ExtensionData.Link`, outside `Model`: send the payer there. The payer fills in the application; when
        it is approved the payment goes on (the shop gets the whole amount the next working day), and Pay or Fail
        follows. The method is enabled on request to CloudPayments.

        **No Basic auth**: the terminal is named by `PublicId` in the body (the reference says so). The answer's
        envelope also carries `ErrorCode`.

        Keyword arguments are the fields of `DolyamiPaymentRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `DolyamiPaymentAnswer`: the envelope's Model on `Success: true` (a `DolyamiPayment`), with
            the fields the envelope carries beside it; `.envelope` is the whole answer.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "PublicId": public_id,
            "AltPayType": alt_pay_type,
            "Amount": money(amount, "amount", 2),
            "Scheme": scheme,
        }
        if invoice_id is not None:
            body["InvoiceId"] = invoice_id
        if description is not None:
            body["Description"] = description
        if account_id is not None:
            body["AccountId"] = account_id
        if email is not None:
            body["Email"] = email
        if success_redirect_url is not None:
            body["SuccessRedirectUrl"] = success_redirect_url
        if fail_redirect_url is not None:
            body["FailRedirectUrl"] = fail_redirect_url
        if culture_name is not None:
            body["CultureName"] = culture_name
        if json_data is not None:
            body["JsonData"] = nested(json_data, "json_data", None)
        return await self._runtime.call(CREATE_DOLYAMI_PAYMENT, body, request_id, timeout, max_retries, extra_headers)
