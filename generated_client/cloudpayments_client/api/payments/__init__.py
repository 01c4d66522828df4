"""The `payments` operations: `Payments` for `CloudPayments`, `AsyncPayments` for `AsyncCloudPayments`.

One method per operation; each builds the request model from its keyword arguments and makes one call
through the client (retries, outcome mapping, response check). The request itself is built by the
operation's module in this package.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ...models import (
    AirlineAddendum,
    CardPaymentRequest,
    ConfirmRequest,
    Currency,
    Escrow,
    JsonData,
    OperationResponse,
    Payer,
    PaymentScheduled,
    Post3DsRequest,
    RefundRequest,
    RefundResult,
    TokenPaymentRequest,
    Transaction,
    TrInitiatorCode,
    VoidRequest,
)
from ...types import optional, optional_model
from .auth_card import OPERATION as AUTH_CARD
from .auth_token import OPERATION as AUTH_TOKEN
from .charge_card import OPERATION as CHARGE_CARD
from .charge_token import OPERATION as CHARGE_TOKEN
from .confirm_payment import OPERATION as CONFIRM_PAYMENT
from .post3ds import OPERATION as POST3DS
from .refund_payment import OPERATION as REFUND_PAYMENT
from .void_payment import OPERATION as VOID_PAYMENT

if TYPE_CHECKING:
    from ...client import AsyncRuntime, SyncRuntime


class Payments:
    """Payments operations: Payments by card cryptogram and by saved token, 3-D Secure completion, two-step confirmation, void and refund."""

    def __init__(self, runtime: SyncRuntime) -> None:
        self._runtime = runtime

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
        return self._runtime.call(
            CHARGE_CARD,
            CardPaymentRequest(
                amount=amount,
                currency=currency,
                ip_address=ip_address,
                name=name,
                card_cryptogram_packet=card_cryptogram_packet,
                invoice_id=optional(invoice_id),
                description=optional(description),
                account_id=optional(account_id),
                email=optional(email),
                payment_url=optional(payment_url),
                culture_name=optional(culture_name),
                save_card=optional(save_card),
                json_data=optional_model(JsonData, json_data),
                payer=optional_model(Payer, payer),
                escrow=optional_model(Escrow, escrow),
                airline_addendum=optional_model(AirlineAddendum, airline_addendum),
            ),
            request_id,
        )

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
        return self._runtime.call(
            AUTH_CARD,
            CardPaymentRequest(
                amount=amount,
                currency=currency,
                ip_address=ip_address,
                name=name,
                card_cryptogram_packet=card_cryptogram_packet,
                invoice_id=optional(invoice_id),
                description=optional(description),
                account_id=optional(account_id),
                email=optional(email),
                payment_url=optional(payment_url),
                culture_name=optional(culture_name),
                save_card=optional(save_card),
                json_data=optional_model(JsonData, json_data),
                payer=optional_model(Payer, payer),
                escrow=optional_model(Escrow, escrow),
                airline_addendum=optional_model(AirlineAddendum, airline_addendum),
            ),
            request_id,
        )

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
        return self._runtime.call(
            POST3DS,
            Post3DsRequest(
                transaction_id=transaction_id,
                pa_res=pa_res,
            ),
            request_id,
        )

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
        return self._runtime.call(
            CHARGE_TOKEN,
            TokenPaymentRequest(
                amount=amount,
                currency=currency,
                account_id=account_id,
                token=token,
                invoice_id=optional(invoice_id),
                description=optional(description),
                email=optional(email),
                tr_initiator_code=optional(tr_initiator_code),
                payment_scheduled=optional(payment_scheduled),
                ip_address=optional(ip_address),
                culture_name=optional(culture_name),
                json_data=optional_model(JsonData, json_data),
                payer=optional_model(Payer, payer),
            ),
            request_id,
        )

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
        return self._runtime.call(
            AUTH_TOKEN,
            TokenPaymentRequest(
                amount=amount,
                currency=currency,
                account_id=account_id,
                token=token,
                invoice_id=optional(invoice_id),
                description=optional(description),
                email=optional(email),
                tr_initiator_code=optional(tr_initiator_code),
                payment_scheduled=optional(payment_scheduled),
                ip_address=optional(ip_address),
                culture_name=optional(culture_name),
                json_data=optional_model(JsonData, json_data),
                payer=optional_model(Payer, payer),
            ),
            request_id,
        )

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
        return self._runtime.call(
            CONFIRM_PAYMENT,
            ConfirmRequest(
                transaction_id=transaction_id,
                amount=amount,
                json_data=optional_model(JsonData, json_data),
            ),
            request_id,
        )

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
        return self._runtime.call(
            VOID_PAYMENT,
            VoidRequest(
                transaction_id=transaction_id,
            ),
            request_id,
        )

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
        return self._runtime.call(
            REFUND_PAYMENT,
            RefundRequest(
                transaction_id=transaction_id,
                amount=amount,
                json_data=optional_model(JsonData, json_data),
            ),
            request_id,
        )


class AsyncPayments:
    """Payments operations: Payments by card cryptogram and by saved token, 3-D Secure completion, two-step confirmation, void and refund."""

    def __init__(self, runtime: AsyncRuntime) -> None:
        self._runtime = runtime

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
        return await self._runtime.call(
            CHARGE_CARD,
            CardPaymentRequest(
                amount=amount,
                currency=currency,
                ip_address=ip_address,
                name=name,
                card_cryptogram_packet=card_cryptogram_packet,
                invoice_id=optional(invoice_id),
                description=optional(description),
                account_id=optional(account_id),
                email=optional(email),
                payment_url=optional(payment_url),
                culture_name=optional(culture_name),
                save_card=optional(save_card),
                json_data=optional_model(JsonData, json_data),
                payer=optional_model(Payer, payer),
                escrow=optional_model(Escrow, escrow),
                airline_addendum=optional_model(AirlineAddendum, airline_addendum),
            ),
            request_id,
        )

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
        return await self._runtime.call(
            AUTH_CARD,
            CardPaymentRequest(
                amount=amount,
                currency=currency,
                ip_address=ip_address,
                name=name,
                card_cryptogram_packet=card_cryptogram_packet,
                invoice_id=optional(invoice_id),
                description=optional(description),
                account_id=optional(account_id),
                email=optional(email),
                payment_url=optional(payment_url),
                culture_name=optional(culture_name),
                save_card=optional(save_card),
                json_data=optional_model(JsonData, json_data),
                payer=optional_model(Payer, payer),
                escrow=optional_model(Escrow, escrow),
                airline_addendum=optional_model(AirlineAddendum, airline_addendum),
            ),
            request_id,
        )

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
        return await self._runtime.call(
            POST3DS,
            Post3DsRequest(
                transaction_id=transaction_id,
                pa_res=pa_res,
            ),
            request_id,
        )

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
        return await self._runtime.call(
            CHARGE_TOKEN,
            TokenPaymentRequest(
                amount=amount,
                currency=currency,
                account_id=account_id,
                token=token,
                invoice_id=optional(invoice_id),
                description=optional(description),
                email=optional(email),
                tr_initiator_code=optional(tr_initiator_code),
                payment_scheduled=optional(payment_scheduled),
                ip_address=optional(ip_address),
                culture_name=optional(culture_name),
                json_data=optional_model(JsonData, json_data),
                payer=optional_model(Payer, payer),
            ),
            request_id,
        )

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
        return await self._runtime.call(
            AUTH_TOKEN,
            TokenPaymentRequest(
                amount=amount,
                currency=currency,
                account_id=account_id,
                token=token,
                invoice_id=optional(invoice_id),
                description=optional(description),
                email=optional(email),
                tr_initiator_code=optional(tr_initiator_code),
                payment_scheduled=optional(payment_scheduled),
                ip_address=optional(ip_address),
                culture_name=optional(culture_name),
                json_data=optional_model(JsonData, json_data),
                payer=optional_model(Payer, payer),
            ),
            request_id,
        )

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
        return await self._runtime.call(
            CONFIRM_PAYMENT,
            ConfirmRequest(
                transaction_id=transaction_id,
                amount=amount,
                json_data=optional_model(JsonData, json_data),
            ),
            request_id,
        )

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
        return await self._runtime.call(
            VOID_PAYMENT,
            VoidRequest(
                transaction_id=transaction_id,
            ),
            request_id,
        )

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
        return await self._runtime.call(
            REFUND_PAYMENT,
            RefundRequest(
                transaction_id=transaction_id,
                amount=amount,
                json_data=optional_model(JsonData, json_data),
            ),
            request_id,
        )
