"""The `payouts` operations: `Payouts` for `CloudPayments`, `AsyncPayouts` for `AsyncCloudPayments`.

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
from ...models import JsonData, Payer, PayoutCurrency, PayoutEscrow, SbpPayoutAnswer, SbpPayoutReceiver, Transaction
from ...types import money, nested
from .topup_card import OPERATION as TOPUP_CARD
from .topup_sbp import OPERATION as TOPUP_SBP
from .topup_token import OPERATION as TOPUP_TOKEN

# The keys a mapping given for `Payer` may hold.
_PAYER_KEYS = frozenset(
    {"FirstName", "LastName", "MiddleName", "Birth", "Street", "Address", "City", "Country", "Phone", "Postcode"}
)

# The keys a mapping given for `PayoutEscrow` may hold.
_PAYOUTESCROW_KEYS = frozenset({"AccumulationId", "TransactionIds", "EscrowType", "FinalPayout"})

# The keys a mapping given for `SbpPayoutReceiver` may hold.
_SBPPAYOUTRECEIVER_KEYS = frozenset(
    {"Phone", "FirstName", "LastName", "MiddleName", "Birth", "Street", "Address", "City", "Country", "Postcode"}
)


class Payouts:
    """Payouts operations: Payouts to a card, by cryptogram or by saved token, and to a phone by SBP."""

    def __init__(self, runtime: SyncRuntime) -> None:
        self._runtime = runtime

    def topup_card(
        self,
        *,
        card_cryptogram_packet: str,
        amount: Decimal | int | float,
        currency: PayoutCurrency,
        name: str | None = None,
        account_id: str | None = None,
        email: str | None = None,
        invoice_id: str | None = None,
        description: str | None = None,
        escrow: PayoutEscrow | Mapping[str, Any] | None = None,
        json_data: JsonData | Mapping[str, Any] | None = None,
        payer: Payer | Mapping[str, Any] | None = None,
        receiver: Payer | Mapping[str, Any] | None = None,
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Transaction:
        """Payout to a card by cryptogram

        Sends money to the card described by a cryptogram (RUB only). The answer is the payout transaction
        (`Type: 2`): `Completed`, or `Created` with `TransactionIsInProcess: true` while the bank still works on it
        (the final Pay or Fail notification follows within an hour). There is no 3-D Secure step. In test mode the
        payout follows the card's cryptogram column of the test cards: a card that declines answers a declined
        transaction with `ReasonCode` 5051.

        Keyword arguments are the fields of `CardPayoutRequest` (wire names in PascalCase); amounts take `Decimal`,
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
            "CardCryptogramPacket": card_cryptogram_packet,
            "Amount": money(amount, "amount", 2),
            "Currency": currency,
        }
        if name is not None:
            body["Name"] = name
        if account_id is not None:
            body["AccountId"] = account_id
        if email is not None:
            body["Email"] = email
        if invoice_id is not None:
            body["InvoiceId"] = invoice_id
        if description is not None:
            body["Description"] = description
        if escrow is not None:
            body["Escrow"] = nested(escrow, "escrow", _PAYOUTESCROW_KEYS)
        if json_data is not None:
            body["JsonData"] = nested(json_data, "json_data", None)
        if payer is not None:
            body["Payer"] = nested(payer, "payer", _PAYER_KEYS)
        if receiver is not None:
            body["Receiver"] = nested(receiver, "receiver", _PAYER_KEYS)
        return self._runtime.call(TOPUP_CARD, body, request_id, timeout, max_retries, extra_headers)

    def topup_token(
        self,
        *,
        token: str,
        amount: Decimal | int | float,
        account_id: str,
        currency: PayoutCurrency,
        invoice_id: str | None = None,
        escrow: PayoutEscrow | Mapping[str, Any] | None = None,
        payer: Payer | Mapping[str, Any] | None = None,
        receiver: Payer | Mapping[str, Any] | None = None,
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Transaction:
        """Payout to a card by token

        Sends money to a card saved as a token (card tokens only; the path says `token`, singular). Answers as
        `/payments/cards/topup`; in test mode the payout follows the card's token column of the test cards.

        Keyword arguments are the fields of `TokenPayoutRequest` (wire names in PascalCase); amounts take `Decimal`,
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
            "Token": token,
            "Amount": money(amount, "amount", 2),
            "AccountId": account_id,
            "Currency": currency,
        }
        if invoice_id is not None:
            body["InvoiceId"] = invoice_id
        if escrow is not None:
            body["Escrow"] = nested(escrow, "escrow", _PAYOUTESCROW_KEYS)
        if payer is not None:
            body["Payer"] = nested(payer, "payer", _PAYER_KEYS)
        if receiver is not None:
            body["Receiver"] = nested(receiver, "receiver", _PAYER_KEYS)
        return self._runtime.call(TOPUP_TOKEN, body, request_id, timeout, max_retries, extra_headers)

    def topup_sbp(
        self,
        *,
        amount: Decimal | int | float,
        currency: PayoutCurrency,
        receiver: SbpPayoutReceiver | Mapping[str, Any],
        member_id: str | None = None,
        account_id: str | None = None,
        email: str | None = None,
        culture_name: str | None = None,
        invoice_id: str | None = None,
        description: str | None = None,
        payer: Payer | Mapping[str, Any] | None = None,
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> SbpPayoutAnswer:
        """Payout by SBP to a phone

        Sends money by SBP to the account of the owner of a phone number at a bank (`MemberId`), in rubles only.
        The answer is the payout transaction (`Type: 2`) with its `Receiver`, as for the payouts to a card: the
        same statuses, reason codes (6021 and 6022 when the receiver has no account at that bank) and
        notifications. The envelope also carries `ErrorCode`.

        Keyword arguments are the fields of `SbpPayoutRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `SbpPayoutAnswer`: the envelope's Model on `Success: true` (a `Transaction`), with
            the fields the envelope carries beside it; `.envelope` is the whole answer.

        Raises:
            PaymentDeclinedError: `Success: false` with the declined transaction (reason_code...).
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "Amount": money(amount, "amount", 2),
            "Currency": currency,
            "Receiver": nested(receiver, "receiver", _SBPPAYOUTRECEIVER_KEYS),
        }
        if member_id is not None:
            body["MemberId"] = member_id
        if account_id is not None:
            body["AccountId"] = account_id
        if email is not None:
            body["Email"] = email
        if culture_name is not None:
            body["CultureName"] = culture_name
        if invoice_id is not None:
            body["InvoiceId"] = invoice_id
        if description is not None:
            body["Description"] = description
        if payer is not None:
            body["Payer"] = nested(payer, "payer", _PAYER_KEYS)
        return self._runtime.call(TOPUP_SBP, body, request_id, timeout, max_retries, extra_headers)


class AsyncPayouts:
    """Payouts operations: Payouts to a card, by cryptogram or by saved token, and to a phone by SBP."""

    def __init__(self, runtime: AsyncRuntime) -> None:
        self._runtime = runtime

    async def topup_card(
        self,
        *,
        card_cryptogram_packet: str,
        amount: Decimal | int | float,
        currency: PayoutCurrency,
        name: str | None = None,
        account_id: str | None = None,
        email: str | None = None,
        invoice_id: str | None = None,
        description: str | None = None,
        escrow: PayoutEscrow | Mapping[str, Any] | None = None,
        json_data: JsonData | Mapping[str, Any] | None = None,
        payer: Payer | Mapping[str, Any] | None = None,
        receiver: Payer | Mapping[str, Any] | None = None,
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Transaction:
        """Payout to a card by cryptogram

        Sends money to the card described by a cryptogram (RUB only). The answer is the payout transaction
        (`Type: 2`): `Completed`, or `Created` with `TransactionIsInProcess: true` while the bank still works on it
        (the final Pay or Fail notification follows within an hour). There is no 3-D Secure step. In test mode the
        payout follows the card's cryptogram column of the test cards: a card that declines answers a declined
        transaction with `ReasonCode` 5051.

        Keyword arguments are the fields of `CardPayoutRequest` (wire names in PascalCase); amounts take `Decimal`,
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
            "CardCryptogramPacket": card_cryptogram_packet,
            "Amount": money(amount, "amount", 2),
            "Currency": currency,
        }
        if name is not None:
            body["Name"] = name
        if account_id is not None:
            body["AccountId"] = account_id
        if email is not None:
            body["Email"] = email
        if invoice_id is not None:
            body["InvoiceId"] = invoice_id
        if description is not None:
            body["Description"] = description
        if escrow is not None:
            body["Escrow"] = nested(escrow, "escrow", _PAYOUTESCROW_KEYS)
        if json_data is not None:
            body["JsonData"] = nested(json_data, "json_data", None)
        if payer is not None:
            body["Payer"] = nested(payer, "payer", _PAYER_KEYS)
        if receiver is not None:
            body["Receiver"] = nested(receiver, "receiver", _PAYER_KEYS)
        return await self._runtime.call(TOPUP_CARD, body, request_id, timeout, max_retries, extra_headers)

    async def topup_token(
        self,
        *,
        token: str,
        amount: Decimal | int | float,
        account_id: str,
        currency: PayoutCurrency,
        invoice_id: str | None = None,
        escrow: PayoutEscrow | Mapping[str, Any] | None = None,
        payer: Payer | Mapping[str, Any] | None = None,
        receiver: Payer | Mapping[str, Any] | None = None,
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Transaction:
        """Payout to a card by token

        Sends money to a card saved as a token (card tokens only; the path says `token`, singular). Answers as
        `/payments/cards/topup`; in test mode the payout follows the card's token column of the test cards.

        Keyword arguments are the fields of `TokenPayoutRequest` (wire names in PascalCase); amounts take `Decimal`,
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
            "Token": token,
            "Amount": money(amount, "amount", 2),
            "AccountId": account_id,
            "Currency": currency,
        }
        if invoice_id is not None:
            body["InvoiceId"] = invoice_id
        if escrow is not None:
            body["Escrow"] = nested(escrow, "escrow", _PAYOUTESCROW_KEYS)
        if payer is not None:
            body["Payer"] = nested(payer, "payer", _PAYER_KEYS)
        if receiver is not None:
            body["Receiver"] = nested(receiver, "receiver", _PAYER_KEYS)
        return await self._runtime.call(TOPUP_TOKEN, body, request_id, timeout, max_retries, extra_headers)

    async def topup_sbp(
        self,
        *,
        amount: Decimal | int | float,
        currency: PayoutCurrency,
        receiver: SbpPayoutReceiver | Mapping[str, Any],
        member_id: str | None = None,
        account_id: str | None = None,
        email: str | None = None,
        culture_name: str | None = None,
        invoice_id: str | None = None,
        description: str | None = None,
        payer: Payer | Mapping[str, Any] | None = None,
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> SbpPayoutAnswer:
        """Payout by SBP to a phone

        Sends money by SBP to the account of the owner of a phone number at a bank (`MemberId`), in rubles only.
        The answer is the payout transaction (`Type: 2`) with its `Receiver`, as for the payouts to a card: the
        same statuses, reason codes (6021 and 6022 when the receiver has no account at that bank) and
        notifications. The envelope also carries `ErrorCode`.

        Keyword arguments are the fields of `SbpPayoutRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `SbpPayoutAnswer`: the envelope's Model on `Success: true` (a `Transaction`), with
            the fields the envelope carries beside it; `.envelope` is the whole answer.

        Raises:
            PaymentDeclinedError: `Success: false` with the declined transaction (reason_code...).
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "Amount": money(amount, "amount", 2),
            "Currency": currency,
            "Receiver": nested(receiver, "receiver", _SBPPAYOUTRECEIVER_KEYS),
        }
        if member_id is not None:
            body["MemberId"] = member_id
        if account_id is not None:
            body["AccountId"] = account_id
        if email is not None:
            body["Email"] = email
        if culture_name is not None:
            body["CultureName"] = culture_name
        if invoice_id is not None:
            body["InvoiceId"] = invoice_id
        if description is not None:
            body["Description"] = description
        if payer is not None:
            body["Payer"] = nested(payer, "payer", _PAYER_KEYS)
        return await self._runtime.call(TOPUP_SBP, body, request_id, timeout, max_retries, extra_headers)
