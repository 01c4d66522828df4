from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.currency import Currency, check_currency
from ..models.payment_scheduled import PaymentScheduled, check_payment_scheduled
from ..models.tr_initiator_code import TrInitiatorCode, check_tr_initiator_code
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.json_data import JsonData
    from ..models.payer import Payer


T = TypeVar("T", bound="TokenPaymentRequest")


@_attrs_define
class TokenPaymentRequest:
    """Payment by token.

    Attributes:
        amount (float): Amount with a dot as decimal separator, at most two fractional digits, at least 0.01.
        account_id (str): User identifier.
        token (str): Card token issued by an earlier payment on this terminal.
        tr_initiator_code (TrInitiatorCode): Who initiated the payment: 0 = the merchant (MIT), 1 = the cardholder
            (CIT). Required by the current
            reference for token payments (see `x-tolerated-absent`).
        currency (Currency | Unset): ISO 4217 letter code. Russian merchants agree foreign currencies in advance; BYR is
            obsolete.
        invoice_id (str | Unset): Invoice or order number.
        description (str | Unset): Payment description in any form.
        email (str | Unset): Payer's e-mail address.
        payment_scheduled (PaymentScheduled | Unset): For merchant-initiated payments: 0 = unscheduled (default), 1 =
            scheduled. Added by the current API.
        ip_address (str | Unset): Payer's IP address. Added by the current API.
        culture_name (str | Unset): Language of the texts for the payer (`CardHolderMessage`...), e.g. `ru-RU`, `en-US`.
        json_data (JsonData | Unset): Any data; returned as a JSON-encoded string in the transaction. Instructions to
            CloudPayments sit under
            its `CloudPayments` key: `CloudPayments.CustomerReceipt` is the receipt a payment issues when it succeeds
            (an `Income` receipt; a full refund issues the `IncomeReturn` one).
        payer (Payer | Unset): Payer details; `Phone` is required by acquirers for telecom merchants (MCC 4814).
    """

    amount: Decimal | int | float
    account_id: str
    token: str
    tr_initiator_code: TrInitiatorCode
    currency: Currency | Unset = UNSET
    invoice_id: str | Unset = UNSET
    description: str | Unset = UNSET
    email: str | Unset = UNSET
    payment_scheduled: PaymentScheduled | Unset = UNSET
    ip_address: str | Unset = UNSET
    culture_name: str | Unset = UNSET
    json_data: JsonData | Unset = UNSET
    payer: Payer | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        account_id = self.account_id

        token = self.token

        tr_initiator_code: int = self.tr_initiator_code

        currency: str | Unset = UNSET
        if not isinstance(self.currency, Unset):
            currency = self.currency

        invoice_id = self.invoice_id

        description = self.description

        email = self.email

        payment_scheduled: int | Unset = UNSET
        if not isinstance(self.payment_scheduled, Unset):
            payment_scheduled = self.payment_scheduled

        ip_address = self.ip_address

        culture_name = self.culture_name

        json_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.json_data, Unset):
            json_data = self.json_data.to_dict()

        payer: dict[str, Any] | Unset = UNSET
        if not isinstance(self.payer, Unset):
            payer = self.payer.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Amount": amount,
                "AccountId": account_id,
                "Token": token,
                "TrInitiatorCode": tr_initiator_code,
            }
        )
        if currency is not UNSET:
            field_dict["Currency"] = currency
        if invoice_id is not UNSET:
            field_dict["InvoiceId"] = invoice_id
        if description is not UNSET:
            field_dict["Description"] = description
        if email is not UNSET:
            field_dict["Email"] = email
        if payment_scheduled is not UNSET:
            field_dict["PaymentScheduled"] = payment_scheduled
        if ip_address is not UNSET:
            field_dict["IpAddress"] = ip_address
        if culture_name is not UNSET:
            field_dict["CultureName"] = culture_name
        if json_data is not UNSET:
            field_dict["JsonData"] = json_data
        if payer is not UNSET:
            field_dict["Payer"] = payer

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.json_data import JsonData  # noqa: PLC0415
        from ..models.payer import Payer  # noqa: PLC0415

        d = dict(src_dict)
        amount = d.pop("Amount")

        account_id = d.pop("AccountId")

        token = d.pop("Token")

        tr_initiator_code = check_tr_initiator_code(d.pop("TrInitiatorCode"))

        _currency = d.pop("Currency", UNSET)
        currency: Currency | Unset
        if isinstance(_currency, Unset):
            currency = UNSET
        else:
            currency = check_currency(_currency)

        invoice_id = d.pop("InvoiceId", UNSET)

        description = d.pop("Description", UNSET)

        email = d.pop("Email", UNSET)

        _payment_scheduled = d.pop("PaymentScheduled", UNSET)
        payment_scheduled: PaymentScheduled | Unset
        if isinstance(_payment_scheduled, Unset):
            payment_scheduled = UNSET
        else:
            payment_scheduled = check_payment_scheduled(_payment_scheduled)

        ip_address = d.pop("IpAddress", UNSET)

        culture_name = d.pop("CultureName", UNSET)

        _json_data = d.pop("JsonData", UNSET)
        json_data: JsonData | Unset
        if isinstance(_json_data, Unset):
            json_data = UNSET
        else:
            json_data = JsonData.from_dict(_json_data)

        _payer = d.pop("Payer", UNSET)
        payer: Payer | Unset
        if isinstance(_payer, Unset):
            payer = UNSET
        else:
            payer = Payer.from_dict(_payer)

        token_payment_request = cls(
            amount=amount,
            account_id=account_id,
            token=token,
            tr_initiator_code=tr_initiator_code,
            currency=currency,
            invoice_id=invoice_id,
            description=description,
            email=email,
            payment_scheduled=payment_scheduled,
            ip_address=ip_address,
            culture_name=culture_name,
            json_data=json_data,
            payer=payer,
        )

        token_payment_request.additional_properties = d
        return token_payment_request

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
