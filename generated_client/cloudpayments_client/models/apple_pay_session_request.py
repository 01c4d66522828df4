from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ApplePaySessionRequest")


@_attrs_define
class ApplePaySessionRequest:
    """Apple's validation URL to start a merchant session with.

    Attributes:
        validation_url (str): The URL Apple Pay JS gives the page (`event.validationURL`): `https`, on `apple.com` or a
            subdomain, e.g.
            `https://apple-pay-gateway.apple.com/paymentservices/startSession`.
        payment_url (str | Unset): Address of the page that shows the Apple Pay button (the reference spells it so).
    """

    validation_url: str
    payment_url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        validation_url = self.validation_url

        payment_url = self.payment_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ValidationUrl": validation_url,
            }
        )
        if payment_url is not UNSET:
            field_dict["paymentUrl"] = payment_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        validation_url = d.pop("ValidationUrl")

        payment_url = d.pop("paymentUrl", UNSET)

        apple_pay_session_request = cls(
            validation_url=validation_url,
            payment_url=payment_url,
        )

        apple_pay_session_request.additional_properties = d
        return apple_pay_session_request

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
