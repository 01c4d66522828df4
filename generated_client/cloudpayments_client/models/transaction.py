"""`Transaction`: an object of an answer, read field by field (see `AnswerModel`)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any, ClassVar

from ..types import (
    AnswerModel,
    ReasonCode,
    TransactionStatus,
    read_bool,
    read_datetime,
    read_decimal,
    read_int,
    read_json,
    read_model,
    read_str,
    read_union,
)
from .info_shop_data import InfoShopData
from .transaction_receiver import TransactionReceiver


class Transaction(AnswerModel):
    """A payment transaction. The outcome is in `Status` and `ReasonCode` (see the tables in the introduction);
    unknown status or reason values may appear and are data, not errors.

    Checked when the answer arrives: TransactionId, Status, ReasonCode. Every other field is data: None when absent,
    null or unreadable (the answer as it arrived is in `raw`).
    """

    __slots__ = ()
    _FIELDS: ClassVar[dict[str, str]] = {
        "ReasonCode": "reason_code",
        "TransactionId": "transaction_id",
        "Amount": "amount",
        "Currency": "currency",
        "Status": "status",
        "PublicId": "public_id",
        "TerminalUrl": "terminal_url",
        "CurrencyCode": "currency_code",
        "PaymentAmount": "payment_amount",
        "PaymentCurrency": "payment_currency",
        "PaymentCurrencyCode": "payment_currency_code",
        "InvoiceId": "invoice_id",
        "AccountId": "account_id",
        "TrInitiatorCode": "tr_initiator_code",
        "Email": "email",
        "Description": "description",
        "JsonData": "json_data",
        "CreatedDate": "created_date",
        "CreatedDateIso": "created_date_iso",
        "AuthDate": "auth_date",
        "AuthDateIso": "auth_date_iso",
        "ConfirmDate": "confirm_date",
        "ConfirmDateIso": "confirm_date_iso",
        "PayoutDate": "payout_date",
        "PayoutDateIso": "payout_date_iso",
        "PayoutAmount": "payout_amount",
        "AuthCode": "auth_code",
        "TestMode": "test_mode",
        "Rrn": "rrn",
        "OriginalTransactionId": "original_transaction_id",
        "FallBackScenarioDeclinedTransactionId": "fall_back_scenario_declined_transaction_id",
        "IpAddress": "ip_address",
        "IpCountry": "ip_country",
        "IpCity": "ip_city",
        "IpRegion": "ip_region",
        "IpDistrict": "ip_district",
        "IpLatitude": "ip_latitude",
        "IpLongitude": "ip_longitude",
        "CardFirstSix": "card_first_six",
        "CardLastFour": "card_last_four",
        "CardExpDate": "card_exp_date",
        "CardType": "card_type",
        "CardTypeCode": "card_type_code",
        "CardProduct": "card_product",
        "CardCategory": "card_category",
        "Issuer": "issuer",
        "IssuerBankCountry": "issuer_bank_country",
        "EscrowAccumulationId": "escrow_accumulation_id",
        "StatusCode": "status_code",
        "CultureName": "culture_name",
        "Reason": "reason",
        "CardHolderMessage": "card_holder_message",
        "Type": "type_",
        "Refunded": "refunded",
        "Name": "name",
        "Token": "token",
        "SubscriptionId": "subscription_id",
        "GatewayName": "gateway_name",
        "AndroidPay": "android_pay",
        "WalletType": "wallet_type",
        "TotalFee": "total_fee",
        "VatAboveTotalFee": "vat_above_total_fee",
        "ProcessorAndPartnerFee": "processor_and_partner_fee",
        "VatWithinProcessorFee": "vat_within_processor_fee",
        "TransactionIsInProcess": "transaction_is_in_process",
        "IsLocalOrder": "is_local_order",
        "HideInvoiceId": "hide_invoice_id",
        "MasterPass": "master_pass",
        "Gateway": "gateway",
        "InfoShopData": "info_shop_data",
        "Receiver": "receiver",
    }
    _DECISIVE: ClassVar[tuple[tuple[str, tuple[type, ...]], ...]] = (
        ("ReasonCode", (int,)),
        ("TransactionId", (int,)),
        ("Status", (str,)),
    )

    @property
    def reason_code(self) -> ReasonCode | int:
        """0 when approved, otherwise the decline code (see Reason codes)."""
        value: int = self.raw["ReasonCode"]
        member: ReasonCode | int = ReasonCode._value2member_map_.get(value, value)  # type: ignore[assignment]
        return member

    @property
    def transaction_id(self) -> int:
        """Transaction id."""
        value: int = self.raw["TransactionId"]
        return value

    @property
    def amount(self) -> Decimal | None:
        """Amount in `Currency`."""
        return read_decimal(self, "Amount")

    @property
    def currency(self) -> str | None:
        """Currency letter code."""
        return read_str(self, "Currency")

    @property
    def status(self) -> TransactionStatus | str:
        """`AwaitingAuthentication`, `Authorized`, `Completed`, `Cancelled` or `Declined`; a QR payment or a
        payout in progress also `Created` or `Pending`, a payout `Failed` (see Transaction statuses)."""
        value: str = self.raw["Status"]
        member: TransactionStatus | str = TransactionStatus._value2member_map_.get(value, value)  # type: ignore[assignment]
        return member

    @property
    def public_id(self) -> str | None:
        """Public ID of the terminal."""
        return read_str(self, "PublicId")

    @property
    def terminal_url(self) -> str | None:
        """Address of the merchant's site."""
        return read_str(self, "TerminalUrl")

    @property
    def currency_code(self) -> int | None:
        """Currency code (0 = RUB)."""
        return read_int(self, "CurrencyCode")

    @property
    def payment_amount(self) -> Decimal | None:
        """Amount debited from the payer (may differ after conversion)."""
        return read_decimal(self, "PaymentAmount")

    @property
    def payment_currency(self) -> str | None:
        """`PaymentCurrency`"""
        return read_str(self, "PaymentCurrency")

    @property
    def payment_currency_code(self) -> int | None:
        """`PaymentCurrencyCode`"""
        return read_int(self, "PaymentCurrencyCode")

    @property
    def invoice_id(self) -> str | int | None:
        """Order number (one documented answer carries it as a number)."""
        value: str | int | None = read_union(
            self,
            "InvoiceId",
            (
                str,
                int,
            ),
            "str | int | None",
        )
        return value

    @property
    def account_id(self) -> str | None:
        """`AccountId`"""
        return read_str(self, "AccountId")

    @property
    def tr_initiator_code(self) -> int | None:
        """Echo of the token payment's initiator."""
        return read_int(self, "TrInitiatorCode")

    @property
    def email(self) -> str | None:
        """`Email`"""
        return read_str(self, "Email")

    @property
    def description(self) -> str | None:
        """`Description`"""
        return read_str(self, "Description")

    @property
    def json_data(self) -> Any:
        """The request's `JsonData`: a JSON-encoded string as the reference documents it (the mock answers so),
        or the object itself, as some servers send it; the client decodes both into the same value."""
        return read_json(self, "JsonData")

    @property
    def created_date(self) -> datetime | None:
        """Microsoft JSON date, `/Date(<milliseconds since the epoch, UTC>)/`."""
        return read_datetime(self, "CreatedDate", "ms")

    @property
    def created_date_iso(self) -> datetime | None:
        """`yyyy-MM-ddTHH:mm:ss`, UTC, without an offset."""
        return read_datetime(self, "CreatedDateIso", "iso")

    @property
    def auth_date(self) -> datetime | None:
        """`AuthDate`"""
        return read_datetime(self, "AuthDate", "ms")

    @property
    def auth_date_iso(self) -> datetime | None:
        """`AuthDateIso`"""
        return read_datetime(self, "AuthDateIso", "iso")

    @property
    def confirm_date(self) -> datetime | None:
        """Null until captured."""
        return read_datetime(self, "ConfirmDate", "ms")

    @property
    def confirm_date_iso(self) -> datetime | None:
        """`ConfirmDateIso`"""
        return read_datetime(self, "ConfirmDateIso", "iso")

    @property
    def payout_date(self) -> datetime | None:
        """Settlement to the merchant."""
        return read_datetime(self, "PayoutDate", "ms")

    @property
    def payout_date_iso(self) -> datetime | None:
        """`PayoutDateIso`"""
        return read_datetime(self, "PayoutDateIso", "iso")

    @property
    def payout_amount(self) -> Decimal | None:
        """`PayoutAmount`"""
        return read_decimal(self, "PayoutAmount")

    @property
    def auth_code(self) -> str | None:
        """Authorization code (`A1B2C3` in test mode)."""
        return read_str(self, "AuthCode")

    @property
    def test_mode(self) -> bool | None:
        """`TestMode`"""
        return read_bool(self, "TestMode")

    @property
    def rrn(self) -> str | None:
        """`Rrn`"""
        return read_str(self, "Rrn")

    @property
    def original_transaction_id(self) -> int | None:
        """`OriginalTransactionId`"""
        return read_int(self, "OriginalTransactionId")

    @property
    def fall_back_scenario_declined_transaction_id(self) -> int | None:
        """`FallBackScenarioDeclinedTransactionId`"""
        return read_int(self, "FallBackScenarioDeclinedTransactionId")

    @property
    def ip_address(self) -> str | None:
        """`IpAddress`"""
        return read_str(self, "IpAddress")

    @property
    def ip_country(self) -> str | None:
        """`IpCountry`"""
        return read_str(self, "IpCountry")

    @property
    def ip_city(self) -> str | None:
        """`IpCity`"""
        return read_str(self, "IpCity")

    @property
    def ip_region(self) -> str | None:
        """`IpRegion`"""
        return read_str(self, "IpRegion")

    @property
    def ip_district(self) -> str | None:
        """`IpDistrict`"""
        return read_str(self, "IpDistrict")

    @property
    def ip_latitude(self) -> Decimal | None:
        """`IpLatitude`"""
        return read_decimal(self, "IpLatitude")

    @property
    def ip_longitude(self) -> Decimal | None:
        """`IpLongitude`"""
        return read_decimal(self, "IpLongitude")

    @property
    def card_first_six(self) -> str | None:
        """`CardFirstSix`"""
        return read_str(self, "CardFirstSix")

    @property
    def card_last_four(self) -> str | None:
        """`CardLastFour`"""
        return read_str(self, "CardLastFour")

    @property
    def card_exp_date(self) -> str | None:
        """`MM/YY`."""
        return read_str(self, "CardExpDate")

    @property
    def card_type(self) -> str | None:
        """`Visa`, `Mastercard`, `Maestro`, `МИР`..."""
        return read_str(self, "CardType")

    @property
    def card_type_code(self) -> int | None:
        """`CardTypeCode`"""
        return read_int(self, "CardTypeCode")

    @property
    def card_product(self) -> str | None:
        """`CardProduct`"""
        return read_str(self, "CardProduct")

    @property
    def card_category(self) -> str | None:
        """`CardCategory`"""
        return read_str(self, "CardCategory")

    @property
    def issuer(self) -> str | None:
        """`Issuer`"""
        return read_str(self, "Issuer")

    @property
    def issuer_bank_country(self) -> str | None:
        """`IssuerBankCountry`"""
        return read_str(self, "IssuerBankCountry")

    @property
    def escrow_accumulation_id(self) -> str | None:
        """`EscrowAccumulationId`"""
        return read_str(self, "EscrowAccumulationId")

    @property
    def status_code(self) -> int | None:
        """The code of `Status` (see Transaction statuses)."""
        return read_int(self, "StatusCode")

    @property
    def culture_name(self) -> str | None:
        """`CultureName`"""
        return read_str(self, "CultureName")

    @property
    def reason(self) -> str | None:
        """Name of the reason code without spaces, e.g. `Approved`, `InsufficientFunds`."""
        return read_str(self, "Reason")

    @property
    def card_holder_message(self) -> str | None:
        """Text to show the payer."""
        return read_str(self, "CardHolderMessage")

    @property
    def type_(self) -> int | None:
        """0 = payment, 2 = payout (documented); a refund carries another value, undocumented (the mock uses
        1)."""
        return read_int(self, "Type")

    @property
    def refunded(self) -> bool | None:
        """`Refunded`"""
        return read_bool(self, "Refunded")

    @property
    def name(self) -> str | None:
        """Card holder's name."""
        return read_str(self, "Name")

    @property
    def token(self) -> str | None:
        """Card token for later token payments."""
        return read_str(self, "Token")

    @property
    def subscription_id(self) -> str | None:
        """`SubscriptionId`"""
        return read_str(self, "SubscriptionId")

    @property
    def gateway_name(self) -> str | None:
        """`Test` in test mode."""
        return read_str(self, "GatewayName")

    @property
    def android_pay(self) -> bool | None:
        """`AndroidPay`"""
        return read_bool(self, "AndroidPay")

    @property
    def wallet_type(self) -> str | None:
        """`WalletType`"""
        return read_str(self, "WalletType")

    @property
    def total_fee(self) -> Decimal | None:
        """`TotalFee`"""
        return read_decimal(self, "TotalFee")

    @property
    def vat_above_total_fee(self) -> Decimal | None:
        """`VatAboveTotalFee`"""
        return read_decimal(self, "VatAboveTotalFee")

    @property
    def processor_and_partner_fee(self) -> Decimal | None:
        """`ProcessorAndPartnerFee`"""
        return read_decimal(self, "ProcessorAndPartnerFee")

    @property
    def vat_within_processor_fee(self) -> Decimal | None:
        """`VatWithinProcessorFee`"""
        return read_decimal(self, "VatWithinProcessorFee")

    @property
    def transaction_is_in_process(self) -> bool | None:
        """Payouts: true while the bank still processes it (`Status: Created`)."""
        return read_bool(self, "TransactionIsInProcess")

    @property
    def is_local_order(self) -> bool | None:
        """`IsLocalOrder`"""
        return read_bool(self, "IsLocalOrder")

    @property
    def hide_invoice_id(self) -> bool | None:
        """`HideInvoiceId`"""
        return read_bool(self, "HideInvoiceId")

    @property
    def master_pass(self) -> bool | None:
        """`MasterPass`"""
        return read_bool(self, "MasterPass")

    @property
    def gateway(self) -> int | None:
        """`Gateway`"""
        return read_int(self, "Gateway")

    @property
    def info_shop_data(self) -> InfoShopData | None:
        """`InfoShopData`"""
        return read_model(self, "InfoShopData", InfoShopData)

    @property
    def receiver(self) -> TransactionReceiver | None:
        """Payouts: the recipient, with the fields of `Payer`."""
        return read_model(self, "Receiver", TransactionReceiver)
