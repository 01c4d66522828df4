"""The `payments` operations: `Payments` for `CloudPayments`, `AsyncPayments` for `AsyncCloudPayments`.

One method per operation; each builds the request model from its keyword arguments and makes one call
through the client (retries, outcome mapping, response check). The request itself is built by the
operation's module in this package.
"""

from __future__ import annotations

import datetime
from collections.abc import AsyncIterator, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any

import httpx

from ..._runtime import AsyncRuntime, SyncRuntime
from ...models import (
    AirlineAddendum,
    ApplePaySession,
    Currency,
    Escrow,
    JsonData,
    ListedStatus,
    OperationResponse,
    Payer,
    PaymentScheduled,
    RefundResult,
    TimeZone,
    Token,
    Transaction,
    TrInitiatorCode,
)
from ...types import date_argument, day_argument, list_argument, money, nested
from .auth_card import OPERATION as AUTH_CARD
from .auth_token import OPERATION as AUTH_TOKEN
from .charge_card import OPERATION as CHARGE_CARD
from .charge_token import OPERATION as CHARGE_TOKEN
from .confirm_payment import OPERATION as CONFIRM_PAYMENT
from .find_payment import OPERATION as FIND_PAYMENT
from .find_payment_v2 import OPERATION as FIND_PAYMENT_V2
from .get_payment import OPERATION as GET_PAYMENT
from .list_payments import OPERATION as LIST_PAYMENTS
from .list_payments_v2 import OPERATION as LIST_PAYMENTS_V2
from .list_tokens import OPERATION as LIST_TOKENS
from .post3ds import OPERATION as POST3DS
from .refund_payment import OPERATION as REFUND_PAYMENT
from .start_apple_pay_session import OPERATION as START_APPLE_PAY_SESSION
from .void_payment import OPERATION as VOID_PAYMENT

# The keys a mapping given for `AirlineAddendum` may hold.
_AIRLINEADDENDUM_KEYS = frozenset({"TicketNumber", "BookingRef", "Legs", "Passengers"})

# The keys a mapping given for `Escrow` may hold.
_ESCROW_KEYS = frozenset({"StartAccumulation", "EscrowType", "AccumulationId", "FinalPayout"})

# The keys a mapping given for `Payer` may hold.
_PAYER_KEYS = frozenset(
    {"FirstName", "LastName", "MiddleName", "Birth", "Street", "Address", "City", "Country", "Phone", "Postcode"}
)


class Payments:
    """Payments operations: Payments by card cryptogram and by saved token, 3-D Secure completion, two-step confirmation, void and refund;
    lookups of a transaction, lists of transactions and of saved card tokens; the Apple Pay session."""

    def __init__(self, runtime: SyncRuntime) -> None:
        self._runtime = runtime

    def charge_card(
        self,
        *,
        amount: Decimal | int | float,
        ip_address: str,
        card_cryptogram_packet: str,
        currency: Currency | None = None,
        invoice_id: str | None = None,
        description: str | None = None,
        account_id: str | None = None,
        email: str | None = None,
        name: str | None = None,
        payment_url: str | None = None,
        culture_name: str | None = None,
        save_card: bool | None = None,
        json_data: JsonData | Mapping[str, Any] | None = None,
        payer: Payer | Mapping[str, Any] | None = None,
        escrow: Escrow | Mapping[str, Any] | None = None,
        airline_addendum: AirlineAddendum | Mapping[str, Any] | None = None,
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Transaction:
        """One-step payment by card cryptogram

        Charges a card described by a cryptogram made by the CloudPayments checkout script. The answer is an
        approved transaction (`Status: Completed`), a 3-D Secure challenge (continue with the ACS page and
        `/payments/cards/post3ds`), a declined transaction (`ReasonCode` says why) or a bad request.

        Keyword arguments are the fields of `CardPaymentRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `Transaction`: the envelope's Model on `Success: true`.

        Raises:
            ThreeDSecureRequired: the payer must pass 3-D Secure (acs_url, pa_req, md).
            PaymentDeclinedError: `Success: false` with the declined transaction (reason_code...).
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "Amount": money(amount, "amount", 2),
            "IpAddress": ip_address,
            "CardCryptogramPacket": card_cryptogram_packet,
        }
        if currency is not None:
            body["Currency"] = currency
        if invoice_id is not None:
            body["InvoiceId"] = invoice_id
        if description is not None:
            body["Description"] = description
        if account_id is not None:
            body["AccountId"] = account_id
        if email is not None:
            body["Email"] = email
        if name is not None:
            body["Name"] = name
        if payment_url is not None:
            body["PaymentUrl"] = payment_url
        if culture_name is not None:
            body["CultureName"] = culture_name
        if save_card is not None:
            body["SaveCard"] = save_card
        if json_data is not None:
            body["JsonData"] = nested(json_data, "json_data", None)
        if payer is not None:
            body["Payer"] = nested(payer, "payer", _PAYER_KEYS)
        if escrow is not None:
            body["Escrow"] = nested(escrow, "escrow", _ESCROW_KEYS)
        if airline_addendum is not None:
            body["AirlineAddendum"] = nested(airline_addendum, "airline_addendum", _AIRLINEADDENDUM_KEYS)
        return self._runtime.call(CHARGE_CARD, body, request_id, timeout, max_retries, extra_headers)

    def auth_card(
        self,
        *,
        amount: Decimal | int | float,
        ip_address: str,
        card_cryptogram_packet: str,
        currency: Currency | None = None,
        invoice_id: str | None = None,
        description: str | None = None,
        account_id: str | None = None,
        email: str | None = None,
        name: str | None = None,
        payment_url: str | None = None,
        culture_name: str | None = None,
        save_card: bool | None = None,
        json_data: JsonData | Mapping[str, Any] | None = None,
        payer: Payer | Mapping[str, Any] | None = None,
        escrow: Escrow | Mapping[str, Any] | None = None,
        airline_addendum: AirlineAddendum | Mapping[str, Any] | None = None,
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Transaction:
        """Two-step payment by card cryptogram (authorization)

        Blocks the amount on a card described by a cryptogram; the transaction stays `Authorized` until
        `/payments/confirm` captures it or `/payments/void` releases it. Answers as `/payments/cards/charge`.

        Keyword arguments are the fields of `CardPaymentRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `Transaction`: the envelope's Model on `Success: true`.

        Raises:
            ThreeDSecureRequired: the payer must pass 3-D Secure (acs_url, pa_req, md).
            PaymentDeclinedError: `Success: false` with the declined transaction (reason_code...).
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "Amount": money(amount, "amount", 2),
            "IpAddress": ip_address,
            "CardCryptogramPacket": card_cryptogram_packet,
        }
        if currency is not None:
            body["Currency"] = currency
        if invoice_id is not None:
            body["InvoiceId"] = invoice_id
        if description is not None:
            body["Description"] = description
        if account_id is not None:
            body["AccountId"] = account_id
        if email is not None:
            body["Email"] = email
        if name is not None:
            body["Name"] = name
        if payment_url is not None:
            body["PaymentUrl"] = payment_url
        if culture_name is not None:
            body["CultureName"] = culture_name
        if save_card is not None:
            body["SaveCard"] = save_card
        if json_data is not None:
            body["JsonData"] = nested(json_data, "json_data", None)
        if payer is not None:
            body["Payer"] = nested(payer, "payer", _PAYER_KEYS)
        if escrow is not None:
            body["Escrow"] = nested(escrow, "escrow", _ESCROW_KEYS)
        if airline_addendum is not None:
            body["AirlineAddendum"] = nested(airline_addendum, "airline_addendum", _AIRLINEADDENDUM_KEYS)
        return self._runtime.call(AUTH_CARD, body, request_id, timeout, max_retries, extra_headers)

    def post3ds(
        self,
        *,
        transaction_id: int,
        pa_res: str,
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Transaction:
        """Complete 3-D Secure authentication

        Completes a payment after the payer came back from the ACS page: `TransactionId` is the `MD` and `PaRes`
        the parameter of the same name posted to the shop's `TermUrl`. The answer is the approved or the declined
        transaction.

        Keyword arguments are the fields of `Post3DsRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `Transaction`: the envelope's Model on `Success: true`.

        Raises:
            PaymentDeclinedError: `Success: false` with the declined transaction (reason_code...).
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "TransactionId": transaction_id,
            "PaRes": pa_res,
        }
        return self._runtime.call(POST3DS, body, request_id, timeout, max_retries, extra_headers)

    def charge_token(
        self,
        *,
        amount: Decimal | int | float,
        account_id: str,
        token: str,
        tr_initiator_code: TrInitiatorCode,
        currency: Currency | None = None,
        invoice_id: str | None = None,
        description: str | None = None,
        email: str | None = None,
        payment_scheduled: PaymentScheduled | None = None,
        ip_address: str | None = None,
        culture_name: str | None = None,
        json_data: JsonData | Mapping[str, Any] | None = None,
        payer: Payer | Mapping[str, Any] | None = None,
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Transaction:
        """One-step payment by token

        Charges a card saved as a token (returned in `Model.Token` of an earlier payment with an `AccountId`).
        A token works only on the terminal that issued it. There is no 3-D Secure step.

        Keyword arguments are the fields of `TokenPaymentRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `Transaction`: the envelope's Model on `Success: true`.

        Raises:
            PaymentDeclinedError: `Success: false` with the declined transaction (reason_code...).
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "Amount": money(amount, "amount", 2),
            "AccountId": account_id,
            "Token": token,
            "TrInitiatorCode": tr_initiator_code,
        }
        if currency is not None:
            body["Currency"] = currency
        if invoice_id is not None:
            body["InvoiceId"] = invoice_id
        if description is not None:
            body["Description"] = description
        if email is not None:
            body["Email"] = email
        if payment_scheduled is not None:
            body["PaymentScheduled"] = payment_scheduled
        if ip_address is not None:
            body["IpAddress"] = ip_address
        if culture_name is not None:
            body["CultureName"] = culture_name
        if json_data is not None:
            body["JsonData"] = nested(json_data, "json_data", None)
        if payer is not None:
            body["Payer"] = nested(payer, "payer", _PAYER_KEYS)
        return self._runtime.call(CHARGE_TOKEN, body, request_id, timeout, max_retries, extra_headers)

    def auth_token(
        self,
        *,
        amount: Decimal | int | float,
        account_id: str,
        token: str,
        tr_initiator_code: TrInitiatorCode,
        currency: Currency | None = None,
        invoice_id: str | None = None,
        description: str | None = None,
        email: str | None = None,
        payment_scheduled: PaymentScheduled | None = None,
        ip_address: str | None = None,
        culture_name: str | None = None,
        json_data: JsonData | Mapping[str, Any] | None = None,
        payer: Payer | Mapping[str, Any] | None = None,
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Transaction:
        """Two-step payment by token (authorization)

        Blocks the amount on a card saved as a token; continue with `/payments/confirm` or `/payments/void`.
        Answers as `/payments/tokens/charge`.

        Keyword arguments are the fields of `TokenPaymentRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `Transaction`: the envelope's Model on `Success: true`.

        Raises:
            PaymentDeclinedError: `Success: false` with the declined transaction (reason_code...).
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "Amount": money(amount, "amount", 2),
            "AccountId": account_id,
            "Token": token,
            "TrInitiatorCode": tr_initiator_code,
        }
        if currency is not None:
            body["Currency"] = currency
        if invoice_id is not None:
            body["InvoiceId"] = invoice_id
        if description is not None:
            body["Description"] = description
        if email is not None:
            body["Email"] = email
        if payment_scheduled is not None:
            body["PaymentScheduled"] = payment_scheduled
        if ip_address is not None:
            body["IpAddress"] = ip_address
        if culture_name is not None:
            body["CultureName"] = culture_name
        if json_data is not None:
            body["JsonData"] = nested(json_data, "json_data", None)
        if payer is not None:
            body["Payer"] = nested(payer, "payer", _PAYER_KEYS)
        return self._runtime.call(AUTH_TOKEN, body, request_id, timeout, max_retries, extra_headers)

    def confirm_payment(
        self,
        *,
        transaction_id: int,
        amount: Decimal | int | float,
        json_data: JsonData | Mapping[str, Any] | None = None,
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> OperationResponse:
        """Confirm (capture) a two-step payment

        Captures an `Authorized` transaction. The amount may be less than, never more than, the authorized
        one; the transaction becomes `Completed`.

        Keyword arguments are the fields of `ConfirmRequest` (wire names in PascalCase); amounts take `Decimal`,
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
            "TransactionId": transaction_id,
            "Amount": money(amount, "amount", 2),
        }
        if json_data is not None:
            body["JsonData"] = nested(json_data, "json_data", None)
        return self._runtime.call(CONFIRM_PAYMENT, body, request_id, timeout, max_retries, extra_headers)

    def void_payment(
        self,
        *,
        transaction_id: int,
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> OperationResponse:
        """Cancel (void) a payment

        Releases an `Authorized` transaction; it becomes `Cancelled`. A captured payment is refunded instead.

        Keyword arguments are the fields of `VoidRequest` (wire names in PascalCase); amounts take `Decimal`,
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
            "TransactionId": transaction_id,
        }
        return self._runtime.call(VOID_PAYMENT, body, request_id, timeout, max_retries, extra_headers)

    def refund_payment(
        self,
        *,
        transaction_id: int,
        amount: Decimal | int | float,
        json_data: JsonData | Mapping[str, Any] | None = None,
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RefundResult:
        """Refund a payment

        Refunds a `Completed` payment in full or in part; several partial refunds never exceed the amount paid.
        `Model.TransactionId` is the id of the refund operation.

        Keyword arguments are the fields of `RefundRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `RefundResult`: the envelope's Model on `Success: true`.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "TransactionId": transaction_id,
            "Amount": money(amount, "amount", 2),
        }
        if json_data is not None:
            body["JsonData"] = nested(json_data, "json_data", None)
        return self._runtime.call(REFUND_PAYMENT, body, request_id, timeout, max_retries, extra_headers)

    def get_payment(
        self,
        *,
        transaction_id: int,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Transaction:
        """Get a transaction

        Returns the transaction with the given id, whatever its status: a payment, a refund or a payout. Call it
        after a timeout or an unclear answer to learn what happened.

        Keyword arguments are the fields of `PaymentGetRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `Transaction`: the envelope's Model on `Success: true`.

        Raises:
            PaymentDeclinedError: `Success: false` with the declined transaction (reason_code...).
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "TransactionId": transaction_id,
        }
        return self._runtime.call(GET_PAYMENT, body, None, timeout, max_retries, extra_headers)

    def find_payment(
        self,
        *,
        invoice_id: str,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Transaction:
        """Find a payment by invoice number

        Returns the latest **payment** made with the given `InvoiceId` (refunds and payouts are not searched; see
        `/v2/payments/find`). Without one the answer is `Success: false` with `Message: "Not found"`.

        Keyword arguments are the fields of `PaymentFindRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `Transaction`: the envelope's Model on `Success: true`.

        Raises:
            PaymentDeclinedError: `Success: false` with the declined transaction (reason_code...).
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "InvoiceId": invoice_id,
        }
        return self._runtime.call(FIND_PAYMENT, body, None, timeout, max_retries, extra_headers)

    def find_payment_v2(
        self,
        *,
        invoice_id: str,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Transaction:
        """Find an operation by invoice number (payments, refunds and payouts)

        Returns the latest operation with the given `InvoiceId`: unlike `/payments/find`, refunds and payouts are
        searched too (a refund carries the `InvoiceId` of its payment). Not found as `/payments/find`.

        Keyword arguments are the fields of `PaymentFindRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `Transaction`: the envelope's Model on `Success: true`.

        Raises:
            PaymentDeclinedError: `Success: false` with the declined transaction (reason_code...).
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "InvoiceId": invoice_id,
        }
        return self._runtime.call(FIND_PAYMENT_V2, body, None, timeout, max_retries, extra_headers)

    def list_payments(
        self,
        *,
        date: datetime.date | str,
        time_zone: TimeZone | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[Transaction]:
        """List the transactions of one day

        Returns every transaction created on `Date` in `TimeZone` (UTC by default), oldest first, in one answer.
        For a longer period, or page by page, use `/v2/payments/list`.

        Keyword arguments are the fields of `PaymentListRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `list[Transaction]`: the envelope's Model on `Success: true`, each item read as a single
            Model is; an empty list when the Model is null or absent.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "Date": day_argument(date, "date"),
        }
        if time_zone is not None:
            body["TimeZone"] = time_zone
        return self._runtime.call(LIST_PAYMENTS, body, None, timeout, max_retries, extra_headers)

    def list_payments_v2(
        self,
        *,
        created_date_gte: datetime.datetime | str,
        created_date_lte: datetime.datetime | str,
        page_number: int,
        time_zone: TimeZone | None = None,
        statuses: Sequence[ListedStatus | str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[Transaction]:
        """List transactions of a period, page by page

        Returns the transactions created between `CreatedDateGte` and `CreatedDateLte` (both included), oldest
        first, 100 a page; `PageNumber` counts from 1. The answer has no total: a page with fewer than 100
        transactions is the last one. `Statuses` keeps only transactions in those statuses (all by default).

        Keyword arguments are the fields of `PaymentListV2Request` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        One page of at most 100 items (`page_number` counts from 1; there is no
        total): `iter_list_payments_v2(...)` walks every page for you.

        Returns:
            `list[Transaction]`: the envelope's Model on `Success: true`, each item read as a single
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
        if time_zone is not None:
            body["TimeZone"] = time_zone
        if statuses is not None:
            body["Statuses"] = list_argument(statuses, "statuses")
        return self._runtime.call(LIST_PAYMENTS_V2, body, None, timeout, max_retries, extra_headers)

    def iter_list_payments_v2(
        self,
        *,
        created_date_gte: datetime.datetime | str,
        created_date_lte: datetime.datetime | str,
        time_zone: TimeZone | None = None,
        statuses: Sequence[ListedStatus | str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Iterator[Transaction]:
        """List transactions of a period, page by page: every item of every page.

        Calls `list_payments_v2` with `page_number` 1, 2, 3... and yields the items of each page in
        order, until a page with fewer than 100 items (an empty one included): the answer has no total.
        Nothing is sent before the first item is asked for. Keyword arguments are those of `list_payments_v2`
        but `page_number`; `timeout`, `max_retries` and `extra_headers` apply to every page.

        Yields:
            `Transaction`: each item, read as `list_payments_v2` reads it.

        Raises:
            The errors of `list_payments_v2`, for the page that failed (the items of the pages before it were
            yielded already).
        """
        current_page = 1
        while True:
            page_items = self.list_payments_v2(
                created_date_gte=created_date_gte,
                created_date_lte=created_date_lte,
                page_number=current_page,
                time_zone=time_zone,
                statuses=statuses,
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
            )
            yield from page_items
            if len(page_items) < 100:
                return
            current_page += 1

    def list_tokens(
        self,
        *,
        page_number: int,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[Token]:
        """List the saved card tokens

        Returns the card tokens the terminal issued, 100 a page; `PageNumber` counts from 1 and is required (it
        was not before). The answer has no total: a page with fewer than 100 tokens is the last one.

        Keyword arguments are the fields of `TokenListRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        One page of at most 100 items (`page_number` counts from 1; there is no
        total): `iter_list_tokens(...)` walks every page for you.

        Returns:
            `list[Token]`: the envelope's Model on `Success: true`, each item read as a single
            Model is; an empty list when the Model is null or absent.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "PageNumber": page_number,
        }
        return self._runtime.call(LIST_TOKENS, body, None, timeout, max_retries, extra_headers)

    def iter_list_tokens(
        self,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Iterator[Token]:
        """List the saved card tokens: every item of every page.

        Calls `list_tokens` with `page_number` 1, 2, 3... and yields the items of each page in
        order, until a page with fewer than 100 items (an empty one included): the answer has no total.
        Nothing is sent before the first item is asked for. Keyword arguments are those of `list_tokens`
        but `page_number`; `timeout`, `max_retries` and `extra_headers` apply to every page.

        Yields:
            `Token`: each item, read as `list_tokens` reads it.

        Raises:
            The errors of `list_tokens`, for the page that failed (the items of the pages before it were
            yielded already).
        """
        current_page = 1
        while True:
            page_items = self.list_tokens(
                page_number=current_page,
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
            )
            yield from page_items
            if len(page_items) < 100:
                return
            current_page += 1

    def start_apple_pay_session(
        self,
        *,
        validation_url: str,
        payment_url: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ApplePaySession:
        """Start an Apple Pay session (merchant validation)

        Apple Pay on the web asks the merchant to validate itself: Apple Pay JS gives the page a validation URL
        (`event.validationURL` of `onvalidatemerchant`), the site sends it here, and the answer's `Model` is
        Apple's merchant session object, unchanged (camelCase keys), to pass to `completeMerchantValidation`.
        Only Apple's validation URLs are taken: `https`, on `apple.com` or one of its subdomains
        (`ValidationUrl.x-allowed-hosts`); any other is refused with a `Message`. The 2021 reference describes
        the method; the current one no longer lists it.

        Keyword arguments are the fields of `ApplePaySessionRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `ApplePaySession`: the envelope's Model on `Success: true`.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "ValidationUrl": validation_url,
        }
        if payment_url is not None:
            body["paymentUrl"] = payment_url
        return self._runtime.call(START_APPLE_PAY_SESSION, body, None, timeout, max_retries, extra_headers)


class AsyncPayments:
    """Payments operations: Payments by card cryptogram and by saved token, 3-D Secure completion, two-step confirmation, void and refund;
    lookups of a transaction, lists of transactions and of saved card tokens; the Apple Pay session."""

    def __init__(self, runtime: AsyncRuntime) -> None:
        self._runtime = runtime

    async def charge_card(
        self,
        *,
        amount: Decimal | int | float,
        ip_address: str,
        card_cryptogram_packet: str,
        currency: Currency | None = None,
        invoice_id: str | None = None,
        description: str | None = None,
        account_id: str | None = None,
        email: str | None = None,
        name: str | None = None,
        payment_url: str | None = None,
        culture_name: str | None = None,
        save_card: bool | None = None,
        json_data: JsonData | Mapping[str, Any] | None = None,
        payer: Payer | Mapping[str, Any] | None = None,
        escrow: Escrow | Mapping[str, Any] | None = None,
        airline_addendum: AirlineAddendum | Mapping[str, Any] | None = None,
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Transaction:
        """One-step payment by card cryptogram

        Charges a card described by a cryptogram made by the CloudPayments checkout script. The answer is an
        approved transaction (`Status: Completed`), a 3-D Secure challenge (continue with the ACS page and
        `/payments/cards/post3ds`), a declined transaction (`ReasonCode` says why) or a bad request.

        Keyword arguments are the fields of `CardPaymentRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `Transaction`: the envelope's Model on `Success: true`.

        Raises:
            ThreeDSecureRequired: the payer must pass 3-D Secure (acs_url, pa_req, md).
            PaymentDeclinedError: `Success: false` with the declined transaction (reason_code...).
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "Amount": money(amount, "amount", 2),
            "IpAddress": ip_address,
            "CardCryptogramPacket": card_cryptogram_packet,
        }
        if currency is not None:
            body["Currency"] = currency
        if invoice_id is not None:
            body["InvoiceId"] = invoice_id
        if description is not None:
            body["Description"] = description
        if account_id is not None:
            body["AccountId"] = account_id
        if email is not None:
            body["Email"] = email
        if name is not None:
            body["Name"] = name
        if payment_url is not None:
            body["PaymentUrl"] = payment_url
        if culture_name is not None:
            body["CultureName"] = culture_name
        if save_card is not None:
            body["SaveCard"] = save_card
        if json_data is not None:
            body["JsonData"] = nested(json_data, "json_data", None)
        if payer is not None:
            body["Payer"] = nested(payer, "payer", _PAYER_KEYS)
        if escrow is not None:
            body["Escrow"] = nested(escrow, "escrow", _ESCROW_KEYS)
        if airline_addendum is not None:
            body["AirlineAddendum"] = nested(airline_addendum, "airline_addendum", _AIRLINEADDENDUM_KEYS)
        return await self._runtime.call(CHARGE_CARD, body, request_id, timeout, max_retries, extra_headers)

    async def auth_card(
        self,
        *,
        amount: Decimal | int | float,
        ip_address: str,
        card_cryptogram_packet: str,
        currency: Currency | None = None,
        invoice_id: str | None = None,
        description: str | None = None,
        account_id: str | None = None,
        email: str | None = None,
        name: str | None = None,
        payment_url: str | None = None,
        culture_name: str | None = None,
        save_card: bool | None = None,
        json_data: JsonData | Mapping[str, Any] | None = None,
        payer: Payer | Mapping[str, Any] | None = None,
        escrow: Escrow | Mapping[str, Any] | None = None,
        airline_addendum: AirlineAddendum | Mapping[str, Any] | None = None,
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Transaction:
        """Two-step payment by card cryptogram (authorization)

        Blocks the amount on a card described by a cryptogram; the transaction stays `Authorized` until
        `/payments/confirm` captures it or `/payments/void` releases it. Answers as `/payments/cards/charge`.

        Keyword arguments are the fields of `CardPaymentRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `Transaction`: the envelope's Model on `Success: true`.

        Raises:
            ThreeDSecureRequired: the payer must pass 3-D Secure (acs_url, pa_req, md).
            PaymentDeclinedError: `Success: false` with the declined transaction (reason_code...).
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "Amount": money(amount, "amount", 2),
            "IpAddress": ip_address,
            "CardCryptogramPacket": card_cryptogram_packet,
        }
        if currency is not None:
            body["Currency"] = currency
        if invoice_id is not None:
            body["InvoiceId"] = invoice_id
        if description is not None:
            body["Description"] = description
        if account_id is not None:
            body["AccountId"] = account_id
        if email is not None:
            body["Email"] = email
        if name is not None:
            body["Name"] = name
        if payment_url is not None:
            body["PaymentUrl"] = payment_url
        if culture_name is not None:
            body["CultureName"] = culture_name
        if save_card is not None:
            body["SaveCard"] = save_card
        if json_data is not None:
            body["JsonData"] = nested(json_data, "json_data", None)
        if payer is not None:
            body["Payer"] = nested(payer, "payer", _PAYER_KEYS)
        if escrow is not None:
            body["Escrow"] = nested(escrow, "escrow", _ESCROW_KEYS)
        if airline_addendum is not None:
            body["AirlineAddendum"] = nested(airline_addendum, "airline_addendum", _AIRLINEADDENDUM_KEYS)
        return await self._runtime.call(AUTH_CARD, body, request_id, timeout, max_retries, extra_headers)

    async def post3ds(
        self,
        *,
        transaction_id: int,
        pa_res: str,
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Transaction:
        """Complete 3-D Secure authentication

        Completes a payment after the payer came back from the ACS page: `TransactionId` is the `MD` and `PaRes`
        the parameter of the same name posted to the shop's `TermUrl`. The answer is the approved or the declined
        transaction.

        Keyword arguments are the fields of `Post3DsRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `Transaction`: the envelope's Model on `Success: true`.

        Raises:
            PaymentDeclinedError: `Success: false` with the declined transaction (reason_code...).
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "TransactionId": transaction_id,
            "PaRes": pa_res,
        }
        return await self._runtime.call(POST3DS, body, request_id, timeout, max_retries, extra_headers)

    async def charge_token(
        self,
        *,
        amount: Decimal | int | float,
        account_id: str,
        token: str,
        tr_initiator_code: TrInitiatorCode,
        currency: Currency | None = None,
        invoice_id: str | None = None,
        description: str | None = None,
        email: str | None = None,
        payment_scheduled: PaymentScheduled | None = None,
        ip_address: str | None = None,
        culture_name: str | None = None,
        json_data: JsonData | Mapping[str, Any] | None = None,
        payer: Payer | Mapping[str, Any] | None = None,
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Transaction:
        """One-step payment by token

        Charges a card saved as a token (returned in `Model.Token` of an earlier payment with an `AccountId`).
        A token works only on the terminal that issued it. There is no 3-D Secure step.

        Keyword arguments are the fields of `TokenPaymentRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `Transaction`: the envelope's Model on `Success: true`.

        Raises:
            PaymentDeclinedError: `Success: false` with the declined transaction (reason_code...).
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "Amount": money(amount, "amount", 2),
            "AccountId": account_id,
            "Token": token,
            "TrInitiatorCode": tr_initiator_code,
        }
        if currency is not None:
            body["Currency"] = currency
        if invoice_id is not None:
            body["InvoiceId"] = invoice_id
        if description is not None:
            body["Description"] = description
        if email is not None:
            body["Email"] = email
        if payment_scheduled is not None:
            body["PaymentScheduled"] = payment_scheduled
        if ip_address is not None:
            body["IpAddress"] = ip_address
        if culture_name is not None:
            body["CultureName"] = culture_name
        if json_data is not None:
            body["JsonData"] = nested(json_data, "json_data", None)
        if payer is not None:
            body["Payer"] = nested(payer, "payer", _PAYER_KEYS)
        return await self._runtime.call(CHARGE_TOKEN, body, request_id, timeout, max_retries, extra_headers)

    async def auth_token(
        self,
        *,
        amount: Decimal | int | float,
        account_id: str,
        token: str,
        tr_initiator_code: TrInitiatorCode,
        currency: Currency | None = None,
        invoice_id: str | None = None,
        description: str | None = None,
        email: str | None = None,
        payment_scheduled: PaymentScheduled | None = None,
        ip_address: str | None = None,
        culture_name: str | None = None,
        json_data: JsonData | Mapping[str, Any] | None = None,
        payer: Payer | Mapping[str, Any] | None = None,
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Transaction:
        """Two-step payment by token (authorization)

        Blocks the amount on a card saved as a token; continue with `/payments/confirm` or `/payments/void`.
        Answers as `/payments/tokens/charge`.

        Keyword arguments are the fields of `TokenPaymentRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `Transaction`: the envelope's Model on `Success: true`.

        Raises:
            PaymentDeclinedError: `Success: false` with the declined transaction (reason_code...).
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "Amount": money(amount, "amount", 2),
            "AccountId": account_id,
            "Token": token,
            "TrInitiatorCode": tr_initiator_code,
        }
        if currency is not None:
            body["Currency"] = currency
        if invoice_id is not None:
            body["InvoiceId"] = invoice_id
        if description is not None:
            body["Description"] = description
        if email is not None:
            body["Email"] = email
        if payment_scheduled is not None:
            body["PaymentScheduled"] = payment_scheduled
        if ip_address is not None:
            body["IpAddress"] = ip_address
        if culture_name is not None:
            body["CultureName"] = culture_name
        if json_data is not None:
            body["JsonData"] = nested(json_data, "json_data", None)
        if payer is not None:
            body["Payer"] = nested(payer, "payer", _PAYER_KEYS)
        return await self._runtime.call(AUTH_TOKEN, body, request_id, timeout, max_retries, extra_headers)

    async def confirm_payment(
        self,
        *,
        transaction_id: int,
        amount: Decimal | int | float,
        json_data: JsonData | Mapping[str, Any] | None = None,
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> OperationResponse:
        """Confirm (capture) a two-step payment

        Captures an `Authorized` transaction. The amount may be less than, never more than, the authorized
        one; the transaction becomes `Completed`.

        Keyword arguments are the fields of `ConfirmRequest` (wire names in PascalCase); amounts take `Decimal`,
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
            "TransactionId": transaction_id,
            "Amount": money(amount, "amount", 2),
        }
        if json_data is not None:
            body["JsonData"] = nested(json_data, "json_data", None)
        return await self._runtime.call(CONFIRM_PAYMENT, body, request_id, timeout, max_retries, extra_headers)

    async def void_payment(
        self,
        *,
        transaction_id: int,
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> OperationResponse:
        """Cancel (void) a payment

        Releases an `Authorized` transaction; it becomes `Cancelled`. A captured payment is refunded instead.

        Keyword arguments are the fields of `VoidRequest` (wire names in PascalCase); amounts take `Decimal`,
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
            "TransactionId": transaction_id,
        }
        return await self._runtime.call(VOID_PAYMENT, body, request_id, timeout, max_retries, extra_headers)

    async def refund_payment(
        self,
        *,
        transaction_id: int,
        amount: Decimal | int | float,
        json_data: JsonData | Mapping[str, Any] | None = None,
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RefundResult:
        """Refund a payment

        Refunds a `Completed` payment in full or in part; several partial refunds never exceed the amount paid.
        `Model.TransactionId` is the id of the refund operation.

        Keyword arguments are the fields of `RefundRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `RefundResult`: the envelope's Model on `Success: true`.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "TransactionId": transaction_id,
            "Amount": money(amount, "amount", 2),
        }
        if json_data is not None:
            body["JsonData"] = nested(json_data, "json_data", None)
        return await self._runtime.call(REFUND_PAYMENT, body, request_id, timeout, max_retries, extra_headers)

    async def get_payment(
        self,
        *,
        transaction_id: int,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Transaction:
        """Get a transaction

        Returns the transaction with the given id, whatever its status: a payment, a refund or a payout. Call it
        after a timeout or an unclear answer to learn what happened.

        Keyword arguments are the fields of `PaymentGetRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `Transaction`: the envelope's Model on `Success: true`.

        Raises:
            PaymentDeclinedError: `Success: false` with the declined transaction (reason_code...).
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "TransactionId": transaction_id,
        }
        return await self._runtime.call(GET_PAYMENT, body, None, timeout, max_retries, extra_headers)

    async def find_payment(
        self,
        *,
        invoice_id: str,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Transaction:
        """Find a payment by invoice number

        Returns the latest **payment** made with the given `InvoiceId` (refunds and payouts are not searched; see
        `/v2/payments/find`). Without one the answer is `Success: false` with `Message: "Not found"`.

        Keyword arguments are the fields of `PaymentFindRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `Transaction`: the envelope's Model on `Success: true`.

        Raises:
            PaymentDeclinedError: `Success: false` with the declined transaction (reason_code...).
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "InvoiceId": invoice_id,
        }
        return await self._runtime.call(FIND_PAYMENT, body, None, timeout, max_retries, extra_headers)

    async def find_payment_v2(
        self,
        *,
        invoice_id: str,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Transaction:
        """Find an operation by invoice number (payments, refunds and payouts)

        Returns the latest operation with the given `InvoiceId`: unlike `/payments/find`, refunds and payouts are
        searched too (a refund carries the `InvoiceId` of its payment). Not found as `/payments/find`.

        Keyword arguments are the fields of `PaymentFindRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `Transaction`: the envelope's Model on `Success: true`.

        Raises:
            PaymentDeclinedError: `Success: false` with the declined transaction (reason_code...).
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "InvoiceId": invoice_id,
        }
        return await self._runtime.call(FIND_PAYMENT_V2, body, None, timeout, max_retries, extra_headers)

    async def list_payments(
        self,
        *,
        date: datetime.date | str,
        time_zone: TimeZone | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[Transaction]:
        """List the transactions of one day

        Returns every transaction created on `Date` in `TimeZone` (UTC by default), oldest first, in one answer.
        For a longer period, or page by page, use `/v2/payments/list`.

        Keyword arguments are the fields of `PaymentListRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `list[Transaction]`: the envelope's Model on `Success: true`, each item read as a single
            Model is; an empty list when the Model is null or absent.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "Date": day_argument(date, "date"),
        }
        if time_zone is not None:
            body["TimeZone"] = time_zone
        return await self._runtime.call(LIST_PAYMENTS, body, None, timeout, max_retries, extra_headers)

    async def list_payments_v2(
        self,
        *,
        created_date_gte: datetime.datetime | str,
        created_date_lte: datetime.datetime | str,
        page_number: int,
        time_zone: TimeZone | None = None,
        statuses: Sequence[ListedStatus | str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[Transaction]:
        """List transactions of a period, page by page

        Returns the transactions created between `CreatedDateGte` and `CreatedDateLte` (both included), oldest
        first, 100 a page; `PageNumber` counts from 1. The answer has no total: a page with fewer than 100
        transactions is the last one. `Statuses` keeps only transactions in those statuses (all by default).

        Keyword arguments are the fields of `PaymentListV2Request` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        One page of at most 100 items (`page_number` counts from 1; there is no
        total): `iter_list_payments_v2(...)` walks every page for you.

        Returns:
            `list[Transaction]`: the envelope's Model on `Success: true`, each item read as a single
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
        if time_zone is not None:
            body["TimeZone"] = time_zone
        if statuses is not None:
            body["Statuses"] = list_argument(statuses, "statuses")
        return await self._runtime.call(LIST_PAYMENTS_V2, body, None, timeout, max_retries, extra_headers)

    async def iter_list_payments_v2(
        self,
        *,
        created_date_gte: datetime.datetime | str,
        created_date_lte: datetime.datetime | str,
        time_zone: TimeZone | None = None,
        statuses: Sequence[ListedStatus | str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncIterator[Transaction]:
        """List transactions of a period, page by page: every item of every page (async).

        Calls `list_payments_v2` with `page_number` 1, 2, 3... and yields the items of each page in
        order, until a page with fewer than 100 items (an empty one included): the answer has no total.
        Nothing is sent before the first item is asked for. Keyword arguments are those of `list_payments_v2`
        but `page_number`; `timeout`, `max_retries` and `extra_headers` apply to every page.

        Yields:
            `Transaction`: each item, read as `list_payments_v2` reads it.

        Raises:
            The errors of `list_payments_v2`, for the page that failed (the items of the pages before it were
            yielded already).
        """
        current_page = 1
        while True:
            page_items = await self.list_payments_v2(
                created_date_gte=created_date_gte,
                created_date_lte=created_date_lte,
                page_number=current_page,
                time_zone=time_zone,
                statuses=statuses,
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
            )
            for page_item in page_items:
                yield page_item
            if len(page_items) < 100:
                return
            current_page += 1

    async def list_tokens(
        self,
        *,
        page_number: int,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[Token]:
        """List the saved card tokens

        Returns the card tokens the terminal issued, 100 a page; `PageNumber` counts from 1 and is required (it
        was not before). The answer has no total: a page with fewer than 100 tokens is the last one.

        Keyword arguments are the fields of `TokenListRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        One page of at most 100 items (`page_number` counts from 1; there is no
        total): `iter_list_tokens(...)` walks every page for you.

        Returns:
            `list[Token]`: the envelope's Model on `Success: true`, each item read as a single
            Model is; an empty list when the Model is null or absent.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "PageNumber": page_number,
        }
        return await self._runtime.call(LIST_TOKENS, body, None, timeout, max_retries, extra_headers)

    async def iter_list_tokens(
        self,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncIterator[Token]:
        """List the saved card tokens: every item of every page (async).

        Calls `list_tokens` with `page_number` 1, 2, 3... and yields the items of each page in
        order, until a page with fewer than 100 items (an empty one included): the answer has no total.
        Nothing is sent before the first item is asked for. Keyword arguments are those of `list_tokens`
        but `page_number`; `timeout`, `max_retries` and `extra_headers` apply to every page.

        Yields:
            `Token`: each item, read as `list_tokens` reads it.

        Raises:
            The errors of `list_tokens`, for the page that failed (the items of the pages before it were
            yielded already).
        """
        current_page = 1
        while True:
            page_items = await self.list_tokens(
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

    async def start_apple_pay_session(
        self,
        *,
        validation_url: str,
        payment_url: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ApplePaySession:
        """Start an Apple Pay session (merchant validation)

        Apple Pay on the web asks the merchant to validate itself: Apple Pay JS gives the page a validation URL
        (`event.validationURL` of `onvalidatemerchant`), the site sends it here, and the answer's `Model` is
        Apple's merchant session object, unchanged (camelCase keys), to pass to `completeMerchantValidation`.
        Only Apple's validation URLs are taken: `https`, on `apple.com` or one of its subdomains
        (`ValidationUrl.x-allowed-hosts`); any other is refused with a `Message`. The 2021 reference describes
        the method; the current one no longer lists it.

        Keyword arguments are the fields of `ApplePaySessionRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `ApplePaySession`: the envelope's Model on `Success: true`.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "ValidationUrl": validation_url,
        }
        if payment_url is not None:
            body["paymentUrl"] = payment_url
        return await self._runtime.call(START_APPLE_PAY_SESSION, body, None, timeout, max_retries, extra_headers)
