"""`Receipt`: an object of an answer, read field by field (see `AnswerModel`)."""

from __future__ import annotations

from typing import ClassVar

from ..types import AnswerModel, read_bool, read_int, read_list, read_model, read_str
from .issued_receipt_amounts import IssuedReceiptAmounts
from .issued_receipt_item import IssuedReceiptItem
from .receipt_additional_data import ReceiptAdditionalData


class Receipt(AnswerModel):
    """A fiscalised receipt: its contents as issued and its fiscal data.

    Every field is data: None when absent, null or unreadable (the answer as it arrived is in `raw`).
    """

    __slots__ = ()
    _FIELDS: ClassVar[dict[str, str]] = {
        "Items": "items",
        "AdditionalData": "additional_data",
        "Email": "email",
        "Phone": "phone",
        "TaxationSystem": "taxation_system",
        "Amounts": "amounts",
        "IsBso": "is_bso",
    }
    _DECISIVE: ClassVar[tuple[tuple[str, tuple[type, ...]], ...]] = ()

    @property
    def items(self) -> list[IssuedReceiptItem] | None:
        """`Items`"""
        return read_list(self, "Items", IssuedReceiptItem)

    @property
    def additional_data(self) -> ReceiptAdditionalData | None:
        """The fiscal data of a fiscalised receipt (`AdditionalData` of `/kkt/receipt/get`)."""
        return read_model(self, "AdditionalData", ReceiptAdditionalData)

    @property
    def email(self) -> str | None:
        """`Email`"""
        return read_str(self, "Email")

    @property
    def phone(self) -> str | None:
        """`Phone`"""
        return read_str(self, "Phone")

    @property
    def taxation_system(self) -> int | None:
        """Taxation system (see `TaxationSystem`)."""
        return read_int(self, "TaxationSystem")

    @property
    def amounts(self) -> IssuedReceiptAmounts | None:
        """`Amounts`"""
        return read_model(self, "Amounts", IssuedReceiptAmounts)

    @property
    def is_bso(self) -> bool | None:
        """`IsBso`"""
        return read_bool(self, "IsBso")
