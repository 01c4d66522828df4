from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.alt_payment_currency import AltPaymentCurrency, check_alt_payment_currency
from ..models.device import Device, check_device
from ..models.tpay_scheme import TpayScheme, check_tpay_scheme
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.json_data import JsonData


T = TypeVar("T", bound="TpayPaymentRequest")


@_attrs_define
class TpayPaymentRequest:
    """A T-Pay payment link or QR code.

    Attributes:
        amount (float): Amount with a dot as decimal separator, at most two fractional digits, at least 0.01.
        currency (AltPaymentCurrency): SBP, T-Pay and SberPay payments are made in rubles only.
        scheme (TpayScheme): Payment scheme: `0` one-step, `1` two-step (an authorization to confirm or void).
        webview (bool): Whether the payment is opened in a webview.
        device (Device): Where the payer pays from: `MobileApp` a mobile app, `DesktopWeb` a desktop browser, `Mobile` a
            mobile
            browser.
        success_redirect_url (str): Where the T-Bank app sends the payer after a payment.
        fail_redirect_url (str): Where the T-Bank app sends the payer after a failure.
        public_id (str | Unset): The terminal's Public ID (the reference spells it `publicId`). Required by the
            reference's table, but its
            own example leaves it out, as does the official Android SDK (`TinkoffPayQrLinkBody.kt`; it sends
            `publicId` in the query string), and the Basic login names the terminal: taken absent in practice. A
            request without Basic auth needs it.
        browser (str | Unset): Payer's browser, from its User-Agent: `Chrome`, `Firefox`, `MIUI Browser`, `Opera`...
            Required by the
            reference's table, but the official Android SDK sends none (`TinkoffPayQrLinkBody.kt`), nor does the iOS
            SDK (`Browser: nil`): taken absent in practice.
        os (str | Unset): Payer's operating system, e.g. `Android`, `iOS`, `Windows`. Required by the reference's table,
            but the
            official Android SDK sends none (`TinkoffPayQrLinkBody.kt`): taken absent in practice.
        ip_address (str | Unset): Payer's IP address.
        account_id (str | Unset): Payer's identifier.
        email (str | Unset): Payer's e-mail address.
        invoice_id (str | Unset): Order or invoice number (the reference's example sends a number); answered as
            `MerchantOrderId`.
        description (str | Unset): Payment description in any form.
        ttl_minutes (int | Unset): Minutes during which the link or QR code can be paid; 24 hours when left out or
            `null`. 0 is invalid.
             Default: 1440.
        save_card (bool | Unset): Return a card token after a successful payment, for payments by token (honoured when
            token saving is
            enabled in the back office; ignored when saving is forced there).
        json_data (JsonData | Unset): Any data; returned as a JSON-encoded string in the transaction. Instructions to
            CloudPayments sit under
            its `CloudPayments` key: `CloudPayments.CustomerReceipt` is the receipt a payment issues when it succeeds
            (an `Income` receipt; a full refund issues the `IncomeReturn` one).
    """

    amount: Decimal | int | float
    currency: AltPaymentCurrency
    scheme: TpayScheme
    webview: bool
    device: Device
    success_redirect_url: str
    fail_redirect_url: str
    public_id: str | Unset = UNSET
    browser: str | Unset = UNSET
    os: str | Unset = UNSET
    ip_address: str | Unset = UNSET
    account_id: str | Unset = UNSET
    email: str | Unset = UNSET
    invoice_id: str | Unset = UNSET
    description: str | Unset = UNSET
    ttl_minutes: int | Unset = 1440
    save_card: bool | Unset = UNSET
    json_data: JsonData | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        currency: str = self.currency

        scheme: str = self.scheme

        webview = self.webview

        device: str = self.device

        success_redirect_url = self.success_redirect_url

        fail_redirect_url = self.fail_redirect_url

        public_id = self.public_id

        browser = self.browser

        os = self.os

        ip_address = self.ip_address

        account_id = self.account_id

        email = self.email

        invoice_id = self.invoice_id

        description = self.description

        ttl_minutes = self.ttl_minutes

        save_card = self.save_card

        json_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.json_data, Unset):
            json_data = self.json_data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Amount": amount,
                "Currency": currency,
                "Scheme": scheme,
                "Webview": webview,
                "Device": device,
                "SuccessRedirectUrl": success_redirect_url,
                "FailRedirectUrl": fail_redirect_url,
            }
        )
        if public_id is not UNSET:
            field_dict["PublicId"] = public_id
        if browser is not UNSET:
            field_dict["Browser"] = browser
        if os is not UNSET:
            field_dict["Os"] = os
        if ip_address is not UNSET:
            field_dict["IpAddress"] = ip_address
        if account_id is not UNSET:
            field_dict["AccountId"] = account_id
        if email is not UNSET:
            field_dict["Email"] = email
        if invoice_id is not UNSET:
            field_dict["InvoiceId"] = invoice_id
        if description is not UNSET:
            field_dict["Description"] = description
        if ttl_minutes is not UNSET:
            field_dict["TtlMinutes"] = ttl_minutes
        if save_card is not UNSET:
            field_dict["SaveCard"] = save_card
        if json_data is not UNSET:
            field_dict["JsonData"] = json_data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.json_data import JsonData  # noqa: PLC0415

        d = dict(src_dict)
        amount = d.pop("Amount")

        currency = check_alt_payment_currency(d.pop("Currency"))

        scheme = check_tpay_scheme(d.pop("Scheme"))

        webview = d.pop("Webview")

        device = check_device(d.pop("Device"))

        success_redirect_url = d.pop("SuccessRedirectUrl")

        fail_redirect_url = d.pop("FailRedirectUrl")

        public_id = d.pop("PublicId", UNSET)

        browser = d.pop("Browser", UNSET)

        os = d.pop("Os", UNSET)

        ip_address = d.pop("IpAddress", UNSET)

        account_id = d.pop("AccountId", UNSET)

        email = d.pop("Email", UNSET)

        invoice_id = d.pop("InvoiceId", UNSET)

        description = d.pop("Description", UNSET)

        ttl_minutes = d.pop("TtlMinutes", UNSET)

        save_card = d.pop("SaveCard", UNSET)

        _json_data = d.pop("JsonData", UNSET)
        json_data: JsonData | Unset
        if isinstance(_json_data, Unset):
            json_data = UNSET
        else:
            json_data = JsonData.from_dict(_json_data)

        tpay_payment_request = cls(
            amount=amount,
            currency=currency,
            scheme=scheme,
            webview=webview,
            device=device,
            success_redirect_url=success_redirect_url,
            fail_redirect_url=fail_redirect_url,
            public_id=public_id,
            browser=browser,
            os=os,
            ip_address=ip_address,
            account_id=account_id,
            email=email,
            invoice_id=invoice_id,
            description=description,
            ttl_minutes=ttl_minutes,
            save_card=save_card,
            json_data=json_data,
        )

        tpay_payment_request.additional_properties = d
        return tpay_payment_request

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
