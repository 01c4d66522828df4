from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Escrow")


@_attrs_define
class Escrow:
    """Safe-deal (escrow) accumulation of the payment.

    Attributes:
        start_accumulation (bool | Unset):
        escrow_type (int | Unset): Type of the safe deal: 0 = NToOne (many payments, one payout), 1 = OneToN (one
            payment, many payouts).
        accumulation_id (str | Unset):
        final_payout (bool | Unset):
    """

    start_accumulation: bool | Unset = UNSET
    escrow_type: int | Unset = UNSET
    accumulation_id: str | Unset = UNSET
    final_payout: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        start_accumulation = self.start_accumulation

        escrow_type = self.escrow_type

        accumulation_id = self.accumulation_id

        final_payout = self.final_payout

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if start_accumulation is not UNSET:
            field_dict["StartAccumulation"] = start_accumulation
        if escrow_type is not UNSET:
            field_dict["EscrowType"] = escrow_type
        if accumulation_id is not UNSET:
            field_dict["AccumulationId"] = accumulation_id
        if final_payout is not UNSET:
            field_dict["FinalPayout"] = final_payout

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        start_accumulation = d.pop("StartAccumulation", UNSET)

        escrow_type = d.pop("EscrowType", UNSET)

        accumulation_id = d.pop("AccumulationId", UNSET)

        final_payout = d.pop("FinalPayout", UNSET)

        escrow = cls(
            start_accumulation=start_accumulation,
            escrow_type=escrow_type,
            accumulation_id=accumulation_id,
            final_payout=final_payout,
        )

        escrow.additional_properties = d
        return escrow

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
