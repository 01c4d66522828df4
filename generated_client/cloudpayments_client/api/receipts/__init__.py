"""The `receipts` operations: `Receipts` for `CloudPayments`, `AsyncReceipts` for `AsyncCloudPayments`.

One method per operation; each builds the request model from its keyword arguments and makes one call
through the client (retries, outcome mapping, response check). The request itself is built by the
operation's module in this package.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx

from ..._runtime import AsyncRuntime, SyncRuntime
from ...models import (
    CorrectionReceipt,
    CorrectionReceiptData,
    CustomerReceipt,
    Receipt,
    ReceiptQueuedAnswer,
    ReceiptStatusResponse,
    ReceiptType,
)
from ...types import nested
from .create_correction_receipt import OPERATION as CREATE_CORRECTION_RECEIPT
from .create_receipt import OPERATION as CREATE_RECEIPT
from .get_correction_receipt import OPERATION as GET_CORRECTION_RECEIPT
from .get_correction_receipt_status import OPERATION as GET_CORRECTION_RECEIPT_STATUS
from .get_receipt import OPERATION as GET_RECEIPT
from .get_receipt_status import OPERATION as GET_RECEIPT_STATUS


class Receipts:
    """Receipts operations: Receipts of the online cash register (CloudKassir, 54-FZ): issue one or a correction receipt, read its
    status and the fiscalised receipt (a correction receipt's through its own status and get). A payment's
    `JsonData.CloudPayments.CustomerReceipt` issues one with the payment."""

    def __init__(self, runtime: SyncRuntime) -> None:
        self._runtime = runtime

    def create_receipt(
        self,
        *,
        inn: str,
        type_: ReceiptType,
        customer_receipt: CustomerReceipt | Mapping[str, Any],
        invoice_id: str | None = None,
        account_id: str | None = None,
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ReceiptQueuedAnswer:
        """Issue a receipt (CloudKassir, 54-FZ)

        Queues a receipt on the online cash register registered to the company `Inn`. The answer is
        `Message: "Queued"` and the receipt's `Id`; the receipt is then fiscalised (`Processed`) or refused
        (`Error`), which `/kkt/receipt/status/get` tells, and the Receipt notification follows a fiscalised one.
        An INN the terminal has no cash register for is refused (`Model.ErrorCode` -1). The items must add up:
        each item's `Amount` is its `Price` times `Quantity` less any discount, and the items together are the
        total of `Amounts`.

        Keyword arguments are the fields of `ReceiptRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `ReceiptQueuedAnswer`: the envelope's Model on `Success: true` (a `ReceiptQueued`), with
            the fields the envelope carries beside it; `.envelope` is the whole answer.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "Inn": inn,
            "Type": type_,
            "CustomerReceipt": nested(customer_receipt, "customer_receipt", None),
        }
        if invoice_id is not None:
            body["InvoiceId"] = invoice_id
        if account_id is not None:
            body["AccountId"] = account_id
        return self._runtime.call(CREATE_RECEIPT, body, request_id, timeout, max_retries, extra_headers)

    def create_correction_receipt(
        self,
        *,
        correction_receipt_data: CorrectionReceiptData | Mapping[str, Any],
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ReceiptQueuedAnswer:
        """Issue a correction receipt (CloudKassir, 54-FZ)

        Queues a correction receipt (`#formirovanie-cheka-korrektsii`) on the online cash register registered to
        `CorrectionReceiptData.OrganizationInn`: a settlement that was not fiscalised, or was fiscalised wrongly,
        on the ground of a document (`CauseCorrection`: its date and number). The answer is `Message: "Queued"`
        and the receipt's `Id`, as for `/kkt/receipt` (the reference gives no example answer for this method).
        An INN the terminal has no cash register for is refused (`Model.ErrorCode` -1). The sums must add up:
        each item's `Amount` is at most its `Price` times `Quantity`, and the items, when given, are the total
        of `Amounts`, which is more than 0. `/kkt/correction-receipt/status/get` and `/kkt/correction-receipt/get`
        read its status and its data.

        Keyword arguments are the fields of `CorrectionReceiptRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `ReceiptQueuedAnswer`: the envelope's Model on `Success: true` (a `ReceiptQueued`), with
            the fields the envelope carries beside it; `.envelope` is the whole answer.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "CorrectionReceiptData": nested(correction_receipt_data, "correction_receipt_data", None),
        }
        return self._runtime.call(CREATE_CORRECTION_RECEIPT, body, request_id, timeout, max_retries, extra_headers)

    def get_receipt_status(
        self,
        *,
        id: str,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ReceiptStatusResponse:
        """Status of a receipt

        `Model` is the status as a bare string: `Queued` (not fiscalised yet), `Processed` (fiscalised), `Error`
        (refused; `Message` says why) or `NotFound` (no receipt has this `Id`).

        Keyword arguments are the fields of `ReceiptIdRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `ReceiptStatusResponse`: the whole envelope (`success`, `message`); there is no Model.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "Id": id,
        }
        return self._runtime.call(GET_RECEIPT_STATUS, body, None, timeout, max_retries, extra_headers)

    def get_receipt(
        self,
        *,
        id: str,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Receipt:
        """Read a fiscalised receipt

        The receipt's items and amounts as issued and its fiscal data (`AdditionalData`: fiscal sign, fiscal
        drive and document numbers, shift, the fiscal data operator's link and the QR code's). A receipt not
        fiscalised yet, or unknown, is `Success: false` with a `Message`.

        Keyword arguments are the fields of `ReceiptIdRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `Receipt`: the envelope's Model on `Success: true`.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "Id": id,
        }
        return self._runtime.call(GET_RECEIPT, body, None, timeout, max_retries, extra_headers)

    def get_correction_receipt_status(
        self,
        *,
        id: str,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ReceiptStatusResponse:
        """Status of a correction receipt

        The status of a correction receipt (`#zapros-statusa-cheka-korrektsii`), as `/kkt/receipt/status/get`
        tells a receipt's: `Model` is the status as a bare string, `Queued` (not fiscalised yet), `Processed`
        (fiscalised), `Error` (refused; `Message` says why) or `NotFound` (no receipt has this `Id`). An `Id`
        of a receipt that is not a correction receipt is `Success: false` with a `Message`.

        Keyword arguments are the fields of `ReceiptIdRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `ReceiptStatusResponse`: the whole envelope (`success`, `message`); there is no Model.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "Id": id,
        }
        return self._runtime.call(GET_CORRECTION_RECEIPT_STATUS, body, None, timeout, max_retries, extra_headers)

    def get_correction_receipt(
        self,
        *,
        id: str,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> CorrectionReceipt:
        """Read a correction receipt

        The correction receipt's data (`#poluchenie-dannyh-cheka-korrektsii`): its `Status`, what was issued
        (`CorrectionReceiptData`, its `CauseCorrection` written as `CorrectionDate` and `CorrectionNumber`, its
        `Amounts` with their `Sum`) and, once `Processed`, its fiscal data (fiscal sign, fiscal drive and
        document numbers, shift, the fiscal data operator and its link), which are null before. An `Error`
        receipt has `ErrorMessage`, the reason. An unknown `Id`, or the `Id` of a receipt that is not a
        correction receipt, is `Success: false` with a `Message`.

        Keyword arguments are the fields of `ReceiptIdRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `CorrectionReceipt`: the envelope's Model on `Success: true`.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "Id": id,
        }
        return self._runtime.call(GET_CORRECTION_RECEIPT, body, None, timeout, max_retries, extra_headers)


class AsyncReceipts:
    """Receipts operations: Receipts of the online cash register (CloudKassir, 54-FZ): issue one or a correction receipt, read its
    status and the fiscalised receipt (a correction receipt's through its own status and get). A payment's
    `JsonData.CloudPayments.CustomerReceipt` issues one with the payment."""

    def __init__(self, runtime: AsyncRuntime) -> None:
        self._runtime = runtime

    async def create_receipt(
        self,
        *,
        inn: str,
        type_: ReceiptType,
        customer_receipt: CustomerReceipt | Mapping[str, Any],
        invoice_id: str | None = None,
        account_id: str | None = None,
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ReceiptQueuedAnswer:
        """Issue a receipt (CloudKassir, 54-FZ)

        Queues a receipt on the online cash register registered to the company `Inn`. The answer is
        `Message: "Queued"` and the receipt's `Id`; the receipt is then fiscalised (`Processed`) or refused
        (`Error`), which `/kkt/receipt/status/get` tells, and the Receipt notification follows a fiscalised one.
        An INN the terminal has no cash register for is refused (`Model.ErrorCode` -1). The items must add up:
        each item's `Amount` is its `Price` times `Quantity` less any discount, and the items together are the
        total of `Amounts`.

        Keyword arguments are the fields of `ReceiptRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `ReceiptQueuedAnswer`: the envelope's Model on `Success: true` (a `ReceiptQueued`), with
            the fields the envelope carries beside it; `.envelope` is the whole answer.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "Inn": inn,
            "Type": type_,
            "CustomerReceipt": nested(customer_receipt, "customer_receipt", None),
        }
        if invoice_id is not None:
            body["InvoiceId"] = invoice_id
        if account_id is not None:
            body["AccountId"] = account_id
        return await self._runtime.call(CREATE_RECEIPT, body, request_id, timeout, max_retries, extra_headers)

    async def create_correction_receipt(
        self,
        *,
        correction_receipt_data: CorrectionReceiptData | Mapping[str, Any],
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ReceiptQueuedAnswer:
        """Issue a correction receipt (CloudKassir, 54-FZ)

        Queues a correction receipt (`#formirovanie-cheka-korrektsii`) on the online cash register registered to
        `CorrectionReceiptData.OrganizationInn`: a settlement that was not fiscalised, or was fiscalised wrongly,
        on the ground of a document (`CauseCorrection`: its date and number). The answer is `Message: "Queued"`
        and the receipt's `Id`, as for `/kkt/receipt` (the reference gives no example answer for this method).
        An INN the terminal has no cash register for is refused (`Model.ErrorCode` -1). The sums must add up:
        each item's `Amount` is at most its `Price` times `Quantity`, and the items, when given, are the total
        of `Amounts`, which is more than 0. `/kkt/correction-receipt/status/get` and `/kkt/correction-receipt/get`
        read its status and its data.

        Keyword arguments are the fields of `CorrectionReceiptRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `ReceiptQueuedAnswer`: the envelope's Model on `Success: true` (a `ReceiptQueued`), with
            the fields the envelope carries beside it; `.envelope` is the whole answer.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "CorrectionReceiptData": nested(correction_receipt_data, "correction_receipt_data", None),
        }
        return await self._runtime.call(
            CREATE_CORRECTION_RECEIPT, body, request_id, timeout, max_retries, extra_headers
        )

    async def get_receipt_status(
        self,
        *,
        id: str,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ReceiptStatusResponse:
        """Status of a receipt

        `Model` is the status as a bare string: `Queued` (not fiscalised yet), `Processed` (fiscalised), `Error`
        (refused; `Message` says why) or `NotFound` (no receipt has this `Id`).

        Keyword arguments are the fields of `ReceiptIdRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `ReceiptStatusResponse`: the whole envelope (`success`, `message`); there is no Model.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "Id": id,
        }
        return await self._runtime.call(GET_RECEIPT_STATUS, body, None, timeout, max_retries, extra_headers)

    async def get_receipt(
        self,
        *,
        id: str,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Receipt:
        """Read a fiscalised receipt

        The receipt's items and amounts as issued and its fiscal data (`AdditionalData`: fiscal sign, fiscal
        drive and document numbers, shift, the fiscal data operator's link and the QR code's). A receipt not
        fiscalised yet, or unknown, is `Success: false` with a `Message`.

        Keyword arguments are the fields of `ReceiptIdRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `Receipt`: the envelope's Model on `Success: true`.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "Id": id,
        }
        return await self._runtime.call(GET_RECEIPT, body, None, timeout, max_retries, extra_headers)

    async def get_correction_receipt_status(
        self,
        *,
        id: str,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ReceiptStatusResponse:
        """Status of a correction receipt

        The status of a correction receipt (`#zapros-statusa-cheka-korrektsii`), as `/kkt/receipt/status/get`
        tells a receipt's: `Model` is the status as a bare string, `Queued` (not fiscalised yet), `Processed`
        (fiscalised), `Error` (refused; `Message` says why) or `NotFound` (no receipt has this `Id`). An `Id`
        of a receipt that is not a correction receipt is `Success: false` with a `Message`.

        Keyword arguments are the fields of `ReceiptIdRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `ReceiptStatusResponse`: the whole envelope (`success`, `message`); there is no Model.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "Id": id,
        }
        return await self._runtime.call(GET_CORRECTION_RECEIPT_STATUS, body, None, timeout, max_retries, extra_headers)

    async def get_correction_receipt(
        self,
        *,
        id: str,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> CorrectionReceipt:
        """Read a correction receipt

        The correction receipt's data (`#poluchenie-dannyh-cheka-korrektsii`): its `Status`, what was issued
        (`CorrectionReceiptData`, its `CauseCorrection` written as `CorrectionDate` and `CorrectionNumber`, its
        `Amounts` with their `Sum`) and, once `Processed`, its fiscal data (fiscal sign, fiscal drive and
        document numbers, shift, the fiscal data operator and its link), which are null before. An `Error`
        receipt has `ErrorMessage`, the reason. An unknown `Id`, or the `Id` of a receipt that is not a
        correction receipt, is `Success: false` with a `Message`.

        Keyword arguments are the fields of `ReceiptIdRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `CorrectionReceipt`: the envelope's Model on `Success: true`.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "Id": id,
        }
        return await self._runtime.call(GET_CORRECTION_RECEIPT, body, None, timeout, max_retries, extra_headers)
