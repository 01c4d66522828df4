"""Faults on demand (`/__mock__/faults`, mock_server/faults.py): armed, listed, refused, cleared by a reset,
and met by the next requests to their path. The connection faults (`drop-after-commit`, `timeout`) are
tested on a real server: what a closed connection does to a client only a socket shows.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from contract_tests.mock.helpers import send
from contract_tests.support.cards import approving_card, card_body
from mock_server.faults import MAX_ARMED, MAX_TIMES, FaultRefusedError
from mock_server.testing import MockServer, running_mock

CHARGE = "/payments/cards/charge"
FIND = "/payments/find"


async def arm(api: httpx.AsyncClient, **body: Any) -> dict[str, Any]:
    response = await api.post("/__mock__/faults", json=body)
    assert response.status_code == 200
    answer: dict[str, Any] = response.json()
    return answer


async def armed(api: httpx.AsyncClient) -> list[dict[str, Any]]:
    response = await api.get("/__mock__/faults")
    assert response.status_code == 200
    listing: list[dict[str, Any]] = response.json()
    return listing


def stored(app: Starlette) -> int:
    return len(app.state.store.transactions)


# ---------------------------------------------------------------------------
# Arming, listing, refusing, resetting


async def test_a_fault_is_armed_listed_and_met_as_many_times_as_asked(
    api: httpx.AsyncClient, mock_app: Starlette
) -> None:
    answer = await arm(api, path=CHARGE, fault="status:503", times=2)
    assert answer == {
        "Success": True,
        "Message": None,
        "Model": {"path": CHARGE, "fault": "status:503", "times": 2},
    }
    assert await armed(api) == [{"path": CHARGE, "fault": "status:503", "times": 2}]
    body = card_body(approving_card())
    first = await api.post(CHARGE, json=body)
    assert (first.status_code, first.content) == (503, b"")
    assert await armed(api) == [{"path": CHARGE, "fault": "status:503", "times": 1}]
    assert (await api.post(CHARGE, json=body)).status_code == 503
    assert await armed(api) == []
    assert stored(mock_app) == 0  # nothing was done for the failed requests
    assert (await send(api, CHARGE, body))["Success"] is True
    assert stored(mock_app) == 1


async def test_a_fault_fails_only_its_own_path(api: httpx.AsyncClient) -> None:
    await arm(api, path=CHARGE, fault="status:500")
    assert (await send(api, FIND, {"InvoiceId": "none"}))["Success"] is False  # answered, not failed
    assert (await api.post(CHARGE, json=card_body(approving_card()))).status_code == 500


async def test_faults_of_one_path_are_met_in_the_order_they_were_armed(api: httpx.AsyncClient) -> None:
    await arm(api, path=CHARGE, fault="status:502")
    await arm(api, path=CHARGE, fault="status:429")
    body = card_body(approving_card())
    assert (await api.post(CHARGE, json=body)).status_code == 502
    limited = await api.post(CHARGE, json=body)
    assert (limited.status_code, limited.headers["Retry-After"]) == (429, "1")


async def test_a_path_with_a_template_takes_faults_by_its_values(api: httpx.AsyncClient) -> None:
    path = "/site/notifications/Pay/update"
    assert (await arm(api, path=path, fault="status:504"))["Success"] is True
    assert (await api.post("/site/notifications/Fail/update", json={"IsEnabled": False})).status_code == 200
    assert (await api.post(path, json={"IsEnabled": False})).status_code == 504


async def test_a_delay_answers_as_usual_after_it(api: httpx.AsyncClient, mock_app: Starlette) -> None:
    await arm(api, path=CHARGE, fault="delay:0.4")
    started = time.monotonic()
    answer = await send(api, CHARGE, card_body(approving_card()))
    assert time.monotonic() - started >= 0.4
    assert answer["Success"] is True
    assert stored(mock_app) == 1


async def test_a_reset_disarms_every_fault(api: httpx.AsyncClient) -> None:
    await arm(api, path=CHARGE, fault="status:503", times=5)
    await arm(api, path=FIND, fault="delay:1")
    assert (await api.post("/__mock__/reset")).json()["Success"] is True
    assert await armed(api) == []
    assert (await send(api, CHARGE, card_body(approving_card())))["Success"] is True


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ({"path": "/payments/nowhere", "fault": "status:503"}, "path must be a path of the API"),
        ({"path": "/acs", "fault": "status:503"}, "path must be a path of the API"),
        ({"path": CHARGE, "fault": "explode"}, "unknown fault 'explode'"),
        ({"path": CHARGE, "fault": 503}, "fault must be text"),
        ({"path": CHARGE, "fault": "status:404"}, "status takes 429 or a code from 500 to 599"),
        ({"path": CHARGE, "fault": "status:5xx"}, "status takes 429"),
        ({"path": CHARGE, "fault": "delay:0"}, "delay needs a number of seconds above 0 and at most 60"),
        ({"path": CHARGE, "fault": "delay:61"}, "at most 60"),
        ({"path": CHARGE, "fault": "delay:nan"}, "delay needs a number of seconds"),
        ({"path": CHARGE, "fault": "delay"}, "unknown fault 'delay'"),
        (
            {"path": CHARGE, "fault": "timeout:121"},
            "timeout needs a number of seconds above 0 and at most 120",
        ),
        ({"path": CHARGE, "fault": "timeout:-1"}, "timeout needs a number of seconds"),
        ({"path": CHARGE, "fault": "status:503", "times": 0}, "times must be a whole number from 1 to 1000"),
        ({"path": CHARGE, "fault": "status:503", "times": MAX_TIMES + 1}, "from 1 to 1000, not 1001"),
        ({"path": CHARGE, "fault": "status:503", "times": True}, "times must be a whole number"),
        ({"path": CHARGE, "fault": "status:503", "times": "2"}, "times must be a whole number"),
        ({"path": CHARGE, "fault": "status:503", "count": 2}, "unknown field(s) count"),
        ({"fault": "status:503"}, "path missing"),
        ({"path": CHARGE}, "fault missing"),
    ],
)
async def test_a_bad_fault_is_refused_naming_the_problem(
    api: httpx.AsyncClient, body: dict[str, Any], named: str
) -> None:
    answer = await arm(api, **body)
    assert answer["Success"] is False
    assert named in answer["Message"]
    assert await armed(api) == []


async def test_a_body_that_is_not_a_json_object_is_refused(api: httpx.AsyncClient) -> None:
    text = await api.post("/__mock__/faults", content=b"status:503")
    assert text.status_code == 200
    assert text.json()["Success"] is False
    assert "the body is not JSON" in text.json()["Message"]
    listed = await api.post("/__mock__/faults", json=[CHARGE, "status:503"])
    assert "must be a JSON object" in listed.json()["Message"]


async def test_at_most_a_hundred_faults_are_armed(api: httpx.AsyncClient) -> None:
    for _ in range(MAX_ARMED):
        assert (await arm(api, path=FIND, fault="status:500"))["Success"] is True
    refused = await arm(api, path=CHARGE, fault="status:500")
    assert refused["Success"] is False
    assert "100 faults are armed already" in refused["Message"]
    assert len(await armed(api)) == MAX_ARMED
    await api.post(FIND, json={"InvoiceId": "x"})  # one met: room for one more
    assert (await arm(api, path=CHARGE, fault="status:500"))["Success"] is True


async def test_the_fault_routes_need_the_credentials(mock_app: Starlette) -> None:
    transport = httpx.ASGITransport(app=mock_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as anonymous:
        body = {"path": CHARGE, "fault": "status:503"}
        assert (await anonymous.post("/__mock__/faults", json=body)).status_code == 401
        assert (await anonymous.get("/__mock__/faults")).status_code == 401
    assert mock_app.state.faults.as_json() == []


# ---------------------------------------------------------------------------
# On a real connection, through MockServer.fault


@pytest.fixture
def mock() -> Iterator[MockServer]:
    with running_mock() as server:
        yield server
    assert server.internal_errors == []


def test_drop_after_commit_stores_the_answer_a_retry_with_the_request_id_gets(mock: MockServer) -> None:
    assert mock.fault(CHARGE, "drop-after-commit") == {
        "path": CHARGE,
        "fault": "drop-after-commit",
        "times": 1,
    }
    body = card_body(approving_card())
    headers = {"X-Request-ID": str(uuid.uuid4())}
    with mock.http() as http:
        with pytest.raises(httpx.RemoteProtocolError):
            http.post(CHARGE, json=body, headers=headers)
        assert len(mock.app.state.store.transactions) == 1  # committed before the connection closed
        retry = http.post(CHARGE, json=body, headers=headers).json()
    assert retry["Success"] is True
    (transaction_id,) = mock.app.state.store.transactions
    assert retry["Model"]["TransactionId"] == transaction_id
    assert len(mock.app.state.store.transactions) == 1
    assert mock.faults == []


def test_timeout_answers_nothing_for_longer_than_the_client_waits_and_does_nothing(mock: MockServer) -> None:
    mock.fault(CHARGE, "timeout:5")
    body = card_body(approving_card())
    started = time.monotonic()
    with mock.http() as http:
        with pytest.raises(httpx.ReadTimeout):
            http.post(CHARGE, json=body, timeout=0.5)
        assert time.monotonic() - started < 4  # the client gave up; the mock did not hold it
        assert http.post(CHARGE, json=body).json()["Success"] is True
    assert len(mock.app.state.store.transactions) == 1


def test_timeout_closes_the_connection_once_its_time_is_up(mock: MockServer) -> None:
    mock.fault(CHARGE, "timeout:0.5")
    started = time.monotonic()
    with mock.http() as http, pytest.raises(httpx.RemoteProtocolError):
        http.post(CHARGE, json=card_body(approving_card()), timeout=10)
    assert 0.5 <= time.monotonic() - started < 5
    assert len(mock.app.state.store.transactions) == 0


def test_mock_server_fault_refuses_a_bad_fault_and_reset_disarms(mock: MockServer) -> None:
    with pytest.raises(FaultRefusedError, match="unknown fault"):
        mock.fault(CHARGE, "slow")
    mock.fault(CHARGE, "status:503", times=3)
    assert mock.faults == [{"path": CHARGE, "fault": "status:503", "times": 3}]
    mock.reset()
    assert mock.faults == []
