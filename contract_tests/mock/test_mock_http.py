"""Transport-level behaviour: auth, routing, pages, spec serving, reset, concurrency cap, a real server."""

from __future__ import annotations

import asyncio
import base64
import json
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
import yaml
from starlette.applications import Starlette

import spec_tools
from contract_tests.mock.helpers import AUTH, BASE_URL, pay
from contract_tests.support.acs import NO_AUTH
from contract_tests.support.cards import OTHER_CARD, card_body
from contract_tests.support.servers import serve_asgi
from mock_server import DEFAULT_API_SECRET, DEFAULT_PUBLIC_ID, create_app
from mock_server.defaults import DEFAULT_INN
from mock_server.spec import ApiSpec
from spec_tools import default_spec_path

OPERATION_PATHS = sorted(yaml.safe_load(default_spec_path().read_text(encoding="utf-8"))["paths"])
# The other methods the API answers like POST on a path (the spec's `x-tolerated` operations: GET /test).
ALSO_METHODS = {
    op.path: op.also_methods
    for op in spec_tools.operations(spec_tools.load_spec(shared=True))
    if op.method == "post"
}


# The operations whose own `security` admits no credentials (SberPay's; SBP and T-Pay links, the QR status).
ANONYMOUS_PATHS = {path for path in ApiSpec.load().operations if ApiSpec.load().takes_anonymous(path)}


@pytest.mark.parametrize("path", OPERATION_PATHS)
@pytest.mark.parametrize(
    "authorization",
    [
        None,
        "Basic " + base64.b64encode(f"{DEFAULT_PUBLIC_ID}:wrong".encode()).decode(),
        "Basic " + base64.b64encode(f"someone_else:{DEFAULT_API_SECRET}".encode()).decode(),
        "Basic " + base64.b64encode(DEFAULT_PUBLIC_ID.encode()).decode(),  # no colon
        "Basic !!!not-base64!!!",
        "Bearer " + DEFAULT_API_SECRET,
    ],
    ids=["missing", "wrong-secret", "wrong-id", "no-colon", "not-base64", "bearer"],
)
async def test_bad_credentials_get_401_with_empty_body(
    api: httpx.AsyncClient, path: str, authorization: str | None
) -> None:
    headers = {"Authorization": authorization} if authorization else {}
    # Auth is checked before the body: even an invalid body gets 401, not a validation message.
    response = await api.post(path, content=b"{", headers=headers, auth=NO_AUTH)
    if authorization is None and path in ANONYMOUS_PATHS:
        # The spec lets it go without credentials (PublicId in the body): the body is read, and refused.
        assert (response.status_code, response.json()["Success"]) == (200, False)
        return
    assert response.status_code == 401
    assert response.content == b""


def test_the_operations_taken_without_credentials_are_the_spec_s() -> None:
    sberpay = {"/payments/qr/sberpay/link", "/payments/qr/sberpay/image"}
    assert {*sberpay, "/payments/qr/sbp/link", "/payments/qr/status/wait"} <= ANONYMOUS_PATHS
    assert not {"/payments/qr/sbp/image", "/payments/cards/charge", "/payments/get"} & ANONYMOUS_PATHS


async def test_valid_credentials_pass(api: httpx.AsyncClient) -> None:
    response = await api.post("/test")
    assert response.status_code == 200
    body = response.json()
    assert body["Success"] is True and isinstance(body["Message"], str) and len(body["Message"]) == 36


async def test_unknown_path_is_404(api: httpx.AsyncClient) -> None:
    assert (await api.post("/payments/unknown", json={})).status_code == 404
    assert (await api.get("/nothing/here")).status_code == 404


@pytest.mark.parametrize(
    ("method", "path"),
    [
        (method, path)
        for method in ["GET", "PUT", "DELETE", "PATCH"]
        for path in OPERATION_PATHS
        if method not in ALSO_METHODS[path]
    ],
)
async def test_wrong_method_is_405_with_allow_post(api: httpx.AsyncClient, method: str, path: str) -> None:
    response = await api.request(method, path)
    assert response.status_code == 405
    # The documented methods (Starlette adds HEAD beside GET; the list's order is not fixed).
    allowed = {"POST", *ALSO_METHODS[path], *(["HEAD"] if "GET" in ALSO_METHODS[path] else [])}
    assert set(response.headers["allow"].split(", ")) == allowed


async def test_get_test_is_answered_like_post(api: httpx.AsyncClient) -> None:
    """cloudpayments-sdk 0.1.0 (PyPI) checks the connection with GET /test, and the API answers it."""
    assert ALSO_METHODS["/test"] == ("GET",)
    response = await api.get("/test")
    assert response.status_code == 200
    body = response.json()
    assert body["Success"] is True and isinstance(body["Message"], str) and len(body["Message"]) == 36
    assert (await api.get("/test", auth=NO_AUTH)).status_code == 401


async def test_status_page_lists_operations_and_counts(api: httpx.AsyncClient) -> None:
    await pay(api, OTHER_CARD)
    page = await api.get("/", auth=NO_AUTH)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    for path in OPERATION_PATHS:
        assert f"POST {path}" in page.text
    assert "<td>transactions</td><td>1</td>" in page.text
    for link in ("/docs", "/openapi.yaml", "/openapi.json"):
        assert f'href="{link}"' in page.text


async def test_spec_is_served_as_yaml_and_json(api: httpx.AsyncClient) -> None:
    committed = yaml.safe_load(default_spec_path().read_text(encoding="utf-8"))
    as_yaml = await api.get("/openapi.yaml", auth=NO_AUTH)
    assert as_yaml.status_code == 200 and yaml.safe_load(as_yaml.text) == committed
    as_json = await api.get("/openapi.json", auth=NO_AUTH)
    assert as_json.status_code == 200 and as_json.json() == json.loads(json.dumps(committed))


async def test_docs_page_served_when_built_else_404(tmp_path: Path) -> None:
    built = tmp_path / "index.html"
    for exists in (False, True):
        if exists:
            built.write_text("<html>rendered docs</html>", encoding="utf-8")
        app = create_app(spec_path=default_spec_path(), docs_path=built)
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL) as client:
            response = await client.get("/docs")
        if exists:
            assert response.status_code == 200 and "rendered docs" in response.text
        else:
            assert response.status_code == 404 and "make docs" in response.text


async def test_reset_route_needs_auth_and_empties_state(api: httpx.AsyncClient, mock_app: Starlette) -> None:
    await pay(api, OTHER_CARD, AccountId="user-1")
    settings = {"IsEnabled": True, "Address": "https://shop.test/pay"}
    assert (await api.post("/site/notifications/Pay/update", json=settings)).json()["Success"] is True
    assert mock_app.state.store.counts()["transactions"] == 1
    item = {"Label": "Book", "Price": 1, "Quantity": 1, "Amount": 1}
    receipt = {"Inn": DEFAULT_INN, "Type": "Income", "CustomerReceipt": {"Items": [item]}}
    assert (await api.post("/kkt/receipt", json=receipt)).json()["Success"] is True
    assert mock_app.state.store.counts()["receipts"] == 1
    assert (await api.post("/__mock__/reset", auth=NO_AUTH)).status_code == 401
    assert mock_app.state.store.counts()["transactions"] == 1
    response = await api.post("/__mock__/reset")
    assert response.json() == {"Success": True, "Message": None}
    assert mock_app.state.store.counts() == {
        "transactions": 0,
        "tokens": 0,
        "subscriptions": 0,
        "orders": 0,
        "notification_settings": 0,
        "qr_links": 0,
        "chargebacks": 0,
        "receipts": 0,
    }
    read = (await api.post("/site/notifications/Pay/get")).json()["Model"]
    assert (read["IsEnabled"], read["Address"]) == (False, None)


async def test_store_reset_keeps_ids_increasing(api: httpx.AsyncClient, mock_app: Starlette) -> None:
    first = (await pay(api, OTHER_CARD))["Model"]["TransactionId"]
    second = (await pay(api, OTHER_CARD))["Model"]["TransactionId"]
    assert second == first + 1 and first > 2**31  # int64 ids beyond int32, like the real ones
    mock_app.state.store.reset()
    # An id from before the reset never names a new transaction (a stale refund finds nothing).
    assert (await pay(api, OTHER_CARD))["Model"]["TransactionId"] == second + 1


async def test_apps_do_not_share_state() -> None:
    first, second = (create_app(spec_path=default_spec_path()) for _ in range(2))
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=first), base_url=BASE_URL, auth=AUTH
    ) as client:
        await pay(client, OTHER_CARD)
    assert first.state.store.counts()["transactions"] == 1
    assert second.state.store.counts()["transactions"] == 0


async def test_concurrency_cap_answers_429_with_retry_after() -> None:
    app = create_app(spec_path=default_spec_path(), max_concurrency=2)
    release = asyncio.Event()

    async def slow_body() -> AsyncIterator[bytes]:
        await release.wait()  # the request stays in flight until released
        yield json.dumps(card_body(OTHER_CARD)).encode()

    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url=BASE_URL, auth=AUTH) as client:
        headers = {"Content-Type": "application/json"}
        held = [
            asyncio.create_task(client.post("/payments/cards/charge", content=slow_body(), headers=headers))
            for _ in range(2)
        ]
        await asyncio.sleep(0.05)
        rejected = await client.post("/test")
        assert rejected.status_code == 429
        assert rejected.content == b""
        assert rejected.headers["retry-after"] == "1"
        release.set()
        answers = await asyncio.gather(*held)
        assert [a.json()["Success"] for a in answers] == [True, True]
        assert (await client.post("/test")).status_code == 200  # slots are free again


async def test_no_cap_by_default(api: httpx.AsyncClient) -> None:
    answers = await asyncio.gather(*(api.post("/test") for _ in range(40)))
    assert {a.status_code for a in answers} == {200}


def test_real_server_on_a_free_port() -> None:
    app = create_app(spec_path=default_spec_path(), validate_responses=True)
    with serve_asgi(app, startup_timeout=10) as base:
        with httpx.Client(base_url=base, auth=AUTH, timeout=10) as client:
            assert client.post("/test").json()["Success"] is True
            answer = client.post("/payments/cards/charge", json=card_body("4242424242424242")).json()
            # The ACS address is built from the address the client used.
            assert answer["Model"]["AcsUrl"] == f"{base}/acs"
            form = client.post(
                "/payments/cards/charge", data={k: str(v) for k, v in card_body(OTHER_CARD).items()}
            ).json()
            assert form["Success"] is True
            assert client.post("/test", auth=NO_AUTH).status_code == 401
        assert app.state.api.internal_errors == []
