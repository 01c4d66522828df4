"""Money safety of the mock: every operation is all or nothing, also around a reset, its notifications and
its stored answers.

- A reset while a payment waits on its Check: the payment commits nothing (it answers that the mock was
  reset) and its reserved id is never given to another transaction.
- Notifications are built while their operation is decided: one that cannot be built refuses the operation
  with no trace; queueing one after the commit never fails the operation. Absurd amounts are declined
  (payments, payouts) or refused (subscriptions, orders), and notification amounts are exact at any size.
- Parameters an operation's schema does not declare, but its transaction keeps, are checked for their type.
- The answers kept for X-Request-ID are capped; concurrent retries under one key send one Check; a number and
  its text in JsonData are different requests; extreme list dates are out of range, not invalid.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from decimal import Decimal
from typing import Any, Final
from urllib.parse import parse_qsl

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from contract_tests.mock.helpers import AUTH, BASE_URL, pay, send
from contract_tests.support.cards import OTHER_CARD, approving_card, card_body, declining_card, packet
from contract_tests.support.mock_setup import subscription_body
from contract_tests.support.servers import serve_asgi
from mock_server import create_app
from mock_server.store import Fingerprint, Store
from mock_server.webhooks import notifier as notifier_module
from mock_server.webhooks.delivery import RetrySchedule
from mock_server.webhooks.payloads import amount_text
from mock_server.webhooks.settings import NotificationType
from spec_tools import default_spec_path

# Generous bounds on waiting for a condition; no assertion is about how long anything takes.
WAIT_SECONDS: Final = 20.0
CHECK_TIMEOUT: Final = 30.0
ONE_ATTEMPT: Final = RetrySchedule(delays=(0.05,), max_attempts=1, timeout=CHECK_TIMEOUT)
ABSURD: Final = 1e27
RESET_MESSAGE: Final = "the mock was reset while this request was being processed; nothing was done"
CEILING_MESSAGE: Final = "Amount must not exceed 1000000000 (the mock's ceiling of one payment): 1e+27"
OTHER_REQUEST: Final = (
    "X-Request-ID was already used for a different request; send a new X-Request-ID for a new request"
)


def make_app(**options: Any) -> Starlette:
    return create_app(spec_path=default_spec_path(), validate_responses=True, **options)


@asynccontextmanager
async def client_of(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url=BASE_URL, auth=AUTH) as api:
        yield api


async def until(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        await asyncio.sleep(0.01)


class SlowCheck:
    """The merchant's Check address: records each Check and holds it until `gate` is set, so a payment
    is still waiting on it while the test acts."""

    def __init__(self) -> None:
        self.gate = threading.Event()
        self._checks: list[dict[str, str]] = []
        self._lock = threading.Lock()
        self.app = Starlette(routes=[Route("/check", self.handle, methods=["POST"])])

    async def handle(self, request: Request) -> Response:
        body = await request.body()
        with self._lock:
            self._checks.append(dict(parse_qsl(body.decode("utf-8"))))
        await asyncio.get_running_loop().run_in_executor(None, self.gate.wait, CHECK_TIMEOUT)
        return JSONResponse({"code": 0})

    @property
    def checks(self) -> list[dict[str, str]]:
        with self._lock:
            return list(self._checks)


@pytest.fixture
def slow_check() -> Iterator[tuple[SlowCheck, str]]:
    site = SlowCheck()
    with serve_asgi(site.app) as url:
        try:
            yield site, f"{url}/check"
        finally:
            site.gate.set()  # no Check is left hanging when the server stops


ORDER: Final = {
    "Amount": 10,
    "Currency": "RUB",
    "Description": "Order",
    "Email": "user@example.com",
    "RequireConfirmation": False,
    "SendEmail": False,
}


def card_payout(card: str, **extra: Any) -> dict[str, Any]:
    return {"CardCryptogramPacket": packet(card), "Amount": 399, "Currency": "RUB", **extra}


class Recorder:
    """A receiver of notifications in place of the network (httpx.MockTransport): it accepts each."""

    def __init__(self) -> None:
        self.transport = httpx.MockTransport(self.handle)

    def handle(self, request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"code": 0})


async def enable(api: httpx.AsyncClient, kind: NotificationType) -> None:
    body = {"IsEnabled": True, "Address": f"http://127.0.0.1:9/{kind.value.lower()}"}
    assert (await send(api, f"/site/notifications/{kind.value}/update", body))["Success"] is True


async def notified(app: Starlette) -> list[tuple[NotificationType, dict[str, str]]]:
    log = app.state.notifications.log
    assert await log.until_settled(WAIT_SECONDS)
    return [(delivery.type, dict(delivery.parameters)) for delivery in log.deliveries()]


async def token_of(api: httpx.AsyncClient, account_id: str = "user_safe") -> str:
    token: str = (await pay(api, approving_card(), AccountId=account_id))["Model"]["Token"]
    return token


# ---------- a reset while an operation is under way ----------


async def test_a_payment_waiting_on_its_check_commits_nothing_after_a_reset(
    slow_check: tuple[SlowCheck, str],
) -> None:
    site, check_url = slow_check
    app = make_app(check_url=check_url, notification_schedule=ONE_ATTEMPT)
    async with client_of(app) as api:
        charge = asyncio.create_task(pay(api, approving_card(), InvoiceId="before-reset"))
        await until(lambda: len(site.checks) == 1, "the Check")
        reserved = int(site.checks[0]["TransactionId"])
        assert (await api.post("/__mock__/reset")).status_code == 200
        payout = await send(api, "/payments/cards/topup", card_payout(approving_card()))
        assert payout["Success"] is True
        site.gate.set()
        answer = await charge
    assert answer == {"Success": False, "Message": RESET_MESSAGE, "Model": None}
    payout_id = payout["Model"]["TransactionId"]
    assert payout_id != reserved  # the id the Check was sent with is never given again
    transactions = app.state.store.transactions
    assert list(transactions) == [payout_id]
    assert transactions[payout_id].kind == "payout" and transactions[payout_id].amount == 399
    assert app.state.api.internal_errors == []


# ---------- notifications are built before the commit ----------


async def test_an_absurd_charge_is_declined_and_its_fail_notification_has_every_digit() -> None:
    app = make_app(notification_transport=Recorder().transport)
    async with client_of(app) as api:
        await enable(api, NotificationType.FAIL)
        answer = await pay(api, approving_card(), Amount=ABSURD)
        sent = await notified(app)
    assert answer["Success"] is False
    assert (answer["Model"]["Status"], answer["Model"]["ReasonCode"]) == ("Declined", 5013)
    [(kind, values)] = sent
    assert kind is NotificationType.FAIL
    assert values["Amount"] == "1000000000000000000000000000.00" and values["ReasonCode"] == "5013"
    assert list(app.state.store.transactions) == [answer["Model"]["TransactionId"]]
    assert app.state.api.internal_errors == []


async def test_an_absurd_payout_is_declined_and_notified() -> None:
    app = make_app(notification_transport=Recorder().transport)
    async with client_of(app) as api:
        await enable(api, NotificationType.FAIL)
        answer = await send(api, "/payments/cards/topup", card_payout(approving_card(), Amount=ABSURD))
        sent = await notified(app)
    assert answer["Success"] is False and answer["Model"]["ReasonCode"] == 5013
    assert [(kind, values["Amount"]) for kind, values in sent] == [
        (NotificationType.FAIL, "1000000000000000000000000000.00")
    ]
    assert app.state.api.internal_errors == []


async def test_absurd_amounts_are_refused_by_subscriptions_and_orders(
    api: httpx.AsyncClient, mock_app: Starlette
) -> None:
    token = await token_of(api)
    created = await send(
        api, "/subscriptions/create", {**subscription_body(token, "user_safe"), "Amount": ABSURD}
    )
    assert created == {"Success": False, "Message": CEILING_MESSAGE, "Model": None}
    assert mock_app.state.store.counts()["subscriptions"] == 0
    subscription = (await send(api, "/subscriptions/create", subscription_body(token, "user_safe")))["Model"]
    updated = await send(api, "/subscriptions/update", {"Id": subscription["Id"], "Amount": ABSURD})
    assert updated == {"Success": False, "Message": CEILING_MESSAGE, "Model": None}
    got = await send(api, "/subscriptions/get", {"Id": subscription["Id"]})
    assert got["Model"]["Amount"] == subscription["Amount"]
    order = await send(api, "/orders/create", {**ORDER, "Amount": ABSURD})
    assert order == {"Success": False, "Message": CEILING_MESSAGE, "Model": None}
    assert mock_app.state.store.counts()["orders"] == 0
    # At the ceiling itself an order is fine.
    assert (await send(api, "/orders/create", {**ORDER, "Amount": 1_000_000_000}))["Success"] is True


async def test_a_notification_that_cannot_be_built_leaves_the_subscription_as_it_was(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = make_app(notification_transport=Recorder().transport)

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("the Recurrent parameters cannot be built")

    async with client_of(app) as api:
        await enable(api, NotificationType.RECURRENT)
        token = await token_of(api)
        subscription = (await send(api, "/subscriptions/create", subscription_body(token, "user_safe")))[
            "Model"
        ]
        monkeypatch.setattr(notifier_module, "recurrent_parameters", broken)
        answer = await send(api, "/subscriptions/cancel", {"Id": subscription["Id"]})
        got = await send(api, "/subscriptions/get", {"Id": subscription["Id"]})
    assert answer == {"Success": False, "Message": "The request could not be processed"}
    assert got["Model"]["Status"] == "Active"  # refused, so not cancelled either
    assert [error.split(":")[0] for error in app.state.api.internal_errors] == ["/subscriptions/cancel"]


async def test_a_fail_notification_that_cannot_be_built_leaves_no_transaction(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = make_app(notification_transport=Recorder().transport)

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("the Fail parameters cannot be built")

    monkeypatch.setattr(notifier_module, "payment_parameters", broken)
    async with client_of(app) as api:
        await enable(api, NotificationType.FAIL)
        answer = await pay(api, declining_card())
    assert answer == {"Success": False, "Message": "The request could not be processed", "Model": None}
    assert app.state.store.transactions == {}
    assert len(app.state.api.internal_errors) == 1


async def test_queueing_a_notification_after_the_commit_never_fails_the_operation(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    app = make_app(notification_transport=Recorder().transport)

    def full(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("the queue is broken")

    async with client_of(app) as api:
        await enable(api, NotificationType.PAY)
        monkeypatch.setattr(app.state.notifications, "submit", full)
        with caplog.at_level(logging.ERROR, logger="mock_server.notifications"):
            answer = await pay(api, approving_card())
    assert answer["Success"] is True  # committed, and answered so
    assert list(app.state.store.transactions) == [answer["Model"]["TransactionId"]]
    assert app.state.api.internal_errors == []
    assert any("could not be queued" in record.getMessage() for record in caplog.records)


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (Decimal("1e27"), "1000000000000000000000000000.00"),
        (1e27, "1000000000000000000000000000.00"),
        (Decimal("123456789012345678901234567890.125"), "123456789012345678901234567890.13"),
        (1.7976931348623157e308, "17976931348623157" + "0" * 292 + ".00"),
        (Decimal("0.005"), "0.01"),  # half up, as amounts are rounded on input
        (Decimal("1500.5"), "1500.50"),
        (10, "10.00"),
        (2**63 - 1, "9223372036854775807.00"),
    ],
)
def test_notification_amounts_are_exact_at_any_size(amount: Decimal | int | float, text: str) -> None:
    assert amount_text(amount) == text


# ---------- parameters the schema does not declare ----------


@pytest.mark.parametrize(
    ("path", "field", "value", "fine", "message"),
    [
        ("/payments/cards/topup", "CultureName", 1, "en-US", "CultureName must be a string"),
        ("/payments/cards/topup", "IpAddress", ["203.0.113.7"], "203.0.113.7", "IpAddress must be a string"),
        ("/payments/token/topup", "CultureName", True, "ru-RU", "CultureName must be a string"),
        ("/payments/token/topup", "Description", {"a": 1}, "Payout", "Description must be a string"),
        ("/payments/token/topup", "JsonData", "text", {"a": 1}, "JsonData must be an object"),
        ("/payments/tokens/charge", "Name", 1, "CARD HOLDER", "Name must be a string"),
        ("/payments/cards/charge", "TrInitiatorCode", "1", 1, "TrInitiatorCode must be an integer"),
    ],
)
async def test_undeclared_parameters_the_transaction_keeps_are_checked(
    api: httpx.AsyncClient, mock_app: Starlette, path: str, field: str, value: Any, fine: Any, message: str
) -> None:
    token = await token_of(api)
    bodies: dict[str, dict[str, Any]] = {
        "/payments/cards/topup": card_payout(approving_card()),
        "/payments/token/topup": {"Token": token, "AccountId": "user_safe", "Amount": 10, "Currency": "RUB"},
        "/payments/tokens/charge": {
            "Token": token,
            "AccountId": "user_safe",
            "Amount": 10,
            "Currency": "RUB",
            "TrInitiatorCode": 0,
        },
        "/payments/cards/charge": card_body(approving_card()),
    }
    answer = await send(api, path, {**bodies[path], field: value})
    assert answer == {"Success": False, "Message": message, "Model": None}
    assert len(mock_app.state.store.transactions) == 1  # the payment that issued the token
    # Of the right type, the parameter is kept and echoed as before.
    assert (await send(api, path, {**bodies[path], field: fine}))["Success"] is True


async def test_a_payout_reads_a_text_culture_name(api: httpx.AsyncClient) -> None:
    answer = await send(api, "/payments/cards/topup", card_payout(approving_card(), CultureName="en-US"))
    assert answer["Model"]["CardHolderMessage"] == "Payment successful"


# ---------- the answers kept for X-Request-ID ----------


async def test_stored_answers_are_capped_and_the_oldest_drop_is_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    app = make_app(max_stored_answers=2)
    public_id = app.state.public_id
    async with client_of(app) as api:
        with caplog.at_level(logging.DEBUG, logger="mock_server"):
            first = [
                await send(api, "/payments/cards/charge", card_body(OTHER_CARD), request_id=f"k{n}")
                for n in range(3)
            ]
            assert list(app.state.store.answers) == [(public_id, "k1"), (public_id, "k2")]
            # The dropped one is processed again (which drops k1); a kept one is replayed.
            again = await send(api, "/payments/cards/charge", card_body(OTHER_CARD), request_id="k0")
            kept = await send(api, "/payments/cards/charge", card_body(OTHER_CARD), request_id="k2")
    assert again["Model"]["TransactionId"] != first[0]["Model"]["TransactionId"]
    assert kept == first[2]
    drops = [record for record in caplog.records if "dropped the oldest" in record.getMessage()]
    assert [record.levelno for record in drops] == [logging.WARNING, logging.DEBUG]
    assert "'k0'" in drops[0].getMessage() and "'k1'" in drops[1].getMessage()
    assert app.state.store.evicted == 2


def test_a_long_session_logs_every_thousandth_eviction_above_debug(caplog: pytest.LogCaptureFixture) -> None:
    store = Store(max_answers=1)
    with caplog.at_level(logging.INFO, logger="mock_server"):
        for number in range(2002):
            store.store_answer(("pk", f"k{number}"), Fingerprint("/p", "d"), 200, b"{}")
    levels = [record.levelno for record in caplog.records if "dropped the oldest" in record.getMessage()]
    assert levels == [logging.WARNING, logging.INFO, logging.INFO]
    assert "2000 dropped so far" in caplog.records[-1].getMessage()
    assert store.evicted == 2001 and len(store.answers) == 1


def test_max_stored_answers_must_be_at_least_one() -> None:
    with pytest.raises(ValueError, match="max_stored_answers must be at least 1"):
        make_app(max_stored_answers=0)


@pytest.mark.parametrize("retry", ["same", "different"])
async def test_concurrent_retries_under_one_key_send_one_check(
    slow_check: tuple[SlowCheck, str], retry: str
) -> None:
    site, check_url = slow_check
    app = make_app(check_url=check_url, notification_schedule=ONE_ATTEMPT)
    body = card_body(approving_card())
    headers = {"X-Request-ID": "retry-1"}
    async with client_of(app) as api:
        first = asyncio.create_task(api.post("/payments/cards/charge", json=body, headers=headers))
        await until(lambda: len(site.checks) == 1, "the first Check")
        second_body = body if retry == "same" else {**body, "Amount": 101}
        second = asyncio.create_task(api.post("/payments/cards/charge", json=second_body, headers=headers))
        routes = app.state.api
        await until(
            lambda: len(site.checks) == 2 or getattr(routes, "retries_waiting", 0) == 1, "the retry to wait"
        )
        site.gate.set()
        answers = await asyncio.gather(first, second)
    assert len(site.checks) == 1
    if retry == "same":
        assert answers[0].content == answers[1].content
    else:
        assert answers[1].json() == {"Success": False, "Message": OTHER_REQUEST, "Model": None}
    assert len(app.state.store.transactions) == 1
    assert app.state.api.internal_errors == []


@pytest.mark.parametrize(
    ("sent", "retried"),
    [({"a": 1}, {"a": "1"}), ({"a": [1]}, {"a": ["1"]}), ({"a": {"b": 2}}, {"a": {"b": "2"}})],
)
async def test_a_number_and_its_text_in_json_data_are_different_requests(
    api: httpx.AsyncClient, sent: dict[str, Any], retried: dict[str, Any]
) -> None:
    first = await send(api, "/payments/cards/charge", card_body(OTHER_CARD, JsonData=sent), request_id="jd")
    assert first["Success"] is True
    other = await send(
        api, "/payments/cards/charge", card_body(OTHER_CARD, JsonData=retried), request_id="jd"
    )
    assert other == {"Success": False, "Message": OTHER_REQUEST, "Model": None}


async def test_the_same_number_in_another_form_is_the_same_request(api: httpx.AsyncClient) -> None:
    first = await send(
        api, "/payments/cards/charge", card_body(OTHER_CARD, JsonData={"a": 10}), request_id="n"
    )
    again = await send(
        api, "/payments/cards/charge", card_body(OTHER_CARD, JsonData={"a": 10.0}), request_id="n"
    )
    assert again == first


# ---------- extreme dates in lists ----------


@pytest.mark.parametrize(
    ("path", "body", "message"),
    [
        (
            "/payments/list",
            {"Date": "0001-01-01", "TimeZone": "MSK"},
            "Date is out of range: '0001-01-01' in MSK starts before 0001-01-01 UTC",
        ),
        (
            "/v2/payments/list",
            {
                "CreatedDateGte": "0001-01-01T00:00:00",
                "CreatedDateLte": "2020-01-01T00:00:00",
                "TimeZone": "MSK",
            },
            "CreatedDateGte is out of range: '0001-01-01T00:00:00' is outside the years 1-9999 in UTC",
        ),
        (
            "/v2/payments/list",
            {
                "CreatedDateGte": "2020-01-01T00:00:00",
                "CreatedDateLte": "9999-12-31T23:59:59",
                "TimeZone": "HST",
            },
            "CreatedDateLte is out of range: '9999-12-31T23:59:59' is outside the years 1-9999 in UTC",
        ),
        (
            "/v2/payments/list",
            {"CreatedDateGte": "2020-01-01T00:00:00+00:00", "CreatedDateLte": "9999-12-31T23:59:59-05:00"},
            "CreatedDateLte is out of range: '9999-12-31T23:59:59-05:00' is outside the years 1-9999 in UTC",
        ),
    ],
)
async def test_extreme_list_dates_are_out_of_range_not_invalid(
    api: httpx.AsyncClient, path: str, body: dict[str, Any], message: str
) -> None:
    if path.startswith("/v2"):
        body = {**body, "PageNumber": 1}
    assert await send(api, path, body) == {"Success": False, "Message": message, "Model": None}


@pytest.mark.parametrize("zone", ["UTC", "HST", "ANAT"])
async def test_the_last_day_of_the_calendar_is_listed_to_its_end(api: httpx.AsyncClient, zone: str) -> None:
    await pay(api, OTHER_CARD)
    answer = await send(api, "/payments/list", {"Date": "9999-12-31", "TimeZone": zone})
    assert answer == {"Success": True, "Message": None, "Model": []}
