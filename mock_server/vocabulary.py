"""Codes the spec states as data (`x-` extensions and enums), read once per app through spec_tools."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import Any

import spec_tools
from mock_server.ledger import PaymentScheme
from mock_server.statuses import OrderStatus, SubscriptionStatus, TransactionStatus


class ReasonCode(IntEnum):
    """The ReasonCodes the mock answers with; their `Reason` words come from the spec's x-reason-codes."""

    APPROVED = 0
    # The payer declined a QR or link payment on the mock's page (the bank app's "refuse"), or a Dolyami
    # application was refused on its page (the lender refuses without a reason).
    DO_NOT_HONOR = 5005
    AMOUNT_ERROR = 5013
    INSUFFICIENT_FUNDS = 5051
    EXPIRED_CARD = 5054
    # A payment of an invoice already paid or cancelled: the invoice permits no further payment; the card and
    # its issuer are not at fault.
    TRANSACTION_NOT_PERMITTED = 5057
    # A pending 3-D Secure attempt of an invoice pushed out by newer ones ("operation count limit reached").
    EXCEED_WITHDRAWAL_FREQUENCY = 5065
    AUTHENTICATION_FAILED = 5206
    # A QR or link payment not paid before its TtlMinutes ran out.
    TIMEOUT = 5091


@dataclass(frozen=True)
class Vocabulary:
    transaction_status_codes: dict[TransactionStatus, int | None]  # None: no code documented
    subscription_status_codes: dict[SubscriptionStatus, int]
    order_status_codes: dict[OrderStatus, int]
    reasons: dict[int, spec_tools.Reason]
    interval_codes: dict[str, int]
    transaction_type_codes: dict[str, int]
    currency_codes: dict[str, int]
    # `Scheme` as requests write it, by name or by code (`charge`, "0"): what approval leads to.
    schemes: dict[str, PaymentScheme]

    @classmethod
    def from_document(cls, document: dict[str, Any]) -> Vocabulary:
        return cls(
            transaction_status_codes=TransactionStatus.codes(document),
            subscription_status_codes=SubscriptionStatus.codes(document),
            order_status_codes=OrderStatus.codes(document),
            reasons={reason.code: reason for reason in spec_tools.reasons(document)},
            interval_codes=spec_tools.interval_codes(document),
            transaction_type_codes=spec_tools.transaction_type_codes(document),
            currency_codes=spec_tools.currency_codes(document),
            schemes={
                written: PaymentScheme(name)
                for name, code in spec_tools.payment_scheme_codes(document).items()
                for written in (name, code)
            },
        )

    def reason(self, code: int) -> str:
        """`Reason` of an answer for a ReasonCode (an undocumented code reads as UnableToProcess)."""
        if code in self.reasons:
            return self.reasons[code].word
        return "Approved" if code == 0 else "UnableToProcess"
