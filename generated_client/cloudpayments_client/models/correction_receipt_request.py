from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.correction_receipt_data import CorrectionReceiptData


T = TypeVar("T", bound="CorrectionReceiptRequest")


@_attrs_define
class CorrectionReceiptRequest:
    """A correction receipt to issue.

    Attributes:
        correction_receipt_data (CorrectionReceiptData): The contents of a correction receipt
            (`#correctionreceiptdata`). The reference's example sends
            `TaxationSystem` as text (`"0"`), which is taken. `Items` (required for FFD 1.2), when given, must add
            up to the total of `Amounts`. Other documented requisites (industry, operation, customer data) are
            taken as given.
    """

    correction_receipt_data: CorrectionReceiptData
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        correction_receipt_data = self.correction_receipt_data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "CorrectionReceiptData": correction_receipt_data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.correction_receipt_data import CorrectionReceiptData  # noqa: PLC0415

        d = dict(src_dict)
        correction_receipt_data = CorrectionReceiptData.from_dict(d.pop("CorrectionReceiptData"))

        correction_receipt_request = cls(
            correction_receipt_data=correction_receipt_data,
        )

        correction_receipt_request.additional_properties = d
        return correction_receipt_request

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
