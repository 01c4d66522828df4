from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.currency import Currency, check_currency
from ..models.payment_scheduled import PaymentScheduled, check_payment_scheduled
from ..models.tr_initiator_code import TrInitiatorCode, check_tr_initiator_code
from ..types import UNSET, Unset

T = TypeVar("T", bound="TokenPaymentFields")


@_attrs_define
class TokenPaymentFields:
    """Parameters of a payment by token, without the object-valued ones.

    Attributes:
        amount (float): Amount with a dot as decimal separator, at most two fractional digits, at least 0.01.
        currency (Currency): ISO 4217 letter code. Russian merchants agree foreign currencies in advance; BYR is
            obsolete.
        account_id (str): User identifier.
        token (str): Card token issued by an earlier payment on this terminal.
        invoice_id (str | Unset): Invoice or order number.
        description (str | Unset): Payment description in any form.
        email (str | Unset): Payer's e-mail address.
        tr_initiator_code (TrInitiatorCode | Unset): Who initiated the payment: 0 = the merchant (MIT), 1 = the
            cardholder (CIT). The current API requires it
            for token payments.
        payment_scheduled (PaymentScheduled | Unset): For merchant-initiated payments: 0 = unscheduled (default), 1 =
            scheduled. Added by the current API.
        ip_address (str | Unset): Payer's IP address. Added by the current API.
        culture_name (str | Unset): Language of the texts for the payer (`CardHolderMessage`...), e.g. `ru-RU`, `en-US`.
    """

    amount: float
    currency: Currency
    account_id: str
    token: str
    invoice_id: str | Unset = UNSET
    description: str | Unset = UNSET
    email: str | Unset = UNSET
    tr_initiator_code: TrInitiatorCode | Unset = UNSET
    payment_scheduled: PaymentScheduled | Unset = UNSET
    ip_address: str | Unset = UNSET
    culture_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        currency: str = self.currency

        account_id = self.account_id

        token = self.token

        invoice_id = self.invoice_id

        description = self.description

        email = self.email

        tr_initiator_code: int | Unset = UNSET
        if not isinstance(self.tr_initiator_code, Unset):
            tr_initiator_code = self.tr_initiator_code

        payment_scheduled: int | Unset = UNSET
        if not isinstance(self.payment_scheduled, Unset):
            payment_scheduled = self.payment_scheduled

        ip_address = self.ip_address

        culture_name = self.culture_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Amount": amount,
                "Currency": currency,
                "AccountId": account_id,
                "Token": token,
            }
        )
        if invoice_id is not UNSET:
            field_dict["InvoiceId"] = invoice_id
        if description is not UNSET:
            field_dict["Description"] = description
        if email is not UNSET:
            field_dict["Email"] = email
        if tr_initiator_code is not UNSET:
            field_dict["TrInitiatorCode"] = tr_initiator_code
        if payment_scheduled is not UNSET:
            field_dict["PaymentScheduled"] = payment_scheduled
        if ip_address is not UNSET:
            field_dict["IpAddress"] = ip_address
        if culture_name is not UNSET:
            field_dict["CultureName"] = culture_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("Amount")

        currency = check_currency(d.pop("Currency"))

        account_id = d.pop("AccountId")

        token = d.pop("Token")

        invoice_id = d.pop("InvoiceId", UNSET)

        description = d.pop("Description", UNSET)

        email = d.pop("Email", UNSET)

        _tr_initiator_code = d.pop("TrInitiatorCode", UNSET)
        tr_initiator_code: TrInitiatorCode | Unset
        if isinstance(_tr_initiator_code, Unset):
            tr_initiator_code = UNSET
        else:
            tr_initiator_code = check_tr_initiator_code(_tr_initiator_code)

        _payment_scheduled = d.pop("PaymentScheduled", UNSET)
        payment_scheduled: PaymentScheduled | Unset
        if isinstance(_payment_scheduled, Unset):
            payment_scheduled = UNSET
        else:
            payment_scheduled = check_payment_scheduled(_payment_scheduled)

        ip_address = d.pop("IpAddress", UNSET)

        culture_name = d.pop("CultureName", UNSET)

        token_payment_fields = cls(
            amount=amount,
            currency=currency,
            account_id=account_id,
            token=token,
            invoice_id=invoice_id,
            description=description,
            email=email,
            tr_initiator_code=tr_initiator_code,
            payment_scheduled=payment_scheduled,
            ip_address=ip_address,
            culture_name=culture_name,
        )

        token_payment_fields.additional_properties = d
        return token_payment_fields

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
