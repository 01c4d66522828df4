"""`Order`: an object of an answer, read field by field (see `AnswerModel`)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import ClassVar

from ..types import AnswerModel, read_bool, read_datetime, read_decimal, read_int, read_str


class Order(AnswerModel):
    """An invoice with a payment link.

    Checked when the answer arrives: Id, Url. Every other field is data: None when absent,
    null or unreadable (the answer as it arrived is in `raw`).
    """

    __slots__ = ()
    _FIELDS: ClassVar[dict[str, str]] = {
        "Id": "id",
        "Number": "number",
        "Amount": "amount",
        "Currency": "currency",
        "Url": "url",
        "CurrencyCode": "currency_code",
        "Email": "email",
        "Phone": "phone",
        "Description": "description",
        "RequireConfirmation": "require_confirmation",
        "CultureName": "culture_name",
        "CreatedDate": "created_date",
        "CreatedDateIso": "created_date_iso",
        "PaymentDate": "payment_date",
        "PaymentDateIso": "payment_date_iso",
        "StatusCode": "status_code",
        "Status": "status",
        "InternalId": "internal_id",
    }
    _DECISIVE: ClassVar[tuple[tuple[str, tuple[type, ...]], ...]] = (
        ("Id", (str,)),
        ("Url", (str,)),
    )

    @property
    def id(self) -> str:
        """Order id (16 letters and digits), also the last segment of `Url`."""
        value: str = self.raw["Id"]
        return value

    @property
    def number(self) -> int | None:
        """`Number`"""
        return read_int(self, "Number")

    @property
    def amount(self) -> Decimal | None:
        """`Amount`"""
        return read_decimal(self, "Amount")

    @property
    def currency(self) -> str | None:
        """`Currency`"""
        return read_str(self, "Currency")

    @property
    def url(self) -> str:
        """Page where the payer pays the invoice."""
        value: str = self.raw["Url"]
        return value

    @property
    def currency_code(self) -> int | None:
        """`CurrencyCode`"""
        return read_int(self, "CurrencyCode")

    @property
    def email(self) -> str | None:
        """`Email`"""
        return read_str(self, "Email")

    @property
    def phone(self) -> str | None:
        """`Phone`"""
        return read_str(self, "Phone")

    @property
    def description(self) -> str | None:
        """`Description`"""
        return read_str(self, "Description")

    @property
    def require_confirmation(self) -> bool | None:
        """`RequireConfirmation`"""
        return read_bool(self, "RequireConfirmation")

    @property
    def culture_name(self) -> str | None:
        """`CultureName`"""
        return read_str(self, "CultureName")

    @property
    def created_date(self) -> datetime | None:
        """Microsoft JSON date, `/Date(<milliseconds since the epoch, UTC>)/`."""
        return read_datetime(self, "CreatedDate", "ms")

    @property
    def created_date_iso(self) -> datetime | None:
        """`yyyy-MM-ddTHH:mm:ss`, UTC, without an offset."""
        return read_datetime(self, "CreatedDateIso", "iso")

    @property
    def payment_date(self) -> datetime | None:
        """Null until paid."""
        return read_datetime(self, "PaymentDate", "ms")

    @property
    def payment_date_iso(self) -> datetime | None:
        """`PaymentDateIso`"""
        return read_datetime(self, "PaymentDateIso", "iso")

    @property
    def status_code(self) -> int | None:
        """`StatusCode`"""
        return read_int(self, "StatusCode")

    @property
    def status(self) -> str | None:
        """`Created` until paid (see Order statuses)."""
        return read_str(self, "Status")

    @property
    def internal_id(self) -> int | None:
        """`InternalId`"""
        return read_int(self, "InternalId")
