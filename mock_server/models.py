"""Response models (Transaction, 3-D Secure challenge, Subscription, Order) built from the store's records,
with every property the spec lists and the API's date and amount conventions."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, Final

from mock_server.statuses import SubscriptionStatus, TransactionStatus
from mock_server.store import OrderRecord, SubscriptionRecord, TransactionRecord
from mock_server.vocabulary import Vocabulary

_EN_MESSAGES: Final = {
    0: "Payment successful",
    5051: "Insufficient funds on the card",
    5054: "Check the card details or use another card",
    5206: "Contact your bank or use another card",
}
_RU_MESSAGES: Final = {
    0: "Оплата успешно проведена",
    5051: "Недостаточно средств на карте",
    5054: "Проверьте правильность ввода данных карты или воспользуйтесь другой картой",
    5206: "Свяжитесь с вашим банком или воспользуйтесь другой картой",  # noqa: RUF001
}
DEFAULT_CULTURE: Final = "ru-RU"
# Integers a double (and any JSON client) holds exactly.
_EXACT_INTEGER_LIMIT: Final = 2**53


def ms_date(moment: datetime | None) -> str | None:
    """Microsoft JSON date `/Date(ms)/`, UTC."""
    return None if moment is None else f"/Date({int(moment.timestamp() * 1000)})/"


def iso_date(moment: datetime | None) -> str | None:
    """`yyyy-MM-ddTHH:mm:ss`, UTC, no offset."""
    return None if moment is None else moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")


def money(amount: Decimal) -> int | float:
    """Amounts are JSON numbers: 10 for whole amounts, 12.34 otherwise.

    A whole amount beyond 2**53 stays a float: as an integer it would be refused when sent back
    (integers are limited to int64 on input), so a charge could not be refunded with its own Amount.
    """
    whole = amount == amount.to_integral_value() and abs(amount) <= _EXACT_INTEGER_LIMIT
    return int(amount) if whole else float(amount)


def card_holder_message(code: int, culture: str | None) -> str:
    texts = _EN_MESSAGES if (culture or "").lower().startswith("en") else _RU_MESSAGES
    return texts.get(code, texts[5206])


def json_data_string(value: Any) -> str | None:
    """Requests carry JsonData as an object; transactions return it as a JSON-encoded string."""
    return None if value is None else json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def transaction_model(
    record: TransactionRecord, vocabulary: Vocabulary, public_id: str, terminal_url: str
) -> dict[str, Any]:
    params = record.params
    card = record.card
    culture = params.get("CultureName") or DEFAULT_CULTURE
    currency = record.currency
    awaiting = record.status is TransactionStatus.AWAITING_AUTHENTICATION
    return {
        "ReasonCode": record.reason_code,
        "PublicId": public_id,
        "TerminalUrl": terminal_url,
        "TransactionId": record.transaction_id,
        "Amount": money(record.amount),
        "Currency": currency,
        "CurrencyCode": vocabulary.currency_codes.get(currency, 0),
        "PaymentAmount": money(record.amount),
        "PaymentCurrency": currency,
        "PaymentCurrencyCode": vocabulary.currency_codes.get(currency, 0),
        "InvoiceId": params.get("InvoiceId"),
        "AccountId": params.get("AccountId"),
        "TrInitiatorCode": params.get("TrInitiatorCode"),
        "Email": params.get("Email"),
        "Description": params.get("Description"),
        "JsonData": json_data_string(params.get("JsonData")),
        "CreatedDate": ms_date(record.created),
        "CreatedDateIso": iso_date(record.created),
        "AuthDate": ms_date(record.auth_date),
        "AuthDateIso": iso_date(record.auth_date),
        "ConfirmDate": ms_date(record.confirm_date),
        "ConfirmDateIso": iso_date(record.confirm_date),
        "PayoutDate": None,
        "PayoutDateIso": None,
        "PayoutAmount": None,
        "AuthCode": "A1B2C3" if record.auth_date is not None else None,
        "TestMode": True,
        "Rrn": None,
        "OriginalTransactionId": record.original_transaction_id,
        "FallBackScenarioDeclinedTransactionId": None,
        "IpAddress": params.get("IpAddress"),
        # The mock does not geolocate; the API also answers "" and nulls when it cannot.
        "IpCountry": "",
        "IpCity": None,
        "IpRegion": None,
        "IpDistrict": None,
        "IpLatitude": None,
        "IpLongitude": None,
        "CardFirstSix": card.first_six if card else None,
        "CardLastFour": card.last_four if card else None,
        "CardExpDate": record.card_exp_date,
        "CardType": card.card_type if card else None,
        "CardTypeCode": card.card_type_code if card else None,
        "CardProduct": None,
        "CardCategory": None,
        "Issuer": "CloudPayments" if card and card.test_card else None,
        "IssuerBankCountry": "RU" if card and card.test_card else "FF",
        "EscrowAccumulationId": record.escrow_accumulation_id,
        "Status": record.status,
        "StatusCode": vocabulary.transaction_status_codes[record.status],
        "CultureName": culture,
        "Reason": vocabulary.reason(record.reason_code),
        "CardHolderMessage": None if awaiting else card_holder_message(record.reason_code, culture),
        "Type": 0,
        "Refunded": record.refunded > 0,
        "Name": params.get("Name"),
        "Token": record.token,
        "SubscriptionId": None,
        "GatewayName": "Test",
        "AndroidPay": False,
        "WalletType": "",
        "TotalFee": 0,
        "VatAboveTotalFee": 0,
        "ProcessorAndPartnerFee": None,
        "VatWithinProcessorFee": None,
    }


def pa_req(record: TransactionRecord) -> str:
    """The test ACS's PaReq: "+/" and base64 of a small JSON, as the documented test challenge shows."""
    card = record.card
    payload = {
        "MerchantName": None,
        "FirstSix": card.first_six if card else None,
        "LastFour": card.last_four if card else None,
        "Amount": float(record.amount),
        "CurrencyCode": record.currency,
        "Date": record.created.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00"),
        "CustomerName": record.params.get("Name"),
        "CultureName": record.params.get("CultureName") or DEFAULT_CULTURE,
    }
    encoded = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return "+/" + base64.b64encode(encoded).decode("ascii")


def challenge_model(record: TransactionRecord, acs_url: str, callback_id: str) -> dict[str, Any]:
    return {
        "TransactionId": record.transaction_id,
        "PaReq": record.pa_req,
        "GoReq": None,
        "AcsUrl": acs_url,
        "ThreeDsSessionData": None,
        "IFrameIsAllowed": True,
        "FrameWidth": None,
        "FrameHeight": None,
        "ThreeDsCallbackId": callback_id,
        "EscrowAccumulationId": record.escrow_accumulation_id,
    }


def subscription_model(record: SubscriptionRecord, vocabulary: Vocabulary) -> dict[str, Any]:
    params = record.params
    active = record.status is SubscriptionStatus.ACTIVE
    currency = str(params["Currency"])
    return {
        "Id": record.subscription_id,
        "AccountId": params["AccountId"],
        "Description": params.get("Description"),
        "Email": params.get("Email"),
        "Amount": money(record.amount),
        "CurrencyCode": vocabulary.currency_codes.get(currency, 0),
        "Currency": currency,
        "RequireConfirmation": params["RequireConfirmation"],
        "StartDate": ms_date(record.start),
        "StartDateIso": iso_date(record.start),
        "IntervalCode": vocabulary.interval_codes[str(params["Interval"])],
        "Interval": params["Interval"],
        "Period": params["Period"],
        "MaxPeriods": params.get("MaxPeriods"),
        "CultureName": params.get("CultureName") or DEFAULT_CULTURE,
        "StatusCode": vocabulary.subscription_status_codes[record.status],
        "Status": record.status,
        "SuccessfulTransactionsNumber": 0,
        "FailedTransactionsNumber": 0,
        "LastTransactionDate": None,
        "LastTransactionDateIso": None,
        # No payment has run yet, so the next one is the first: StartDate, until cancelled.
        "NextTransactionDate": ms_date(record.start) if active else None,
        "NextTransactionDateIso": iso_date(record.start) if active else None,
        "Receipt": params.get("CustomerReceipt"),
        "FailoverSchemeId": None,
    }


def order_model(record: OrderRecord, vocabulary: Vocabulary, base_url: str) -> dict[str, Any]:
    params = record.params
    currency = str(params["Currency"])
    return {
        "Id": record.order_id,
        "Number": record.number,
        "Amount": money(record.amount),
        "Currency": currency,
        "CurrencyCode": vocabulary.currency_codes.get(currency, 0),
        "Email": params.get("Email"),
        "Phone": params.get("Phone"),
        "Description": params.get("Description"),
        "RequireConfirmation": params.get("RequireConfirmation", False),
        "Url": f"{base_url}/d/{record.order_id}",
        "CultureName": params.get("CultureName") or DEFAULT_CULTURE,
        "CreatedDate": ms_date(record.created),
        "CreatedDateIso": iso_date(record.created),
        "PaymentDate": ms_date(record.payment_date),
        "PaymentDateIso": iso_date(record.payment_date),
        "StatusCode": record.status.code,
        "Status": record.status,
        "InternalId": record.internal_id,
    }
