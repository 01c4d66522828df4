from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReceiptAmounts")


@_attrs_define
class ReceiptAmounts:
    """How the receipt's total was paid (`#amounts`); the total is the sum of these, and must equal the sum of
    the items' `Amount`. `Cash` is in the reference's example, not its table.

        Attributes:
            electronic (float | Unset): A sum of a receipt, at least 0, with a dot as decimal separator and at most two
                fractional digits.
            advance_payment (float | Unset): A sum of a receipt, at least 0, with a dot as decimal separator and at most two
                fractional digits.
            credit (float | Unset): A sum of a receipt, at least 0, with a dot as decimal separator and at most two
                fractional digits.
            provision (float | Unset): A sum of a receipt, at least 0, with a dot as decimal separator and at most two
                fractional digits.
            cash (float | Unset): A sum of a receipt, at least 0, with a dot as decimal separator and at most two fractional
                digits.
    """

    electronic: Decimal | int | float | Unset = UNSET
    advance_payment: Decimal | int | float | Unset = UNSET
    credit: Decimal | int | float | Unset = UNSET
    provision: Decimal | int | float | Unset = UNSET
    cash: Decimal | int | float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        electronic = self.electronic

        advance_payment = self.advance_payment

        credit = self.credit

        provision = self.provision

        cash = self.cash

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if electronic is not UNSET:
            field_dict["Electronic"] = electronic
        if advance_payment is not UNSET:
            field_dict["AdvancePayment"] = advance_payment
        if credit is not UNSET:
            field_dict["Credit"] = credit
        if provision is not UNSET:
            field_dict["Provision"] = provision
        if cash is not UNSET:
            field_dict["Cash"] = cash

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        electronic = d.pop("Electronic", UNSET)

        advance_payment = d.pop("AdvancePayment", UNSET)

        credit = d.pop("Credit", UNSET)

        provision = d.pop("Provision", UNSET)

        cash = d.pop("Cash", UNSET)

        receipt_amounts = cls(
            electronic=electronic,
            advance_payment=advance_payment,
            credit=credit,
            provision=provision,
            cash=cash,
        )

        receipt_amounts.additional_properties = d
        return receipt_amounts

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
