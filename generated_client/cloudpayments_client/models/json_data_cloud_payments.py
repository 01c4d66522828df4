from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.customer_receipt import CustomerReceipt


T = TypeVar("T", bound="JsonDataCloudPayments")


@_attrs_define
class JsonDataCloudPayments:
    """Instructions to CloudPayments that ride on the payment.

    Attributes:
        customer_receipt (CustomerReceipt | Unset): The contents of a receipt (`#customerreceipt`): what `/kkt/receipt`
            issues, and what a payment's
            `JsonData.CloudPayments.CustomerReceipt` or a subscription's `CustomerReceipt` has issued with each
            successful payment (and a refund with its return). At most 100 items. The reference's table marks
            `TaxationSystem` and `Amounts` required, and its text says `TaxationSystem` may be left out with a single
            taxation system (the first one registered applies); its own examples (the Receipt notification's, the
            `/kkt/receipt/get` answer's) have no `Amounts`, so both are optional here: when `Amounts` is given, the
            items must add up to its total. Other documented requisites (agent, customer, industry, non-cash
            payment data...) are taken as given.
    """

    customer_receipt: CustomerReceipt | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        customer_receipt: dict[str, Any] | Unset = UNSET
        if not isinstance(self.customer_receipt, Unset):
            customer_receipt = self.customer_receipt.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if customer_receipt is not UNSET:
            field_dict["CustomerReceipt"] = customer_receipt

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer_receipt import CustomerReceipt  # noqa: PLC0415

        d = dict(src_dict)
        _customer_receipt = d.pop("CustomerReceipt", UNSET)
        customer_receipt: CustomerReceipt | Unset
        if isinstance(_customer_receipt, Unset):
            customer_receipt = UNSET
        else:
            customer_receipt = CustomerReceipt.from_dict(_customer_receipt)

        json_data_cloud_payments = cls(
            customer_receipt=customer_receipt,
        )

        json_data_cloud_payments.additional_properties = d
        return json_data_cloud_payments

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
