from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.dolyami_payment_request_alt_pay_type import (
    DolyamiPaymentRequestAltPayType,
    check_dolyami_payment_request_alt_pay_type,
)
from ..models.payment_scheme_code import PaymentSchemeCode, check_payment_scheme_code
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.json_data import JsonData


T = TypeVar("T", bound="DolyamiPaymentRequest")


@_attrs_define
class DolyamiPaymentRequest:
    """A Dolyami payment.

    Attributes:
        public_id (str): The terminal's Public ID: it names the terminal, as the method takes no Basic auth.
        alt_pay_type (DolyamiPaymentRequestAltPayType): The kind of payment: `TcsBnplDolyame`, Dolyami.
        amount (float): Amount with a dot as decimal separator, at most two fractional digits, at least 0.01.
        scheme (PaymentSchemeCode): Payment scheme: `0` one-step, `1` two-step (an authorization to confirm or void).
        invoice_id (str | Unset): Order or invoice number; sent in the Check notification.
        description (str | Unset): Description of the order or payment in any form.
        account_id (str | Unset): Payer's identifier.
        email (str | Unset): Payer's e-mail address.
        success_redirect_url (str | Unset): Where the payer returns after a payment.
        fail_redirect_url (str | Unset): Where the payer returns after a failure.
        culture_name (str | Unset): Language of the texts for the payer (`CardHolderMessage`...), e.g. `ru-RU`, `en-US`.
        json_data (JsonData | Unset): Any data; returned as a JSON-encoded string in the transaction. Instructions to
            CloudPayments sit under
            its `CloudPayments` key: `CloudPayments.CustomerReceipt` is the receipt a payment issues when it succeeds
            (an `Income` receipt; a full refund issues the `IncomeReturn` one).
    """

    public_id: str
    alt_pay_type: DolyamiPaymentRequestAltPayType
    amount: Decimal | int | float
    scheme: PaymentSchemeCode
    invoice_id: str | Unset = UNSET
    description: str | Unset = UNSET
    account_id: str | Unset = UNSET
    email: str | Unset = UNSET
    success_redirect_url: str | Unset = UNSET
    fail_redirect_url: str | Unset = UNSET
    culture_name: str | Unset = UNSET
    json_data: JsonData | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        public_id = self.public_id

        alt_pay_type: str = self.alt_pay_type

        amount = self.amount

        scheme: str = self.scheme

        invoice_id = self.invoice_id

        description = self.description

        account_id = self.account_id

        email = self.email

        success_redirect_url = self.success_redirect_url

        fail_redirect_url = self.fail_redirect_url

        culture_name = self.culture_name

        json_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.json_data, Unset):
            json_data = self.json_data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "PublicId": public_id,
                "AltPayType": alt_pay_type,
                "Amount": amount,
                "Scheme": scheme,
            }
        )
        if invoice_id is not UNSET:
            field_dict["InvoiceId"] = invoice_id
        if description is not UNSET:
            field_dict["Description"] = description
        if account_id is not UNSET:
            field_dict["AccountId"] = account_id
        if email is not UNSET:
            field_dict["Email"] = email
        if success_redirect_url is not UNSET:
            field_dict["SuccessRedirectUrl"] = success_redirect_url
        if fail_redirect_url is not UNSET:
            field_dict["FailRedirectUrl"] = fail_redirect_url
        if culture_name is not UNSET:
            field_dict["CultureName"] = culture_name
        if json_data is not UNSET:
            field_dict["JsonData"] = json_data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.json_data import JsonData  # noqa: PLC0415

        d = dict(src_dict)
        public_id = d.pop("PublicId")

        alt_pay_type = check_dolyami_payment_request_alt_pay_type(d.pop("AltPayType"))

        amount = d.pop("Amount")

        scheme = check_payment_scheme_code(d.pop("Scheme"))

        invoice_id = d.pop("InvoiceId", UNSET)

        description = d.pop("Description", UNSET)

        account_id = d.pop("AccountId", UNSET)

        email = d.pop("Email", UNSET)

        success_redirect_url = d.pop("SuccessRedirectUrl", UNSET)

        fail_redirect_url = d.pop("FailRedirectUrl", UNSET)

        culture_name = d.pop("CultureName", UNSET)

        _json_data = d.pop("JsonData", UNSET)
        json_data: JsonData | Unset
        if isinstance(_json_data, Unset):
            json_data = UNSET
        else:
            json_data = JsonData.from_dict(_json_data)

        dolyami_payment_request = cls(
            public_id=public_id,
            alt_pay_type=alt_pay_type,
            amount=amount,
            scheme=scheme,
            invoice_id=invoice_id,
            description=description,
            account_id=account_id,
            email=email,
            success_redirect_url=success_redirect_url,
            fail_redirect_url=fail_redirect_url,
            culture_name=culture_name,
            json_data=json_data,
        )

        dolyami_payment_request.additional_properties = d
        return dolyami_payment_request

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
