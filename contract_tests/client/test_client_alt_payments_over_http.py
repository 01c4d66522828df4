"""The client's SBP, T-Pay and SberPay methods against the mock over real HTTP: a link made through the
client, paid on the mock's page by another thread or task, and `wait_for_payment` returning its outcome;
the deadline and a refusal as the typed exceptions.

The mock runs under uvicorn on a free 127.0.0.1 port (contract_tests.support.servers), with a short bound on
the status wait so a test that waits for the deadline takes about a second.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from decimal import Decimal
from typing import Final

import pytest
from cloudpayments_client import (
    AsyncCloudPayments,
    BadRequestError,
    CloudPayments,
    QrPaymentTimeout,
    TransactionStatus,
)

from contract_tests.support.credentials import API_SECRET, PUBLIC_ID
from contract_tests.support.servers import serve_asgi
from mock_server import create_app
from mock_server.testing import pay_qr
from spec_tools import default_spec_path

# How long the mock holds a status wait; the client's own deadline in the deadline test is a few of these.
HOLD_SECONDS: Final = 0.5
# Before the payer acts, so the first polls see Created or Pending.
PAYER_DELAY: Final = 0.3


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    app = create_app(
        public_id=PUBLIC_ID,
        api_secret=API_SECRET,
        spec_path=default_spec_path(),
        validate_responses=True,
        qr_wait_seconds=HOLD_SECONDS,
    )
    with serve_asgi(app) as url:
        yield url
    assert app.state.api.internal_errors == [], "the mock crashed while answering"


def pay_on_the_page(url: str, choice: str) -> None:
    """The payer: a moment after the link is made, pays or declines in the bank app (the mock's page)."""
    time.sleep(PAYER_DELAY)
    pay_qr(url, success=choice == "success")


@pytest.mark.parametrize(("choice", "outcome"), [("success", "Completed"), ("decline", "Declined")])
def test_a_sbp_link_paid_on_the_page_is_waited_for_in_sync(base_url: str, choice: str, outcome: str) -> None:
    with CloudPayments(PUBLIC_ID, API_SECRET, base_url=base_url, timeout=10) as client:
        link = client.alt_payments.create_sbp_link(
            amount=Decimal("1250.50"), currency="RUB", invoice_id=f"sbp-{choice}", description="Order by SBP"
        )
        assert link.qr_url is not None and link.qr_url.startswith(base_url)
        payer = threading.Thread(target=pay_on_the_page, args=(link.qr_url, choice))
        payer.start()
        try:
            answer = client.alt_payments.wait_for_payment(link.transaction_id, timeout=15)
        finally:
            payer.join()
        assert answer.transaction_id == link.transaction_id
        assert answer.status == TransactionStatus(outcome)
        transaction = client.payments.get_payment(transaction_id=link.transaction_id)
        assert transaction.status == outcome
        assert transaction.amount == Decimal("1250.50")


async def test_a_t_pay_link_paid_on_the_page_is_waited_for_in_async(base_url: str) -> None:
    async with AsyncCloudPayments(PUBLIC_ID, API_SECRET, base_url=base_url, timeout=10) as client:
        link = await client.alt_payments.create_tpay_link(
            amount=Decimal("99.90"),
            currency="RUB",
            scheme="0",
            webview=False,
            device="DesktopWeb",
            success_redirect_url="https://shop.example/ok",
            fail_redirect_url="https://shop.example/fail",
        )
        assert link.qr_url is not None
        payer = asyncio.create_task(asyncio.to_thread(pay_on_the_page, link.qr_url, "success"))
        answer = await client.alt_payments.wait_for_payment(link.transaction_id, timeout=15)
        await payer
        assert answer.status is TransactionStatus.COMPLETED


@pytest.mark.parametrize("flavour", ["sync", "async"])
async def test_an_unpaid_link_ends_the_wait_at_its_deadline(base_url: str, flavour: str) -> None:
    deadline = 3 * HOLD_SECONDS
    if flavour == "sync":
        with CloudPayments(PUBLIC_ID, API_SECRET, base_url=base_url, timeout=10) as client:
            link = client.alt_payments.create_sbp_link(amount=Decimal(10), currency="RUB")
            started = time.monotonic()
            with pytest.raises(QrPaymentTimeout) as raised:
                client.alt_payments.wait_for_payment(link.transaction_id, timeout=deadline)
    else:
        async with AsyncCloudPayments(PUBLIC_ID, API_SECRET, base_url=base_url, timeout=10) as async_client:
            link = await async_client.alt_payments.create_sbp_link(amount=Decimal(10), currency="RUB")
            started = time.monotonic()
            with pytest.raises(QrPaymentTimeout) as raised:
                await async_client.alt_payments.wait_for_payment(link.transaction_id, timeout=deadline)
    waited = time.monotonic() - started
    assert deadline <= waited < deadline + 2 * HOLD_SECONDS
    assert raised.value.transaction_id == link.transaction_id
    assert raised.value.last_status == "Created"
    assert API_SECRET not in str(raised.value) and API_SECRET not in repr(raised.value)


def test_waiting_for_an_unknown_transaction_is_refused_at_once(base_url: str) -> None:
    with CloudPayments(PUBLIC_ID, API_SECRET, base_url=base_url, timeout=10) as client:
        started = time.monotonic()
        with pytest.raises(BadRequestError) as raised:
            client.alt_payments.wait_for_payment(987654321, timeout=30)
        assert time.monotonic() - started < 5
    assert raised.value.message == "TransactionId 987654321 is not a QR or link payment"
