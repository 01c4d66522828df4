"""SBP, T-Pay and SberPay links and QR codes on the mock: the answers against the spec, the QR codes read
back (PNG here; the SVGs in contract_tests/docs/test_qr_codes_browser.py, rasterised by Chromium), the
payer's page (open -> Pending, pay or decline), the Pay and Fail notifications with PaymentMethod, an SBP QR
code paid twice, expiry on a fake clock, the bounded status wait, SberPay without Basic auth, the Check
before the link, an SBP refund and its Refund notification, X-Request-ID replays and refusals of bad input."""

from __future__ import annotations

import asyncio
import base64
import io
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any, Final
from urllib.parse import parse_qsl

import httpx
import pytest
import zxingcpp
from PIL import Image
from starlette.applications import Starlette

from contract_tests.mock.helpers import AUTH, BASE_URL, send
from mock_server import DEFAULT_PUBLIC_ID, create_app
from mock_server.webhooks.delivery import RetrySchedule
from spec_tools import default_spec_path

SBP_LINK: Final = "/payments/qr/sbp/link"
SBP_QR: Final = "/payments/qr/sbp/image"
TPAY_LINK: Final = "/payments/qr/tinkoffpay/link"
TPAY_QR: Final = "/payments/qr/tinkoffpay/image"
SBERPAY_LINK: Final = "/payments/qr/sberpay/link"
SBERPAY_QR: Final = "/payments/qr/sberpay/image"
WAIT: Final = "/payments/qr/status/wait"
CHECK_URL: Final = "http://shop.test/check"
SHOP: Final = "http://shop.test/hooks"
FAST: Final = RetrySchedule(delays=(0.01, 0.02), max_attempts=3, timeout=2.0)
WAIT_SECONDS: Final = 0.3

SBP_BODY: Final[dict[str, Any]] = {
    "Amount": 150.5,
    "Currency": "RUB",
    "InvoiceId": "order-7",
    "Description": "Pizza, large",
    "AccountId": "payer-1",
}
TPAY_BODY: Final[dict[str, Any]] = {
    "Amount": 10,
    "Currency": "RUB",
    "Scheme": "0",
    "Webview": False,
    "Device": "Mobile",
    "SuccessRedirectUrl": "https://shop.example/ok",
    "FailRedirectUrl": "https://shop.example/fail",
    "InvoiceId": "t-1",
}
SBERPAY_BODY: Final[dict[str, Any]] = {
    "PublicId": DEFAULT_PUBLIC_ID,
    "Amount": 1000,
    "Currency": "RUB",
    "Scheme": "charge",
    "Description": "Оплата по SberPay",
}
BODIES: Final = {
    SBP_LINK: SBP_BODY,
    SBP_QR: SBP_BODY,
    TPAY_LINK: TPAY_BODY,
    TPAY_QR: TPAY_BODY,
    SBERPAY_LINK: SBERPAY_BODY,
    SBERPAY_QR: SBERPAY_BODY,
}


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class Shop:
    """The merchant's site, in place of the network: the notifications it got and what its Check answers."""

    received: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    check_code: int = 0

    def handle(self, request: httpx.Request) -> httpx.Response:
        # A GET carries its values in the query (the settings' default), a POST in its form body.
        raw = (
            request.url.query.decode("ascii") if request.method == "GET" else request.content.decode("utf-8")
        )
        values = dict(parse_qsl(raw, keep_blank_values=True))
        kind = request.url.path.rsplit("/", 1)[-1]
        self.received.append((kind, values))
        return httpx.Response(200, json={"code": self.check_code if kind == "check" else 0})

    def of(self, kind: str) -> list[dict[str, str]]:
        return [values for got, values in self.received if got == kind]

    async def wait_for(self, kind: str, count: int = 1) -> list[dict[str, str]]:
        for _ in range(200):
            if len(self.of(kind)) >= count:
                return self.of(kind)
            await asyncio.sleep(0.01)
        raise AssertionError(f"{count} {kind} notification(s) expected, got {self.received}")


@dataclass
class Mock:
    app: Starlette
    api: httpx.AsyncClient
    anonymous: httpx.AsyncClient
    clock: FakeClock
    shop: Shop

    async def create(self, path: str, body: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
        # The app validates every answer against the spec itself (validate_responses; internal_errors).
        return await send(self.api, path, {**(body or BODIES[path]), **extra})

    async def enable(self, *kinds: str) -> None:
        for kind in kinds:
            answer = await send(
                self.api,
                f"/site/notifications/{kind}/update",
                {"IsEnabled": True, "Address": f"{SHOP}/{kind}"},
            )
            assert answer["Success"] is True

    async def choose(self, url: str, choice: str) -> httpx.Response:
        return await self.anonymous.post(url, data={"Choice": choice})

    async def payment(self, transaction_id: int) -> dict[str, Any]:
        answer = await send(self.api, "/payments/get", {"TransactionId": transaction_id})
        assert answer["Success"] is True
        model: dict[str, Any] = answer["Model"]
        return model


def make_app(clock: FakeClock, shop: Shop, check: bool = False) -> Starlette:
    return create_app(
        spec_path=default_spec_path(),
        validate_responses=True,
        clock=clock,
        check_url=CHECK_URL if check else None,
        notification_schedule=FAST,
        notification_transport=httpx.MockTransport(shop.handle),
        qr_wait_seconds=WAIT_SECONDS,
    )


@pytest.fixture
def shop() -> Shop:
    return Shop()


async def _mock(shop: Shop, check: bool) -> AsyncIterator[Mock]:
    clock = FakeClock()
    app = make_app(clock, shop, check)
    transport = httpx.ASGITransport(app=app)
    async with (
        httpx.AsyncClient(transport=transport, base_url=BASE_URL, auth=AUTH) as api,
        httpx.AsyncClient(transport=transport, base_url=BASE_URL) as anonymous,
    ):
        yield Mock(app, api, anonymous, clock, shop)
    app.state.notifications.cancel()
    assert app.state.api.internal_errors == []


@pytest.fixture
async def mock(shop: Shop) -> AsyncIterator[Mock]:
    async for made in _mock(shop, check=False):
        yield made


@pytest.fixture
async def checked_mock(shop: Shop) -> AsyncIterator[Mock]:
    async for made in _mock(shop, check=True):
        yield made


def decoded(png: bytes) -> str:
    results = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert len(results) == 1
    text: str = results[0].text
    return text


# ---------- the answers ----------


@pytest.mark.parametrize("path", [SBP_LINK, TPAY_LINK, SBERPAY_LINK])
async def test_a_link_answers_created_with_the_page_of_its_payment(mock: Mock, path: str) -> None:
    answer = await mock.create(path)
    assert answer["Success"] is True
    model = answer["Model"]
    assert model["QrImage"] is None
    assert model["QrUrl"].startswith(f"{BASE_URL}/qr/")
    payment = await mock.payment(model["TransactionId"])
    assert payment["Status"] == "Created"
    assert payment["Amount"] == BODIES[path]["Amount"]
    if path == SBERPAY_LINK:  # SberPay's answer carries only four fields
        assert set(model) == {"QrUrl", "QrImage", "TransactionId", "Amount"}
    else:
        assert model["Message"] == "Created"
        assert model["IsTest"] is True
        assert model["MerchantOrderId"] == BODIES[path]["InvoiceId"]
    if path == SBP_LINK:
        assert len(model["ProviderQrId"]) == 28
        assert model["QrUrl"].endswith(model["ProviderQrId"])
    if path == TPAY_LINK:
        assert model["ProviderQrId"] == ""


async def test_the_sbp_qr_code_is_a_png_that_reads_as_the_payment_page(mock: Mock) -> None:
    model = (await mock.create(SBP_QR))["Model"]
    assert model["QrUrl"] is None
    png = base64.b64decode(model["QrImage"])
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    url = decoded(png)
    assert url == f"{BASE_URL}/qr/{model['ProviderQrId']}"
    page = await mock.anonymous.get(url)
    assert page.status_code == 200
    assert f'id="qr-transaction">{model["TransactionId"]}<' in page.text


@pytest.mark.parametrize("path", [TPAY_QR, SBERPAY_QR])
async def test_t_pay_and_sberpay_qr_codes_are_svg(mock: Mock, path: str) -> None:
    model = (await mock.create(path))["Model"]
    svg = base64.b64decode(model["QrImage"]).decode("utf-8")
    # Read back as an image in contract_tests/docs/test_qr_codes_browser.py (Chromium rasterises it).
    assert "<svg" in svg and "<path" in svg
    assert model["QrUrl"] is None


# ---------- the payer's page ----------


async def test_opening_the_page_makes_the_payment_pending_and_shows_it(mock: Mock) -> None:
    model = (await mock.create(SBP_LINK))["Model"]
    page = await mock.anonymous.get(model["QrUrl"])
    assert page.status_code == 200
    assert 'id="qr-amount">150.5 RUB<' in page.text
    assert "Pizza, large" in page.text
    assert DEFAULT_PUBLIC_ID in page.text
    assert 'name="Choice" value="success"' in page.text
    assert (await mock.payment(model["TransactionId"]))["Status"] == "Pending"
    wait = await send(mock.api, WAIT, {"TransactionId": model["TransactionId"]})
    assert wait["Model"]["Status"] == "Pending"
    assert wait["Model"]["StatusCode"] is None  # the spec documents no code for Pending


async def test_paying_on_the_page_completes_a_charge_and_sends_pay(mock: Mock) -> None:
    await mock.enable("Pay")
    model = (await mock.create(SBP_LINK))["Model"]
    response = await mock.choose(model["QrUrl"], "success")
    assert response.status_code == 200
    payment = await mock.payment(model["TransactionId"])
    assert (payment["Status"], payment["ReasonCode"]) == ("Completed", 0)
    (pay,) = await mock.shop.wait_for("Pay")
    assert pay["PaymentMethod"] == "Sbp"
    assert pay["TransactionId"] == str(model["TransactionId"])
    assert pay["Status"] == "Completed"
    assert pay["InvoiceId"] == "order-7"
    # No card pays by SBP: the card fields the spec requires are sent without a value.
    assert [pay[name] for name in ("CardFirstSix", "CardLastFour", "CardType", "CardExpDate")] == [""] * 4


async def test_a_two_step_sberpay_payment_is_authorized_then_confirmed(mock: Mock) -> None:
    await mock.enable("Pay")
    model = (await mock.create(SBERPAY_LINK, Scheme="auth"))["Model"]
    await mock.choose(model["QrUrl"], "success")
    assert (await mock.payment(model["TransactionId"]))["Status"] == "Authorized"
    (pay,) = await mock.shop.wait_for("Pay")
    assert (pay["PaymentMethod"], pay["Status"]) == ("SberPay", "Authorized")
    confirmed = await send(
        mock.api, "/payments/confirm", {"TransactionId": model["TransactionId"], "Amount": 600}
    )
    assert confirmed["Success"] is True
    assert (await mock.payment(model["TransactionId"]))["Status"] == "Completed"


async def test_declining_on_the_page_declines_and_sends_fail(mock: Mock) -> None:
    await mock.enable("Fail")
    model = (await mock.create(TPAY_LINK))["Model"]
    response = await mock.choose(model["QrUrl"], "decline")
    assert response.status_code == 200
    payment = await mock.payment(model["TransactionId"])
    assert (payment["Status"], payment["ReasonCode"], payment["Reason"]) == ("Declined", 5005, "DoNotHonor")
    (fail,) = await mock.shop.wait_for("Fail")
    assert (fail["PaymentMethod"], fail["ReasonCode"]) == ("T-Pay", "5005")


async def test_a_t_pay_link_is_paid_once(mock: Mock) -> None:
    model = (await mock.create(TPAY_LINK))["Model"]
    assert (await mock.choose(model["QrUrl"], "success")).status_code == 200
    again = await mock.choose(model["QrUrl"], "success")
    assert again.status_code == 409
    assert "Completed: it takes no payment" in again.text
    assert len(mock.app.state.store.transactions) == 1


async def test_an_sbp_qr_code_paid_twice_makes_two_transactions(mock: Mock) -> None:
    await mock.enable("Pay")
    model = (await mock.create(SBP_QR))["Model"]
    url = decoded(base64.b64decode(model["QrImage"]))
    assert (await mock.choose(url, "success")).status_code == 200
    assert (await mock.choose(url, "success")).status_code == 200
    first, second = await mock.shop.wait_for("Pay", 2)
    assert first["TransactionId"] == str(model["TransactionId"])
    assert second["TransactionId"] != first["TransactionId"]
    for values in (first, second):
        payment = await mock.payment(int(values["TransactionId"]))
        assert (payment["Status"], payment["Amount"], payment["InvoiceId"]) == ("Completed", 150.5, "order-7")


async def test_a_bad_choice_changes_nothing(mock: Mock) -> None:
    model = (await mock.create(SBP_LINK))["Model"]
    response = await mock.choose(model["QrUrl"], "maybe")
    assert response.status_code == 400
    assert (await mock.payment(model["TransactionId"]))["Status"] == "Created"
    assert (await mock.anonymous.get(f"{BASE_URL}/qr/unknown")).status_code == 404


# ---------- expiry ----------


async def test_an_expired_link_refuses_payment_and_the_payment_is_declined(mock: Mock) -> None:
    await mock.enable("Fail")
    model = (await mock.create(SBP_LINK, TtlMinutes=5))["Model"]
    mock.clock.now += 5 * 60 - 1
    assert (await mock.anonymous.get(model["QrUrl"])).status_code == 200  # still payable
    mock.clock.now += 1
    page = await mock.anonymous.get(model["QrUrl"])
    assert page.status_code == 410
    assert "expired" in page.text
    assert (await mock.choose(model["QrUrl"], "success")).status_code == 410
    wait = await send(mock.api, WAIT, {"TransactionId": model["TransactionId"]})
    assert wait["Model"]["Status"] == "Declined"
    payment = await mock.payment(model["TransactionId"])
    assert (payment["Status"], payment["ReasonCode"]) == ("Declined", 5091)
    (fail,) = await mock.shop.wait_for("Fail")
    assert fail["ReasonCode"] == "5091"


async def test_the_default_lifetimes_are_the_spec_s(mock: Mock) -> None:
    sbp = (await mock.create(SBP_LINK))["Model"]
    tpay = (await mock.create(TPAY_LINK))["Model"]
    mock.clock.now += 1440 * 60  # T-Pay's default, 24 hours
    assert (await mock.anonymous.get(tpay["QrUrl"])).status_code == 410
    assert (await mock.anonymous.get(sbp["QrUrl"])).status_code == 200
    mock.clock.now += (4320 - 1440) * 60  # SBP's default, 72 hours
    assert (await mock.anonymous.get(sbp["QrUrl"])).status_code == 410


# ---------- the status wait ----------


async def test_the_wait_answers_as_soon_as_the_payer_pays(mock: Mock) -> None:
    model = (await mock.create(SBP_LINK))["Model"]

    async def pay_soon() -> None:
        await asyncio.sleep(0.05)
        await mock.choose(model["QrUrl"], "success")

    loop = asyncio.get_running_loop()
    started = loop.time()
    mock.app.state.api.operations.qr.wait_seconds = 10.0
    wait, _ = await asyncio.gather(
        send(mock.api, WAIT, {"TransactionId": model["TransactionId"]}), pay_soon()
    )
    assert loop.time() - started < 5.0
    assert wait["Model"] == {
        "TransactionId": model["TransactionId"],
        "Status": "Completed",
        "StatusCode": 3,
        "ProviderQrId": model["ProviderQrId"],
    }
    assert mock.app.state.api.operations.qr.waiting == 0


async def test_the_wait_answers_at_its_bound_with_the_current_status(mock: Mock) -> None:
    model = (await mock.create(TPAY_LINK))["Model"]
    loop = asyncio.get_running_loop()
    started = loop.time()
    wait = await send(mock.api, WAIT, {"TransactionId": model["TransactionId"]})
    assert loop.time() - started >= WAIT_SECONDS * 0.9
    assert (wait["Model"]["Status"], wait["Model"]["StatusCode"]) == ("Created", 0)


async def test_the_wait_of_a_decided_payment_answers_at_once(mock: Mock) -> None:
    model = (await mock.create(TPAY_LINK))["Model"]
    await mock.choose(model["QrUrl"], "decline")
    mock.app.state.api.operations.qr.wait_seconds = 30.0
    wait = await asyncio.wait_for(send(mock.api, WAIT, {"TransactionId": model["TransactionId"]}), 5.0)
    assert wait["Model"]["Status"] == "Declined"


async def test_the_wait_refuses_what_is_not_a_qr_payment(mock: Mock) -> None:
    answer = await send(mock.api, WAIT, {"TransactionId": 42})
    assert answer == {
        "Success": False,
        "Message": "TransactionId 42 is not a QR or link payment",
        "Model": None,
    }


# ---------- credentials ----------


async def test_the_wait_without_credentials_names_the_terminal_by_public_id(mock: Mock) -> None:
    model = (await mock.create(SBERPAY_LINK))["Model"]
    ask = {"TransactionId": model["TransactionId"]}
    missing = await send(mock.anonymous, WAIT, ask)
    assert missing["Message"] == "PublicId is required without Basic auth"
    wrong = await send(mock.anonymous, WAIT, {**ask, "PublicId": "pk_someone_else"})
    assert wrong["Message"] == "PublicId does not name this terminal"
    await mock.choose(model["QrUrl"], "success")
    right = await send(mock.anonymous, WAIT, {**ask, "PublicId": DEFAULT_PUBLIC_ID})
    assert right["Success"] is True and right["Model"]["Status"] == "Completed"


async def test_sberpay_takes_no_basic_auth_and_checks_the_public_id(mock: Mock) -> None:
    for path in (SBERPAY_LINK, SBERPAY_QR):
        answer = await send(mock.anonymous, path, SBERPAY_BODY)
        assert answer["Success"] is True
        refused = await send(mock.anonymous, path, {**SBERPAY_BODY, "PublicId": "pk_someone_else"})
        assert refused == {"Success": False, "Message": "PublicId does not name this terminal", "Model": None}
    # Wrong credentials are refused even where none are needed.
    wrong = await mock.anonymous.post(SBERPAY_LINK, json=SBERPAY_BODY, auth=("x", "y"))
    assert wrong.status_code == 401


async def test_an_optional_auth_link_without_credentials_needs_the_public_id(mock: Mock) -> None:
    refused = await send(mock.anonymous, SBP_LINK, SBP_BODY)
    assert refused["Message"] == "PublicId is required without Basic auth"
    taken = await send(mock.anonymous, SBP_LINK, {**SBP_BODY, "PublicId": DEFAULT_PUBLIC_ID})
    assert taken["Success"] is True


async def test_the_public_id_may_come_in_the_query_string_as_android_sends_it(mock: Mock) -> None:
    taken = await send(mock.anonymous, f"{SBP_LINK}?publicId={DEFAULT_PUBLIC_ID}", SBP_BODY)
    assert taken["Success"] is True, taken
    wrong = await send(mock.anonymous, f"{SBP_LINK}?publicId=pk_someone_else", SBP_BODY)
    assert wrong["Message"] == "PublicId does not name this terminal"
    # The body's PublicId is the one read when both are given.
    both = await send(
        mock.anonymous, f"{SBP_LINK}?publicId=pk_someone_else", {**SBP_BODY, "PublicId": DEFAULT_PUBLIC_ID}
    )
    assert both["Success"] is True, both


@pytest.mark.parametrize("path", [SBP_QR, TPAY_QR, "/payments/cards/charge", "/payments/get"])
async def test_other_operations_still_need_credentials(mock: Mock, path: str) -> None:
    response = await mock.anonymous.post(path, json={**BODIES.get(path, {}), "PublicId": DEFAULT_PUBLIC_ID})
    assert response.status_code == 401


# ---------- the Check ----------


async def test_the_check_comes_before_the_link_without_card_fields(checked_mock: Mock) -> None:
    model = (await checked_mock.create(SBP_LINK))["Model"]
    (check,) = checked_mock.shop.of("check")
    assert check["TransactionId"] == str(model["TransactionId"])
    assert check["PaymentMethod"] == "Sbp"
    assert check["InvoiceId"] == "order-7"
    assert check["CardFirstSix"] == check["CardLastFour"] == ""


async def test_a_link_refused_for_its_public_id_sends_no_check(checked_mock: Mock) -> None:
    refused = await send(checked_mock.anonymous, SBP_LINK, SBP_BODY)
    assert refused["Message"] == "PublicId is required without Basic auth"
    assert checked_mock.shop.of("check") == []
    taken = await send(checked_mock.anonymous, SBP_LINK, {**SBP_BODY, "PublicId": DEFAULT_PUBLIC_ID})
    assert taken["Success"] is True
    (check,) = checked_mock.shop.of("check")
    assert check["TransactionId"] == str(taken["Model"]["TransactionId"])


async def test_a_refusing_check_refuses_the_link(checked_mock: Mock) -> None:
    await checked_mock.enable("Fail")
    checked_mock.shop.check_code = 13
    answer = await checked_mock.create(TPAY_LINK)
    assert answer["Success"] is False
    assert answer["Model"] is None
    assert "refused by the Check" in answer["Message"]
    assert checked_mock.app.state.store.qr_state.links == {}
    (declined,) = checked_mock.app.state.store.transactions.values()
    assert declined.status == "Declined"
    (fail,) = await checked_mock.shop.wait_for("Fail")
    assert fail["PaymentMethod"] == "T-Pay"


# ---------- refunds, replays, bad input ----------


async def test_an_sbp_payment_is_refunded_and_the_refund_notified(mock: Mock) -> None:
    await mock.enable("Refund")
    model = (await mock.create(SBP_LINK))["Model"]
    await mock.choose(model["QrUrl"], "success")
    refund = await send(mock.api, "/payments/refund", {"TransactionId": model["TransactionId"], "Amount": 50})
    assert refund["Success"] is True
    (told,) = await mock.shop.wait_for("Refund")
    assert told["PaymentTransactionId"] == str(model["TransactionId"])
    assert told["TransactionId"] == str(refund["Model"]["TransactionId"])
    assert told["Amount"] == "50.00"


async def test_a_replay_with_the_same_request_id_makes_one_link(mock: Mock) -> None:
    first = await send(mock.api, SBP_LINK, SBP_BODY, request_id="qr-1")
    again = await send(mock.api, SBP_LINK, SBP_BODY, request_id="qr-1")
    assert first == again
    assert len(mock.app.state.store.qr_state.links) == 1
    other = await send(mock.api, SBP_LINK, {**SBP_BODY, "Amount": 1}, request_id="qr-1")
    assert other["Success"] is False and "X-Request-ID" in other["Message"]


@pytest.mark.parametrize(
    ("path", "change", "message"),
    [
        (SBP_LINK, {"Currency": "USD"}, "Currency"),
        (SBP_LINK, {"TtlMinutes": 129601}, "TtlMinutes"),
        (TPAY_LINK, {"TtlMinutes": 0}, "TtlMinutes"),
        (SBERPAY_LINK, {"Scheme": "later"}, "Scheme"),
        (SBP_QR, {"Amount": "ten"}, "Amount"),
        (SBERPAY_QR, {"PublicId": None}, "PublicId"),
    ],
)
async def test_bad_input_is_refused_naming_the_field(
    mock: Mock, path: str, change: dict[str, Any], message: str
) -> None:
    body = {key: value for key, value in {**BODIES[path], **change}.items() if value is not None}
    answer = await send(mock.api, path, body)
    assert answer["Success"] is False
    assert message in answer["Message"]
    assert mock.app.state.store.transactions == {}


async def test_a_reset_empties_the_links(mock: Mock) -> None:
    model = (await mock.create(SBP_LINK))["Model"]
    mock.app.state.store.reset()
    assert (await mock.anonymous.get(model["QrUrl"])).status_code == 404


# ---------- the whole flow ----------


async def test_link_pay_on_the_page_pay_notification_refund_refund_notification(mock: Mock) -> None:
    await mock.enable("Pay", "Refund")
    link = (await mock.create(SBP_LINK, JsonData={"order": 7}))["Model"]
    transaction_id = link["TransactionId"]
    assert (await send(mock.api, WAIT, {"TransactionId": transaction_id}))["Model"]["Status"] == "Created"
    page = await mock.anonymous.get(link["QrUrl"])
    assert 'id="qr-status">Pending<' in page.text
    paid = await mock.choose(link["QrUrl"], "success")
    assert 'id="qr-message">Payment done<' in paid.text
    status = (await send(mock.api, WAIT, {"TransactionId": transaction_id}))["Model"]
    assert (status["Status"], status["StatusCode"]) == ("Completed", 3)
    (pay,) = await mock.shop.wait_for("Pay")
    assert (pay["TransactionId"], pay["PaymentMethod"]) == (str(transaction_id), "Sbp")
    assert pay["Amount"] == "150.50"
    assert pay["Data"] == '{"order":7}'
    refund = await send(mock.api, "/payments/refund", {"TransactionId": transaction_id, "Amount": 150.5})
    assert refund["Success"] is True
    (told,) = await mock.shop.wait_for("Refund")
    assert (told["PaymentTransactionId"], told["Amount"]) == (str(transaction_id), "150.50")
    assert (await mock.payment(transaction_id))["Refunded"] is True
