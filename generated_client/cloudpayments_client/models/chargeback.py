"""`Chargeback`: an object of an answer, read field by field (see `AnswerModel`)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import ClassVar

from ..types import AnswerModel, read_datetime, read_decimal, read_int, read_str


class Chargeback(AnswerModel):
    """A chargeback or chargeback fee on a payment.

    Every field is data: None when absent, null or unreadable (the answer as it arrived is in `raw`).
    """

    __slots__ = ()
    _FIELDS: ClassVar[dict[str, str]] = {
        "ChargeBackId": "charge_back_id",
        "TransactionId": "transaction_id",
        "Amount": "amount",
        "Type": "type_",
        "TerminalUrl": "terminal_url",
        "Currency": "currency",
        "Operation": "operation",
        "Card": "card",
        "Gateway": "gateway",
        "Date": "date",
    }
    _DECISIVE: ClassVar[tuple[tuple[str, tuple[type, ...]], ...]] = ()

    @property
    def charge_back_id(self) -> str | None:
        """Id of the chargeback (24 hexadecimal digits)."""
        return read_str(self, "ChargeBackId")

    @property
    def transaction_id(self) -> int | None:
        """The payment claimed."""
        return read_int(self, "TransactionId")

    @property
    def amount(self) -> Decimal | None:
        """Amount claimed, in `Currency`."""
        return read_decimal(self, "Amount")

    @property
    def type_(self) -> str | None:
        """`Chargeback`: the bank claims the payment back; `Fee`: the fee charged for a chargeback."""
        return read_str(self, "Type")

    @property
    def terminal_url(self) -> str | None:
        """Address of the merchant's site."""
        return read_str(self, "TerminalUrl")

    @property
    def currency(self) -> str | None:
        """Currency letter code."""
        return read_str(self, "Currency")

    @property
    def operation(self) -> str | None:
        """`Operation`"""
        return read_str(self, "Operation")

    @property
    def card(self) -> str | None:
        """Masked card number, e.g. `520500*******3055`."""
        return read_str(self, "Card")

    @property
    def gateway(self) -> str | None:
        """The acquirer's gateway, e.g. `SberbankRu`."""
        return read_str(self, "Gateway")

    @property
    def date(self) -> datetime | None:
        """Microsoft JSON date, `/Date(<milliseconds since the epoch, UTC>)/`."""
        return read_datetime(self, "Date", "ms")
