"""`cloudpayments_client.webhooks`: signatures checked both ways (signed here with plain hmac/base64, never
with the module's own signer), each notification kind read from a body built from the parameter table of the
facts' §7, and the answers against the documented ones (`webhook_answers/`, copied from the documentation's
examples)."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import hmac
import json
import re
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Final

import pytest
from cloudpayments_client import (
    CloudPaymentsError,
    ConfigurationError,
    InvalidArgumentError,
    InvalidNotificationError,
    InvalidSignatureError,
    webhooks,
)
from cloudpayments_client.webhooks import (
    CancelNotification,
    CheckCode,
    CheckNotification,
    ConfirmNotification,
    FailNotification,
    NotificationKind,
    PayNotification,
    ReceiptNotification,
    RecurrentNotification,
    RefundNotification,
)
from starlette.datastructures import Headers

from mock_server.webhooks.encoding import build_request
from mock_server.webhooks.settings import Body, Encoding, HttpMethod, NotificationSettings, NotificationType

# A recognisable secret, with a non-ASCII letter (the key is the secret's UTF-8 bytes).
SECRET: Final = "sk_WEBHOOK_SECRET_не_показывать_91c4"
ANSWERS: Final = Path(__file__).parent / "webhook_answers"
FORM_UTF8: Final = "application/x-www-form-urlencoded; charset=utf-8"
FORM_1251: Final = "application/x-www-form-urlencoded; charset=windows-1251"
JSON_UTF8: Final = "application/json; charset=utf-8"
Pairs = list[tuple[str, str]]

# What System.Web.HttpUtility.UrlEncode leaves as it is; every other byte is `%xx` in lower case, a space `+`.
_UNRESERVED: Final = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!*()")


def dotnet_form(pairs: Pairs, charset: str = "utf-8") -> bytes:
    def escape(text: str) -> str:
        return "".join(
            chr(byte) if byte in _UNRESERVED else "+" if byte == 0x20 else f"%{byte:02x}"
            for byte in text.encode(charset)
        )

    return "&".join(f"{escape(name)}={escape(value)}" for name, value in pairs).encode("ascii")


def hmac_b64(message: bytes, secret: str = SECRET) -> str:
    digest = hmac.new(secret.encode("utf-8"), message, hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


def url_decoded(body: bytes, charset: str = "utf-8") -> bytes:
    """The form URL-decoded as the sender's text (`+` a space, `%xx` its byte), in the sender's charset."""
    from urllib.parse import unquote_plus

    return unquote_plus(body.decode("ascii"), encoding=charset).encode(charset)


def signed(
    body: bytes,
    *,
    content_type: str = FORM_UTF8,
    secret: str = SECRET,
    which: str = "both",
    charset: str = "utf-8",
) -> dict[str, str]:
    headers = {"Content-Type": content_type}
    if which in ("both", "content"):
        headers["Content-HMAC"] = hmac_b64(body, secret)
    if which in ("both", "x"):
        decoded = body if "json" in content_type else url_decoded(body, charset)
        headers["X-Content-HMAC"] = hmac_b64(decoded, secret)
    return headers


# ------------------------------------------------------------------------------------------------------------
# Realistic parameters of each kind (facts §7: required ones, and optional ones CloudPayments sends).

DATA_JSON: Final = '{"myProp":"значение","cart":[{"sku":"A-1","price":10.10}]}'

CARD: Final[Pairs] = [
    ("TransactionId", "1504648"),
    ("Amount", "10.10"),
    ("Currency", "RUB"),
    ("PaymentAmount", "10.10"),
    ("PaymentCurrency", "RUB"),
    ("DateTime", "2026-11-29 03:20:47"),
    ("CardFirstSix", "424242"),
    ("CardLastFour", "4242"),
    ("CardType", "Visa"),
    ("CardExpDate", "12/28"),
    ("TestMode", "1"),
]
ORDER: Final[Pairs] = [
    ("InvoiceId", "1234567"),
    ("AccountId", "user_x@example.com"),
    ("Email", "user_x@example.com"),
    ("Name", "CARDHOLDER NAME"),
    ("IpAddress", "123.123.123.123"),
    ("IpCountry", "RU"),
    ("IpCity", "Москва"),
    ("IpRegion", "Москва"),
    ("IpDistrict", "Центральный федеральный округ"),
    ("IpLatitude", "55.75222"),
    ("IpLongitude", "37.61556"),
    ("Issuer", "Sberbank of Russia"),
    ("IssuerBankCountry", "RU"),
    ("Description", "Оплата товаров в example.com (заказ №1234567) & доставка"),
    ("Data", DATA_JSON),
    ("PaymentMethod", "ApplePay"),
]

BODIES: Final[dict[NotificationKind, Pairs]] = {
    NotificationKind.CHECK: [
        *CARD,
        ("Status", "Completed"),
        ("OperationType", "Payment"),
        ("CardId", "c_7f1e9a"),
        ("TokenRecipient", "tk_recipient_1"),
        ("CardProduct", "C"),
        *ORDER,
    ],
    NotificationKind.PAY: [
        *CARD,
        ("Status", "Completed"),
        ("OperationType", "Payment"),
        ("GatewayName", "Tinkoff"),
        ("CardId", "c_7f1e9a"),
        *ORDER,
        ("AuthCode", "A1B2C3"),
        ("Token", "tk_020d3ab5e3ec7d7d04f1b6cb0a6c8c9b"),
        ("TotalFee", "0.29"),
        ("CardProduct", "C"),
        ("FallBackScenarioDeclinedTransactionId", "1504647"),
        ("Rrn", "432109876543"),
        ("VatAboveTotalFee", "0.06"),
        ("ProcessorAndPartnerFee", "0.12"),
        ("VatWithinProcessorFee", "0.02"),
        ("EscrowAccumulationId", "esc_1"),
    ],
    NotificationKind.FAIL: [
        *CARD,
        ("Reason", "InsufficientFunds"),
        ("ReasonCode", "5051"),
        ("OperationType", "Payment"),
        *ORDER,
        ("Token", "tk_020d3ab5e3ec7d7d04f1b6cb0a6c8c9b"),
        ("Rrn", "432109876544"),
        ("RetryAfter", "60"),
        ("ProviderMessage", "Недостаточно средств"),
    ],
    NotificationKind.CONFIRM: [
        *CARD,
        ("Status", "Completed"),
        *ORDER,
        ("AuthCode", "A1B2C3"),
        ("Rrn", "432109876545"),
    ],
    NotificationKind.REFUND: [
        ("TransactionId", "1504700"),
        ("PaymentTransactionId", "1504648"),
        ("Amount", "5.05"),
        ("DateTime", "2026-11-30 10:00:00"),
        ("OperationType", "Refund"),
        ("InvoiceId", "1234567"),
        ("AccountId", "user_x@example.com"),
        ("Email", "user_x@example.com"),
        ("Data", DATA_JSON),
        ("Rrn", "432109876546"),
    ],
    NotificationKind.RECURRENT: [
        ("Id", "sc_8cf8a9338fb8ebf7202b08d09c938"),
        ("AccountId", "user_x@example.com"),
        ("Description", "Ежемесячная подписка на сервис example.com"),
        ("Email", "user_x@example.com"),
        ("Amount", "1.02"),
        ("Currency", "RUB"),
        ("RequireConfirmation", "0"),
        ("StartDate", "2026-12-01 08:00:00"),
        ("Interval", "Month"),
        ("Period", "1"),
        ("Status", "PastDue"),
        ("SuccessfulTransactionsNumber", "3"),
        ("FailedTransactionsNumber", "1"),
        ("MaxPeriods", "12"),
        ("LastTransactionDate", "2026-11-01 08:00:00"),
        ("NextTransactionDate", "2026-12-01 08:00:00"),
    ],
    NotificationKind.CANCEL: [
        ("TransactionId", "1504648"),
        ("Amount", "10.10"),
        ("DateTime", "2026-11-29 04:00:00"),
        ("InvoiceId", "1234567"),
        ("AccountId", "user_x@example.com"),
        ("Email", "user_x@example.com"),
        ("Data", DATA_JSON),
        ("Rrn", "432109876547"),
    ],
    # The CloudKassir reference's table (#receipt): its required parameters first, then the optional ones.
    NotificationKind.RECEIPT: [
        ("Id", "2E5B4E4C-64E8-4B8A-9A5F-1D2C3B4A5F60"),
        ("DocumentNumber", "1234"),
        ("SessionNumber", "12"),
        ("Number", "4"),
        ("FiscalSign", "2803925017"),
        ("DeviceNumber", "0000000000012345"),
        ("RegNumber", "0000000001000123"),
        ("FiscalNumber", "9999078900001234"),
        ("Inn", "0274062111"),
        ("Type", "Income"),
        ("Ofd", "Первый ОФД"),
        ("Url", "https://receipts.ru/2E5B4E4C-64E8-4B8A-9A5F-1D2C3B4A5F60"),
        ("QrCodeUrl", "https://qr.cloudpayments.ru/receipt?q=t%3d20261129T0320%26s%3d10.10"),
        ("TransactionId", "1504648"),
        ("Amount", "10.10"),
        ("DateTime", "2026-11-29 03:20:50"),
        ("InvoiceId", "1234567"),
        ("AccountId", "user_x@example.com"),
        (
            "Receipt",
            '{"Items":[{"label":"Товар","price":10.10,"quantity":1.0,"amount":10.10}],"Email":"user_x@example.com"}',
        ),
        ("CalculationPlace", "example.com"),
        ("CashierName", "Иванова Анна"),
        ("SettlePlace", "Москва"),
    ],
}
CLASSES: Final = {
    NotificationKind.CHECK: CheckNotification,
    NotificationKind.PAY: PayNotification,
    NotificationKind.FAIL: FailNotification,
    NotificationKind.CONFIRM: ConfirmNotification,
    NotificationKind.REFUND: RefundNotification,
    NotificationKind.RECURRENT: RecurrentNotification,
    NotificationKind.CANCEL: CancelNotification,
    NotificationKind.RECEIPT: ReceiptNotification,
}
# The first parameter of each kind is required (facts §7).
REQUIRED_FIRST: Final = {kind: pairs[0][0] for kind, pairs in BODIES.items()}


def form_of(kind: NotificationKind, charset: str = "utf-8") -> bytes:
    return dotnet_form(BODIES[kind], charset)


def parse_form(
    kind: NotificationKind, pairs: Pairs | None = None, *, named: str | None = None
) -> webhooks.Notification:
    body = dotnet_form(BODIES[kind] if pairs is None else pairs)
    return webhooks.parse(body, signed(body), SECRET, kind=kind if named is None else named)


def assert_secret_and_body_hidden(error: BaseException, body: bytes) -> None:
    values = {value for _, value in BODIES[NotificationKind.PAY] if len(value) > 4}
    for text in (str(error), repr(error), str(error.args)):
        assert SECRET not in text and "WEBHOOK_SECRET" not in text
        assert body.decode("latin-1") not in text
        assert not {value for value in values if value in text}, text


# ------------------------------------------------------------------------------------------------------------
# Signatures


def test_form_is_written_as_dotnet_does() -> None:
    body = form_of(NotificationKind.PAY)
    assert b"%d0%9c%d0%be%d1%81%d0%ba%d0%b2%d0%b0" in body  # "Москва", lower-case escapes
    assert b"CARDHOLDER+NAME" in body and b"%26" in body and b"%7b%22" in body
    assert not re.search(rb"%([0-9A-F][A-F]|[A-F][0-9A-F])", body)  # no upper-case escape anywhere


@pytest.mark.parametrize("which", ["both", "content", "x"])
def test_form_round_trip_with_either_header(which: str) -> None:
    body = form_of(NotificationKind.PAY)
    webhooks.verify(body, signed(body, which=which), SECRET)


@pytest.mark.parametrize("which", ["both", "content", "x"])
def test_json_round_trip_with_either_header(which: str) -> None:
    body = json.dumps(dict(BODIES[NotificationKind.PAY]), ensure_ascii=False).encode("utf-8")
    webhooks.verify(body, signed(body, content_type=JSON_UTF8, which=which), SECRET)


def test_x_content_hmac_is_over_the_url_decoded_form() -> None:
    body = form_of(NotificationKind.CHECK)
    assert url_decoded(body) != body
    wrong = {"Content-Type": FORM_UTF8, "X-Content-HMAC": hmac_b64(body)}  # over the raw body: not the rule
    with pytest.raises(InvalidSignatureError):
        webhooks.verify(body, wrong, SECRET)
    right = {"Content-Type": FORM_UTF8, "X-Content-HMAC": hmac_b64(url_decoded(body))}
    webhooks.verify(body, right, SECRET)
    # No Content-Type (a GET's query string): a form.
    webhooks.verify(body, {"X-Content-HMAC": hmac_b64(url_decoded(body))}, SECRET)


def test_header_names_in_any_case() -> None:
    body = form_of(NotificationKind.PAY)
    headers = signed(body)
    webhooks.verify(body, {name.lower(): value for name, value in headers.items()}, SECRET)
    webhooks.verify(body, {name.upper(): value for name, value in headers.items()}, SECRET)
    webhooks.verify(body, Headers(headers=headers), SECRET)
    only_x = signed(body, which="x")
    webhooks.verify(body, {"x-content-hmac": only_x["X-Content-HMAC"]}, SECRET)


@pytest.mark.parametrize("which", ["content", "x"])
@pytest.mark.parametrize("position", [0, 40, -1])
def test_one_tampered_body_byte_is_refused(which: str, position: int) -> None:
    body = form_of(NotificationKind.PAY)
    headers = signed(body, which=which)
    tampered = bytearray(body)
    tampered[position] ^= 0x01
    with pytest.raises(InvalidSignatureError) as caught:
        webhooks.verify(bytes(tampered), headers, SECRET)
    assert caught.value.header == ("Content-HMAC" if which == "content" else "X-Content-HMAC")


def test_amount_changed_in_the_body_is_refused() -> None:
    body = form_of(NotificationKind.PAY)
    headers = signed(body)
    with pytest.raises(InvalidSignatureError):
        webhooks.parse(body.replace(b"Amount=10.10", b"Amount=1.10"), headers, SECRET, kind="Pay")


@pytest.mark.parametrize("name", ["Content-HMAC", "X-Content-HMAC"])
def test_tampered_header_is_refused(name: str) -> None:
    body = form_of(NotificationKind.PAY)
    headers = signed(body, which="content" if name == "Content-HMAC" else "x")
    value = headers[name]
    headers[name] = ("B" if value[0] == "A" else "A") + value[1:]
    with pytest.raises(InvalidSignatureError):
        webhooks.verify(body, headers, SECRET)
    headers[name] = ""
    with pytest.raises(InvalidSignatureError):
        webhooks.verify(body, headers, SECRET)
    headers[name] = "не base64"
    with pytest.raises(InvalidSignatureError):
        webhooks.verify(body, headers, SECRET)


def test_content_hmac_decides_when_both_are_sent() -> None:
    body = form_of(NotificationKind.PAY)
    headers = signed(body)
    headers["Content-HMAC"] = hmac_b64(body, "another secret")
    with pytest.raises(InvalidSignatureError) as caught:
        webhooks.verify(body, headers, SECRET)
    assert caught.value.header == "Content-HMAC"


@pytest.mark.parametrize("which", ["both", "content", "x"])
def test_wrong_secret_is_refused(which: str) -> None:
    body = form_of(NotificationKind.PAY)
    headers = signed(body, which=which, secret="sk_another_terminal")
    with pytest.raises(InvalidSignatureError):
        webhooks.verify(body, headers, SECRET)
    with pytest.raises(InvalidSignatureError):
        webhooks.parse(body, headers, SECRET, kind="Pay")


def test_missing_headers_are_refused() -> None:
    body = form_of(NotificationKind.PAY)
    for headers in ({}, {"Content-Type": FORM_UTF8}, {"Content-Type": FORM_UTF8, "X-Signature": "abc"}):
        with pytest.raises(InvalidSignatureError) as caught:
            webhooks.verify(body, headers, SECRET)
        assert caught.value.header is None
        with pytest.raises(InvalidSignatureError):
            webhooks.parse(body, headers, SECRET, kind="Pay")


def test_errors_never_show_the_secret_or_the_body() -> None:
    body = form_of(NotificationKind.PAY)
    for headers in (signed(body, secret="sk_other"), {}, signed(body + b"&x=1")):
        with pytest.raises(InvalidSignatureError) as caught:
            webhooks.parse(body, headers, SECRET, kind="Pay")
        assert isinstance(caught.value, CloudPaymentsError)
        assert_secret_and_body_hidden(caught.value, body)
        assert SECRET not in repr(caught.value.__dict__)
        assert caught.value.__cause__ is None
    pairs = [(name, value) for name, value in BODIES[NotificationKind.PAY] if name != "Amount"]
    pairs.append(("Amount", "десять CARDHOLDER"))
    bad = dotnet_form(pairs)
    with pytest.raises(InvalidNotificationError) as failed:
        webhooks.parse(bad, signed(bad), SECRET, kind="Pay")
    assert_secret_and_body_hidden(failed.value, bad)
    assert "десять" not in str(failed.value)


def test_empty_secret_is_a_configuration_error() -> None:
    body = form_of(NotificationKind.PAY)
    with pytest.raises(ConfigurationError):
        webhooks.verify(body, signed(body, secret=""), "")


def test_body_must_be_bytes() -> None:
    body = form_of(NotificationKind.PAY)
    with pytest.raises(TypeError):
        webhooks.verify(body.decode("ascii"), signed(body), SECRET)  # type: ignore[arg-type]


def test_signature_headers_are_the_documented_ones() -> None:
    body = form_of(NotificationKind.CHECK)
    made = webhooks.signature_headers(body, SECRET)
    assert made["Content-HMAC"] == hmac_b64(body)
    assert made["X-Content-HMAC"] == hmac_b64(url_decoded(body))
    assert made["Content-Type"].startswith("application/x-www-form-urlencoded")
    as_json = webhooks.signature_headers(b'{"a":"b c"}', SECRET, content_type="application/json")
    assert as_json["Content-HMAC"] == as_json["X-Content-HMAC"] == hmac_b64(b'{"a":"b c"}')


# ------------------------------------------------------------------------------------------------------------
# Notifications


@pytest.mark.parametrize("kind", list(NotificationKind))
def test_each_kind_is_read_into_its_class(kind: NotificationKind) -> None:
    notification = parse_form(kind)
    assert type(notification) is CLASSES[kind]
    assert notification.kind is kind
    assert dict(notification.raw) == dict(BODIES[kind])
    assert dict(notification.extra) == {}
    with pytest.raises(dataclasses.FrozenInstanceError):
        notification.extra = {}  # type: ignore[misc]
    hash(notification)


@pytest.mark.parametrize("kind", ["pay", "PAY", "Pay", NotificationKind.PAY])
def test_kind_by_name_in_any_case(kind: str) -> None:
    assert isinstance(parse_form(NotificationKind.PAY, named=kind), PayNotification)


def test_unknown_kind_is_refused_before_the_signature() -> None:
    body = form_of(NotificationKind.PAY)
    with pytest.raises(InvalidArgumentError, match="Check, Pay, Fail"):
        webhooks.parse(body, {}, SECRET, kind="Payment")


def test_check_fields() -> None:
    body = form_of(NotificationKind.CHECK)
    check = webhooks.parse(body, signed(body), SECRET, kind="Check")
    assert isinstance(check, CheckNotification)
    assert check.transaction_id == 1504648
    assert check.amount == Decimal("10.10") and str(check.amount) == "10.10"
    assert check.payment_amount == Decimal("10.10") and check.payment_currency == "RUB"
    assert check.currency == "RUB"
    assert check.date_time == datetime(2026, 11, 29, 3, 20, 47, tzinfo=UTC)
    assert check.date_time.utcoffset() is not None and check.date_time.utcoffset().total_seconds() == 0  # type: ignore[union-attr]
    assert (check.card_first_six, check.card_last_four, check.card_type, check.card_exp_date) == (
        "424242",
        "4242",
        "Visa",
        "12/28",
    )
    assert check.test_mode is True
    assert (check.status, check.operation_type) == ("Completed", "Payment")
    assert (check.card_id, check.token_recipient, check.card_product) == ("c_7f1e9a", "tk_recipient_1", "C")
    assert check.invoice_id == "1234567" and check.account_id == "user_x@example.com"
    assert check.name == "CARDHOLDER NAME"
    assert check.ip_city == "Москва" and check.ip_latitude == "55.75222"
    assert check.description == "Оплата товаров в example.com (заказ №1234567) & доставка"
    assert check.data == {"myProp": "значение", "cart": [{"sku": "A-1", "price": Decimal("10.10")}]}
    assert check.payment_method == "ApplePay"
    assert check.subscription_id is None


def test_pay_fields() -> None:
    pay = parse_form(NotificationKind.PAY)
    assert isinstance(pay, PayNotification)
    assert pay.gateway_name == "Tinkoff" and pay.auth_code == "A1B2C3"
    assert pay.token == "tk_020d3ab5e3ec7d7d04f1b6cb0a6c8c9b"
    assert pay.total_fee == Decimal("0.29")
    assert (pay.vat_above_total_fee, pay.processor_and_partner_fee, pay.vat_within_processor_fee) == (
        Decimal("0.06"),
        Decimal("0.12"),
        Decimal("0.02"),
    )
    assert pay.fall_back_scenario_declined_transaction_id == 1504647
    assert pay.rrn == "432109876543" and pay.escrow_accumulation_id == "esc_1"


def test_fail_fields() -> None:
    fail = parse_form(NotificationKind.FAIL)
    assert isinstance(fail, FailNotification)
    assert (fail.reason, fail.reason_code) == ("InsufficientFunds", 5051)
    assert fail.provider_message == "Недостаточно средств" and fail.retry_after == "60"
    assert fail.operation_type == "Payment"


def test_confirm_refund_cancel_fields() -> None:
    confirm = parse_form(NotificationKind.CONFIRM)
    assert isinstance(confirm, ConfirmNotification)
    assert confirm.status == "Completed" and confirm.auth_code == "A1B2C3"
    refund = parse_form(NotificationKind.REFUND)
    assert isinstance(refund, RefundNotification)
    assert (refund.transaction_id, refund.payment_transaction_id) == (1504700, 1504648)
    assert refund.amount == Decimal("5.05") and refund.operation_type == "Refund"
    assert refund.date_time == datetime(2026, 11, 30, 10, 0, tzinfo=UTC)
    cancel = parse_form(NotificationKind.CANCEL)
    assert isinstance(cancel, CancelNotification)
    assert cancel.transaction_id == 1504648 and cancel.amount == Decimal("10.10")
    assert cancel.rrn == "432109876547" and isinstance(cancel.data, dict)


def test_recurrent_fields() -> None:
    recurrent = parse_form(NotificationKind.RECURRENT)
    assert isinstance(recurrent, RecurrentNotification)
    assert recurrent.id == "sc_8cf8a9338fb8ebf7202b08d09c938"
    assert recurrent.amount == Decimal("1.02") and recurrent.currency == "RUB"
    assert recurrent.require_confirmation is False
    assert recurrent.start_date == datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
    assert (recurrent.interval, recurrent.period, recurrent.status) == ("Month", 1, "PastDue")
    assert (recurrent.successful_transactions_number, recurrent.failed_transactions_number) == (3, 1)
    assert recurrent.max_periods == 12
    assert recurrent.last_transaction_date == datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
    assert recurrent.next_transaction_date == datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
    assert recurrent.description == "Ежемесячная подписка на сервис example.com"


def test_receipt_fields() -> None:
    receipt = parse_form(NotificationKind.RECEIPT)
    assert isinstance(receipt, ReceiptNotification)
    assert receipt.id == "2E5B4E4C-64E8-4B8A-9A5F-1D2C3B4A5F60"
    assert (receipt.document_number, receipt.session_number, receipt.number) == (1234, 12, 4)
    # Ids stay text: an INN or a serial number may start with 0.
    assert (receipt.inn, receipt.device_number) == ("0274062111", "0000000000012345")
    assert (receipt.type_, receipt.ofd, receipt.fiscal_sign) == ("Income", "Первый ОФД", "2803925017")
    assert receipt.amount == Decimal("10.10") and receipt.transaction_id == 1504648
    assert receipt.date_time == datetime(2026, 11, 29, 3, 20, 50, tzinfo=UTC)
    assert receipt.receipt == {
        "Items": [
            {
                "label": "Товар",
                "price": Decimal("10.10"),
                "quantity": Decimal("1.0"),
                "amount": Decimal("10.10"),
            }
        ],
        "Email": "user_x@example.com",
    }
    assert receipt.qr_code_url.endswith("s%3d10.10") and receipt.cashier_name == "Иванова Анна"
    # The receipt names the buyer: not in the repr.
    assert "user_x@example.com" not in repr(receipt) and "Иванова" not in repr(receipt)


@pytest.mark.parametrize("text", ["10.10", "0.01", "1234567.89", "10", "10.00000"])
def test_amounts_are_exact_decimals(text: str) -> None:
    pairs = [(name, text if name == "Amount" else value) for name, value in BODIES[NotificationKind.PAY]]
    pay = parse_form(NotificationKind.PAY, pairs)
    assert isinstance(pay, PayNotification)
    assert isinstance(pay.amount, Decimal) and str(pay.amount) == text


def test_flags_dates_and_data_variants() -> None:
    changes = {"TestMode": "0", "DateTime": "2026-11-29T03:20:47", "Data": "not json {"}
    pairs = [(name, changes.get(name, value)) for name, value in BODIES[NotificationKind.PAY]]
    pay = parse_form(NotificationKind.PAY, pairs)
    assert isinstance(pay, PayNotification)
    assert pay.test_mode is False
    assert pay.date_time == datetime(2026, 11, 29, 3, 20, 47, tzinfo=UTC)
    assert pay.data == "not json {"
    pairs = [(name, value) for name, value in BODIES[NotificationKind.PAY] if name != "Data"]
    bare = parse_form(NotificationKind.PAY, pairs)
    assert isinstance(bare, PayNotification) and bare.data is None


def test_unknown_parameters_are_kept() -> None:
    pairs = [*BODIES[NotificationKind.PAY], ("NewField2027", "значение"), ("Extra Field", "a b")]
    pay = parse_form(NotificationKind.PAY, pairs)
    assert dict(pay.extra) == {"NewField2027": "значение", "Extra Field": "a b"}
    assert pay.raw["NewField2027"] == "значение" and pay.raw["Amount"] == "10.10"
    # A documented parameter of another kind is unknown to this one: kept too.
    refund = parse_form(NotificationKind.REFUND, [*BODIES[NotificationKind.REFUND], ("Currency", "RUB")])
    assert dict(refund.extra) == {"Currency": "RUB"}


def test_parameter_names_in_any_case() -> None:
    pairs = [(name.lower(), value) for name, value in BODIES[NotificationKind.CANCEL]]
    cancel = parse_form(NotificationKind.CANCEL, pairs)
    assert isinstance(cancel, CancelNotification)
    assert cancel.transaction_id == 1504648 and dict(cancel.extra) == {}


@pytest.mark.parametrize("kind", list(NotificationKind))
def test_missing_required_parameter_is_named(kind: NotificationKind) -> None:
    missing = REQUIRED_FIRST[kind]
    pairs = [(name, value) for name, value in BODIES[kind] if name != missing]
    with pytest.raises(InvalidNotificationError) as caught:
        parse_form(kind, pairs)
    assert caught.value.field == missing and caught.value.kind == kind
    assert missing in str(caught.value) and "missing" in str(caught.value)
    assert isinstance(caught.value, CloudPaymentsError)
    assert SECRET not in str(caught.value) + repr(caught.value)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("Amount", "10,10"),
        ("Amount", ""),
        ("TransactionId", "15e4"),
        ("DateTime", "29.11.2026"),
        ("TestMode", "2"),
    ],
)
def test_unreadable_required_parameter_is_named(name: str, value: str) -> None:
    pairs = [(key, value if key == name else text) for key, text in BODIES[NotificationKind.PAY]]
    with pytest.raises(InvalidNotificationError) as caught:
        parse_form(NotificationKind.PAY, pairs)
    assert caught.value.field == name
    assert caught.value.__cause__ is None
    assert caught.value.__context__ is None or caught.value.__suppress_context__


def test_empty_optional_parameter_is_none_and_empty_required_text_is_kept() -> None:
    changes = {"InvoiceId": "", "TotalFee": "", "CardExpDate": ""}
    pairs = [(name, changes.get(name, value)) for name, value in BODIES[NotificationKind.PAY]]
    pay = parse_form(NotificationKind.PAY, pairs)
    assert isinstance(pay, PayNotification)
    assert pay.invoice_id is None and pay.total_fee is None and pay.card_exp_date == ""


def test_windows_1251_form() -> None:
    body = form_of(NotificationKind.PAY, "windows-1251")
    assert b"%cc%ee%f1%ea%e2%e0" in body  # "Москва" in Windows-1251, lower-case escapes
    headers = signed(body, content_type=FORM_1251, which="content", charset="windows-1251")
    pay = webhooks.parse(body, headers, SECRET, kind="Pay")
    assert isinstance(pay, PayNotification)
    assert pay.ip_city == "Москва"
    assert pay.description == "Оплата товаров в example.com (заказ №1234567) & доставка"
    assert pay.data == {"myProp": "значение", "cart": [{"sku": "A-1", "price": Decimal("10.10")}]}
    # X-Content-HMAC alone signs the decoded text, where the Description's `&` reads as a separator.
    headers = signed(body, content_type=FORM_1251, which="x", charset="windows-1251")
    with pytest.raises(InvalidNotificationError, match="Content-HMAC"):
        webhooks.parse(body, headers, SECRET, kind="Pay")
    pairs = [(name, value.replace("&", "и")) for name, value in BODIES[NotificationKind.PAY]]
    plain = dotnet_form(pairs, "windows-1251")
    headers = signed(plain, content_type=FORM_1251, which="x", charset="windows-1251")
    pay = webhooks.parse(plain, headers, SECRET, kind="Pay")
    assert isinstance(pay, PayNotification)
    assert pay.ip_city == "Москва"
    assert pay.description == "Оплата товаров в example.com (заказ №1234567) и доставка"


def test_windows_1251_form_read_as_utf8_is_refused() -> None:
    body = form_of(NotificationKind.PAY, "windows-1251")
    with pytest.raises(InvalidNotificationError):
        webhooks.parse(body, signed(body, content_type=FORM_UTF8), SECRET, kind="Pay")


def test_json_body() -> None:
    document = dict(BODIES[NotificationKind.CHECK])
    body = json.dumps(document, ensure_ascii=False).encode("utf-8")
    check = webhooks.parse(body, signed(body, content_type=JSON_UTF8), SECRET, kind="Check")
    assert isinstance(check, CheckNotification)
    assert check.amount == Decimal("10.10") and check.ip_city == "Москва"
    assert dict(check.raw) == document


def test_json_body_with_numbers_flags_and_objects() -> None:
    body = (
        b'{"TransactionId":1504648,"Amount":10.10,"DateTime":"2026-11-29 04:00:00","TestMode":true,'
        b'"Data":{"price":10.10,"tags":["a"]},"InvoiceId":null,"Rrn":"1"}'
    )
    cancel = webhooks.parse(body, signed(body, content_type="application/json"), SECRET, kind="Cancel")
    assert isinstance(cancel, CancelNotification)
    assert cancel.transaction_id == 1504648
    assert cancel.amount == Decimal("10.10") and str(cancel.amount) == "10.10"
    assert cancel.data == {"price": Decimal("10.10"), "tags": ["a"]}
    assert cancel.raw["Data"] == '{"price":10.10,"tags":["a"]}'
    assert cancel.invoice_id is None and "InvoiceId" not in cancel.raw
    assert dict(cancel.extra) == {"TestMode": "true"}


def test_json_body_in_windows_1251() -> None:
    body = json.dumps(dict(BODIES[NotificationKind.REFUND]), ensure_ascii=False).encode("windows-1251")
    headers = signed(body, content_type="application/json; charset=windows-1251")
    refund = webhooks.parse(body, headers, SECRET, kind="Refund")
    assert isinstance(refund, RefundNotification)
    assert refund.data == {"myProp": "значение", "cart": [{"sku": "A-1", "price": Decimal("10.10")}]}


@pytest.mark.parametrize("body", [b"[1, 2]", b"{not json", b'"text"'])
def test_json_body_that_is_not_an_object_is_refused(body: bytes) -> None:
    with pytest.raises(InvalidNotificationError) as caught:
        webhooks.parse(body, signed(body, content_type=JSON_UTF8), SECRET, kind="Pay")
    assert caught.value.field is None


def test_notifications_sent_by_the_mock_are_read() -> None:
    """The mock's request writer (.NET form or JSON, UTF-8 or cp1251, GET or POST) against the client."""
    parameters = BODIES[NotificationKind.FAIL]
    for encoding in Encoding:
        for method in HttpMethod:
            for body_format in Body:
                settings = NotificationSettings(
                    is_enabled=True,
                    address="https://shop.example/fail",
                    http_method=method,
                    encoding=encoding,
                    body=body_format,
                )
                request = build_request(NotificationType.FAIL, parameters, settings, SECRET)
                body = request.signed  # a GET's raw query string, a POST's body
                for which in ("Content-HMAC", "X-Content-HMAC"):
                    headers = {
                        key: value
                        for key, value in request.headers.items()
                        if key not in ("Content-HMAC", "X-Content-HMAC") or key == which
                    }
                    if method is HttpMethod.GET:
                        headers["Content-Type"] = (
                            f"application/x-www-form-urlencoded; charset={encoding.charset}"
                        )
                    if which == "X-Content-HMAC" and "json" not in headers.get("Content-Type", ""):
                        # The Description's `&` is a separator in the decoded text X-Content-HMAC signs.
                        with pytest.raises(InvalidNotificationError, match="Content-HMAC"):
                            webhooks.parse(body, headers, SECRET, kind="fail")
                        continue
                    fail = webhooks.parse(body, headers, SECRET, kind="fail")
                    assert isinstance(fail, FailNotification)
                    assert fail.provider_message == "Недостаточно средств"
                    assert fail.description == "Оплата товаров в example.com (заказ №1234567) & доставка"
                    assert fail.amount == Decimal("10.10") and fail.reason_code == 5051


# ------------------------------------------------------------------------------------------------------------
# Answers


@pytest.mark.parametrize("path", sorted(ANSWERS.glob("webhook_*.response.json")), ids=lambda path: path.name)
def test_accept_is_the_documented_answer(path: Path) -> None:
    documented = json.loads(path.read_text(encoding="utf-8"))["body"]
    answer = webhooks.accept()
    assert json.loads(answer.body) == documented == {"code": 0}
    assert answer.body == b'{"code":0}'
    assert answer.content_type == "application/json" and answer.status_code == 200
    assert answer.headers == {"Content-Type": "application/json"}


def test_seven_documented_answers() -> None:
    assert len(list(ANSWERS.glob("webhook_*.response.json"))) == 7


@pytest.mark.parametrize(
    ("code", "value"),
    [
        (CheckCode.INVALID_INVOICE_ID, 10),
        (CheckCode.INVALID_ACCOUNT_ID, 11),
        (CheckCode.INVALID_AMOUNT, 12),
        (CheckCode.NOT_ACCEPTED, 13),
        (CheckCode.EXPIRED, 20),
    ],
)
def test_decline_codes(code: CheckCode, value: int) -> None:
    for given in (code, value):
        answer = webhooks.decline(given)
        assert answer.body == b'{"code":%d}' % value
        assert (answer.status_code, answer.content_type) == (200, "application/json")
        assert answer.code == value


@pytest.mark.parametrize("code", [0, CheckCode.OK, 1, 99, -1])
def test_decline_refuses_zero_and_undocumented_codes(code: int) -> None:
    with pytest.raises(InvalidArgumentError):
        webhooks.decline(code)


def test_check_codes_are_the_documented_ones() -> None:
    assert {member.name: int(member) for member in CheckCode} == {
        "OK": 0,
        "INVALID_INVOICE_ID": 10,
        "INVALID_ACCOUNT_ID": 11,
        "INVALID_AMOUNT": 12,
        "NOT_ACCEPTED": 13,
        "EXPIRED": 20,
    }
    assert [kind.value for kind in NotificationKind] == [
        "Check",
        "Pay",
        "Fail",
        "Confirm",
        "Refund",
        "Recurrent",
        "Cancel",
        "Receipt",
    ]


# ------------------------------------------------------------------------------------------------------------
# The documented notifications: the spec's example of each type, sent as CloudPayments sends it.


@pytest.mark.parametrize("kind", list(NotificationKind))
def test_documented_example_of_each_type_is_verified_and_read(kind: NotificationKind) -> None:
    import spec_tools

    spec = spec_tools.load_spec(shared=True)
    body_spec = spec_tools.deref(spec, spec["webhooks"][kind.value]["post"]["requestBody"])
    form = body_spec["content"]["application/x-www-form-urlencoded"]
    (example,) = [spec_tools.deref(spec, ex)["value"] for ex in form["examples"].values()]
    pairs = [(str(name), str(value)) for name, value in example.items()]
    body = dotnet_form(pairs)
    notification = webhooks.parse(body, signed(body), SECRET, kind=kind)
    assert type(notification).kind is kind
    # Every documented parameter arrives as sent; none is lost to `extra` that the class names.
    assert dict(notification.raw) == dict(pairs)
    names = {str(f.metadata["wire"]) for f in dataclasses.fields(notification) if "wire" in f.metadata}
    assert not names & set(notification.extra), sorted(names & set(notification.extra))
    with pytest.raises(InvalidSignatureError):
        webhooks.parse(body.replace(b"=", b"=0", 1), signed(body), SECRET, kind=kind)
