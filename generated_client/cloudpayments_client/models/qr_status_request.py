from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="QrStatusRequest")


@_attrs_define
class QrStatusRequest:
    """The payment to wait for.

    Attributes:
        transaction_id (int): Transaction id in the system.
        public_id (str | Unset): The terminal's Public ID, which the official iOS SDK sends; a request without Basic
            auth needs it.
    """

    transaction_id: int
    public_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        transaction_id = self.transaction_id

        public_id = self.public_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "TransactionId": transaction_id,
            }
        )
        if public_id is not UNSET:
            field_dict["PublicId"] = public_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        transaction_id = d.pop("TransactionId")

        public_id = d.pop("PublicId", UNSET)

        qr_status_request = cls(
            transaction_id=transaction_id,
            public_id=public_id,
        )

        qr_status_request.additional_properties = d
        return qr_status_request

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
