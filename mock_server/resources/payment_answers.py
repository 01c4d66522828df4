"""What payments answer: the Transaction model with every property the spec lists, the 3-D Secure
challenge and its PaReq, and the card holder's message."""

from __future__ import annotations

import base64
import json
from datetime import UTC
from typing import TYPE_CHECKING, Any, Final

from mock_server.statuses import TransactionStatus
from mock_server.values import DEFAULT_CULTURE, iso_date, json_data_string, money, ms_date
from mock_server.vocabulary import ReasonCode, Vocabulary

if TYPE_CHECKING:
    from mock_server.ledger import TransactionRecord

_EN_MESSAGES: Final[dict[int, str]] = {
    ReasonCode.APPROVED: "Payment successful",
    ReasonCode.AMOUNT_ERROR: "Check the amount",
    ReasonCode.INSUFFICIENT_FUNDS: "Insufficient funds on the card",
    ReasonCode.EXPIRED_CARD: "Check the card details or use another card",
    ReasonCode.AUTHENTICATION_FAILED: "Contact your bank or use another card",
}
_RU_MESSAGES: Final[dict[int, str]] = {
    ReasonCode.APPROVED: "Оплата успешно проведена",
    ReasonCode.AMOUNT_ERROR: "Проверьте корректность суммы",
    ReasonCode.INSUFFICIENT_FUNDS: "Недостаточно средств на карте",
    ReasonCode.EXPIRED_CARD: "Проверьте правильность ввода данных карты или воспользуйтесь другой картой",
    ReasonCode.AUTHENTICATION_FAILED: "Свяжитесь с вашим банком или воспользуйтесь другой картой",  # noqa: RUF001
}


def card_holder_message(code: int, culture: str | None) -> str:
    texts = _EN_MESSAGES if (culture or "").lower().startswith("en") else _RU_MESSAGES
    return texts.get(code, texts[ReasonCode.AUTHENTICATION_FAILED])


def transaction_model(
    record: TransactionRecord, vocabulary: Vocabulary, public_id: str, terminal_url: str
) -> dict[str, Any]:
    params = record.params
    card = record.card
    culture = params.get("CultureName") or DEFAULT_CULTURE
    currency = record.currency
    # No outcome to tell the card holder yet.
    awaiting = record.status in (TransactionStatus.AWAITING_AUTHENTICATION, TransactionStatus.CREATED)
    amount = money(record.amount)
    currency_code = vocabulary.currency_codes.get(currency, 0)
    auth_ms, auth_iso = ms_date(record.auth_date), iso_date(record.auth_date)
    # A charge is confirmed the moment it is authorized: its two dates are written once.
    if record.confirm_date is record.auth_date:
        confirm_ms, confirm_iso = auth_ms, auth_iso
    else:
        confirm_ms, confirm_iso = ms_date(record.confirm_date), iso_date(record.confirm_date)
    test_card = bool(card and card.test_card)
    model: dict[str, Any] = {
        "ReasonCode": record.reason_code,
        "PublicId": public_id,
        "TerminalUrl": terminal_url,
        "TransactionId": record.transaction_id,
        "Amount": amount,
        "Currency": currency,
        "CurrencyCode": currency_code,
        "PaymentAmount": amount,
        "PaymentCurrency": currency,
        "PaymentCurrencyCode": currency_code,
        "InvoiceId": params.get("InvoiceId"),
        "AccountId": params.get("AccountId"),
        "TrInitiatorCode": params.get("TrInitiatorCode"),
        "Email": params.get("Email"),
        "Description": params.get("Description"),
        "JsonData": json_data_string(params.get("JsonData")),
        "CreatedDate": ms_date(record.created),
        "CreatedDateIso": iso_date(record.created),
        "AuthDate": auth_ms,
        "AuthDateIso": auth_iso,
        "ConfirmDate": confirm_ms,
        "ConfirmDateIso": confirm_iso,
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
        "Issuer": "CloudPayments" if test_card else None,
        "IssuerBankCountry": "RU" if test_card else "FF",
        "EscrowAccumulationId": record.escrow_accumulation_id,
        "Status": record.status,
        "StatusCode": status_code(record.status, vocabulary),
        "CultureName": culture,
        "Reason": vocabulary.reason(record.reason_code),
        "CardHolderMessage": None if awaiting else card_holder_message(record.reason_code, culture),
        "Type": vocabulary.transaction_type_codes[record.kind.value.capitalize()],
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
        # Payouts are decided at once by the mock: never `Created` while the bank works on them.
        "TransactionIsInProcess": False,
        "IsLocalOrder": False,
        "HideInvoiceId": False,
        "MasterPass": False,
        "Gateway": 0,
        "InfoShopData": None,
        "Receiver": params.get("Receiver") if record.kind == "payout" else None,
    }
    return model


def status_code(status: TransactionStatus, vocabulary: Vocabulary) -> int:
    """The Transaction model's StatusCode (an integer there): Pending, which has no code documented, is a
    Created payment the payer has opened, and answers Created's code."""
    codes = vocabulary.transaction_status_codes
    code = codes[status]
    if code is None:
        code = codes[TransactionStatus.CREATED]
    if code is None:
        raise ValueError(f"no status code for {status}")
    return code


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
