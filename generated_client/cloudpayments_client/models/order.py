from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Order")


@_attrs_define
class Order:
    """An invoice with a payment link.

    Attributes:
        id (str): Order id (16 letters and digits), also the last segment of `Url`.
        number (int):
        amount (float):
        currency (str):
        url (str): Page where the payer pays the invoice.
        currency_code (int | Unset):
        email (None | str | Unset):
        phone (None | str | Unset):
        description (None | str | Unset):
        require_confirmation (bool | Unset):
        culture_name (None | str | Unset):
        created_date (str | Unset): Microsoft JSON date, `/Date(<milliseconds since the epoch, UTC>)/`.
        created_date_iso (str | Unset): `yyyy-MM-ddTHH:mm:ss`, UTC, without an offset.
        payment_date (None | str | Unset): Null until paid.
        payment_date_iso (None | str | Unset):
        status_code (int | Unset):
        status (str | Unset): `Created` until paid.
        internal_id (int | Unset):
    """

    id: str
    number: int
    amount: float
    currency: str
    url: str
    currency_code: int | Unset = UNSET
    email: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    require_confirmation: bool | Unset = UNSET
    culture_name: None | str | Unset = UNSET
    created_date: str | Unset = UNSET
    created_date_iso: str | Unset = UNSET
    payment_date: None | str | Unset = UNSET
    payment_date_iso: None | str | Unset = UNSET
    status_code: int | Unset = UNSET
    status: str | Unset = UNSET
    internal_id: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        number = self.number

        amount = self.amount

        currency = self.currency

        url = self.url

        currency_code = self.currency_code

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        require_confirmation = self.require_confirmation

        culture_name: None | str | Unset
        if isinstance(self.culture_name, Unset):
            culture_name = UNSET
        else:
            culture_name = self.culture_name

        created_date = self.created_date

        created_date_iso = self.created_date_iso

        payment_date: None | str | Unset
        if isinstance(self.payment_date, Unset):
            payment_date = UNSET
        else:
            payment_date = self.payment_date

        payment_date_iso: None | str | Unset
        if isinstance(self.payment_date_iso, Unset):
            payment_date_iso = UNSET
        else:
            payment_date_iso = self.payment_date_iso

        status_code = self.status_code

        status = self.status

        internal_id = self.internal_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Id": id,
                "Number": number,
                "Amount": amount,
                "Currency": currency,
                "Url": url,
            }
        )
        if currency_code is not UNSET:
            field_dict["CurrencyCode"] = currency_code
        if email is not UNSET:
            field_dict["Email"] = email
        if phone is not UNSET:
            field_dict["Phone"] = phone
        if description is not UNSET:
            field_dict["Description"] = description
        if require_confirmation is not UNSET:
            field_dict["RequireConfirmation"] = require_confirmation
        if culture_name is not UNSET:
            field_dict["CultureName"] = culture_name
        if created_date is not UNSET:
            field_dict["CreatedDate"] = created_date
        if created_date_iso is not UNSET:
            field_dict["CreatedDateIso"] = created_date_iso
        if payment_date is not UNSET:
            field_dict["PaymentDate"] = payment_date
        if payment_date_iso is not UNSET:
            field_dict["PaymentDateIso"] = payment_date_iso
        if status_code is not UNSET:
            field_dict["StatusCode"] = status_code
        if status is not UNSET:
            field_dict["Status"] = status
        if internal_id is not UNSET:
            field_dict["InternalId"] = internal_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("Id")

        number = d.pop("Number")

        amount = d.pop("Amount")

        currency = d.pop("Currency")

        url = d.pop("Url")

        currency_code = d.pop("CurrencyCode", UNSET)

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("Email", UNSET))

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("Phone", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("Description", UNSET))

        require_confirmation = d.pop("RequireConfirmation", UNSET)

        def _parse_culture_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        culture_name = _parse_culture_name(d.pop("CultureName", UNSET))

        created_date = d.pop("CreatedDate", UNSET)

        created_date_iso = d.pop("CreatedDateIso", UNSET)

        def _parse_payment_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        payment_date = _parse_payment_date(d.pop("PaymentDate", UNSET))

        def _parse_payment_date_iso(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        payment_date_iso = _parse_payment_date_iso(d.pop("PaymentDateIso", UNSET))

        status_code = d.pop("StatusCode", UNSET)

        status = d.pop("Status", UNSET)

        internal_id = d.pop("InternalId", UNSET)

        order = cls(
            id=id,
            number=number,
            amount=amount,
            currency=currency,
            url=url,
            currency_code=currency_code,
            email=email,
            phone=phone,
            description=description,
            require_confirmation=require_confirmation,
            culture_name=culture_name,
            created_date=created_date,
            created_date_iso=created_date_iso,
            payment_date=payment_date,
            payment_date_iso=payment_date_iso,
            status_code=status_code,
            status=status,
            internal_id=internal_id,
        )

        order.additional_properties = d
        return order

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
