"""The wired mock sends notifications: a real receiver (a Starlette app on a free port) gets each enabled
type, signed, in order; the Check declines a payment; a receiver that is down and comes back still gets its
notification; refused operations and disabled types send nothing; the API never waits for a delivery."""

from __future__ import annotations

import base64
import hashlib
import hmac
import threading
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Final
from urllib.parse import parse_qsl, unquote_to_bytes

import httpx
import pytest
from cloudpayments_client import webhooks
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from contract_tests.mock.helpers import AUTH, BASE_URL, pay
from contract_tests.support.cards import OTHER_CARD, approving_card, card_body, declining_card, packet
from contract_tests.support.mock_setup import subscription_body
from contract_tests.support.servers import free_port, serve_asgi
from mock_server import DEFAULT_API_SECRET, create_app
from mock_server.__main__ import parse_args
from mock_server.webhooks.delivery import RetrySchedule
from mock_server.webhooks.records import DeliveryStatus
from mock_server.webhooks.settings import SENT_TYPES, NotificationType
from spec_tools import default_spec_path

FAST: Final = RetrySchedule(delays=(0.05, 0.1), max_attempts=4, timeout=2.0)
SETTLE_SECONDS: Final = 15.0


@dataclass(frozen=True)
class Received:
    method: str
    path: str
    query: bytes
    headers: dict[str, str]
    body: bytes

    @property
    def signed(self) -> bytes:
        """What the signature covers: a POST's body, a GET's query string."""
        return self.body if self.method == "POST" else self.query

    def values(self, encoding: str = "utf-8") -> dict[str, str]:
        return dict(parse_qsl(self.signed.decode("ascii"), keep_blank_values=True, encoding=encoding))


class Receiver:
    """The merchant's site: records every request; answers `{"code": 0}` unless told otherwise per path."""

    def __init__(self) -> None:
        self.received: list[Received] = []
        self.script: dict[str, list[Response]] = {}
        self.codes: dict[str, int] = {}
        self._lock = threading.Lock()
        self.app = Starlette(routes=[Route("/{path:path}", self.handle, methods=["GET", "POST"])])

    async def handle(self, request: Request) -> Response:
        body = await request.body()
        path = request.url.path
        with self._lock:
            self.received.append(
                Received(request.method, path, request.scope["query_string"], dict(request.headers), body)
            )
            scripted = self.script.get(path)
            if scripted:
                return scripted.pop(0)
        return JSONResponse({"code": self.codes.get(path, 0)})

    def at(self, path: str) -> list[Received]:
        with self._lock:
            return [r for r in self.received if r.path == path]


def b64_hmac(message: bytes, secret: str = DEFAULT_API_SECRET) -> str:
    return base64.b64encode(hmac.new(secret.encode(), message, hashlib.sha256).digest()).decode()


def assert_signed(received: Received) -> None:
    assert hmac.compare_digest(received.headers["content-hmac"], b64_hmac(received.signed))
    decoded = unquote_to_bytes(received.signed.replace(b"+", b" "))
    assert hmac.compare_digest(received.headers["x-content-hmac"], b64_hmac(decoded))


@pytest.fixture
def receiver() -> Iterator[tuple[Receiver, str]]:
    site = Receiver()
    with serve_asgi(site.app) as url:
        yield site, url


def make_app(check_url: str | None = None) -> Starlette:
    return create_app(
        spec_path=default_spec_path(),
        validate_responses=True,
        check_url=check_url,
        notification_schedule=FAST,
    )


@pytest.fixture
async def mock(receiver: tuple[Receiver, str]) -> AsyncIterator[tuple[Starlette, httpx.AsyncClient]]:
    app = make_app(check_url=f"{receiver[1]}/check")
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL, auth=AUTH) as api:
        yield app, api
    app.state.notifications.cancel()
    assert app.state.api.internal_errors == []


async def enable(api: httpx.AsyncClient, kind: NotificationType, address: str, **settings: Any) -> None:
    """Through the API, as a merchant's site would."""
    body = {"IsEnabled": True, "Address": address, "HttpMethod": "POST", **settings}
    answer = await post(api, f"/site/notifications/{kind.value}/update", body)
    assert answer["Success"] is True, answer


async def settled(app: Starlette) -> list[Any]:
    log = app.state.notifications.log
    assert await log.until_settled(SETTLE_SECONDS)
    deliveries: list[Any] = log.deliveries()
    return deliveries


async def post(api: httpx.AsyncClient, path: str, body: dict[str, Any]) -> dict[str, Any]:
    response = await api.post(path, json=body)
    assert response.status_code == 200
    answer: dict[str, Any] = response.json()
    return answer


async def test_each_enabled_type_arrives_signed_in_order(
    receiver: tuple[Receiver, str], mock: tuple[Starlette, httpx.AsyncClient]
) -> None:
    site, url = receiver
    app, api = mock
    for kind in SENT_TYPES:
        if kind is not NotificationType.CHECK:
            await enable(api, kind, f"{url}/{kind.value.lower()}")
    charged = (await pay(api, approving_card(), AccountId="user_1", Email="user@example.com"))["Model"]
    declined = (await pay(api, declining_card()))["Model"]
    authorized = (await pay(api, approving_card(), scheme="auth", Amount=300))["Model"]
    await post(api, "/payments/confirm", {"TransactionId": authorized["TransactionId"], "Amount": 250.5})
    refund = await post(api, "/payments/refund", {"TransactionId": charged["TransactionId"], "Amount": 40})
    voided = (await pay(api, approving_card(), scheme="auth"))["Model"]
    await post(api, "/payments/void", {"TransactionId": voided["TransactionId"]})
    created = await post(api, "/subscriptions/create", subscription_body(charged["Token"], "user_1"))
    await post(api, "/subscriptions/cancel", {"Id": created["Model"]["Id"]})

    deliveries = await settled(app)
    assert all(d.status is DeliveryStatus.DELIVERED for d in deliveries)
    paths = [r.path for r in site.received]
    assert paths.count("/check") == 4  # before each card payment
    assert [p for p in paths if p != "/check"] == [
        "/pay", "/fail", "/pay", "/confirm", "/refund", "/pay", "/cancel", "/recurrent",
    ]  # fmt: skip
    for received in site.received:
        assert received.method == "POST"
        assert received.headers["content-type"] == "application/x-www-form-urlencoded; charset=utf-8"
        assert_signed(received)
    pay_values = site.at("/pay")[0].values()
    assert pay_values["TransactionId"] == str(charged["TransactionId"])
    assert (pay_values["Amount"], pay_values["Status"], pay_values["TestMode"]) == (
        "100.00",
        "Completed",
        "1",
    )
    assert pay_values["AccountId"] == "user_1" and pay_values["Token"] == charged["Token"]
    assert site.at("/pay")[1].values()["Status"] == "Authorized"
    fail = site.at("/fail")[0].values()
    assert (fail["TransactionId"], fail["ReasonCode"]) == (str(declined["TransactionId"]), "5051")
    assert fail["Reason"] == "InsufficientFunds"
    confirm = site.at("/confirm")[0].values()
    assert (confirm["Amount"], confirm["Status"]) == ("250.50", "Completed")
    refunded = site.at("/refund")[0].values()
    assert refunded["TransactionId"] == str(refund["Model"]["TransactionId"])
    assert refunded["PaymentTransactionId"] == str(charged["TransactionId"])
    assert refunded["Amount"] == "40.00"
    assert site.at("/cancel")[0].values()["TransactionId"] == str(voided["TransactionId"])
    recurrent = site.at("/recurrent")[0].values()
    assert (recurrent["Id"], recurrent["Status"]) == (created["Model"]["Id"], "Cancelled")
    # The Check went out with the id the payment then got.
    assert site.at("/check")[0].values()["TransactionId"] == str(charged["TransactionId"])


async def test_check_declining_with_code_13(
    receiver: tuple[Receiver, str], mock: tuple[Starlette, httpx.AsyncClient]
) -> None:
    site, url = receiver
    app, api = mock
    await enable(api, NotificationType.PAY, f"{url}/pay")
    await enable(api, NotificationType.FAIL, f"{url}/fail")
    site.codes["/check"] = 13
    answer = await pay(api, approving_card(), InvoiceId="inv-13")
    assert answer["Success"] is False
    model = answer["Model"]
    assert (model["Status"], model["ReasonCode"], model["Reason"]) == ("Declined", 3008, "NotAccepted")
    await settled(app)
    [check] = site.at("/check")
    assert check.values()["TransactionId"] == str(model["TransactionId"])
    assert check.values()["InvoiceId"] == "inv-13"
    assert_signed(check)
    assert site.at("/pay") == []
    [fail] = site.at("/fail")
    assert fail.values()["ReasonCode"] == "3008" and fail.values()["Reason"] == "NotAccepted"


@pytest.mark.parametrize(
    ("code", "reason_code"), [(10, 3001), (11, 3002), (12, 3003), (20, 3004), (99, 3005)]
)
async def test_check_codes_decline_with_their_reason_codes(
    receiver: tuple[Receiver, str], mock: tuple[Starlette, httpx.AsyncClient], code: int, reason_code: int
) -> None:
    site, _ = receiver
    _, api = mock
    site.codes["/check"] = code
    answer = await pay(api, approving_card(), scheme="auth")
    assert answer["Model"]["ReasonCode"] == reason_code
    assert site.at("/check")[0].values()["Status"] == "Authorized"


async def test_check_receiver_unreachable_declines_3006() -> None:
    app = make_app(check_url=f"http://127.0.0.1:{free_port()}/check")
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL, auth=AUTH) as api:
        answer = await pay(api, approving_card())
    assert (answer["Model"]["ReasonCode"], answer["Model"]["Reason"]) == (3006, "Unavailable")
    [check] = app.state.notifications.log.deliveries()
    assert check.status is DeliveryStatus.FAILED and check.attempts[0].error.startswith("connection failed")


async def test_receiver_down_then_back_gets_the_notification(
    receiver: tuple[Receiver, str], mock: tuple[Starlette, httpx.AsyncClient]
) -> None:
    site, url = receiver
    app, api = mock
    await enable(api, NotificationType.PAY, f"{url}/pay")
    site.script["/pay"] = [Response(status_code=503), Response(b"<html>busy</html>", status_code=200)]
    started = time.monotonic()
    answer = await pay(api, approving_card())
    assert answer["Success"] is True
    assert time.monotonic() - started < 1.0  # the answer does not wait for the retries
    [delivery] = [d for d in await settled(app) if d.type is NotificationType.PAY]
    assert delivery.status is DeliveryStatus.DELIVERED
    assert [(a.status_code, a.error) for a in delivery.attempts] == [
        (503, "HTTP 503"), (200, 'the answer is not JSON {"code": N}'), (200, None),
    ]  # fmt: skip
    assert len(site.at("/pay")) == 3
    assert {r.body for r in site.at("/pay")} == {site.at("/pay")[0].body}  # the same bytes each time


async def test_receiver_always_down_fails_after_the_attempts_and_the_api_goes_on() -> None:
    app = make_app()
    down = f"http://127.0.0.1:{free_port()}/pay"
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL, auth=AUTH) as api:
        await enable(api, NotificationType.PAY, down)
        first = await pay(api, approving_card())
        second = await pay(api, approving_card())
        assert first["Success"] is second["Success"] is True
        deliveries = await settled(app)
    assert [d.status for d in deliveries] == [DeliveryStatus.FAILED] * 2
    assert [len(d.attempts) for d in deliveries] == [FAST.max_attempts] * 2
    assert app.state.api.internal_errors == []


async def test_get_and_windows1251(
    receiver: tuple[Receiver, str], mock: tuple[Starlette, httpx.AsyncClient]
) -> None:
    site, url = receiver
    app, api = mock
    await enable(api, NotificationType.PAY, f"{url}/pay?shop=1", HttpMethod="GET")
    await enable(api, NotificationType.FAIL, f"{url}/fail", Encoding="Windows1251")
    description = "Оплата заказа"
    await pay(api, approving_card(), Description=description)
    await pay(api, declining_card(), Description=description)
    await settled(app)
    [got] = site.at("/pay")
    assert got.method == "GET" and got.body == b""
    assert got.query.startswith(b"shop=1&")
    signed = got.query[len(b"shop=1&") :]
    assert got.headers["content-hmac"] == b64_hmac(signed)
    assert dict(parse_qsl(signed.decode()))["Description"] == description
    [failed] = site.at("/fail")
    assert failed.headers["content-type"].endswith("charset=windows-1251")
    assert failed.values("cp1251")["Description"] == description
    assert description.encode("cp1251") in unquote_to_bytes(failed.body.replace(b"+", b" "))
    assert_signed(failed)


async def test_refused_operations_and_disabled_types_send_nothing(
    receiver: tuple[Receiver, str], mock: tuple[Starlette, httpx.AsyncClient]
) -> None:
    site, url = receiver
    app, api = mock
    await enable(api, NotificationType.REFUND, f"{url}/refund")
    await enable(api, NotificationType.CONFIRM, f"{url}/confirm")
    await enable(api, NotificationType.PAY, f"{url}/pay", IsEnabled=False)
    charged = (await pay(api, approving_card()))["Model"]
    refused = await post(api, "/payments/refund", {"TransactionId": charged["TransactionId"], "Amount": 1000})
    assert refused["Success"] is False
    confirm = await post(api, "/payments/confirm", {"TransactionId": charged["TransactionId"], "Amount": 1})
    assert confirm["Success"] is False
    await settled(app)
    assert [r.path for r in site.received] == ["/check"]


async def test_repeated_request_id_sends_nothing_again(
    receiver: tuple[Receiver, str], mock: tuple[Starlette, httpx.AsyncClient]
) -> None:
    site, url = receiver
    app, api = mock
    await enable(api, NotificationType.PAY, f"{url}/pay")
    body = card_body(approving_card())
    headers = {"X-Request-ID": "same-payment"}
    first = await api.post("/payments/cards/charge", json=body, headers=headers)
    again = await api.post("/payments/cards/charge", json=body, headers=headers)
    assert first.content == again.content
    await settled(app)
    assert [r.path for r in site.received] == ["/check", "/pay"]


async def test_notifications_route_and_reset(
    receiver: tuple[Receiver, str], mock: tuple[Starlette, httpx.AsyncClient]
) -> None:
    _, url = receiver
    app, api = mock
    await enable(api, NotificationType.PAY, f"{url}/pay")
    await pay(api, approving_card())
    await settled(app)
    unauthorized = await api.get("/__mock__/notifications", auth=httpx.BasicAuth("x", "y"))
    assert unauthorized.status_code == 401
    listed = (await api.get("/__mock__/notifications")).json()
    assert [(d["Type"], d["Status"]) for d in listed] == [("Check", "delivered"), ("Pay", "delivered")]
    assert listed[1]["Attempts"][0]["StatusCode"] == 200 and listed[1]["Attempts"][0]["AnswerCode"] == 0
    assert listed[1]["Address"] == f"{url}/pay"
    assert (await api.post("/__mock__/reset")).status_code == 200
    assert (await api.get("/__mock__/notifications")).json() == []


def test_command_line_flags() -> None:
    args = parse_args(
        ["--check-url", "http://127.0.0.1:9/check", "--notify-delays", "0.1,1", "--notify-attempts", "3"]
    )
    assert args.check_url == "http://127.0.0.1:9/check"
    assert args.notify_delays == (0.1, 1.0) and args.notify_attempts == 3
    defaults = parse_args([])
    assert defaults.check_url is None and defaults.notify_delays == (0.2, 0.5, 1.0, 2.0, 5.0)
    with pytest.raises(SystemExit):
        parse_args(["--notify-delays", "soon"])


class ClientReceiver:
    """A merchant's handler written with the client's `cloudpayments_client.webhooks`: each kind at its own
    path; it verifies and parses every notification and declines the Check of invoice `refuse-me`."""

    def __init__(self) -> None:
        self.parsed: list[Any] = []
        self.refused: list[str] = []
        self.app = Starlette(routes=[Route("/{kind}", self.handle, methods=["GET", "POST"])])

    async def handle(self, request: Request) -> Response:
        body = await request.body() if request.method == "POST" else request.scope["query_string"]
        kind = request.path_params["kind"]
        try:
            notification = webhooks.parse(body, request.headers, DEFAULT_API_SECRET, kind=kind)
        except webhooks.InvalidSignatureError as exc:
            self.refused.append(str(exc))
            return Response(status_code=401)
        self.parsed.append(notification)
        if isinstance(notification, webhooks.CheckNotification) and notification.invoice_id == "refuse-me":
            answer = webhooks.decline(webhooks.CheckCode.NOT_ACCEPTED)
        else:
            answer = webhooks.accept()
        return Response(answer.body, status_code=answer.status_code, headers=answer.headers)


async def test_a_receiver_written_with_the_client_verifies_and_parses_every_type() -> None:
    site = ClientReceiver()
    with serve_asgi(site.app) as url:
        app = make_app(check_url=f"{url}/check")
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=BASE_URL, auth=AUTH) as api:
            for kind in SENT_TYPES:
                if kind is not NotificationType.CHECK:
                    method = "GET" if kind is NotificationType.CANCEL else "POST"
                    encoding = "Windows1251" if kind is NotificationType.FAIL else "UTF8"
                    address = f"{url}/{kind.value.lower()}"
                    await enable(api, kind, address, HttpMethod=method, Encoding=encoding)
            charged = (await pay(api, approving_card(), AccountId="user_1", Description="Заказ №1"))["Model"]
            refused = (await pay(api, approving_card(), InvoiceId="refuse-me"))["Model"]
            await pay(api, declining_card(), Description="Заказ №2", JsonData={"cart": [1, 2]})
            authorized = (await pay(api, approving_card(), scheme="auth"))["Model"]
            await post(
                api, "/payments/confirm", {"TransactionId": authorized["TransactionId"], "Amount": 99.99}
            )
            await post(api, "/payments/refund", {"TransactionId": charged["TransactionId"], "Amount": 10})
            voided = (await pay(api, approving_card(), scheme="auth"))["Model"]
            await post(api, "/payments/void", {"TransactionId": voided["TransactionId"]})
            created = await post(api, "/subscriptions/create", subscription_body(charged["Token"], "user_1"))
            await post(api, "/subscriptions/cancel", {"Id": created["Model"]["Id"]})
            deliveries = await settled(app)
    assert site.refused == []
    assert all(d.status is DeliveryStatus.DELIVERED for d in deliveries)
    assert refused["ReasonCode"] == 3008
    kinds = [n.kind.value for n in site.parsed if n.kind.value != "Check"]
    assert kinds == ["Pay", "Fail", "Fail", "Pay", "Confirm", "Refund", "Pay", "Cancel", "Recurrent"]
    by_kind = {n.kind.value: n for n in reversed(site.parsed)}  # the first of each kind
    paid = by_kind["Pay"]
    assert paid.transaction_id == charged["TransactionId"] and paid.amount == Decimal("100.00")
    assert paid.test_mode is True and paid.description == "Заказ №1" and paid.status == "Completed"
    assert paid.date_time.tzinfo is not None
    fails = [n for n in site.parsed if n.kind.value == "Fail"]
    assert [f.reason_code for f in fails] == [3008, 5051]
    assert fails[1].description == "Заказ №2" and fails[1].data == {"cart": [1, 2]}  # Windows-1251
    assert by_kind["Confirm"].amount == Decimal("99.99")
    assert by_kind["Refund"].payment_transaction_id == charged["TransactionId"]
    assert by_kind["Cancel"].transaction_id == voided["TransactionId"]  # by GET
    assert by_kind["Recurrent"].status == "Cancelled"


async def test_payouts_send_pay_and_fail_as_card_payouts_without_a_check(
    receiver: tuple[Receiver, str], mock: tuple[Starlette, httpx.AsyncClient]
) -> None:
    site, url = receiver
    _, api = mock
    await enable(api, NotificationType.PAY, f"{url}/pay")
    await enable(api, NotificationType.FAIL, f"{url}/fail")
    paid = await post(
        api,
        "/payments/cards/topup",
        {"CardCryptogramPacket": packet(OTHER_CARD), "Amount": 3, "Currency": "RUB"},
    )
    declined = await post(
        api,
        "/payments/cards/topup",
        {"CardCryptogramPacket": packet(declining_card()), "Amount": 3, "Currency": "RUB"},
    )
    assert paid["Success"] is True and declined["Success"] is False
    await settled(mock[0])
    assert [r.path for r in site.received] == ["/pay", "/fail"]
    assert site.at("/pay")[0].values()["OperationType"] == "CardPayout"
    assert site.at("/pay")[0].values()["TransactionId"] == str(paid["Model"]["TransactionId"])
    assert site.at("/fail")[0].values()["TransactionId"] == str(declined["Model"]["TransactionId"])


async def test_formats_other_than_cloudpayments_are_recorded_not_sent(
    receiver: tuple[Receiver, str], mock: tuple[Starlette, httpx.AsyncClient]
) -> None:
    site, url = receiver
    app, api = mock
    await enable(api, NotificationType.PAY, f"{url}/pay", Format="QIWI")
    await pay(api, approving_card())
    deliveries = await settled(app)
    assert [(d.type, d.status) for d in deliveries] == [
        (NotificationType.CHECK, DeliveryStatus.DELIVERED),
        (NotificationType.PAY, DeliveryStatus.NOT_EMULATED),
    ]
    assert [r.path for r in site.received] == ["/check"]
