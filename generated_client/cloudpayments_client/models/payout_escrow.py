from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PayoutEscrow")


@_attrs_define
class PayoutEscrow:
    """The safe deal a payout closes or continues (`#shema-integratsii-dlya-api-checkout`): the accumulation, the
    payments it pays out, and whether it is the deal's last payout. The mock validates and keeps it.

        Attributes:
            accumulation_id (str | Unset): Id of the accumulation (`EscrowAccumulationId` of its payments).
            transaction_ids (list[int] | Unset): The payments of the accumulation this payout pays out.
            escrow_type (int | Unset): Type of the safe deal: 0 = NToOne (many payments, one payout), 1 = OneToN (one
                payment, many payouts).
            final_payout (bool | Unset): The last payout of a OneToN deal.
    """

    accumulation_id: str | Unset = UNSET
    transaction_ids: list[int] | Unset = UNSET
    escrow_type: int | Unset = UNSET
    final_payout: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        accumulation_id = self.accumulation_id

        transaction_ids: list[int] | Unset = UNSET
        if not isinstance(self.transaction_ids, Unset):
            transaction_ids = self.transaction_ids

        escrow_type = self.escrow_type

        final_payout = self.final_payout

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if accumulation_id is not UNSET:
            field_dict["AccumulationId"] = accumulation_id
        if transaction_ids is not UNSET:
            field_dict["TransactionIds"] = transaction_ids
        if escrow_type is not UNSET:
            field_dict["EscrowType"] = escrow_type
        if final_payout is not UNSET:
            field_dict["FinalPayout"] = final_payout

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accumulation_id = d.pop("AccumulationId", UNSET)

        transaction_ids = cast(list[int], d.pop("TransactionIds", UNSET))

        escrow_type = d.pop("EscrowType", UNSET)

        final_payout = d.pop("FinalPayout", UNSET)

        payout_escrow = cls(
            accumulation_id=accumulation_id,
            transaction_ids=transaction_ids,
            escrow_type=escrow_type,
            final_payout=final_payout,
        )

        payout_escrow.additional_properties = d
        return payout_escrow

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
