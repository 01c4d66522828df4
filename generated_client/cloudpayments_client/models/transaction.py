from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Transaction")


@_attrs_define
class Transaction:
    """A payment transaction. The outcome is in `Status` and `ReasonCode` (see the tables in the introduction);
    unknown status or reason values may appear and are data, not errors.

        Attributes:
            reason_code (int): 0 when approved, otherwise the decline code (see Reason codes).
            transaction_id (int): Transaction id.
            amount (float): Amount in `Currency`.
            currency (str): Currency letter code.
            status (str): `AwaitingAuthentication`, `Authorized`, `Completed`, `Cancelled` or `Declined` (see Transaction
                statuses).
            public_id (str | Unset): Public ID of the terminal.
            terminal_url (str | Unset): Address of the merchant's site.
            currency_code (int | Unset): Currency code (0 = RUB).
            payment_amount (float | Unset): Amount debited from the payer (may differ after conversion).
            payment_currency (str | Unset):
            payment_currency_code (int | Unset):
            invoice_id (int | None | str | Unset): Order number (one documented answer carries it as a number).
            account_id (None | str | Unset):
            tr_initiator_code (int | None | Unset): Echo of the token payment's initiator.
            email (None | str | Unset):
            description (None | str | Unset):
            json_data (None | str | Unset): The request's `JsonData` as a JSON-encoded string.
            created_date (str | Unset): Microsoft JSON date, `/Date(<milliseconds since the epoch, UTC>)/`.
            created_date_iso (str | Unset): `yyyy-MM-ddTHH:mm:ss`, UTC, without an offset.
            auth_date (None | str | Unset):
            auth_date_iso (None | str | Unset):
            confirm_date (None | str | Unset): Null until captured.
            confirm_date_iso (None | str | Unset):
            payout_date (None | str | Unset): Settlement to the merchant.
            payout_date_iso (None | str | Unset):
            payout_amount (float | None | Unset):
            auth_code (None | str | Unset): Authorization code (`A1B2C3` in test mode).
            test_mode (bool | Unset):
            rrn (None | str | Unset):
            original_transaction_id (int | None | Unset):
            fall_back_scenario_declined_transaction_id (int | None | Unset):
            ip_address (None | str | Unset):
            ip_country (None | str | Unset):
            ip_city (None | str | Unset):
            ip_region (None | str | Unset):
            ip_district (None | str | Unset):
            ip_latitude (float | None | Unset):
            ip_longitude (float | None | Unset):
            card_first_six (None | str | Unset):
            card_last_four (None | str | Unset):
            card_exp_date (None | str | Unset): `MM/YY`.
            card_type (None | str | Unset): `Visa`, `Mastercard`, `Maestro`, `МИР`...
            card_type_code (int | None | Unset):
            card_product (None | str | Unset):
            card_category (None | str | Unset):
            issuer (None | str | Unset):
            issuer_bank_country (None | str | Unset):
            escrow_accumulation_id (None | str | Unset):
            status_code (int | Unset): The code of `Status` (see Transaction statuses).
            culture_name (None | str | Unset):
            reason (None | str | Unset): Name of the reason code without spaces, e.g. `Approved`, `InsufficientFunds`.
            card_holder_message (None | str | Unset): Text to show the payer.
            type_ (int | Unset): 0 = payment, 2 = payout.
            refunded (bool | Unset):
            name (None | str | Unset): Card holder's name.
            token (None | str | Unset): Card token for later token payments.
            subscription_id (None | str | Unset):
            gateway_name (None | str | Unset): `Test` in test mode.
            android_pay (bool | Unset):
            wallet_type (None | str | Unset):
            total_fee (float | None | Unset):
            vat_above_total_fee (float | None | Unset):
            processor_and_partner_fee (float | None | Unset):
            vat_within_processor_fee (float | None | Unset):
    """

    reason_code: int
    transaction_id: int
    amount: float
    currency: str
    status: str
    public_id: str | Unset = UNSET
    terminal_url: str | Unset = UNSET
    currency_code: int | Unset = UNSET
    payment_amount: float | Unset = UNSET
    payment_currency: str | Unset = UNSET
    payment_currency_code: int | Unset = UNSET
    invoice_id: int | None | str | Unset = UNSET
    account_id: None | str | Unset = UNSET
    tr_initiator_code: int | None | Unset = UNSET
    email: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    json_data: None | str | Unset = UNSET
    created_date: str | Unset = UNSET
    created_date_iso: str | Unset = UNSET
    auth_date: None | str | Unset = UNSET
    auth_date_iso: None | str | Unset = UNSET
    confirm_date: None | str | Unset = UNSET
    confirm_date_iso: None | str | Unset = UNSET
    payout_date: None | str | Unset = UNSET
    payout_date_iso: None | str | Unset = UNSET
    payout_amount: float | None | Unset = UNSET
    auth_code: None | str | Unset = UNSET
    test_mode: bool | Unset = UNSET
    rrn: None | str | Unset = UNSET
    original_transaction_id: int | None | Unset = UNSET
    fall_back_scenario_declined_transaction_id: int | None | Unset = UNSET
    ip_address: None | str | Unset = UNSET
    ip_country: None | str | Unset = UNSET
    ip_city: None | str | Unset = UNSET
    ip_region: None | str | Unset = UNSET
    ip_district: None | str | Unset = UNSET
    ip_latitude: float | None | Unset = UNSET
    ip_longitude: float | None | Unset = UNSET
    card_first_six: None | str | Unset = UNSET
    card_last_four: None | str | Unset = UNSET
    card_exp_date: None | str | Unset = UNSET
    card_type: None | str | Unset = UNSET
    card_type_code: int | None | Unset = UNSET
    card_product: None | str | Unset = UNSET
    card_category: None | str | Unset = UNSET
    issuer: None | str | Unset = UNSET
    issuer_bank_country: None | str | Unset = UNSET
    escrow_accumulation_id: None | str | Unset = UNSET
    status_code: int | Unset = UNSET
    culture_name: None | str | Unset = UNSET
    reason: None | str | Unset = UNSET
    card_holder_message: None | str | Unset = UNSET
    type_: int | Unset = UNSET
    refunded: bool | Unset = UNSET
    name: None | str | Unset = UNSET
    token: None | str | Unset = UNSET
    subscription_id: None | str | Unset = UNSET
    gateway_name: None | str | Unset = UNSET
    android_pay: bool | Unset = UNSET
    wallet_type: None | str | Unset = UNSET
    total_fee: float | None | Unset = UNSET
    vat_above_total_fee: float | None | Unset = UNSET
    processor_and_partner_fee: float | None | Unset = UNSET
    vat_within_processor_fee: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        reason_code = self.reason_code

        transaction_id = self.transaction_id

        amount = self.amount

        currency = self.currency

        status = self.status

        public_id = self.public_id

        terminal_url = self.terminal_url

        currency_code = self.currency_code

        payment_amount = self.payment_amount

        payment_currency = self.payment_currency

        payment_currency_code = self.payment_currency_code

        invoice_id: int | None | str | Unset
        if isinstance(self.invoice_id, Unset):
            invoice_id = UNSET
        else:
            invoice_id = self.invoice_id

        account_id: None | str | Unset
        if isinstance(self.account_id, Unset):
            account_id = UNSET
        else:
            account_id = self.account_id

        tr_initiator_code: int | None | Unset
        if isinstance(self.tr_initiator_code, Unset):
            tr_initiator_code = UNSET
        else:
            tr_initiator_code = self.tr_initiator_code

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        json_data: None | str | Unset
        if isinstance(self.json_data, Unset):
            json_data = UNSET
        else:
            json_data = self.json_data

        created_date = self.created_date

        created_date_iso = self.created_date_iso

        auth_date: None | str | Unset
        if isinstance(self.auth_date, Unset):
            auth_date = UNSET
        else:
            auth_date = self.auth_date

        auth_date_iso: None | str | Unset
        if isinstance(self.auth_date_iso, Unset):
            auth_date_iso = UNSET
        else:
            auth_date_iso = self.auth_date_iso

        confirm_date: None | str | Unset
        if isinstance(self.confirm_date, Unset):
            confirm_date = UNSET
        else:
            confirm_date = self.confirm_date

        confirm_date_iso: None | str | Unset
        if isinstance(self.confirm_date_iso, Unset):
            confirm_date_iso = UNSET
        else:
            confirm_date_iso = self.confirm_date_iso

        payout_date: None | str | Unset
        if isinstance(self.payout_date, Unset):
            payout_date = UNSET
        else:
            payout_date = self.payout_date

        payout_date_iso: None | str | Unset
        if isinstance(self.payout_date_iso, Unset):
            payout_date_iso = UNSET
        else:
            payout_date_iso = self.payout_date_iso

        payout_amount: float | None | Unset
        if isinstance(self.payout_amount, Unset):
            payout_amount = UNSET
        else:
            payout_amount = self.payout_amount

        auth_code: None | str | Unset
        if isinstance(self.auth_code, Unset):
            auth_code = UNSET
        else:
            auth_code = self.auth_code

        test_mode = self.test_mode

        rrn: None | str | Unset
        if isinstance(self.rrn, Unset):
            rrn = UNSET
        else:
            rrn = self.rrn

        original_transaction_id: int | None | Unset
        if isinstance(self.original_transaction_id, Unset):
            original_transaction_id = UNSET
        else:
            original_transaction_id = self.original_transaction_id

        fall_back_scenario_declined_transaction_id: int | None | Unset
        if isinstance(self.fall_back_scenario_declined_transaction_id, Unset):
            fall_back_scenario_declined_transaction_id = UNSET
        else:
            fall_back_scenario_declined_transaction_id = self.fall_back_scenario_declined_transaction_id

        ip_address: None | str | Unset
        if isinstance(self.ip_address, Unset):
            ip_address = UNSET
        else:
            ip_address = self.ip_address

        ip_country: None | str | Unset
        if isinstance(self.ip_country, Unset):
            ip_country = UNSET
        else:
            ip_country = self.ip_country

        ip_city: None | str | Unset
        if isinstance(self.ip_city, Unset):
            ip_city = UNSET
        else:
            ip_city = self.ip_city

        ip_region: None | str | Unset
        if isinstance(self.ip_region, Unset):
            ip_region = UNSET
        else:
            ip_region = self.ip_region

        ip_district: None | str | Unset
        if isinstance(self.ip_district, Unset):
            ip_district = UNSET
        else:
            ip_district = self.ip_district

        ip_latitude: float | None | Unset
        if isinstance(self.ip_latitude, Unset):
            ip_latitude = UNSET
        else:
            ip_latitude = self.ip_latitude

        ip_longitude: float | None | Unset
        if isinstance(self.ip_longitude, Unset):
            ip_longitude = UNSET
        else:
            ip_longitude = self.ip_longitude

        card_first_six: None | str | Unset
        if isinstance(self.card_first_six, Unset):
            card_first_six = UNSET
        else:
            card_first_six = self.card_first_six

        card_last_four: None | str | Unset
        if isinstance(self.card_last_four, Unset):
            card_last_four = UNSET
        else:
            card_last_four = self.card_last_four

        card_exp_date: None | str | Unset
        if isinstance(self.card_exp_date, Unset):
            card_exp_date = UNSET
        else:
            card_exp_date = self.card_exp_date

        card_type: None | str | Unset
        if isinstance(self.card_type, Unset):
            card_type = UNSET
        else:
            card_type = self.card_type

        card_type_code: int | None | Unset
        if isinstance(self.card_type_code, Unset):
            card_type_code = UNSET
        else:
            card_type_code = self.card_type_code

        card_product: None | str | Unset
        if isinstance(self.card_product, Unset):
            card_product = UNSET
        else:
            card_product = self.card_product

        card_category: None | str | Unset
        if isinstance(self.card_category, Unset):
            card_category = UNSET
        else:
            card_category = self.card_category

        issuer: None | str | Unset
        if isinstance(self.issuer, Unset):
            issuer = UNSET
        else:
            issuer = self.issuer

        issuer_bank_country: None | str | Unset
        if isinstance(self.issuer_bank_country, Unset):
            issuer_bank_country = UNSET
        else:
            issuer_bank_country = self.issuer_bank_country

        escrow_accumulation_id: None | str | Unset
        if isinstance(self.escrow_accumulation_id, Unset):
            escrow_accumulation_id = UNSET
        else:
            escrow_accumulation_id = self.escrow_accumulation_id

        status_code = self.status_code

        culture_name: None | str | Unset
        if isinstance(self.culture_name, Unset):
            culture_name = UNSET
        else:
            culture_name = self.culture_name

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        card_holder_message: None | str | Unset
        if isinstance(self.card_holder_message, Unset):
            card_holder_message = UNSET
        else:
            card_holder_message = self.card_holder_message

        type_ = self.type_

        refunded = self.refunded

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        token: None | str | Unset
        if isinstance(self.token, Unset):
            token = UNSET
        else:
            token = self.token

        subscription_id: None | str | Unset
        if isinstance(self.subscription_id, Unset):
            subscription_id = UNSET
        else:
            subscription_id = self.subscription_id

        gateway_name: None | str | Unset
        if isinstance(self.gateway_name, Unset):
            gateway_name = UNSET
        else:
            gateway_name = self.gateway_name

        android_pay = self.android_pay

        wallet_type: None | str | Unset
        if isinstance(self.wallet_type, Unset):
            wallet_type = UNSET
        else:
            wallet_type = self.wallet_type

        total_fee: float | None | Unset
        if isinstance(self.total_fee, Unset):
            total_fee = UNSET
        else:
            total_fee = self.total_fee

        vat_above_total_fee: float | None | Unset
        if isinstance(self.vat_above_total_fee, Unset):
            vat_above_total_fee = UNSET
        else:
            vat_above_total_fee = self.vat_above_total_fee

        processor_and_partner_fee: float | None | Unset
        if isinstance(self.processor_and_partner_fee, Unset):
            processor_and_partner_fee = UNSET
        else:
            processor_and_partner_fee = self.processor_and_partner_fee

        vat_within_processor_fee: float | None | Unset
        if isinstance(self.vat_within_processor_fee, Unset):
            vat_within_processor_fee = UNSET
        else:
            vat_within_processor_fee = self.vat_within_processor_fee

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ReasonCode": reason_code,
                "TransactionId": transaction_id,
                "Amount": amount,
                "Currency": currency,
                "Status": status,
            }
        )
        if public_id is not UNSET:
            field_dict["PublicId"] = public_id
        if terminal_url is not UNSET:
            field_dict["TerminalUrl"] = terminal_url
        if currency_code is not UNSET:
            field_dict["CurrencyCode"] = currency_code
        if payment_amount is not UNSET:
            field_dict["PaymentAmount"] = payment_amount
        if payment_currency is not UNSET:
            field_dict["PaymentCurrency"] = payment_currency
        if payment_currency_code is not UNSET:
            field_dict["PaymentCurrencyCode"] = payment_currency_code
        if invoice_id is not UNSET:
            field_dict["InvoiceId"] = invoice_id
        if account_id is not UNSET:
            field_dict["AccountId"] = account_id
        if tr_initiator_code is not UNSET:
            field_dict["TrInitiatorCode"] = tr_initiator_code
        if email is not UNSET:
            field_dict["Email"] = email
        if description is not UNSET:
            field_dict["Description"] = description
        if json_data is not UNSET:
            field_dict["JsonData"] = json_data
        if created_date is not UNSET:
            field_dict["CreatedDate"] = created_date
        if created_date_iso is not UNSET:
            field_dict["CreatedDateIso"] = created_date_iso
        if auth_date is not UNSET:
            field_dict["AuthDate"] = auth_date
        if auth_date_iso is not UNSET:
            field_dict["AuthDateIso"] = auth_date_iso
        if confirm_date is not UNSET:
            field_dict["ConfirmDate"] = confirm_date
        if confirm_date_iso is not UNSET:
            field_dict["ConfirmDateIso"] = confirm_date_iso
        if payout_date is not UNSET:
            field_dict["PayoutDate"] = payout_date
        if payout_date_iso is not UNSET:
            field_dict["PayoutDateIso"] = payout_date_iso
        if payout_amount is not UNSET:
            field_dict["PayoutAmount"] = payout_amount
        if auth_code is not UNSET:
            field_dict["AuthCode"] = auth_code
        if test_mode is not UNSET:
            field_dict["TestMode"] = test_mode
        if rrn is not UNSET:
            field_dict["Rrn"] = rrn
        if original_transaction_id is not UNSET:
            field_dict["OriginalTransactionId"] = original_transaction_id
        if fall_back_scenario_declined_transaction_id is not UNSET:
            field_dict["FallBackScenarioDeclinedTransactionId"] = fall_back_scenario_declined_transaction_id
        if ip_address is not UNSET:
            field_dict["IpAddress"] = ip_address
        if ip_country is not UNSET:
            field_dict["IpCountry"] = ip_country
        if ip_city is not UNSET:
            field_dict["IpCity"] = ip_city
        if ip_region is not UNSET:
            field_dict["IpRegion"] = ip_region
        if ip_district is not UNSET:
            field_dict["IpDistrict"] = ip_district
        if ip_latitude is not UNSET:
            field_dict["IpLatitude"] = ip_latitude
        if ip_longitude is not UNSET:
            field_dict["IpLongitude"] = ip_longitude
        if card_first_six is not UNSET:
            field_dict["CardFirstSix"] = card_first_six
        if card_last_four is not UNSET:
            field_dict["CardLastFour"] = card_last_four
        if card_exp_date is not UNSET:
            field_dict["CardExpDate"] = card_exp_date
        if card_type is not UNSET:
            field_dict["CardType"] = card_type
        if card_type_code is not UNSET:
            field_dict["CardTypeCode"] = card_type_code
        if card_product is not UNSET:
            field_dict["CardProduct"] = card_product
        if card_category is not UNSET:
            field_dict["CardCategory"] = card_category
        if issuer is not UNSET:
            field_dict["Issuer"] = issuer
        if issuer_bank_country is not UNSET:
            field_dict["IssuerBankCountry"] = issuer_bank_country
        if escrow_accumulation_id is not UNSET:
            field_dict["EscrowAccumulationId"] = escrow_accumulation_id
        if status_code is not UNSET:
            field_dict["StatusCode"] = status_code
        if culture_name is not UNSET:
            field_dict["CultureName"] = culture_name
        if reason is not UNSET:
            field_dict["Reason"] = reason
        if card_holder_message is not UNSET:
            field_dict["CardHolderMessage"] = card_holder_message
        if type_ is not UNSET:
            field_dict["Type"] = type_
        if refunded is not UNSET:
            field_dict["Refunded"] = refunded
        if name is not UNSET:
            field_dict["Name"] = name
        if token is not UNSET:
            field_dict["Token"] = token
        if subscription_id is not UNSET:
            field_dict["SubscriptionId"] = subscription_id
        if gateway_name is not UNSET:
            field_dict["GatewayName"] = gateway_name
        if android_pay is not UNSET:
            field_dict["AndroidPay"] = android_pay
        if wallet_type is not UNSET:
            field_dict["WalletType"] = wallet_type
        if total_fee is not UNSET:
            field_dict["TotalFee"] = total_fee
        if vat_above_total_fee is not UNSET:
            field_dict["VatAboveTotalFee"] = vat_above_total_fee
        if processor_and_partner_fee is not UNSET:
            field_dict["ProcessorAndPartnerFee"] = processor_and_partner_fee
        if vat_within_processor_fee is not UNSET:
            field_dict["VatWithinProcessorFee"] = vat_within_processor_fee

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason_code = d.pop("ReasonCode")

        transaction_id = d.pop("TransactionId")

        amount = d.pop("Amount")

        currency = d.pop("Currency")

        status = d.pop("Status")

        public_id = d.pop("PublicId", UNSET)

        terminal_url = d.pop("TerminalUrl", UNSET)

        currency_code = d.pop("CurrencyCode", UNSET)

        payment_amount = d.pop("PaymentAmount", UNSET)

        payment_currency = d.pop("PaymentCurrency", UNSET)

        payment_currency_code = d.pop("PaymentCurrencyCode", UNSET)

        def _parse_invoice_id(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        invoice_id = _parse_invoice_id(d.pop("InvoiceId", UNSET))

        def _parse_account_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        account_id = _parse_account_id(d.pop("AccountId", UNSET))

        def _parse_tr_initiator_code(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        tr_initiator_code = _parse_tr_initiator_code(d.pop("TrInitiatorCode", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("Email", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("Description", UNSET))

        def _parse_json_data(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        json_data = _parse_json_data(d.pop("JsonData", UNSET))

        created_date = d.pop("CreatedDate", UNSET)

        created_date_iso = d.pop("CreatedDateIso", UNSET)

        def _parse_auth_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        auth_date = _parse_auth_date(d.pop("AuthDate", UNSET))

        def _parse_auth_date_iso(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        auth_date_iso = _parse_auth_date_iso(d.pop("AuthDateIso", UNSET))

        def _parse_confirm_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        confirm_date = _parse_confirm_date(d.pop("ConfirmDate", UNSET))

        def _parse_confirm_date_iso(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        confirm_date_iso = _parse_confirm_date_iso(d.pop("ConfirmDateIso", UNSET))

        def _parse_payout_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        payout_date = _parse_payout_date(d.pop("PayoutDate", UNSET))

        def _parse_payout_date_iso(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        payout_date_iso = _parse_payout_date_iso(d.pop("PayoutDateIso", UNSET))

        def _parse_payout_amount(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        payout_amount = _parse_payout_amount(d.pop("PayoutAmount", UNSET))

        def _parse_auth_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        auth_code = _parse_auth_code(d.pop("AuthCode", UNSET))

        test_mode = d.pop("TestMode", UNSET)

        def _parse_rrn(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        rrn = _parse_rrn(d.pop("Rrn", UNSET))

        def _parse_original_transaction_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        original_transaction_id = _parse_original_transaction_id(d.pop("OriginalTransactionId", UNSET))

        def _parse_fall_back_scenario_declined_transaction_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        fall_back_scenario_declined_transaction_id = _parse_fall_back_scenario_declined_transaction_id(
            d.pop("FallBackScenarioDeclinedTransactionId", UNSET)
        )

        def _parse_ip_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ip_address = _parse_ip_address(d.pop("IpAddress", UNSET))

        def _parse_ip_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ip_country = _parse_ip_country(d.pop("IpCountry", UNSET))

        def _parse_ip_city(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ip_city = _parse_ip_city(d.pop("IpCity", UNSET))

        def _parse_ip_region(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ip_region = _parse_ip_region(d.pop("IpRegion", UNSET))

        def _parse_ip_district(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ip_district = _parse_ip_district(d.pop("IpDistrict", UNSET))

        def _parse_ip_latitude(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        ip_latitude = _parse_ip_latitude(d.pop("IpLatitude", UNSET))

        def _parse_ip_longitude(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        ip_longitude = _parse_ip_longitude(d.pop("IpLongitude", UNSET))

        def _parse_card_first_six(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        card_first_six = _parse_card_first_six(d.pop("CardFirstSix", UNSET))

        def _parse_card_last_four(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        card_last_four = _parse_card_last_four(d.pop("CardLastFour", UNSET))

        def _parse_card_exp_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        card_exp_date = _parse_card_exp_date(d.pop("CardExpDate", UNSET))

        def _parse_card_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        card_type = _parse_card_type(d.pop("CardType", UNSET))

        def _parse_card_type_code(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        card_type_code = _parse_card_type_code(d.pop("CardTypeCode", UNSET))

        def _parse_card_product(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        card_product = _parse_card_product(d.pop("CardProduct", UNSET))

        def _parse_card_category(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        card_category = _parse_card_category(d.pop("CardCategory", UNSET))

        def _parse_issuer(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        issuer = _parse_issuer(d.pop("Issuer", UNSET))

        def _parse_issuer_bank_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        issuer_bank_country = _parse_issuer_bank_country(d.pop("IssuerBankCountry", UNSET))

        def _parse_escrow_accumulation_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        escrow_accumulation_id = _parse_escrow_accumulation_id(d.pop("EscrowAccumulationId", UNSET))

        status_code = d.pop("StatusCode", UNSET)

        def _parse_culture_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        culture_name = _parse_culture_name(d.pop("CultureName", UNSET))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("Reason", UNSET))

        def _parse_card_holder_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        card_holder_message = _parse_card_holder_message(d.pop("CardHolderMessage", UNSET))

        type_ = d.pop("Type", UNSET)

        refunded = d.pop("Refunded", UNSET)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("Name", UNSET))

        def _parse_token(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        token = _parse_token(d.pop("Token", UNSET))

        def _parse_subscription_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subscription_id = _parse_subscription_id(d.pop("SubscriptionId", UNSET))

        def _parse_gateway_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        gateway_name = _parse_gateway_name(d.pop("GatewayName", UNSET))

        android_pay = d.pop("AndroidPay", UNSET)

        def _parse_wallet_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        wallet_type = _parse_wallet_type(d.pop("WalletType", UNSET))

        def _parse_total_fee(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        total_fee = _parse_total_fee(d.pop("TotalFee", UNSET))

        def _parse_vat_above_total_fee(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        vat_above_total_fee = _parse_vat_above_total_fee(d.pop("VatAboveTotalFee", UNSET))

        def _parse_processor_and_partner_fee(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        processor_and_partner_fee = _parse_processor_and_partner_fee(d.pop("ProcessorAndPartnerFee", UNSET))

        def _parse_vat_within_processor_fee(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        vat_within_processor_fee = _parse_vat_within_processor_fee(d.pop("VatWithinProcessorFee", UNSET))

        transaction = cls(
            reason_code=reason_code,
            transaction_id=transaction_id,
            amount=amount,
            currency=currency,
            status=status,
            public_id=public_id,
            terminal_url=terminal_url,
            currency_code=currency_code,
            payment_amount=payment_amount,
            payment_currency=payment_currency,
            payment_currency_code=payment_currency_code,
            invoice_id=invoice_id,
            account_id=account_id,
            tr_initiator_code=tr_initiator_code,
            email=email,
            description=description,
            json_data=json_data,
            created_date=created_date,
            created_date_iso=created_date_iso,
            auth_date=auth_date,
            auth_date_iso=auth_date_iso,
            confirm_date=confirm_date,
            confirm_date_iso=confirm_date_iso,
            payout_date=payout_date,
            payout_date_iso=payout_date_iso,
            payout_amount=payout_amount,
            auth_code=auth_code,
            test_mode=test_mode,
            rrn=rrn,
            original_transaction_id=original_transaction_id,
            fall_back_scenario_declined_transaction_id=fall_back_scenario_declined_transaction_id,
            ip_address=ip_address,
            ip_country=ip_country,
            ip_city=ip_city,
            ip_region=ip_region,
            ip_district=ip_district,
            ip_latitude=ip_latitude,
            ip_longitude=ip_longitude,
            card_first_six=card_first_six,
            card_last_four=card_last_four,
            card_exp_date=card_exp_date,
            card_type=card_type,
            card_type_code=card_type_code,
            card_product=card_product,
            card_category=card_category,
            issuer=issuer,
            issuer_bank_country=issuer_bank_country,
            escrow_accumulation_id=escrow_accumulation_id,
            status_code=status_code,
            culture_name=culture_name,
            reason=reason,
            card_holder_message=card_holder_message,
            type_=type_,
            refunded=refunded,
            name=name,
            token=token,
            subscription_id=subscription_id,
            gateway_name=gateway_name,
            android_pay=android_pay,
            wallet_type=wallet_type,
            total_fee=total_fee,
            vat_above_total_fee=vat_above_total_fee,
            processor_and_partner_fee=processor_and_partner_fee,
            vat_within_processor_fee=vat_within_processor_fee,
        )

        transaction.additional_properties = d
        return transaction

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
