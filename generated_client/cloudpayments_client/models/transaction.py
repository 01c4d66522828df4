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
    read_str,
    read_union,
)


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
        """`AwaitingAuthentication`, `Authorized`, `Completed`, `Cancelled` or `Declined` (see Transaction
        statuses)."""
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
    def invoice_id(self) -> str | int | None | None:
        """Order number (one documented answer carries it as a number)."""
        value: str | int | None | None = read_union(
            self,
            "InvoiceId",
            (
                str,
                int,
                type(None),
            ),
            "str | int | None | None",
        )
        return value

    @property
    def account_id(self) -> str | None | None:
        """`AccountId`"""
        value: str | None | None = read_union(
            self,
            "AccountId",
            (
                str,
                type(None),
            ),
            "str | None | None",
        )
        return value

    @property
    def tr_initiator_code(self) -> int | None | None:
        """Echo of the token payment's initiator."""
        value: int | None | None = read_union(
            self,
            "TrInitiatorCode",
            (
                int,
                type(None),
            ),
            "int | None | None",
        )
        return value

    @property
    def email(self) -> str | None | None:
        """`Email`"""
        value: str | None | None = read_union(
            self,
            "Email",
            (
                str,
                type(None),
            ),
            "str | None | None",
        )
        return value

    @property
    def description(self) -> str | None | None:
        """`Description`"""
        value: str | None | None = read_union(
            self,
            "Description",
            (
                str,
                type(None),
            ),
            "str | None | None",
        )
        return value

    @property
    def json_data(self) -> Any:
        """The request's `JsonData` as a JSON-encoded string."""
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
    def payout_amount(self) -> Decimal | None | None:
        """`PayoutAmount`"""
        value: Decimal | None | None = read_union(
            self,
            "PayoutAmount",
            (
                Decimal,
                type(None),
            ),
            "Decimal | None | None",
        )
        return value

    @property
    def auth_code(self) -> str | None | None:
        """Authorization code (`A1B2C3` in test mode)."""
        value: str | None | None = read_union(
            self,
            "AuthCode",
            (
                str,
                type(None),
            ),
            "str | None | None",
        )
        return value

    @property
    def test_mode(self) -> bool | None:
        """`TestMode`"""
        return read_bool(self, "TestMode")

    @property
    def rrn(self) -> str | None | None:
        """`Rrn`"""
        value: str | None | None = read_union(
            self,
            "Rrn",
            (
                str,
                type(None),
            ),
            "str | None | None",
        )
        return value

    @property
    def original_transaction_id(self) -> int | None | None:
        """`OriginalTransactionId`"""
        value: int | None | None = read_union(
            self,
            "OriginalTransactionId",
            (
                int,
                type(None),
            ),
            "int | None | None",
        )
        return value

    @property
    def fall_back_scenario_declined_transaction_id(self) -> int | None | None:
        """`FallBackScenarioDeclinedTransactionId`"""
        value: int | None | None = read_union(
            self,
            "FallBackScenarioDeclinedTransactionId",
            (
                int,
                type(None),
            ),
            "int | None | None",
        )
        return value

    @property
    def ip_address(self) -> str | None | None:
        """`IpAddress`"""
        value: str | None | None = read_union(
            self,
            "IpAddress",
            (
                str,
                type(None),
            ),
            "str | None | None",
        )
        return value

    @property
    def ip_country(self) -> str | None | None:
        """`IpCountry`"""
        value: str | None | None = read_union(
            self,
            "IpCountry",
            (
                str,
                type(None),
            ),
            "str | None | None",
        )
        return value

    @property
    def ip_city(self) -> str | None | None:
        """`IpCity`"""
        value: str | None | None = read_union(
            self,
            "IpCity",
            (
                str,
                type(None),
            ),
            "str | None | None",
        )
        return value

    @property
    def ip_region(self) -> str | None | None:
        """`IpRegion`"""
        value: str | None | None = read_union(
            self,
            "IpRegion",
            (
                str,
                type(None),
            ),
            "str | None | None",
        )
        return value

    @property
    def ip_district(self) -> str | None | None:
        """`IpDistrict`"""
        value: str | None | None = read_union(
            self,
            "IpDistrict",
            (
                str,
                type(None),
            ),
            "str | None | None",
        )
        return value

    @property
    def ip_latitude(self) -> Decimal | None | None:
        """`IpLatitude`"""
        value: Decimal | None | None = read_union(
            self,
            "IpLatitude",
            (
                Decimal,
                type(None),
            ),
            "Decimal | None | None",
        )
        return value

    @property
    def ip_longitude(self) -> Decimal | None | None:
        """`IpLongitude`"""
        value: Decimal | None | None = read_union(
            self,
            "IpLongitude",
            (
                Decimal,
                type(None),
            ),
            "Decimal | None | None",
        )
        return value

    @property
    def card_first_six(self) -> str | None | None:
        """`CardFirstSix`"""
        value: str | None | None = read_union(
            self,
            "CardFirstSix",
            (
                str,
                type(None),
            ),
            "str | None | None",
        )
        return value

    @property
    def card_last_four(self) -> str | None | None:
        """`CardLastFour`"""
        value: str | None | None = read_union(
            self,
            "CardLastFour",
            (
                str,
                type(None),
            ),
            "str | None | None",
        )
        return value

    @property
    def card_exp_date(self) -> str | None | None:
        """`MM/YY`."""
        value: str | None | None = read_union(
            self,
            "CardExpDate",
            (
                str,
                type(None),
            ),
            "str | None | None",
        )
        return value

    @property
    def card_type(self) -> str | None | None:
        """`Visa`, `Mastercard`, `Maestro`, `МИР`..."""
        value: str | None | None = read_union(
            self,
            "CardType",
            (
                str,
                type(None),
            ),
            "str | None | None",
        )
        return value

    @property
    def card_type_code(self) -> int | None | None:
        """`CardTypeCode`"""
        value: int | None | None = read_union(
            self,
            "CardTypeCode",
            (
                int,
                type(None),
            ),
            "int | None | None",
        )
        return value

    @property
    def card_product(self) -> str | None | None:
        """`CardProduct`"""
        value: str | None | None = read_union(
            self,
            "CardProduct",
            (
                str,
                type(None),
            ),
            "str | None | None",
        )
        return value

    @property
    def card_category(self) -> str | None | None:
        """`CardCategory`"""
        value: str | None | None = read_union(
            self,
            "CardCategory",
            (
                str,
                type(None),
            ),
            "str | None | None",
        )
        return value

    @property
    def issuer(self) -> str | None | None:
        """`Issuer`"""
        value: str | None | None = read_union(
            self,
            "Issuer",
            (
                str,
                type(None),
            ),
            "str | None | None",
        )
        return value

    @property
    def issuer_bank_country(self) -> str | None | None:
        """`IssuerBankCountry`"""
        value: str | None | None = read_union(
            self,
            "IssuerBankCountry",
            (
                str,
                type(None),
            ),
            "str | None | None",
        )
        return value

    @property
    def escrow_accumulation_id(self) -> str | None | None:
        """`EscrowAccumulationId`"""
        value: str | None | None = read_union(
            self,
            "EscrowAccumulationId",
            (
                str,
                type(None),
            ),
            "str | None | None",
        )
        return value

    @property
    def status_code(self) -> int | None:
        """The code of `Status` (see Transaction statuses)."""
        return read_int(self, "StatusCode")

    @property
    def culture_name(self) -> str | None | None:
        """`CultureName`"""
        value: str | None | None = read_union(
            self,
            "CultureName",
            (
                str,
                type(None),
            ),
            "str | None | None",
        )
        return value

    @property
    def reason(self) -> str | None | None:
        """Name of the reason code without spaces, e.g. `Approved`, `InsufficientFunds`."""
        value: str | None | None = read_union(
            self,
            "Reason",
            (
                str,
                type(None),
            ),
            "str | None | None",
        )
        return value

    @property
    def card_holder_message(self) -> str | None | None:
        """Text to show the payer."""
        value: str | None | None = read_union(
            self,
            "CardHolderMessage",
            (
                str,
                type(None),
            ),
            "str | None | None",
        )
        return value

    @property
    def type_(self) -> int | None:
        """0 = payment, 2 = payout."""
        return read_int(self, "Type")

    @property
    def refunded(self) -> bool | None:
        """`Refunded`"""
        return read_bool(self, "Refunded")

    @property
    def name(self) -> str | None | None:
        """Card holder's name."""
        value: str | None | None = read_union(
            self,
            "Name",
            (
                str,
                type(None),
            ),
            "str | None | None",
        )
        return value

    @property
    def token(self) -> str | None | None:
        """Card token for later token payments."""
        value: str | None | None = read_union(
            self,
            "Token",
            (
                str,
                type(None),
            ),
            "str | None | None",
        )
        return value

    @property
    def subscription_id(self) -> str | None | None:
        """`SubscriptionId`"""
        value: str | None | None = read_union(
            self,
            "SubscriptionId",
            (
                str,
                type(None),
            ),
            "str | None | None",
        )
        return value

    @property
    def gateway_name(self) -> str | None | None:
        """`Test` in test mode."""
        value: str | None | None = read_union(
            self,
            "GatewayName",
            (
                str,
                type(None),
            ),
            "str | None | None",
        )
        return value

    @property
    def android_pay(self) -> bool | None:
        """`AndroidPay`"""
        return read_bool(self, "AndroidPay")

    @property
    def wallet_type(self) -> str | None | None:
        """`WalletType`"""
        value: str | None | None = read_union(
            self,
            "WalletType",
            (
                str,
                type(None),
            ),
            "str | None | None",
        )
        return value

    @property
    def total_fee(self) -> Decimal | None | None:
        """`TotalFee`"""
        value: Decimal | None | None = read_union(
            self,
            "TotalFee",
            (
                Decimal,
                type(None),
            ),
            "Decimal | None | None",
        )
        return value

    @property
    def vat_above_total_fee(self) -> Decimal | None | None:
        """`VatAboveTotalFee`"""
        value: Decimal | None | None = read_union(
            self,
            "VatAboveTotalFee",
            (
                Decimal,
                type(None),
            ),
            "Decimal | None | None",
        )
        return value

    @property
    def processor_and_partner_fee(self) -> Decimal | None | None:
        """`ProcessorAndPartnerFee`"""
        value: Decimal | None | None = read_union(
            self,
            "ProcessorAndPartnerFee",
            (
                Decimal,
                type(None),
            ),
            "Decimal | None | None",
        )
        return value

    @property
    def vat_within_processor_fee(self) -> Decimal | None | None:
        """`VatWithinProcessorFee`"""
        value: Decimal | None | None = read_union(
            self,
            "VatWithinProcessorFee",
            (
                Decimal,
                type(None),
            ),
            "Decimal | None | None",
        )
        return value
