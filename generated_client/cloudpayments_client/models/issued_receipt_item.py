"""`IssuedReceiptItem`: an object of an answer, read field by field (see `AnswerModel`)."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

from ..types import AnswerModel, read_decimal, read_int, read_model, read_str
from .issued_receipt_item_agent_data_type_0 import IssuedReceiptItemAgentDataType0
from .issued_receipt_item_purveyor_data_type_0 import IssuedReceiptItemPurveyorDataType0


class IssuedReceiptItem(AnswerModel):
    """An item of a fiscalised receipt as `/kkt/receipt/get` writes it (see `ReceiptItem` for the codes); the
    answer adds `Department` and `EAN13` and writes `AgentData` with its own names.

    Every field is data: None when absent, null or unreadable (the answer as it arrived is in `raw`).
    """

    __slots__ = ()
    _FIELDS: ClassVar[dict[str, str]] = {
        "Label": "label",
        "Price": "price",
        "Quantity": "quantity",
        "Amount": "amount",
        "Vat": "vat",
        "Method": "method",
        "Object": "object_",
        "MeasurementUnit": "measurement_unit",
        "AgentSign": "agent_sign",
        "AgentData": "agent_data",
        "PurveyorData": "purveyor_data",
    }
    _DECISIVE: ClassVar[tuple[tuple[str, tuple[type, ...]], ...]] = ()

    @property
    def label(self) -> str | None:
        """`Label`"""
        return read_str(self, "Label")

    @property
    def price(self) -> Decimal | None:
        """`Price`"""
        return read_decimal(self, "Price")

    @property
    def quantity(self) -> Decimal | None:
        """`Quantity`"""
        return read_decimal(self, "Quantity")

    @property
    def amount(self) -> Decimal | None:
        """`Amount`"""
        return read_decimal(self, "Amount")

    @property
    def vat(self) -> int | None:
        """VAT rate (see `ReceiptVat`); null: not subject to VAT."""
        return read_int(self, "Vat")

    @property
    def method(self) -> int | None:
        """Method of settlement (see `ReceiptMethod`)."""
        return read_int(self, "Method")

    @property
    def object_(self) -> int | None:
        """Subject of settlement (see `ReceiptObject`)."""
        return read_int(self, "Object")

    @property
    def measurement_unit(self) -> str | None:
        """`MeasurementUnit`"""
        return read_str(self, "MeasurementUnit")

    @property
    def agent_sign(self) -> int | None:
        """`AgentSign`"""
        return read_int(self, "AgentSign")

    @property
    def agent_data(self) -> IssuedReceiptItemAgentDataType0 | None:
        """`AgentData`"""
        return read_model(self, "AgentData", IssuedReceiptItemAgentDataType0)

    @property
    def purveyor_data(self) -> IssuedReceiptItemPurveyorDataType0 | None:
        """`PurveyorData`"""
        return read_model(self, "PurveyorData", IssuedReceiptItemPurveyorDataType0)
