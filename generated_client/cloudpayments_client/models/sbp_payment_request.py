from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.alt_payment_currency import AltPaymentCurrency, check_alt_payment_currency
from ..models.device import Device, check_device
from ..models.sbp_payment_request_scheme import SbpPaymentRequestScheme, check_sbp_payment_request_scheme
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.json_data import JsonData


T = TypeVar("T", bound="SbpPaymentRequest")


@_attrs_define
class SbpPaymentRequest:
    """An SBP payment link or QR code.

    Attributes:
        amount (float): Amount with a dot as decimal separator, at most two fractional digits, at least 0.01.
        currency (AltPaymentCurrency): SBP, T-Pay and SberPay payments are made in rubles only.
        public_id (str | Unset): The terminal's Public ID. Required by the reference's table (and in its example), but
            the official
            Android SDK leaves it out of the body (`SBPQrLinkBody.kt`; it sends `publicId` in the query string) and
            the Basic login names the terminal: taken absent in practice. A request without Basic auth needs it.
        description (str | Unset): Payment description in any form.
        account_id (str | Unset): Payer's identifier; needed to save the payer's account (`SaveCard`) and for
            subscriptions.
        email (str | Unset): Payer's e-mail address.
        invoice_id (str | Unset): Order or invoice number; sent in the Check notification and answered as
            `MerchantOrderId`.
        scheme (SbpPaymentRequestScheme | Unset): `charge`, one-step: the only scheme of SBP payments. Required by the
            reference's table (and in its
            example), but the official iOS SDK sends none (CloudPayments-SDK-iOS 1.5.14 `getSbpLink`): taken absent
            in practice.
             Default: 'charge'.
        success_redirect_url (str | Unset): Where the bank's app sends the payer after paying: an RFC 3986 URL in ASCII,
            at most 1024 characters.
        ip_address (str | Unset): Payer's IP address.
        os (str | Unset): Payer's operating system, e.g. `Android`, `iOS`, `Windows`.
        webview (bool | Unset): Whether the payment is opened in a webview.
        device (Device | Unset): Where the payer pays from: `MobileApp` a mobile app, `DesktopWeb` a desktop browser,
            `Mobile` a mobile
            browser.
        browser (str | Unset): Payer's browser, from its User-Agent: `Chrome`, `Firefox`, `MIUI Browser`, `Opera`...
        ttl_minutes (int | Unset): Minutes during which the link or QR code can be paid, 1 to 129600 (90 days); 72 hours
            when left out. Default: 4320.
        save_card (bool | Unset): Bind the payer's account in the NSPK (National Payment Card System) for later
            payments.
        is_test (bool | Unset): A test payment.
        json_data (JsonData | Unset): Any data; returned as a JSON-encoded string in the transaction. Instructions to
            CloudPayments sit under
            its `CloudPayments` key: `CloudPayments.CustomerReceipt` is the receipt a payment issues when it succeeds
            (an `Income` receipt; a full refund issues the `IncomeReturn` one).
    """

    amount: Decimal | int | float
    currency: AltPaymentCurrency
    public_id: str | Unset = UNSET
    description: str | Unset = UNSET
    account_id: str | Unset = UNSET
    email: str | Unset = UNSET
    invoice_id: str | Unset = UNSET
    scheme: SbpPaymentRequestScheme | Unset = "charge"
    success_redirect_url: str | Unset = UNSET
    ip_address: str | Unset = UNSET
    os: str | Unset = UNSET
    webview: bool | Unset = UNSET
    device: Device | Unset = UNSET
    browser: str | Unset = UNSET
    ttl_minutes: int | Unset = 4320
    save_card: bool | Unset = UNSET
    is_test: bool | Unset = UNSET
    json_data: JsonData | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        currency: str = self.currency

        public_id = self.public_id

        description = self.description

        account_id = self.account_id

        email = self.email

        invoice_id = self.invoice_id

        scheme: str | Unset = UNSET
        if not isinstance(self.scheme, Unset):
            scheme = self.scheme

        success_redirect_url = self.success_redirect_url

        ip_address = self.ip_address

        os = self.os

        webview = self.webview

        device: str | Unset = UNSET
        if not isinstance(self.device, Unset):
            device = self.device

        browser = self.browser

        ttl_minutes = self.ttl_minutes

        save_card = self.save_card

        is_test = self.is_test

        json_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.json_data, Unset):
            json_data = self.json_data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Amount": amount,
                "Currency": currency,
            }
        )
        if public_id is not UNSET:
            field_dict["PublicId"] = public_id
        if description is not UNSET:
            field_dict["Description"] = description
        if account_id is not UNSET:
            field_dict["AccountId"] = account_id
        if email is not UNSET:
            field_dict["Email"] = email
        if invoice_id is not UNSET:
            field_dict["InvoiceId"] = invoice_id
        if scheme is not UNSET:
            field_dict["Scheme"] = scheme
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
        if ttl_minutes is not UNSET:
            field_dict["TtlMinutes"] = ttl_minutes
        if save_card is not UNSET:
            field_dict["SaveCard"] = save_card
        if is_test is not UNSET:
            field_dict["IsTest"] = is_test
        if json_data is not UNSET:
            field_dict["JsonData"] = json_data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.json_data import JsonData  # noqa: PLC0415

        d = dict(src_dict)
        amount = d.pop("Amount")

        currency = check_alt_payment_currency(d.pop("Currency"))

        public_id = d.pop("PublicId", UNSET)

        description = d.pop("Description", UNSET)

        account_id = d.pop("AccountId", UNSET)

        email = d.pop("Email", UNSET)

        invoice_id = d.pop("InvoiceId", UNSET)

        _scheme = d.pop("Scheme", UNSET)
        scheme: SbpPaymentRequestScheme | Unset
        if isinstance(_scheme, Unset):
            scheme = UNSET
        else:
            scheme = check_sbp_payment_request_scheme(_scheme)

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

        ttl_minutes = d.pop("TtlMinutes", UNSET)

        save_card = d.pop("SaveCard", UNSET)

        is_test = d.pop("IsTest", UNSET)

        _json_data = d.pop("JsonData", UNSET)
        json_data: JsonData | Unset
        if isinstance(_json_data, Unset):
            json_data = UNSET
        else:
            json_data = JsonData.from_dict(_json_data)

        sbp_payment_request = cls(
            amount=amount,
            currency=currency,
            public_id=public_id,
            description=description,
            account_id=account_id,
            email=email,
            invoice_id=invoice_id,
            scheme=scheme,
            success_redirect_url=success_redirect_url,
            ip_address=ip_address,
            os=os,
            webview=webview,
            device=device,
            browser=browser,
            ttl_minutes=ttl_minutes,
            save_card=save_card,
            is_test=is_test,
            json_data=json_data,
        )

        sbp_payment_request.additional_properties = d
        return sbp_payment_request

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
