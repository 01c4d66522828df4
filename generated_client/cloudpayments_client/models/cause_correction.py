from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CauseCorrection")


@_attrs_define
class CauseCorrection:
    """The ground of the correction (`#causecorrection`): the document's date and number. The table marks both
    required; the reference's example sends `CorrectionNumber: null`, so it is optional here (null taken).

        Attributes:
            correction_date (str): Date of the document the correction is based on (`2024-12-31`).
            correction_number (str | Unset): Number of the document the correction is based on.
    """

    correction_date: str
    correction_number: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        correction_date = self.correction_date

        correction_number = self.correction_number

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "CorrectionDate": correction_date,
            }
        )
        if correction_number is not UNSET:
            field_dict["CorrectionNumber"] = correction_number

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        correction_date = d.pop("CorrectionDate")

        correction_number = d.pop("CorrectionNumber", UNSET)

        cause_correction = cls(
            correction_date=correction_date,
            correction_number=correction_number,
        )

        cause_correction.additional_properties = d
        return cause_correction

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
