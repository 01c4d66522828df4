"""The `escrow` operations: `Escrow` for `CloudPayments`, `AsyncEscrow` for `AsyncCloudPayments`.

One method per operation; each builds the request model from its keyword arguments and makes one call
through the client (retries, outcome mapping, response check). The request itself is built by the
operation's module in this package.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import httpx

from ..._runtime import AsyncRuntime, SyncRuntime
from ...models import EscrowInfo
from ...types import list_argument
from .get_escrow_info import OPERATION as GET_ESCROW_INFO


class Escrow:
    """Escrow operations: Safe deals (escrow) - the accumulations of payments, their payouts, refunds and balance."""

    def __init__(self, runtime: SyncRuntime) -> None:
        self._runtime = runtime

    def get_escrow_info(
        self,
        *,
        escrow_accumulation_ids: Sequence[str],
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[EscrowInfo]:
        """The state of safe-deal accumulations

        For each accumulation named (`EscrowAccumulationId` of its payments, for both kinds of deal, NToOne and
        OneToN): `Open` until a payout with `FinalPayout` closes it, then `Closed`; its payments, paid out (named
        in a payout's `TransactionIds`) or not; its payouts, the last with `IsFinalPayout`; the refunds of its
        payments; and `Balance`, the payments less their refunds and the payouts. Either the payment terminal's or
        the payout terminal's credentials are taken. A payment into a closed accumulation, and a payout above its
        balance, are refused with a `Message`.

        Keyword arguments are the fields of `EscrowInfoRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `list[EscrowInfo]`: the envelope's Model on `Success: true`, each item read as a single
            Model is; an empty list when the Model is null or absent.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "EscrowAccumulationIds": list_argument(escrow_accumulation_ids, "escrow_accumulation_ids"),
        }
        return self._runtime.call(GET_ESCROW_INFO, body, None, timeout, max_retries, extra_headers)


class AsyncEscrow:
    """Escrow operations: Safe deals (escrow) - the accumulations of payments, their payouts, refunds and balance."""

    def __init__(self, runtime: AsyncRuntime) -> None:
        self._runtime = runtime

    async def get_escrow_info(
        self,
        *,
        escrow_accumulation_ids: Sequence[str],
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[EscrowInfo]:
        """The state of safe-deal accumulations

        For each accumulation named (`EscrowAccumulationId` of its payments, for both kinds of deal, NToOne and
        OneToN): `Open` until a payout with `FinalPayout` closes it, then `Closed`; its payments, paid out (named
        in a payout's `TransactionIds`) or not; its payouts, the last with `IsFinalPayout`; the refunds of its
        payments; and `Balance`, the payments less their refunds and the payouts. Either the payment terminal's or
        the payout terminal's credentials are taken. A payment into a closed accumulation, and a payout above its
        balance, are refused with a `Message`.

        Keyword arguments are the fields of `EscrowInfoRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `list[EscrowInfo]`: the envelope's Model on `Success: true`, each item read as a single
            Model is; an empty list when the Model is null or absent.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        body: dict[str, Any] = {
            "EscrowAccumulationIds": list_argument(escrow_accumulation_ids, "escrow_accumulation_ids"),
        }
        return await self._runtime.call(GET_ESCROW_INFO, body, None, timeout, max_retries, extra_headers)
