"""The mock in process (`mock_server.in_process`): a fresh mock without a server, reached through an httpx
transport by the sync and the async client, with what a server gives (3-D Secure links, faults that close the
connection, timeouts, notifications to a real endpoint) and a server on its reserved port when asked."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import httpx
import pytest
from cloudpayments_client import (
    APITimeoutError,
    AsyncCloudPayments,
    CloudPayments,
    ThreeDSecureRequired,
    TransactionStatus,
)

from mock_server.in_process import LocalMock, local_mock
from mock_server.testing import (
    approving_card,
    local_transport,
    packet,
    pass_3ds,
    receiving_notifications,
    three_ds_card,
)


@pytest.fixture
def mock() -> Iterator[LocalMock]:
    with local_mock() as made:
        yield made


def _client(mock: LocalMock, *, timeout: float = 10.0, max_retries: int = 2) -> CloudPayments:
    return CloudPayments(
        mock.public_id,
        mock.api_secret,
        base_url=mock.address,
        transport=mock.transport,
        timeout=timeout,
        max_retries=max_retries,
    )


def test_the_client_pays_through_the_transport_with_no_server(mock: LocalMock) -> None:
    with _client(mock) as client:
        payment = client.payments.charge_card(
            amount=10,
            currency="RUB",
            ip_address="203.0.113.7",
            card_cryptogram_packet=packet(approving_card()),
        )
    assert payment.status is TransactionStatus.COMPLETED
    assert mock._server is None  # nothing listens: no server was started
    (record,) = mock.app.state.store.transactions.values()
    assert record.transaction_id == payment.transaction_id


def test_the_3ds_links_point_at_the_mock_and_the_walk_follows_them(mock: LocalMock) -> None:
    with _client(mock) as client:
        with pytest.raises(ThreeDSecureRequired) as raised:
            client.payments.charge_card(
                amount=10,
                currency="RUB",
                ip_address="203.0.113.7",
                card_cryptogram_packet=packet(three_ds_card()),
            )
        assert raised.value.acs_url == f"{mock.address}/acs"
        md, pa_res = pass_3ds(raised.value.acs_url, raised.value.pa_req, raised.value.md)
        payment = client.payments.post3ds(transaction_id=int(md), pa_res=pa_res)
    assert payment.status is TransactionStatus.COMPLETED
    assert mock._server is None


def test_a_dropped_answer_is_a_closed_connection_and_the_retry_pays_once(mock: LocalMock) -> None:
    mock.fault("/payments/cards/charge", "drop-after-commit")
    with _client(mock) as client:
        payment = client.payments.charge_card(
            amount=10,
            currency="RUB",
            ip_address="203.0.113.7",
            card_cryptogram_packet=packet(approving_card()),
            request_id="order-1",
        )
    assert payment.status is TransactionStatus.COMPLETED
    assert len(mock.app.state.store.transactions) == 1
    with mock.http() as http, pytest.raises(httpx.RemoteProtocolError):
        mock.fault("/test", "drop-after-commit")
        http.post("/test")


def test_a_mock_that_does_not_answer_times_the_call_out(mock: LocalMock) -> None:
    mock.fault("/test", "timeout:5")
    with _client(mock, timeout=0.3, max_retries=0) as client, pytest.raises(APITimeoutError):
        client.general.test()
    with _client(mock) as client:
        assert client.general.test().success  # the mock goes on answering


def test_the_async_client_works_from_one_event_loop_after_another(mock: LocalMock) -> None:
    client = AsyncCloudPayments(
        mock.public_id, mock.api_secret, base_url=mock.address, transport=mock.transport
    )

    async def check() -> bool:
        return (await client.general.test()).success

    assert asyncio.run(check()) and asyncio.run(check())
    asyncio.run(client.aclose())


def test_notifications_reach_a_real_endpoint(mock: LocalMock) -> None:
    with receiving_notifications() as receiver:
        mock.send_notifications_to(receiver.url("pay"), "Pay")
        with _client(mock) as client:
            payment = client.payments.charge_card(
                amount=10,
                currency="RUB",
                ip_address="203.0.113.7",
                card_cryptogram_packet=packet(approving_card()),
            )
        (sent,) = [n for n in mock.wait_notifications() if n["Type"] == "Pay"]
        assert sent.delivered and sent.values["TransactionId"] == str(payment.transaction_id)
        assert [r.kind for r in receiver.received] == ["pay"]


def test_base_url_serves_the_same_mock_on_its_reserved_port(mock: LocalMock) -> None:
    with _client(mock) as client:
        payment = client.payments.charge_card(
            amount=10,
            currency="RUB",
            ip_address="203.0.113.7",
            card_cryptogram_packet=packet(approving_card()),
        )
    assert mock.base_url == mock.address  # starts the server
    answer = httpx.post(
        f"{mock.base_url}/payments/get",
        auth=(mock.public_id, mock.api_secret),
        json={"TransactionId": payment.transaction_id},
    )
    assert answer.status_code == 200
    assert answer.json()["Model"]["TransactionId"] == payment.transaction_id  # the state is the same


def test_closing_forgets_the_transport() -> None:
    with local_mock() as made:
        address = made.address
        assert local_transport(f"{address}/acs") is made.transport
    assert local_transport(f"{address}/acs") is None
