from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.json_data_cloud_payments import JsonDataCloudPayments


T = TypeVar("T", bound="JsonData")


@_attrs_define
class JsonData:
    """Any data; returned as a JSON-encoded string in the transaction. Instructions to CloudPayments sit under
    its `CloudPayments` key: `CloudPayments.CustomerReceipt` is the receipt a payment issues when it succeeds
    (an `Income` receipt; a full refund issues the `IncomeReturn` one).

        Attributes:
            cloud_payments (JsonDataCloudPayments | Unset): Instructions to CloudPayments that ride on the payment.
    """

    cloud_payments: JsonDataCloudPayments | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cloud_payments: dict[str, Any] | Unset = UNSET
        if not isinstance(self.cloud_payments, Unset):
            cloud_payments = self.cloud_payments.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if cloud_payments is not UNSET:
            field_dict["CloudPayments"] = cloud_payments

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.json_data_cloud_payments import JsonDataCloudPayments  # noqa: PLC0415

        d = dict(src_dict)
        _cloud_payments = d.pop("CloudPayments", UNSET)
        cloud_payments: JsonDataCloudPayments | Unset
        if isinstance(_cloud_payments, Unset):
            cloud_payments = UNSET
        else:
            cloud_payments = JsonDataCloudPayments.from_dict(_cloud_payments)

        json_data = cls(
            cloud_payments=cloud_payments,
        )

        json_data.additional_properties = d
        return json_data

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
