from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.alt_payment_currency import AltPaymentCurrency, check_alt_payment_currency
from ..models.device import Device, check_device
from ..models.payment_scheme_name import PaymentSchemeName, check_payment_scheme_name
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.json_data import JsonData


T = TypeVar("T", bound="SberpayPaymentRequest")


@_attrs_define
class SberpayPaymentRequest:
    """A SberPay payment link or QR code.

    Attributes:
        public_id (str): The terminal's Public ID: it names the terminal, as the method takes no Basic auth.
        amount (float): Amount with a dot as decimal separator, at most two fractional digits, at least 0.01.
        currency (AltPaymentCurrency): SBP, T-Pay and SberPay payments are made in rubles only.
        scheme (PaymentSchemeName): Payment scheme: `charge` one-step, `auth` two-step (an authorization to confirm or
            void).
        description (str | Unset): Payment description in any form.
        account_id (str | Unset): Payer's identifier; needed for a card token and for subscriptions.
        email (str | Unset): Payer's e-mail address.
        invoice_id (str | Unset): Order or invoice number; sent in the Check notification.
        success_redirect_url (str | Unset): Where the Sber app sends the payer after a payment.
        ip_address (str | Unset): Payer's IP address.
        os (str | Unset): Payer's operating system, e.g. `Android`, `iOS`, `Windows`. Required by the reference's table,
            but its
            own example leaves out `Os`, `Webview`, `Device` and `Browser`: taken absent in practice.
        webview (bool | Unset): Whether the payment is opened in a webview. Required by the reference's table, left out
            by its example: taken absent in practice.
        device (Device | Unset): Where the payer pays from: `MobileApp` a mobile app, `DesktopWeb` a desktop browser,
            `Mobile` a mobile
            browser.
        browser (str | Unset): Payer's browser, from its User-Agent: `Chrome`, `Firefox`, `MIUI Browser`, `Opera`...
            Required by the
            reference's table, left out by its example (and the official iOS SDK sends `Browser: nil`): taken absent
            in practice.
        json_data (JsonData | Unset): Any data; returned as a JSON-encoded string in the transaction. Instructions to
            CloudPayments sit under
            its `CloudPayments` key: `CloudPayments.CustomerReceipt` is the receipt a payment issues when it succeeds
            (an `Income` receipt; a full refund issues the `IncomeReturn` one).
    """

    public_id: str
    amount: Decimal | int | float
    currency: AltPaymentCurrency
    scheme: PaymentSchemeName
    description: str | Unset = UNSET
    account_id: str | Unset = UNSET
    email: str | Unset = UNSET
    invoice_id: str | Unset = UNSET
    success_redirect_url: str | Unset = UNSET
    ip_address: str | Unset = UNSET
    os: str | Unset = UNSET
    webview: bool | Unset = UNSET
    device: Device | Unset = UNSET
    browser: str | Unset = UNSET
    json_data: JsonData | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        public_id = self.public_id

        amount = self.amount

        currency: str = self.currency

        scheme: str = self.scheme

        description = self.description

        account_id = self.account_id

        email = self.email

        invoice_id = self.invoice_id

        success_redirect_url = self.success_redirect_url

        ip_address = self.ip_address

        os = self.os

        webview = self.webview

        device: str | Unset = UNSET
        if not isinstance(self.device, Unset):
            device = self.device

        browser = self.browser

        json_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.json_data, Unset):
            json_data = self.json_data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "PublicId": public_id,
                "Amount": amount,
                "Currency": currency,
                "Scheme": scheme,
            }
        )
        if description is not UNSET:
            field_dict["Description"] = description
        if account_id is not UNSET:
            field_dict["AccountId"] = account_id
        if email is not UNSET:
            field_dict["Email"] = email
        if invoice_id is not UNSET:
            field_dict["InvoiceId"] = invoice_id
        if success_redirect_url is not UNSET:
            field_dict["SuccessRedirectUrl"] = success_redirect_url
        if ip_address is not UNSET:
            field_dict["IpAddress"] = ip_address
        if os is not UNSET:
            field_dict["Os"] = os
        if webview is not UNSET:
            field_dict["Webview"] = webview
        if device is not UNSET:
            field_dict["Device"] = device
        if browser is not UNSET:
            field_dict["Browser"] = browser
        if json_data is not UNSET:
            field_dict["JsonData"] = json_data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.json_data import JsonData  # noqa: PLC0415

        d = dict(src_dict)
        public_id = d.pop("PublicId")

        amount = d.pop("Amount")

        currency = check_alt_payment_currency(d.pop("Currency"))

        scheme = check_payment_scheme_name(d.pop("Scheme"))

        description = d.pop("Description", UNSET)

        account_id = d.pop("AccountId", UNSET)

        email = d.pop("Email", UNSET)

        invoice_id = d.pop("InvoiceId", UNSET)

        success_redirect_url = d.pop("SuccessRedirectUrl", UNSET)

        ip_address = d.pop("IpAddress", UNSET)

        os = d.pop("Os", UNSET)

        webview = d.pop("Webview", UNSET)

        _device = d.pop("Device", UNSET)
        device: Device | Unset
        if isinstance(_device, Unset):
            device = UNSET
        else:
            device = check_device(_device)

        browser = d.pop("Browser", UNSET)

        _json_data = d.pop("JsonData", UNSET)
        json_data: JsonData | Unset
        if isinstance(_json_data, Unset):
            json_data = UNSET
        else:
            json_data = JsonData.from_dict(_json_data)

        sberpay_payment_request = cls(
            public_id=public_id,
            amount=amount,
            currency=currency,
            scheme=scheme,
            description=description,
            account_id=account_id,
            email=email,
            invoice_id=invoice_id,
            success_redirect_url=success_redirect_url,
            ip_address=ip_address,
            os=os,
            webview=webview,
            device=device,
            browser=browser,
            json_data=json_data,
        )

        sberpay_payment_request.additional_properties = d
        return sberpay_payment_request

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
