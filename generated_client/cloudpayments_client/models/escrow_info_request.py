from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="EscrowInfoRequest")


@_attrs_define
class EscrowInfoRequest:
    """The accumulations to report on (`#metod-dlya-polucheniya-informatsii-po-bs-dlya-oboih-tipov-sdelki-n-1-i-1-n`).

    Attributes:
        escrow_accumulation_ids (list[str]): Ids of the accumulations (`EscrowAccumulationId` of their payments).
    """

    escrow_accumulation_ids: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        escrow_accumulation_ids = self.escrow_accumulation_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "EscrowAccumulationIds": escrow_accumulation_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        escrow_accumulation_ids = cast(list[str], d.pop("EscrowAccumulationIds"))

        escrow_info_request = cls(
            escrow_accumulation_ids=escrow_accumulation_ids,
        )

        escrow_info_request.additional_properties = d
        return escrow_info_request

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
