"""The mock's notifications, module by module: the parameters of each type and their formats, the form as
.NET writes it (UTF-8 and Windows-1251, GET and POST), both signature headers checked here with plain
hmac/base64, the delivery queue's retries against an httpx.MockTransport receiver, and the Check's answers
as ReasonCodes. The wired mock is tested in test_mock_webhooks_e2e.py."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import logging
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any, Final
from urllib.parse import parse_qsl, unquote_to_bytes, urlsplit

import httpx
import pytest

import spec_tools
from mock_server.cards import CardProfile
from mock_server.ledger import PaymentScheme, SubscriptionRecord, TransactionKind, TransactionRecord
from mock_server.statuses import SubscriptionStatus, TransactionStatus
from mock_server.vocabulary import Vocabulary
from mock_server.webhooks.check import CheckReason, reason_code_of, verdict_of
from mock_server.webhooks.delivery import AttemptResult, DeliveryQueue, RetrySchedule, read_answer_code
from mock_server.webhooks.encoding import build_request, form_text, form_value
from mock_server.webhooks.notifier import Notifier
from mock_server.webhooks.payloads import (
    Parameters,
    cancel_parameters,
    payment_parameters,
    recurrent_parameters,
    refund_parameters,
)
from mock_server.webhooks.records import DeliveryLog, DeliveryStatus
from mock_server.webhooks.settings import (
    SENT_TYPES,
    Body,
    Encoding,
    Format,
    HttpMethod,
    NotificationSettings,
    NotificationType,
)

SECRET: Final = "webhook_test_secret"
RECEIVER: Final = "http://receiver.test/hooks"
AMOUNT_RE: Final = re.compile(r"^\d+\.\d{2}$")
DATE_RE: Final = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$")
FAST: Final = RetrySchedule(delays=(0.01, 0.02, 0.03), max_attempts=4, timeout=2.0)
CARD: Final = CardProfile("424242", "4242", "Visa", 0, False, "success", "success", None)
MOMENT: Final = datetime(2026, 3, 4, 5, 6, 7, 890000, tzinfo=UTC)
CYRILLIC: Final = "Оплата заказа №1"
FAIL_REASON: Final = "InsufficientFunds"
CHECK_ANSWERS: Final = spec_tools.check_answer_reason_codes(spec_tools.load_spec(shared=True))
VOCABULARY: Final = Vocabulary.from_document(spec_tools.load_spec(shared=True))


def transaction(**changes: Any) -> TransactionRecord:
    record = TransactionRecord(
        transaction_id=2_210_000_001,
        kind=TransactionKind.PAYMENT,
        scheme=PaymentScheme.CHARGE,
        amount=Decimal("1500.5"),
        currency="RUB",
        status=TransactionStatus.COMPLETED,
        reason_code=0,
        created=MOMENT,
        card=CARD,
        card_exp_date="12/29",
        params={
            "InvoiceId": "inv 1",
            "AccountId": "user@example.com",
            "Email": "user@example.com",
            "Description": CYRILLIC,
            "Name": "CARD HOLDER",
            "IpAddress": "203.0.113.7",
            "JsonData": {"order": 1, "note": "a&b=c"},
        },
        auth_date=MOMENT,
        confirm_date=MOMENT,
        token="tk_0123",
    )
    for name, value in changes.items():
        setattr(record, name, value)
    return record


def subscription() -> SubscriptionRecord:
    return SubscriptionRecord(
        subscription_id="sc_abc",
        params={
            "AccountId": "user_x",
            "Description": "Monthly",
            "Email": "user@example.com",
            "Currency": "RUB",
            "RequireConfirmation": False,
            "Interval": "Month",
            "Period": 1,
            "MaxPeriods": 12,
        },
        amount=Decimal(399),
        start=MOMENT + timedelta(days=1),
        status=SubscriptionStatus.CANCELLED,
    )


def parameters_of_every_type() -> dict[NotificationType, Parameters]:
    payment = transaction()
    refund = transaction(
        transaction_id=2_210_000_002,
        kind=TransactionKind.REFUND,
        amount=Decimal(100),
        params={"JsonData": None},
        original_transaction_id=2_210_000_001,
        token=None,
    )
    declined = transaction(status=TransactionStatus.DECLINED, reason_code=5051, auth_date=None)
    return {
        NotificationType.CHECK: payment_parameters(NotificationType.CHECK, payment),
        NotificationType.PAY: payment_parameters(NotificationType.PAY, payment),
        NotificationType.FAIL: payment_parameters(
            NotificationType.FAIL, declined, reason="InsufficientFunds"
        ),
        NotificationType.CONFIRM: payment_parameters(NotificationType.CONFIRM, payment),
        NotificationType.REFUND: refund_parameters(refund, payment),
        NotificationType.CANCEL: cancel_parameters(payment, MOMENT),
        NotificationType.RECURRENT: recurrent_parameters(subscription(), next_date=None),
    }


def b64_hmac(message: bytes, secret: str = SECRET) -> str:
    return base64.b64encode(hmac.new(secret.encode(), message, hashlib.sha256).digest()).decode()


# ---------- parameters ----------


@pytest.mark.parametrize("kind", SENT_TYPES)
def test_each_type_sends_its_required_parameters(kind: NotificationType) -> None:
    values = dict(parameters_of_every_type()[kind])
    required = spec_tools.notification_required_parameters(spec_tools.load_spec(shared=True), kind.value)
    missing = sorted(name for name in required if name not in values)
    assert missing == []
    assert all(isinstance(value, str) for value in values.values())


@pytest.mark.parametrize("kind", SENT_TYPES)
def test_amounts_dates_and_flags_are_written_as_the_api_writes_them(kind: NotificationType) -> None:
    values = dict(parameters_of_every_type()[kind])
    for name in ("Amount", "PaymentAmount", "TotalFee"):
        if name in values:
            assert AMOUNT_RE.match(values[name]), (name, values[name])
    for name in ("DateTime", "StartDate", "NextTransactionDate"):
        if name in values:
            assert DATE_RE.match(values[name]), (name, values[name])
    for name in ("TestMode", "RequireConfirmation"):
        if name in values:
            assert values[name] in {"0", "1"}


def test_payment_values() -> None:
    pay = dict(parameters_of_every_type()[NotificationType.PAY])
    assert pay["TransactionId"] == "2210000001"
    assert pay["Amount"] == pay["PaymentAmount"] == "1500.50"
    assert pay["DateTime"] == "2026-03-04 05:06:07"  # UTC, no fraction
    assert pay["TestMode"] == "1"
    assert pay["Status"] == "Completed"
    assert pay["OperationType"] == "Payment"
    assert pay["CardExpDate"] == "12/29"
    assert json.loads(pay["Data"]) == {"order": 1, "note": "a&b=c"}
    assert pay["Token"] == "tk_0123"
    check = dict(parameters_of_every_type()[NotificationType.CHECK])
    assert "Token" not in check and "GatewayName" not in check
    auth = dict(payment_parameters(NotificationType.PAY, transaction(status=TransactionStatus.AUTHORIZED)))
    assert auth["Status"] == "Authorized"


def test_fail_refund_cancel_recurrent_values() -> None:
    every = parameters_of_every_type()
    fail = dict(every[NotificationType.FAIL])
    assert (fail["Reason"], fail["ReasonCode"]) == ("InsufficientFunds", "5051")
    assert "Status" not in fail
    refund = dict(every[NotificationType.REFUND])
    assert (refund["TransactionId"], refund["PaymentTransactionId"]) == ("2210000002", "2210000001")
    assert refund["OperationType"] == "Refund" and refund["Amount"] == "100.00"
    assert refund["InvoiceId"] == "inv 1"  # the payment's
    recurrent = dict(every[NotificationType.RECURRENT])
    assert recurrent["Id"] == "sc_abc" and recurrent["Status"] == "Cancelled"
    assert recurrent["RequireConfirmation"] == "0" and recurrent["Amount"] == "399.00"
    assert recurrent["SuccessfulTransactionsNumber"] == recurrent["FailedTransactionsNumber"] == "0"
    assert "NextTransactionDate" not in recurrent


# ---------- encoding ----------


def test_form_is_written_as_dotnet_writes_it() -> None:
    assert form_value("a b&c=d/é~") == "a+b%26c%3dd%2f%c3%a9%7e"  # lower-case escapes, + for a space
    assert form_value("-_.!*()AZaz09") == "-_.!*()AZaz09"
    assert form_value(CYRILLIC, Encoding.WINDOWS1251) == "%ce%ef%eb%e0%f2%e0+%e7%e0%ea%e0%e7%e0+%b91"
    assert form_value("€ 😀", Encoding.WINDOWS1251) == "%88+%3f"  # cp1251 has €, not the emoji: ?
    parameters = parameters_of_every_type()[NotificationType.PAY]
    text = form_text(parameters)
    assert dict(parse_qsl(text, keep_blank_values=True)) == dict(parameters)
    assert not re.search(r"%[0-9a-f]?[A-F]", text)


def test_post_form_body_and_both_signatures() -> None:
    parameters = parameters_of_every_type()[NotificationType.PAY]
    settings = NotificationSettings(True, RECEIVER, HttpMethod.POST)
    request = build_request(NotificationType.PAY, parameters, settings, SECRET)
    assert request.method is HttpMethod.POST and request.url == RECEIVER
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded; charset=utf-8"
    body = request.body
    assert dict(parse_qsl(body.decode("ascii"), keep_blank_values=True)) == dict(parameters)
    assert hmac.compare_digest(request.headers["Content-HMAC"], b64_hmac(body))
    decoded = unquote_to_bytes(body.replace(b"+", b" "))
    assert CYRILLIC.encode("utf-8") in decoded
    assert hmac.compare_digest(request.headers["X-Content-HMAC"], b64_hmac(decoded))
    # One byte changed, or another secret: the signature no longer matches.
    tampered = body.replace(b"1500.50", b"1500.51")
    assert tampered != body
    assert b64_hmac(tampered) != request.headers["Content-HMAC"]
    assert b64_hmac(body, "another secret") != request.headers["Content-HMAC"]


def test_get_puts_the_same_string_in_the_query() -> None:
    parameters = parameters_of_every_type()[NotificationType.CONFIRM]
    post = build_request(
        NotificationType.CONFIRM, parameters, NotificationSettings(True, RECEIVER, HttpMethod.POST), SECRET
    )
    get = build_request(
        NotificationType.CONFIRM, parameters, NotificationSettings(True, f"{RECEIVER}?shop=1"), SECRET
    )
    assert get.method is HttpMethod.GET and get.body == b""
    assert "Content-Type" not in get.headers
    assert get.url == f"{RECEIVER}?shop=1&{post.body.decode('ascii')}"
    assert get.headers["Content-HMAC"] == post.headers["Content-HMAC"] == b64_hmac(post.body)
    assert urlsplit(get.url).query.endswith(post.body.decode("ascii"))


def test_windows1251_encodes_the_values_in_cp1251() -> None:
    parameters = parameters_of_every_type()[NotificationType.PAY]
    settings = NotificationSettings(True, RECEIVER, HttpMethod.POST, Encoding.WINDOWS1251)
    request = build_request(NotificationType.PAY, parameters, settings, SECRET)
    assert request.headers["Content-Type"].endswith("charset=windows-1251")
    values = dict(parse_qsl(request.body.decode("ascii"), encoding="cp1251"))
    assert values["Description"] == CYRILLIC
    decoded = unquote_to_bytes(request.body.replace(b"+", b" "))
    assert CYRILLIC.encode("cp1251") in decoded
    assert request.headers["Content-HMAC"] == b64_hmac(request.body)
    assert request.headers["X-Content-HMAC"] == b64_hmac(decoded)


def test_json_body_when_asked() -> None:
    parameters = parameters_of_every_type()[NotificationType.REFUND]
    settings = NotificationSettings(True, RECEIVER, HttpMethod.POST, body=Body.JSON)
    request = build_request(NotificationType.REFUND, parameters, settings, SECRET)
    assert request.headers["Content-Type"] == "application/json; charset=utf-8"
    assert json.loads(request.body) == dict(parameters)
    assert request.headers["Content-HMAC"] == request.headers["X-Content-HMAC"] == b64_hmac(request.body)


def test_settings_from_the_api_model() -> None:
    settings = NotificationSettings.from_model(
        {
            "IsEnabled": True,
            "Address": RECEIVER,
            "HttpMethod": "POST",
            "Encoding": "Windows1251",
            "Format": "RT",
        }
    )
    assert settings == NotificationSettings(True, RECEIVER, HttpMethod.POST, Encoding.WINDOWS1251, Format.RT)
    assert settings.active
    assert NotificationSettings.from_model({}) == NotificationSettings()
    assert not NotificationSettings.from_model({"isEnabled": True}).active  # no address
    assert NotificationType.parse("pay") is NotificationType.PAY


# ---------- delivery ----------


Script = Callable[[httpx.Request], httpx.Response]


class Receiver:
    """An httpx.MockTransport handler that answers from a script, then `{"code": 0}`; records requests."""

    def __init__(self, *script: Callable[[httpx.Request], httpx.Response]) -> None:
        self.script = list(script)
        self.requests: list[httpx.Request] = []
        self.times: list[float] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        self.times.append(asyncio.get_running_loop().time())
        if self.script:
            return self.script.pop(0)(request)
        return httpx.Response(200, json={"code": 0})


def down(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("connection refused", request=request)


def answer(status: int, content: bytes) -> Callable[[httpx.Request], httpx.Response]:
    return lambda request: httpx.Response(status, content=content)


def pay_request(settings: NotificationSettings | None = None) -> tuple[Any, Parameters]:
    parameters = parameters_of_every_type()[NotificationType.PAY]
    settings = settings or NotificationSettings(True, RECEIVER, HttpMethod.POST)
    return build_request(NotificationType.PAY, parameters, settings, SECRET), parameters


async def test_retried_until_the_receiver_answers_code_0() -> None:
    receiver = Receiver(down, down)
    queue = DeliveryQueue(DeliveryLog(), FAST, httpx.MockTransport(receiver))
    request, parameters = pay_request()
    delivery = queue.submit(request, "transaction 1", parameters)
    assert queue.log.deliveries()[0].status is DeliveryStatus.PENDING  # submit never waits
    assert await queue.log.until_settled(5)
    assert delivery.status is DeliveryStatus.DELIVERED
    assert [a.number for a in delivery.attempts] == [1, 2, 3]
    assert [a.error is None for a in delivery.attempts] == [False, False, True]
    assert delivery.attempts[-1].status_code == 200 and delivery.attempts[-1].answer_code == 0
    gaps = [later - earlier for earlier, later in zip(receiver.times, receiver.times[1:], strict=False)]
    assert gaps[0] >= 0.01 and gaps[1] >= 0.02  # the schedule's delays
    # The same bytes each time, signed.
    assert {r.content for r in receiver.requests} == {request.body}
    assert receiver.requests[0].headers["Content-HMAC"] == b64_hmac(request.body)


@pytest.mark.parametrize(
    "failure",
    [
        pytest.param(answer(500, b'{"code":0}'), id="http-500"),
        pytest.param(answer(200, b"OK"), id="not-json"),
        pytest.param(answer(200, b'{"code":13}'), id="code-13"),
        pytest.param(answer(200, b'{"code":"0"}'), id="code-as-text"),
        pytest.param(answer(200, b"[0]"), id="not-an-object"),
    ],
)
async def test_every_kind_of_failed_answer_is_retried(
    failure: Callable[[httpx.Request], httpx.Response],
) -> None:
    receiver = Receiver(failure)
    queue = DeliveryQueue(DeliveryLog(), FAST, httpx.MockTransport(receiver))
    request, parameters = pay_request()
    delivery = queue.submit(request, "transaction 1", parameters)
    assert await queue.log.until_settled(5)
    assert delivery.status is DeliveryStatus.DELIVERED
    assert len(delivery.attempts) == 2 and delivery.attempts[0].error


async def test_timeout_is_a_failed_attempt() -> None:
    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    queue = DeliveryQueue(DeliveryLog(), FAST, httpx.MockTransport(Receiver(slow)))
    request, parameters = pay_request()
    delivery = queue.submit(request, "transaction 1", parameters)
    assert await queue.log.until_settled(5)
    assert delivery.attempts[0].error == "no answer within 2 s"
    assert delivery.status is DeliveryStatus.DELIVERED


async def test_bounded_attempts_against_a_receiver_that_is_always_down() -> None:
    receiver = Receiver(*[down] * 10)
    queue = DeliveryQueue(DeliveryLog(), FAST, httpx.MockTransport(receiver))
    request, parameters = pay_request()
    delivery = queue.submit(request, "transaction 1", parameters)
    assert await queue.log.until_settled(5)
    assert delivery.status is DeliveryStatus.FAILED
    assert len(delivery.attempts) == len(receiver.requests) == FAST.max_attempts
    assert all(a.error == "connection failed (ConnectError)" for a in delivery.attempts)
    assert delivery.next_attempt_at is None


async def test_first_attempts_keep_the_order_of_emission() -> None:
    receiver = Receiver()
    queue = DeliveryQueue(DeliveryLog(), FAST, httpx.MockTransport(receiver))
    every = parameters_of_every_type()
    settings = NotificationSettings(True, RECEIVER, HttpMethod.POST)
    kinds = [NotificationType.PAY, NotificationType.CONFIRM, NotificationType.REFUND, NotificationType.CANCEL]
    for kind in kinds:
        queue.submit(build_request(kind, every[kind], settings, SECRET), kind.value, every[kind])
    assert await queue.log.until_settled(5)
    assert [d.type for d in queue.log.deliveries()] == kinds
    sent = [dict(parse_qsl(r.content.decode())) for r in receiver.requests]
    assert [s.get("OperationType") for s in sent] == ["Payment", None, "Refund", None]


async def test_reset_stops_deliveries_under_way() -> None:
    receiver = Receiver(*[down] * 10)
    schedule = RetrySchedule(delays=(30.0,), max_attempts=3, timeout=1.0)
    queue = DeliveryQueue(DeliveryLog(), schedule, httpx.MockTransport(receiver))
    request, parameters = pay_request()
    delivery = queue.submit(request, "transaction 1", parameters)
    for _ in range(100):
        await asyncio.sleep(0.01)
        if delivery.status is DeliveryStatus.RETRYING:
            break
    assert delivery.status is DeliveryStatus.RETRYING and delivery.next_attempt_at is not None
    queue.reset()
    await asyncio.sleep(0.05)
    assert queue.log.deliveries() == [] and queue.log.settled()
    assert len(receiver.requests) == 1


def test_schedule_delays_and_limits() -> None:
    schedule = RetrySchedule(delays=(1.0, 2.0), max_attempts=5)
    assert [schedule.delay_before(n) for n in (2, 3, 4, 5)] == [1.0, 2.0, 2.0, 2.0]
    with pytest.raises(ValueError):
        RetrySchedule(max_attempts=0)
    with pytest.raises(ValueError):
        RetrySchedule(timeout=0)


async def test_log_json_and_log_lines_never_show_the_secret(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="mock_server.notifications")
    queue = DeliveryQueue(DeliveryLog(), FAST, httpx.MockTransport(Receiver(down)))
    request, parameters = pay_request()
    queue.submit(request, "transaction 1", parameters)
    assert await queue.log.until_settled(5)
    [delivery] = queue.log.as_json()
    assert delivery["Type"] == "Pay" and delivery["Status"] == "delivered"
    assert [a["Number"] for a in delivery["Attempts"]] == [1, 2]
    assert delivery["Attempts"][0]["Error"] == "connection failed (ConnectError)"
    assert delivery["Parameters"]["TransactionId"] == "2210000001"
    json.dumps(delivery)
    info = [r.getMessage() for r in caplog.records if r.levelno == logging.INFO]
    assert len(info) == 2 and "attempt 1/4" in info[0] and "-> retrying" in info[0]
    assert all(SECRET not in r.getMessage() for r in caplog.records)
    assert all("1500.50" not in message for message in info)  # parameters at debug level only


async def test_other_formats_are_recorded_as_not_emulated() -> None:
    receiver = Receiver()
    queue = DeliveryQueue(DeliveryLog(), FAST, httpx.MockTransport(receiver))
    notifier = Notifier(SECRET, queue)
    notifier.configured[NotificationType.PAY] = NotificationSettings(True, RECEIVER, format=Format.QIWI)
    delivery = notifier.emit(NotificationType.PAY, "transaction 1", lambda: [("TransactionId", "1")])
    assert delivery is not None and delivery.status is DeliveryStatus.NOT_EMULATED
    assert delivery.note == "Format QIWI is not emulated; only CloudPayments is"
    # Disabled, or enabled without an address: nothing at all.
    notifier.configured[NotificationType.FAIL] = NotificationSettings(False, RECEIVER)
    notifier.configured[NotificationType.CONFIRM] = NotificationSettings(True, None)
    assert notifier.emit(NotificationType.FAIL, "t", lambda: []) is None
    assert notifier.emit(NotificationType.CONFIRM, "t", lambda: []) is None
    assert notifier.emit(NotificationType.REFUND, "t", lambda: []) is None
    await asyncio.sleep(0.01)
    assert receiver.requests == []


# ---------- the Check ----------


@pytest.mark.parametrize(
    ("result", "reason_code"),
    [
        (AttemptResult(200, 0, None), 0),
        (AttemptResult(200, 10, None), CheckReason.INVALID_INVOICE_ID),
        (AttemptResult(200, 11, None), CheckReason.INVALID_ACCOUNT_ID),
        (AttemptResult(200, 12, None), CheckReason.INVALID_AMOUNT),
        (AttemptResult(200, 13, None), CheckReason.NOT_ACCEPTED),
        (AttemptResult(200, 20, None), CheckReason.OUT_OF_DATE),
        (AttemptResult(200, 99, None), CheckReason.FORMAT_ERROR),
        (AttemptResult(200, None, "not JSON"), CheckReason.FORMAT_ERROR),
        (AttemptResult(None, None, "connection failed"), CheckReason.UNAVAILABLE),
        (AttemptResult(None, None, "no answer within 5 s"), CheckReason.UNAVAILABLE),
        (AttemptResult(404, None, "HTTP 404"), CheckReason.UNABLE_TO_CONNECT),
        (AttemptResult(504, 0, "HTTP 504"), CheckReason.UNABLE_TO_CONNECT),
    ],
)
def test_check_answers_as_reason_codes(result: AttemptResult, reason_code: int) -> None:
    assert reason_code_of(result, CHECK_ANSWERS) == reason_code
    verdict = verdict_of(7, result, CHECK_ANSWERS)
    assert verdict.declines is (reason_code != 0)
    assert verdict.transaction_id == 7


@pytest.mark.parametrize(
    ("code", "reason_code", "reason"),
    [(0, 0, None), (10, 3001, "InvalidInvoiceId"), (11, 3002, "InvalidAccountId"),
     (12, 3003, "InvalidAmount"), (13, 3008, "NotAccepted"), (20, 3004, "OutOfDate"),
     (1, 3005, "FormatError")],
)  # fmt: skip
async def test_check_sent_once_and_its_code_decides(code: int, reason_code: int, reason: str | None) -> None:
    receiver = Receiver(answer(200, json.dumps({"code": code}).encode()))
    queue = DeliveryQueue(DeliveryLog(), FAST, httpx.MockTransport(receiver))
    notifier = Notifier(SECRET, queue, check_url=RECEIVER, check_answers=CHECK_ANSWERS)
    verdict = await notifier.check(transaction(status=TransactionStatus.AUTHORIZED))
    assert verdict is not None
    assert (verdict.reason_code, verdict.answer_code) == (reason_code, code)
    # The word a declined payment answers with is the spec's.
    assert (VOCABULARY.reason(reason_code) if verdict.declines else None) == reason
    [request] = receiver.requests
    sent = dict(parse_qsl(request.content.decode()))
    assert request.method == "POST" and sent["Status"] == "Authorized" and sent["OperationType"] == "Payment"
    assert request.headers["Content-HMAC"] == b64_hmac(request.content)
    [delivery] = queue.log.deliveries()
    assert delivery.type is NotificationType.CHECK and delivery.status is DeliveryStatus.DELIVERED


async def test_check_receiver_down_or_failing() -> None:
    for script, reason_code, status in [
        (down, 3006, DeliveryStatus.FAILED),
        (answer(404, b"not found"), 3007, DeliveryStatus.FAILED),
        (answer(200, b"yes"), 3005, DeliveryStatus.FAILED),
    ]:
        receiver = Receiver(script)
        queue = DeliveryQueue(DeliveryLog(), FAST, httpx.MockTransport(receiver))
        verdict = await Notifier(SECRET, queue, check_url=RECEIVER, check_answers=CHECK_ANSWERS).check(
            transaction()
        )
        assert verdict is not None and verdict.reason_code == reason_code
        assert len(receiver.requests) == 1  # never retried
        assert queue.log.deliveries()[0].status is status


async def test_no_check_without_an_address() -> None:
    queue = DeliveryQueue(DeliveryLog(), FAST, httpx.MockTransport(Receiver()))
    assert await Notifier(SECRET, queue).check(transaction()) is None


def test_answer_code_reading() -> None:
    assert read_answer_code(b'{"code":0}') == 0
    assert read_answer_code(b'{"Code": 13}') == 13
    assert read_answer_code(b'{"code": true}') is None
    assert read_answer_code(b"\xff") is None
    assert read_answer_code(b"") is None


def test_check_answers_and_their_words_are_the_spec_s() -> None:
    # Every documented refusal of a Check has a ReasonCode with a word; the mock's own failure codes too.
    assert CHECK_ANSWERS == {10: 3001, 11: 3002, 12: 3003, 13: 3008, 20: 3004}
    words = {code: VOCABULARY.reason(code) for code in [*CHECK_ANSWERS.values(), *CheckReason]}
    assert words[3008] == "NotAccepted" and words[3006] == "Unavailable"
    assert "UnableToProcess" not in words.values()


def test_the_notification_vocabulary_is_the_spec_s() -> None:
    # The mock names the types and settings it acts on; their words and defaults are the spec's.
    spec = spec_tools.load_spec(shared=True)
    schemas = spec["components"]["schemas"]
    assert [kind.value for kind in NotificationType] == schemas["NotificationType"]["enum"]
    settings = spec_tools.object_properties(schemas["NotificationSettingsRequest"], spec)
    for name, enum in (("HttpMethod", HttpMethod), ("Encoding", Encoding), ("Format", Format)):
        # Besides null: a setting sent as null is the setting left out.
        values = [value for value in settings[name]["enum"] if value is not None]
        assert [member.value for member in enum] == values, name
    defaults = NotificationSettings()
    assert (defaults.is_enabled, defaults.address) == (settings["IsEnabled"]["default"], None)
    assert (defaults.http_method, defaults.encoding, defaults.format) == tuple(
        settings[name]["default"] for name in ("HttpMethod", "Encoding", "Format")
    )
