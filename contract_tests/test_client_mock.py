"""The generated client against the mock over real HTTP: every operation, sync and async.

The mock runs under uvicorn on a free port of 127.0.0.1 in a background thread for the module and
stops at the end. Each scenario runs once with `CloudPayments` (called from a worker thread) and once
with `AsyncCloudPayments`, so both facades go through the same calls, including the 3-D Secure round
trip through the mock's ACS page.
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any, Final

import httpx
import pytest
import uvicorn
from cloudpayments_client import (
    AsyncCloudPayments,
    AuthenticationError,
    BadRequestError,
    CloudPayments,
    PaymentDeclinedError,
    ThreeDSecureRequired,
)

from contract_tests.mock_setup import (
    approving_card,
    authenticate_3ds,
    declining_card,
    packet,
    three_ds_card,
    token_declining_card,
)
from contract_tests.mock_target import API_SECRET, PUBLIC_ID, mock_app

ACCOUNT_ID: Final = "client_user"
CARD_FIELDS: Final = {"currency": "RUB", "ip_address": "127.0.0.1", "name": "CARDHOLDER NAME"}


class Awaiting:
    """Makes a synchronous client's methods awaitable (run in a worker thread), so one scenario drives
    both facades. Attribute access is passed through: `client.payments.charge_card(...)`."""

    def __init__(self, target: Any) -> None:
        self._target = target

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._target, name)
        if not callable(attribute):
            return Awaiting(attribute)

        async def call(*args: Any, **kwargs: Any) -> Any:
            return await asyncio.to_thread(attribute, *args, **kwargs)

        return call


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def mock_url() -> Iterator[str]:
    app = mock_app()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=free_port(), log_level="warning"))
    thread = threading.Thread(target=server.run, name="mock-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the mock did not start")
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    assert not thread.is_alive(), "the mock did not stop"
    assert not app.state.api.internal_errors, app.state.api.internal_errors


@pytest.fixture(params=["sync", "async"])
async def api(request: pytest.FixtureRequest, mock_url: str) -> AsyncIterator[Any]:
    """The facade under test; a retry would hide a wrong answer, so retries are off."""
    if request.param == "sync":
        with CloudPayments(PUBLIC_ID, API_SECRET, base_url=mock_url, max_retries=0) as client:
            yield Awaiting(client)
    else:
        async with AsyncCloudPayments(PUBLIC_ID, API_SECRET, base_url=mock_url, max_retries=0) as aclient:
            yield aclient


async def complete_3ds(api: Any, challenge: ThreeDSecureRequired, *, success: bool) -> Any:
    """The payer's trip through the ACS page, then post3ds with what the ACS posted back to TermUrl."""

    def visit() -> tuple[str, str]:
        with httpx.Client(timeout=10) as browser:
            return authenticate_3ds(
                browser, challenge.acs_url, challenge.transaction_id, challenge.pa_req, success=success
            )

    md, pa_res = await asyncio.to_thread(visit)
    assert md == challenge.md
    return await api.payments.post3ds(transaction_id=int(md), pa_res=pa_res)


async def test_connection_check(api: Any) -> None:
    result = await api.general.test()
    assert result.success is True and result.message, result


async def test_charge_then_partial_refunds_up_to_the_amount_paid(api: Any) -> None:
    paid = await api.payments.charge_card(
        amount=100, card_cryptogram_packet=packet(approving_card()), **CARD_FIELDS
    )
    assert (paid.status, paid.reason_code, paid.amount) == ("Completed", 0, 100), paid
    first = await api.payments.refund_payment(transaction_id=paid.transaction_id, amount=60)
    second = await api.payments.refund_payment(transaction_id=paid.transaction_id, amount=40)
    assert len({first.transaction_id, second.transaction_id, paid.transaction_id}) == 3
    with pytest.raises(BadRequestError) as refused:
        await api.payments.refund_payment(transaction_id=paid.transaction_id, amount=0.01)
    assert refused.value.message, "a refused refund says why"


async def test_auth_confirm_part_then_refund(api: Any) -> None:
    authorized = await api.payments.auth_card(
        amount=50.5, card_cryptogram_packet=packet(approving_card()), **CARD_FIELDS
    )
    assert authorized.status == "Authorized", authorized
    with pytest.raises(BadRequestError):
        await api.payments.confirm_payment(transaction_id=authorized.transaction_id, amount=50.51)
    confirmed = await api.payments.confirm_payment(transaction_id=authorized.transaction_id, amount=30.25)
    assert confirmed.success is True
    with pytest.raises(BadRequestError):
        await api.payments.refund_payment(transaction_id=authorized.transaction_id, amount=30.26)
    refund = await api.payments.refund_payment(transaction_id=authorized.transaction_id, amount=30.25)
    assert refund.transaction_id != authorized.transaction_id


async def test_void_releases_an_authorization_for_good(api: Any) -> None:
    authorized = await api.payments.auth_card(
        amount=20, card_cryptogram_packet=packet(approving_card()), **CARD_FIELDS
    )
    voided = await api.payments.void_payment(transaction_id=authorized.transaction_id)
    assert voided.success is True
    with pytest.raises(BadRequestError):
        await api.payments.confirm_payment(transaction_id=authorized.transaction_id, amount=20)
    with pytest.raises(BadRequestError):
        await api.payments.void_payment(transaction_id=authorized.transaction_id)


async def test_declined_card_raises_payment_declined(api: Any) -> None:
    with pytest.raises(PaymentDeclinedError) as declined:
        await api.payments.charge_card(
            amount=10, card_cryptogram_packet=packet(declining_card()), **CARD_FIELDS
        )
    assert declined.value.reason_code == 5051
    assert declined.value.transaction.status == "Declined"


async def test_3ds_charge_round_trip_through_the_acs_page(api: Any) -> None:
    with pytest.raises(ThreeDSecureRequired) as required:
        await api.payments.charge_card(
            amount=42, card_cryptogram_packet=packet(three_ds_card()), **CARD_FIELDS
        )
    paid = await complete_3ds(api, required.value, success=True)
    assert (paid.transaction_id, paid.status, paid.reason_code) == (
        required.value.transaction_id,
        "Completed",
        0,
    )


async def test_3ds_auth_refused_by_the_payer_is_declined(api: Any) -> None:
    with pytest.raises(ThreeDSecureRequired) as required:
        await api.payments.auth_card(amount=42, card_cryptogram_packet=packet(three_ds_card()), **CARD_FIELDS)
    with pytest.raises(PaymentDeclinedError) as declined:
        await complete_3ds(api, required.value, success=False)
    assert declined.value.transaction_id == required.value.transaction_id
    assert declined.value.reason_code != 0


async def test_token_payments_charge_and_authorize(api: Any) -> None:
    first = await api.payments.charge_card(
        amount=1, card_cryptogram_packet=packet(approving_card()), account_id=ACCOUNT_ID, **CARD_FIELDS
    )
    assert isinstance(first.token, str) and first.token, first
    charged = await api.payments.charge_token(
        amount=15, currency="RUB", account_id=ACCOUNT_ID, token=first.token
    )
    assert (charged.status, charged.reason_code) == ("Completed", 0), charged
    authorized = await api.payments.auth_token(
        amount=16, currency="RUB", account_id=ACCOUNT_ID, token=first.token, tr_initiator_code=1
    )
    assert authorized.status == "Authorized", authorized
    confirmed = await api.payments.confirm_payment(transaction_id=authorized.transaction_id, amount=16)
    assert confirmed.success is True


async def test_token_of_a_card_without_funds_by_token_is_declined(api: Any) -> None:
    first = await api.payments.charge_card(
        amount=1, card_cryptogram_packet=packet(token_declining_card()), account_id=ACCOUNT_ID, **CARD_FIELDS
    )
    with pytest.raises(PaymentDeclinedError) as declined:
        await api.payments.charge_token(amount=15, currency="RUB", account_id=ACCOUNT_ID, token=first.token)
    assert declined.value.reason_code == 5051
    with pytest.raises(BadRequestError):
        await api.payments.charge_token(
            amount=15, currency="RUB", account_id="someone_else", token=first.token
        )


async def test_subscription_create_get_cancel(api: Any) -> None:
    first = await api.payments.charge_card(
        amount=1, card_cryptogram_packet=packet(approving_card()), account_id=ACCOUNT_ID, **CARD_FIELDS
    )
    start = datetime.now(UTC) + timedelta(days=3)
    created = await api.subscriptions.create_subscription(
        token=first.token,
        account_id=ACCOUNT_ID,
        description="Monthly plan",
        email="user@example.com",
        amount=399,
        currency="RUB",
        require_confirmation=False,
        start_date=start,
        interval="Month",
        period=1,
    )
    assert created.status == "Active" and created.id.startswith("sc_"), created
    read = await api.subscriptions.get_subscription(id=created.id)
    assert (read.id, read.status, read.amount) == (created.id, "Active", 399), read
    cancelled = await api.subscriptions.cancel_subscription(id=created.id)
    assert cancelled.success is True
    assert (await api.subscriptions.get_subscription(id=created.id)).status == "Cancelled"
    with pytest.raises(BadRequestError):
        await api.subscriptions.cancel_subscription(id=created.id)


async def test_order_create(api: Any) -> None:
    order = await api.orders.create_order(
        amount=10,
        currency="RUB",
        description="Invoice",
        email="client@example.com",
        require_confirmation=False,
        send_email=False,
    )
    assert order.url.endswith(f"/{order.id}") and order.amount == 10, order


async def test_unknown_transaction_is_a_bad_request_with_the_reason(api: Any) -> None:
    with pytest.raises(BadRequestError) as refused:
        await api.payments.void_payment(transaction_id=1)
    assert refused.value.message == "Transaction not found"


async def test_wrong_secret_is_an_authentication_error(mock_url: str) -> None:
    wrong = "wrong-secret-for-this-test"
    async with AsyncCloudPayments(PUBLIC_ID, wrong, base_url=mock_url, max_retries=0) as client:
        with pytest.raises(AuthenticationError) as refused:
            await client.general.test()
    assert wrong not in str(refused.value) and wrong not in repr(refused.value)
