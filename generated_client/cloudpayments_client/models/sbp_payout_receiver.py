from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SbpPayoutReceiver")


@_attrs_define
class SbpPayoutReceiver:
    """The receiver of an SBP payout: `Phone` names the account; the other fields are those of `Payer`.

    Attributes:
        phone (str): The receiver's phone number, digits with a leading `+`, e.g. `+71234567890`.
        first_name (str | Unset):
        last_name (str | Unset):
        middle_name (str | Unset):
        birth (str | Unset): Date of birth, `yyyy-MM-dd`.
        street (str | Unset):
        address (str | Unset):
        city (str | Unset):
        country (str | Unset): Two-letter country code.
        postcode (str | Unset):
    """

    phone: str
    first_name: str | Unset = UNSET
    last_name: str | Unset = UNSET
    middle_name: str | Unset = UNSET
    birth: str | Unset = UNSET
    street: str | Unset = UNSET
    address: str | Unset = UNSET
    city: str | Unset = UNSET
    country: str | Unset = UNSET
    postcode: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        phone = self.phone

        first_name = self.first_name

        last_name = self.last_name

        middle_name = self.middle_name

        birth = self.birth

        street = self.street

        address = self.address

        city = self.city

        country = self.country

        postcode = self.postcode

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Phone": phone,
            }
        )
        if first_name is not UNSET:
            field_dict["FirstName"] = first_name
        if last_name is not UNSET:
            field_dict["LastName"] = last_name
        if middle_name is not UNSET:
            field_dict["MiddleName"] = middle_name
        if birth is not UNSET:
            field_dict["Birth"] = birth
        if street is not UNSET:
            field_dict["Street"] = street
        if address is not UNSET:
            field_dict["Address"] = address
        if city is not UNSET:
            field_dict["City"] = city
        if country is not UNSET:
            field_dict["Country"] = country
        if postcode is not UNSET:
            field_dict["Postcode"] = postcode

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        phone = d.pop("Phone")

        first_name = d.pop("FirstName", UNSET)

        last_name = d.pop("LastName", UNSET)

        middle_name = d.pop("MiddleName", UNSET)

        birth = d.pop("Birth", UNSET)

        street = d.pop("Street", UNSET)

        address = d.pop("Address", UNSET)

        city = d.pop("City", UNSET)

        country = d.pop("Country", UNSET)

        postcode = d.pop("Postcode", UNSET)

        sbp_payout_receiver = cls(
            phone=phone,
            first_name=first_name,
            last_name=last_name,
            middle_name=middle_name,
            birth=birth,
            street=street,
            address=address,
            city=city,
            country=country,
            postcode=postcode,
        )

        sbp_payout_receiver.additional_properties = d
        return sbp_payout_receiver

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
