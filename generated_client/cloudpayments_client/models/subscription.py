"""`Subscription`: an object of an answer, read field by field (see `AnswerModel`)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import ClassVar

from ..types import (
    AnswerModel,
    SubscriptionStatus,
    read_bool,
    read_datetime,
    read_decimal,
    read_int,
    read_model,
    read_str,
)
from .subscription_receipt import SubscriptionReceipt


class Subscription(AnswerModel):
    """A subscription for recurrent payments.

    Checked when the answer arrives: Id, Status. Every other field is data: None when absent,
    null or unreadable (the answer as it arrived is in `raw`).
    """

    __slots__ = ()
    _FIELDS: ClassVar[dict[str, str]] = {
        "Id": "id",
        "AccountId": "account_id",
        "Amount": "amount",
        "Currency": "currency",
        "RequireConfirmation": "require_confirmation",
        "Interval": "interval",
        "Period": "period",
        "Status": "status",
        "Description": "description",
        "Email": "email",
        "CurrencyCode": "currency_code",
        "StartDate": "start_date",
        "StartDateIso": "start_date_iso",
        "IntervalCode": "interval_code",
        "MaxPeriods": "max_periods",
        "CultureName": "culture_name",
        "StatusCode": "status_code",
        "SuccessfulTransactionsNumber": "successful_transactions_number",
        "FailedTransactionsNumber": "failed_transactions_number",
        "LastTransactionDate": "last_transaction_date",
        "LastTransactionDateIso": "last_transaction_date_iso",
        "NextTransactionDate": "next_transaction_date",
        "NextTransactionDateIso": "next_transaction_date_iso",
        "Receipt": "receipt",
        "FailoverSchemeId": "failover_scheme_id",
    }
    _DECISIVE: ClassVar[tuple[tuple[str, tuple[type, ...]], ...]] = (
        ("Id", (str,)),
        ("Status", (str,)),
    )

    @property
    def id(self) -> str:
        """Subscription id, `sc_` and 29 hex digits."""
        value: str = self.raw["Id"]
        return value

    @property
    def account_id(self) -> str | None:
        """`AccountId`"""
        return read_str(self, "AccountId")

    @property
    def amount(self) -> Decimal | None:
        """`Amount`"""
        return read_decimal(self, "Amount")

    @property
    def currency(self) -> str | None:
        """`Currency`"""
        return read_str(self, "Currency")

    @property
    def require_confirmation(self) -> bool | None:
        """`RequireConfirmation`"""
        return read_bool(self, "RequireConfirmation")

    @property
    def interval(self) -> str | None:
        """`Day`, `Week` or `Month`."""
        return read_str(self, "Interval")

    @property
    def period(self) -> int | None:
        """`Period`"""
        return read_int(self, "Period")

    @property
    def status(self) -> SubscriptionStatus | str:
        """`Active`, `PastDue`, `Cancelled`, `Rejected` or `Expired`."""
        value: str = self.raw["Status"]
        member: SubscriptionStatus | str = SubscriptionStatus._value2member_map_.get(value, value)  # type: ignore[assignment]
        return member

    @property
    def description(self) -> str | None:
        """`Description`"""
        return read_str(self, "Description")

    @property
    def email(self) -> str | None:
        """`Email`"""
        return read_str(self, "Email")

    @property
    def currency_code(self) -> int | None:
        """`CurrencyCode`"""
        return read_int(self, "CurrencyCode")

    @property
    def start_date(self) -> datetime | None:
        """Microsoft JSON date, `/Date(<milliseconds since the epoch, UTC>)/`."""
        return read_datetime(self, "StartDate", "ms")

    @property
    def start_date_iso(self) -> datetime | None:
        """`yyyy-MM-ddTHH:mm:ss`, UTC, without an offset."""
        return read_datetime(self, "StartDateIso", "iso")

    @property
    def interval_code(self) -> int | None:
        """0 Week, 1 Month, 2 Day."""
        return read_int(self, "IntervalCode")

    @property
    def max_periods(self) -> int | None:
        """`MaxPeriods`"""
        return read_int(self, "MaxPeriods")

    @property
    def culture_name(self) -> str | None:
        """`CultureName`"""
        return read_str(self, "CultureName")

    @property
    def status_code(self) -> int | None:
        """The code of `Status` (see Subscription statuses)."""
        return read_int(self, "StatusCode")

    @property
    def successful_transactions_number(self) -> int | None:
        """`SuccessfulTransactionsNumber`"""
        return read_int(self, "SuccessfulTransactionsNumber")

    @property
    def failed_transactions_number(self) -> int | None:
        """Consecutive failures; reset after each success."""
        return read_int(self, "FailedTransactionsNumber")

    @property
    def last_transaction_date(self) -> datetime | None:
        """`LastTransactionDate`"""
        return read_datetime(self, "LastTransactionDate", "ms")

    @property
    def last_transaction_date_iso(self) -> datetime | None:
        """`LastTransactionDateIso`"""
        return read_datetime(self, "LastTransactionDateIso", "iso")

    @property
    def next_transaction_date(self) -> datetime | None:
        """Null when cancelled."""
        return read_datetime(self, "NextTransactionDate", "ms")

    @property
    def next_transaction_date_iso(self) -> datetime | None:
        """`NextTransactionDateIso`"""
        return read_datetime(self, "NextTransactionDateIso", "iso")

    @property
    def receipt(self) -> SubscriptionReceipt | None:
        """`Receipt`"""
        return read_model(self, "Receipt", SubscriptionReceipt)

    @property
    def failover_scheme_id(self) -> str | None:
        """`FailoverSchemeId`"""
        return read_str(self, "FailoverSchemeId")
