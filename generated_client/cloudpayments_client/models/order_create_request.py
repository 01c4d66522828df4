from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.currency import Currency, check_currency
from ..models.subscription_behavior import SubscriptionBehavior, check_subscription_behavior
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.json_data import JsonData


T = TypeVar("T", bound="OrderCreateRequest")


@_attrs_define
class OrderCreateRequest:
    """Creation of an invoice.

    Attributes:
        amount (float): Amount with a dot as decimal separator, at most two fractional digits, at least 0.01.
        description (str): Payment description in any form.
        email (str): Payer's e-mail address.
        currency (Currency | Unset): ISO 4217 letter code. Russian merchants agree foreign currencies in advance; BYR is
            obsolete.
        require_confirmation (bool | Unset): If true, the payment is made with the two-step scheme; false when left out
            (required in the 2021 English reference, optional today).
        send_email (bool | Unset): If true, the payer is notified by e-mail; false when left out (required in the 2021
            English reference, optional today).
        invoice_id (str | Unset): Order or invoice number. Added by the current API.
        account_id (str | Unset): User identifier. Added by the current API.
        offer_uri (str | Unset): Link to the offer document. Added by the current API.
        phone (str | Unset): Payer's phone for SMS or Viber. Added by the current API.
        send_sms (bool | Unset): Send the link by SMS. Added by the current API.
        send_viber (bool | Unset): Send the link by Viber (not together with SMS). Added by the current API.
        culture_name (str | Unset): Language of the texts for the payer (`CardHolderMessage`...), e.g. `ru-RU`, `en-US`.
        subscription_behavior (SubscriptionBehavior | Unset): Create a subscription when the invoice is paid. Added by
            the current API.
        success_redirect_url (str | Unset): Where to send the payer after a payment. Added by the current API.
        fail_redirect_url (str | Unset): Where to send the payer after a failure. Added by the current API.
        json_data (JsonData | Unset): Any data; returned as a JSON-encoded string in the transaction. Instructions to
            CloudPayments sit under
            its `CloudPayments` key: `CloudPayments.CustomerReceipt` is the receipt a payment issues when it succeeds
            (an `Income` receipt; a full refund issues the `IncomeReturn` one).
    """

    amount: Decimal | int | float
    description: str
    email: str
    currency: Currency | Unset = UNSET
    require_confirmation: bool | Unset = UNSET
    send_email: bool | Unset = UNSET
    invoice_id: str | Unset = UNSET
    account_id: str | Unset = UNSET
    offer_uri: str | Unset = UNSET
    phone: str | Unset = UNSET
    send_sms: bool | Unset = UNSET
    send_viber: bool | Unset = UNSET
    culture_name: str | Unset = UNSET
    subscription_behavior: SubscriptionBehavior | Unset = UNSET
    success_redirect_url: str | Unset = UNSET
    fail_redirect_url: str | Unset = UNSET
    json_data: JsonData | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        description = self.description

        email = self.email

        currency: str | Unset = UNSET
        if not isinstance(self.currency, Unset):
            currency = self.currency

        require_confirmation = self.require_confirmation

        send_email = self.send_email

        invoice_id = self.invoice_id

        account_id = self.account_id

        offer_uri = self.offer_uri

        phone = self.phone

        send_sms = self.send_sms

        send_viber = self.send_viber

        culture_name = self.culture_name

        subscription_behavior: str | Unset = UNSET
        if not isinstance(self.subscription_behavior, Unset):
            subscription_behavior = self.subscription_behavior

        success_redirect_url = self.success_redirect_url

        fail_redirect_url = self.fail_redirect_url

        json_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.json_data, Unset):
            json_data = self.json_data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Amount": amount,
                "Description": description,
                "Email": email,
            }
        )
        if currency is not UNSET:
            field_dict["Currency"] = currency
        if require_confirmation is not UNSET:
            field_dict["RequireConfirmation"] = require_confirmation
        if send_email is not UNSET:
            field_dict["SendEmail"] = send_email
        if invoice_id is not UNSET:
            field_dict["InvoiceId"] = invoice_id
        if account_id is not UNSET:
            field_dict["AccountId"] = account_id
        if offer_uri is not UNSET:
            field_dict["OfferUri"] = offer_uri
        if phone is not UNSET:
            field_dict["Phone"] = phone
        if send_sms is not UNSET:
            field_dict["SendSms"] = send_sms
        if send_viber is not UNSET:
            field_dict["SendViber"] = send_viber
        if culture_name is not UNSET:
            field_dict["CultureName"] = culture_name
        if subscription_behavior is not UNSET:
            field_dict["SubscriptionBehavior"] = subscription_behavior
        if success_redirect_url is not UNSET:
            field_dict["SuccessRedirectUrl"] = success_redirect_url
        if fail_redirect_url is not UNSET:
            field_dict["FailRedirectUrl"] = fail_redirect_url
        if json_data is not UNSET:
            field_dict["JsonData"] = json_data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.json_data import JsonData  # noqa: PLC0415

        d = dict(src_dict)
        amount = d.pop("Amount")

        description = d.pop("Description")

        email = d.pop("Email")

        _currency = d.pop("Currency", UNSET)
        currency: Currency | Unset
        if isinstance(_currency, Unset):
            currency = UNSET
        else:
            currency = check_currency(_currency)

        require_confirmation = d.pop("RequireConfirmation", UNSET)

        send_email = d.pop("SendEmail", UNSET)

        invoice_id = d.pop("InvoiceId", UNSET)

        account_id = d.pop("AccountId", UNSET)

        offer_uri = d.pop("OfferUri", UNSET)

        phone = d.pop("Phone", UNSET)

        send_sms = d.pop("SendSms", UNSET)

        send_viber = d.pop("SendViber", UNSET)

        culture_name = d.pop("CultureName", UNSET)

        _subscription_behavior = d.pop("SubscriptionBehavior", UNSET)
        subscription_behavior: SubscriptionBehavior | Unset
        if isinstance(_subscription_behavior, Unset):
            subscription_behavior = UNSET
        else:
            subscription_behavior = check_subscription_behavior(_subscription_behavior)

        success_redirect_url = d.pop("SuccessRedirectUrl", UNSET)

        fail_redirect_url = d.pop("FailRedirectUrl", UNSET)

        _json_data = d.pop("JsonData", UNSET)
        json_data: JsonData | Unset
        if isinstance(_json_data, Unset):
            json_data = UNSET
        else:
            json_data = JsonData.from_dict(_json_data)

        order_create_request = cls(
            amount=amount,
            description=description,
            email=email,
            currency=currency,
            require_confirmation=require_confirmation,
            send_email=send_email,
            invoice_id=invoice_id,
            account_id=account_id,
            offer_uri=offer_uri,
            phone=phone,
            send_sms=send_sms,
            send_viber=send_viber,
            culture_name=culture_name,
            subscription_behavior=subscription_behavior,
            success_redirect_url=success_redirect_url,
            fail_redirect_url=fail_redirect_url,
            json_data=json_data,
        )

        order_create_request.additional_properties = d
        return order_create_request

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
