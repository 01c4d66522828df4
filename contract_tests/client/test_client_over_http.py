"""The generated client against the mock over real HTTP: every operation, sync and async, typed results and
typed exceptions, the 3-D Secure round trip through the ACS page, and 429 retries under the concurrency cap.

The mock runs under uvicorn on a free 127.0.0.1 port in a background thread (contract_tests.support.servers).
"""

from __future__ import annotations

import base64
import inspect
import select
import socket
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any, Final, TypeVar, cast

import httpx
import pytest
from cloudpayments_client import (
    AsyncCloudPayments,
    AuthenticationError,
    BadRequestError,
    CloudPayments,
    PaymentDeclinedError,
    RateLimitError,
    ThreeDSecureRequired,
)
from cloudpayments_client.models import (
    ConnectionCheckResponse,
    NotificationSettings,
    OperationResponse,
    Order,
    RefundResult,
    Subscription,
    Token,
    Transaction,
)
from starlette.applications import Starlette

from contract_tests.support import cards, mock_setup
from contract_tests.support.acs import pass_3ds
from contract_tests.support.credentials import API_SECRET, PUBLIC_ID
from contract_tests.support.mock_target import mock_app
from contract_tests.support.servers import serve_asgi as serving
from mock_server import create_app

Client = CloudPayments | AsyncCloudPayments
T = TypeVar("T")
IP: Final = "203.0.113.10"
TERM_URL: Final = "https://shop.example/3ds-return"
INSUFFICIENT_FUNDS: Final = 5051
# Deadline for the mock to reach a state a test waits for (a held request admitted, the cap free again).
WAIT_SECONDS: Final = 10.0


@dataclass(frozen=True)
class Served:
    app: Starlette
    base_url: str


@pytest.fixture(scope="module")
def mock() -> Iterator[Served]:
    app = mock_app()
    with serving(app) as base_url:
        yield Served(app, base_url)
    assert app.state.api.internal_errors == [], "the mock crashed while answering"


@pytest.fixture(params=["sync", "async"])
async def client(request: pytest.FixtureRequest, mock: Served) -> AsyncIterator[Client]:
    if request.param == "sync":
        with CloudPayments(PUBLIC_ID, API_SECRET, base_url=mock.base_url, timeout=10) as sync_client:
            yield sync_client
    else:
        async with AsyncCloudPayments(
            PUBLIC_ID, API_SECRET, base_url=mock.base_url, timeout=10
        ) as async_client:
            yield async_client


async def done(value: T | Awaitable[T]) -> T:
    """The result of a client call: awaited for the async client, as is for the sync one."""
    if inspect.isawaitable(value):
        return cast(T, await value)
    return value


def new_payer() -> str:
    # The server lives for the module: each test pays as its own payer, so tokens never mix.
    return f"payer-{uuid.uuid4().hex[:12]}"


async def pay_by_card(
    client: Client, card: str, amount: float = 100.0, *, two_step: bool = False, **extra: Any
) -> Transaction:
    pay = client.payments.auth_card if two_step else client.payments.charge_card
    return await done(
        pay(
            amount=amount,
            currency="RUB",
            ip_address=IP,
            name="CARD HOLDER",
            card_cryptogram_packet=cards.packet(card),
            invoice_id=f"inv-{uuid.uuid4().hex[:8]}",
            description="Contract test order",
            **extra,
        )
    )


async def token_of(client: Client, card: str, account_id: str) -> str:
    paid = await pay_by_card(client, card, 1.0, account_id=account_id)
    assert isinstance(paid.token, str) and paid.token, paid
    return paid.token


# ---------- every operation, sync and async ----------


async def test_connection_check(client: Client) -> None:
    answer = await done(client.general.test())
    assert isinstance(answer, ConnectionCheckResponse)
    assert answer.success is True
    assert isinstance(answer.message, str) and answer.message


async def test_one_step_card_payment_completes_and_issues_a_token(client: Client) -> None:
    payer = new_payer()
    transaction = await pay_by_card(client, cards.approving_card(), 100.0, account_id=payer)
    assert isinstance(transaction, Transaction)
    assert (transaction.status, transaction.reason_code, transaction.amount) == ("Completed", 0, Decimal(100))
    assert transaction.account_id == payer
    assert isinstance(transaction.token, str) and transaction.token


async def test_authorized_payment_is_confirmed(client: Client) -> None:
    authorized = await pay_by_card(client, cards.approving_card(), 100.0, two_step=True)
    assert authorized.status == "Authorized"
    confirmed = await done(
        client.payments.confirm_payment(transaction_id=authorized.transaction_id, amount=65.98)
    )
    assert isinstance(confirmed, OperationResponse)
    assert confirmed.success is True
    # Captured now: a second confirmation is refused.
    with pytest.raises(BadRequestError, match="not authorized") as refused:
        await done(client.payments.confirm_payment(transaction_id=authorized.transaction_id, amount=1))
    assert refused.value.message is not None and "Completed" in refused.value.message


async def test_authorized_payment_is_voided(client: Client) -> None:
    authorized = await pay_by_card(client, cards.approving_card(), 50.0, two_step=True)
    voided = await done(client.payments.void_payment(transaction_id=authorized.transaction_id))
    assert isinstance(voided, OperationResponse)
    assert voided.success is True
    with pytest.raises(BadRequestError, match="Cancelled"):
        await done(client.payments.confirm_payment(transaction_id=authorized.transaction_id, amount=50))


async def test_refund_and_a_refused_refund_beyond_the_rest(client: Client) -> None:
    paid = await pay_by_card(client, cards.approving_card(), 100.0)
    refund = await done(client.payments.refund_payment(transaction_id=paid.transaction_id, amount=40))
    assert isinstance(refund, RefundResult)
    assert refund.transaction_id != paid.transaction_id
    with pytest.raises(BadRequestError) as refused:
        await done(client.payments.refund_payment(transaction_id=paid.transaction_id, amount=70))
    # The message names the problem and what is left to refund (100 - 40).
    message = refused.value.message or ""
    assert message.startswith("Refund amount exceeds the available amount") and "60" in message, message


async def test_token_payments_one_and_two_step(client: Client) -> None:
    payer = new_payer()
    token = await token_of(client, cards.approving_card(), payer)
    charged = await done(
        client.payments.charge_token(
            amount=19.99, currency="RUB", account_id=payer, token=token, tr_initiator_code=1
        )
    )
    assert isinstance(charged, Transaction)
    assert (charged.status, charged.amount, charged.account_id) == ("Completed", Decimal("19.99"), payer)
    authorized = await done(
        client.payments.auth_token(
            amount=5, currency="RUB", account_id=payer, token=token, tr_initiator_code=0
        )
    )
    assert isinstance(authorized, Transaction)
    assert authorized.status == "Authorized"


async def test_token_of_another_payer_is_a_bad_request(client: Client) -> None:
    token = await token_of(client, cards.approving_card(), new_payer())
    with pytest.raises(BadRequestError) as refused:
        await done(
            client.payments.charge_token(
                amount=1, currency="RUB", account_id=new_payer(), token=token, tr_initiator_code=0
            )
        )
    assert refused.value.message == "Token not found"


async def test_subscription_created_read_cancelled(client: Client) -> None:
    payer = new_payer()
    body = mock_setup.subscription_body(await token_of(client, cards.approving_card(), payer), payer)
    created = await done(
        client.subscriptions.create_subscription(
            token=body["Token"],
            account_id=payer,
            description=body["Description"],
            email=body["Email"],
            amount=body["Amount"],
            currency="RUB",
            require_confirmation=False,
            start_date=body["StartDate"],
            interval="Month",
            period=1,
        )
    )
    assert isinstance(created, Subscription)
    assert (created.status, created.account_id, created.amount, created.interval) == (
        "Active",
        payer,
        Decimal(399),
        "Month",
    )
    got = await done(client.subscriptions.get_subscription(id=created.id))
    assert isinstance(got, Subscription)
    assert (got.id, got.status) == (created.id, "Active")
    cancelled = await done(client.subscriptions.cancel_subscription(id=created.id))
    assert isinstance(cancelled, OperationResponse)
    assert cancelled.success is True
    after = await done(client.subscriptions.get_subscription(id=created.id))
    assert after.status == "Cancelled"


async def test_order_with_a_payment_page(client: Client, mock: Served) -> None:
    order = await done(
        client.orders.create_order(
            amount=1500,
            currency="RUB",
            description="Invoice",
            email="payer@example.com",
            require_confirmation=False,
            send_email=False,
        )
    )
    assert isinstance(order, Order)
    assert (order.amount, order.currency, order.status) == (Decimal(1500), "RUB", "Created")
    assert order.url == f"{mock.base_url}/d/{order.id}"
    page = httpx.get(order.url, timeout=10)
    assert page.status_code == 200 and order.id in page.text


async def items(listed: Iterator[T] | AsyncIterator[T]) -> list[T]:
    """Every item of a page iterator: the sync client's as is, the async client's awaited."""
    if isinstance(listed, AsyncIterator):
        return [item async for item in listed]
    return list(listed)


async def declined_payment(client: Client) -> int:
    with pytest.raises(PaymentDeclinedError) as declined:
        await pay_by_card(client, cards.declining_card(), 75.0)
    return declined.value.transaction.transaction_id


async def test_lookups_find_the_payment_and_its_refund(client: Client) -> None:
    paid = await pay_by_card(client, cards.approving_card())
    invoice = paid.invoice_id
    assert isinstance(invoice, str)
    got = await done(client.payments.get_payment(transaction_id=paid.transaction_id))
    found = await done(client.payments.find_payment(invoice_id=invoice))
    assert isinstance(got, Transaction) and isinstance(found, Transaction)
    assert (got.transaction_id, got.status, got.amount) == (paid.transaction_id, "Completed", Decimal(100))
    assert found.transaction_id == paid.transaction_id
    refund = await done(
        client.payments.refund_payment(transaction_id=paid.transaction_id, amount=Decimal("10.5"))
    )
    # v1 finds payments only; v2 the latest operation of the invoice, here the refund.
    assert (
        await done(client.payments.find_payment(invoice_id=invoice))
    ).transaction_id == paid.transaction_id
    latest = await done(client.payments.find_payment_v2(invoice_id=invoice))
    assert (latest.transaction_id, latest.type_, latest.original_transaction_id, latest.amount) == (
        refund.transaction_id,
        1,
        paid.transaction_id,
        Decimal("10.5"),
    )
    with pytest.raises(BadRequestError) as missing:
        await done(client.payments.find_payment(invoice_id=f"never-{uuid.uuid4().hex}"))
    assert missing.value.message == "Not found"


async def test_transactions_of_a_day_and_of_a_period_page_by_page(client: Client) -> None:
    started = datetime.now(UTC) - timedelta(seconds=5)
    paid = await pay_by_card(client, cards.approving_card())
    declined = await done(client.payments.get_payment(transaction_id=await declined_payment(client)))
    ended = datetime.now(UTC) + timedelta(seconds=5)
    day = await done(client.payments.list_payments(date=datetime.now(UTC).date()))
    assert all(isinstance(item, Transaction) for item in day)
    assert {paid.transaction_id, declined.transaction_id} <= {item.transaction_id for item in day}
    completed = await done(
        client.payments.list_payments_v2(
            created_date_gte=started, created_date_lte=ended, page_number=1, statuses=["Completed"]
        )
    )
    assert paid.transaction_id in {item.transaction_id for item in completed}
    assert {item.status for item in completed} == {"Completed"}
    every = await items(
        client.payments.iter_list_payments_v2(created_date_gte=started, created_date_lte=ended)
    )
    ids = [item.transaction_id for item in every]
    assert paid.transaction_id in ids and declined.transaction_id in ids and len(ids) == len(set(ids))


async def test_saved_cards_are_listed_page_by_page(client: Client) -> None:
    payer = new_payer()
    token = await token_of(client, cards.approving_card(), payer)
    first = await done(client.payments.list_tokens(page_number=1))
    every = await items(client.payments.iter_list_tokens())
    assert all(isinstance(item, Token) for item in every)
    mine = [item for item in every if item.token == token]
    assert len(mine) == 1 and mine[0].account_id == payer and mine[0].card_mask
    assert len(first) <= 100 and [item.token for item in every[: len(first)]] == [
        item.token for item in first
    ]


async def test_payouts_by_card_and_by_token(client: Client) -> None:
    payer = new_payer()
    by_card = await done(
        client.payouts.topup_card(
            card_cryptogram_packet=cards.packet(cards.approving_card()),
            amount=Decimal("250.50"),
            currency="RUB",
            account_id=payer,
        )
    )
    assert isinstance(by_card, Transaction)
    assert (by_card.type_, by_card.status, by_card.amount) == (2, "Completed", Decimal("250.50"))
    token = await token_of(client, cards.approving_card(), payer)
    by_token = await done(
        client.payouts.topup_token(token=token, amount=59, account_id=payer, currency="RUB")
    )
    assert (by_token.type_, by_token.status, by_token.amount) == (2, "Completed", Decimal(59))
    with pytest.raises(PaymentDeclinedError) as declined:
        await done(
            client.payouts.topup_card(
                card_cryptogram_packet=cards.packet(cards.declining_card()), amount=10, currency="RUB"
            )
        )
    assert declined.value.reason_code == INSUFFICIENT_FUNDS
    with pytest.raises(BadRequestError):  # a payout is never refunded
        await done(client.payments.refund_payment(transaction_id=by_card.transaction_id, amount=1))


async def test_subscriptions_found_and_a_cancelled_one_updated_back_to_active(client: Client) -> None:
    payer = new_payer()
    body = mock_setup.subscription_body(await token_of(client, cards.approving_card(), payer), payer)
    created = await done(
        client.subscriptions.create_subscription(
            token=body["Token"], account_id=payer, description=body["Description"], email=body["Email"],
            amount=body["Amount"], currency="RUB", require_confirmation=False, start_date=body["StartDate"],
            interval="Month", period=1,
        )
    )  # fmt: skip
    await done(client.subscriptions.cancel_subscription(id=created.id))
    found = await done(client.subscriptions.find_subscriptions(account_id=payer))
    assert [(item.id, item.status) for item in found] == [(created.id, "Cancelled")]
    updated = await done(
        client.subscriptions.update_subscription(
            id=created.id, amount=Decimal("499.00"), description="New plan"
        )
    )
    assert isinstance(updated, Subscription)
    assert (updated.status, updated.amount, updated.description) == ("Active", Decimal(499), "New plan")


async def test_invoice_withdrawn_once(client: Client, mock: Served) -> None:
    order = await done(
        client.orders.create_order(
            amount=700, currency="RUB", description="Invoice", email="payer@example.com",
            require_confirmation=False, send_email=False,
        )
    )  # fmt: skip
    cancelled = await done(client.orders.cancel_order(id=order.id))
    assert isinstance(cancelled, OperationResponse) and cancelled.success is True
    with pytest.raises(BadRequestError):
        await done(client.orders.cancel_order(id=order.id))
    assert "This invoice is cancelled" in httpx.get(order.url, timeout=10).text


async def test_notification_settings_saved_and_read_back(client: Client) -> None:
    # A local address nobody listens on; the settings go back to their defaults afterwards.
    address = "http://127.0.0.1:9/cp/refund"
    try:
        saved = await done(
            client.notifications.update_notification_settings(
                type_="Refund", is_enabled=True, address=address, http_method="POST"
            )
        )
        assert saved.success is True
        read = await done(client.notifications.get_notification_settings(type_="refund"))
        assert isinstance(read, NotificationSettings)
        assert (read.is_enabled, read.address, read.http_method, read.encoding) == (
            True,
            address,
            "POST",
            "UTF8",
        )
        with pytest.raises(BadRequestError):  # Check settings are the back office's
            await done(client.notifications.update_notification_settings(type_="Check", is_enabled=False))
    finally:
        await done(client.notifications.update_notification_settings(type_="Refund"))
    assert (await done(client.notifications.get_notification_settings(type_="Refund"))).is_enabled is False


# ---------- typed exceptions ----------


async def test_card_decline_is_a_payment_declined_error(client: Client) -> None:
    with pytest.raises(PaymentDeclinedError) as declined:
        await pay_by_card(client, cards.declining_card(), 75.0)
    assert declined.value.reason_code == INSUFFICIENT_FUNDS
    assert declined.value.transaction.status == "Declined"
    assert declined.value.reason == "InsufficientFunds"


async def test_token_decline_is_a_payment_declined_error(client: Client) -> None:
    payer = new_payer()
    token = await token_of(client, cards.token_declining_card(), payer)
    with pytest.raises(PaymentDeclinedError) as declined:
        await done(
            client.payments.charge_token(
                amount=10, currency="RUB", account_id=payer, token=token, tr_initiator_code=0
            )
        )
    assert declined.value.reason_code == INSUFFICIENT_FUNDS


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_wrong_credentials_are_an_authentication_error(mock: Served, mode: str) -> None:
    wrong = "not-the-secret-of-this-terminal"
    with pytest.raises(AuthenticationError) as refused:
        if mode == "sync":
            with CloudPayments(PUBLIC_ID, wrong, base_url=mock.base_url, max_retries=0) as sync_client:
                sync_client.general.test()
        else:
            async with AsyncCloudPayments(
                PUBLIC_ID, wrong, base_url=mock.base_url, max_retries=0
            ) as async_client:
                await async_client.general.test()
    assert refused.value.status_code == 401
    assert wrong not in str(refused.value)


@pytest.mark.parametrize(("two_step", "status"), [(False, "Completed"), (True, "Authorized")])
async def test_three_ds_round_trip_through_the_acs_page(
    client: Client, mock: Served, two_step: bool, status: str
) -> None:
    with pytest.raises(ThreeDSecureRequired) as required:
        await pay_by_card(client, cards.three_ds_card(), 250.0, two_step=two_step)
    challenge = required.value
    assert challenge.acs_url == f"{mock.base_url}/acs"
    assert challenge.md == str(challenge.transaction_id) and challenge.pa_req
    # The payer's browser: post PaReq/MD/TermUrl to the ACS, press #acs-success, read the form to TermUrl.
    md, pa_res = pass_3ds(challenge.acs_url, challenge.pa_req, challenge.md, TERM_URL)
    assert md == challenge.md
    transaction = await done(client.payments.post3ds(transaction_id=int(md), pa_res=pa_res))
    assert isinstance(transaction, Transaction)
    assert (transaction.transaction_id, transaction.status, transaction.amount) == (
        challenge.transaction_id,
        status,
        Decimal(250),
    )


# ---------- 429 under the concurrency cap ----------


class RecordingTransport(httpx.HTTPTransport):
    """Real HTTP, remembering each attempt's X-Request-ID and status."""

    def __init__(self) -> None:
        super().__init__()
        self.attempts: list[tuple[str | None, int]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        self.attempts.append((request.headers.get("X-Request-ID"), response.status_code))
        return response


class HeldRequest:
    """A request the mock has admitted but cannot finish: its headers are sent, its body withheld, so it
    occupies one place under the cap until released."""

    def __init__(self, base_url: str) -> None:
        url = httpx.URL(base_url)
        assert url.host is not None and url.port is not None
        self._address = (url.host, url.port)
        credentials = base64.b64encode(f"{PUBLIC_ID}:{API_SECRET}".encode()).decode("ascii")
        self._head = (
            f"POST /test HTTP/1.1\r\nHost: {url.host}:{url.port}\r\nAuthorization: Basic {credentials}\r\n"
            "Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n"
        ).encode("ascii")
        self._probe = httpx.Client(base_url=base_url, auth=(PUBLIC_ID, API_SECRET), timeout=WAIT_SECONDS)
        self._sock: socket.socket | None = None

    def hold(self) -> None:
        """Returns once the held request is in flight: a probe is then turned away with 429."""
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            if self._sock is None or self._answered():
                # Not sent yet, or it met a probe in flight and was itself turned away: send it (again).
                self._close()
                self._sock = socket.create_connection(self._address, timeout=WAIT_SECONDS)
                self._sock.sendall(self._head)
            if self._probe.post("/test").status_code == 429:
                return
            time.sleep(0.01)
        raise AssertionError("the held request never occupied the cap")

    def release(self) -> None:
        """Sends the body, reads the answer, and returns once the cap admits requests again."""
        assert self._sock is not None
        self._sock.sendall(b"{}")
        status_line = self._read_all().split(b"\r\n", 1)[0]
        assert status_line.startswith(b"HTTP/1.1 200"), status_line
        self._close()
        deadline = time.monotonic() + WAIT_SECONDS
        while self._probe.post("/test").status_code != 200:
            assert time.monotonic() < deadline, "the cap stayed occupied after the held request finished"
            time.sleep(0.01)

    def close(self) -> None:
        self._close()
        self._probe.close()

    def _answered(self) -> bool:
        assert self._sock is not None
        readable, _, _ = select.select([self._sock], [], [], 0)
        return bool(readable)

    def _read_all(self) -> bytes:
        assert self._sock is not None
        chunks = []
        while chunk := self._sock.recv(65536):
            chunks.append(chunk)
        return b"".join(chunks)

    def _close(self) -> None:
        if self._sock is not None:
            self._sock.close()
            self._sock = None


@pytest.fixture
def capped() -> Iterator[tuple[Served, HeldRequest]]:
    """A mock that admits one request at a time, and a request that can occupy that place."""
    app = create_app(public_id=PUBLIC_ID, api_secret=API_SECRET, max_concurrency=1)
    with serving(app) as base_url:
        held = HeldRequest(base_url)
        try:
            yield Served(app, base_url), held
        finally:
            held.close()
    assert app.state.api.internal_errors == []


def capped_client(served: Served, transport: RecordingTransport, **options: Any) -> CloudPayments:
    return CloudPayments(PUBLIC_ID, API_SECRET, base_url=served.base_url, transport=transport, **options)


def test_429_is_retried_with_the_same_request_id_until_admitted(capped: tuple[Served, HeldRequest]) -> None:
    served, held = capped
    transport = RecordingTransport()
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        # Instead of waiting Retry-After, free the place the first attempt was refused for.
        waits.append(seconds)
        held.release()

    held.hold()
    with capped_client(served, transport, max_retries=2, sleep=sleep) as client:
        transaction = client.payments.charge_card(
            amount=10,
            currency="RUB",
            ip_address=IP,
            name="CARD HOLDER",
            card_cryptogram_packet=cards.packet(cards.approving_card()),
        )
    assert isinstance(transaction, Transaction)
    assert transaction.status == "Completed"
    assert waits == [1.0]  # the mock's Retry-After
    request_id = transport.attempts[0][0]
    assert request_id is not None
    assert transport.attempts == [(request_id, 429), (request_id, 200)]
    assert len(served.app.state.store.transactions) == 1  # processed once


def test_429_after_the_last_retry_is_a_rate_limit_error(capped: tuple[Served, HeldRequest]) -> None:
    served, held = capped
    transport = RecordingTransport()
    waits: list[float] = []
    held.hold()
    with (
        capped_client(served, transport, max_retries=1, sleep=waits.append) as client,
        pytest.raises(RateLimitError) as limited,
    ):
        client.payments.charge_card(
            amount=10,
            currency="RUB",
            ip_address=IP,
            name="CARD HOLDER",
            card_cryptogram_packet=cards.packet(cards.approving_card()),
            request_id="order-42-attempt",
        )
    assert (limited.value.status_code, limited.value.retry_after) == (429, 1.0)
    assert limited.value.request_id == "order-42-attempt"
    assert transport.attempts == [("order-42-attempt", 429), ("order-42-attempt", 429)]
    assert waits == [1.0]
    assert len(served.app.state.store.transactions) == 0  # nothing was processed
    held.release()
