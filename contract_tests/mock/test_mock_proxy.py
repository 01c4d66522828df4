"""The recording proxy: forwards to an upstream unchanged, answers byte for byte, reports spec findings."""

from __future__ import annotations

import asyncio
import base64
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from cloudpayments_client import CloudPayments, ServerError, ThreeDSecureRequired, webhooks
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from contract_tests.contract.recordings import main as check_recordings
from contract_tests.mock.helpers import AUTH
from contract_tests.support.cards import approving_card, card_body, declining_card, three_ds_card
from contract_tests.support.recorded import load_exchanges
from contract_tests.support.servers import serve_asgi
from mock_server import DEFAULT_API_SECRET, DEFAULT_PUBLIC_ID, create_app
from mock_server.proxy import REPORT_ROUTE, Checker, create_proxy
from mock_server.proxy_masking import basic_secret, mask
from mock_server.spec import ApiSpec
from mock_server.testing import packet, receiving_notifications, running_mock


@pytest.fixture
def mock_url() -> Iterator[str]:
    with serve_asgi(create_app()) as url:
        yield url


def _report(client: httpx.Client) -> list[dict[str, Any]]:
    answer = client.get(REPORT_ROUTE)
    assert answer.status_code == 200
    found: list[dict[str, Any]] = answer.json()
    return found


def test_proxy_in_front_of_the_mock_answers_as_the_mock_and_finds_nothing(
    mock_url: str, tmp_path: Path
) -> None:
    with (
        serve_asgi(create_proxy(mock_url, record=tmp_path)) as proxy_url,
        httpx.Client(base_url=proxy_url, auth=AUTH) as client,
    ):
        sent = card_body(approving_card(), Email="buyer@shop.example.ru")
        charge = client.post("/payments/cards/charge", json=sent)
        assert charge.json()["Model"]["Email"] == sent["Email"]  # the answer itself is not masked
        assert charge.status_code == 200 and charge.json()["Success"] is True
        transaction_id = charge.json()["Model"]["TransactionId"]
        secure = client.post("/payments/cards/charge", json=card_body(three_ds_card()))
        assert secure.json()["Model"]["AcsUrl"]
        refund = client.post("/payments/refund", json={"TransactionId": transaction_id, "Amount": 50})
        assert refund.json()["Success"] is True
        # The same request straight to the mock and through the proxy: the same bytes back.
        with httpx.Client(base_url=mock_url, auth=AUTH) as direct:
            body = {"TransactionId": transaction_id}
            assert (
                client.post("/payments/get", json=body).content
                == direct.post("/payments/get", json=body).content
            )
        assert _report(client) == []
    assert not (tmp_path / "report.json").exists()
    written = sorted(tmp_path.glob("*.json"))
    assert len(written) == 4  # charge, 3-D Secure charge, refund, get
    outcomes = sorted(json.loads(path.read_text(encoding="utf-8"))["outcome"] for path in written)
    assert outcomes == ["success", "success", "success", "three_ds"]
    text = "".join(path.read_text(encoding="utf-8") for path in written)
    assert DEFAULT_API_SECRET not in text
    assert approving_card() not in text and three_ds_card() not in text
    assert sent["CardCryptogramPacket"] not in text and sent["Email"] not in text
    assert "user@example.com" in text
    assert len(load_exchanges(tmp_path)) == 4
    assert check_recordings([str(tmp_path)]) == 0


def test_masking_keeps_shapes_and_hides_values() -> None:
    secret = "s3cr3t-api"
    body = {
        "CardCryptogramPacket": "014242424242250102...",
        "Token": "tk_real_token_value",
        "Email": "buyer@shop.ru",
        "Description": f"card 4111 1111 1111 1111 of buyer@shop.ru, secret {secret}",
        "Items": [{"Email": "a@b.co"}],
    }
    masked = mask(body, (secret,))
    # A test packet of the documented layout (base64 of the mock's packet JSON), never the one sent.
    assert masked["CardCryptogramPacket"][:12] == packet(approving_card())[:12]
    assert masked["CardCryptogramPacket"] != body["CardCryptogramPacket"]
    assert masked["Token"].startswith("tk_") and len(masked["Token"]) == len(body["Token"])
    assert masked["Email"] == "user@example.com" and masked["Items"][0]["Email"] == "user@example.com"
    assert "4111" not in masked["Description"] and secret not in masked["Description"]
    assert "4000 0000 0000 0002" in masked["Description"]  # same layout, a valid check digit
    auth = "Basic " + base64.b64encode(f"pk_1:{secret}".encode()).decode()
    assert basic_secret(auth) == secret


def _drifting_app() -> Starlette:
    async def charge(request: Request) -> Response:
        answer = {
            "Success": "yes",  # wrong type
            "Message": None,
            "Model": None,
            "Surprise": 1,  # unknown field
        }
        return Response(json.dumps(answer), media_type="application/json")

    async def test(request: Request) -> Response:
        return Response(json.dumps({"Message": None}), media_type="application/json")  # no Success

    return Starlette(
        routes=[
            Route("/payments/cards/charge", charge, methods=["POST"]),
            Route("/test", test, methods=["POST"]),
        ]
    )


def test_a_drifting_upstream_is_reported_at_the_field(tmp_path: Path) -> None:
    with (
        serve_asgi(_drifting_app()) as upstream,
        serve_asgi(create_proxy(upstream, record=tmp_path)) as proxy,
        httpx.Client(base_url=proxy, auth=AUTH) as client,
    ):
        drifted = client.post("/payments/cards/charge", json=card_body(approving_card()))
        assert json.loads(drifted.content)["Surprise"] == 1  # the answer is not altered
        client.post("/test")
        found = _report(client)
    answers = {(f["operation"], f["pointer"]) for f in found if f["where"] == "answer"}
    charge_op = next(f["operation"] for f in found if f["pointer"] == "/Success" and f["got"] == "yes")
    assert (charge_op, "/Success") in answers
    assert (charge_op, "/Surprise") in answers
    assert any(f["pointer"] == "/Success" and f["got"] == "(absent)" for f in found)
    assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8")) == found
    assert check_recordings([str(tmp_path)]) != 0


def test_check_recordings_refuses_a_folder_without_recordings(tmp_path: Path) -> None:
    assert check_recordings([str(tmp_path)]) == 2
    assert check_recordings([str(tmp_path / "absent")]) == 2


def test_a_bad_request_is_reported_and_still_forwarded(mock_url: str) -> None:
    with serve_asgi(create_proxy(mock_url)) as proxy, httpx.Client(base_url=proxy, auth=AUTH) as client:
        answer = client.post("/payments/cards/charge", json=card_body(approving_card(), Amount="lots"))
        assert answer.json()["Success"] is False  # the mock's refusal, passed through
        found = _report(client)
    assert [(f["where"], f["pointer"]) for f in found] == [("request", "/Amount")]


def test_an_upstream_timeout_is_a_gateway_error_not_a_hang() -> None:
    async def slow(request: Request) -> Response:
        await asyncio.sleep(5)
        return Response("{}")

    upstream_app = Starlette(routes=[Route("/test", slow, methods=["POST"])])
    with serve_asgi(upstream_app) as upstream, serve_asgi(create_proxy(upstream, timeout=0.3)) as proxy:
        answer = httpx.post(f"{proxy}/test", auth=AUTH, timeout=3)
    assert answer.status_code == 504
    assert answer.json()["Success"] is False


def test_a_body_over_the_limit_is_refused_and_not_recorded(mock_url: str, tmp_path: Path) -> None:
    with serve_asgi(create_proxy(mock_url, max_body=100, record=tmp_path)) as proxy:
        answer = httpx.post(f"{proxy}/test", content=b"x" * 500, auth=AUTH)
    assert answer.status_code == 413
    assert list(tmp_path.iterdir()) == []


def test_the_report_is_bounded(tmp_path: Path) -> None:
    with (
        serve_asgi(_drifting_app()) as upstream,
        serve_asgi(create_proxy(upstream, max_findings=2)) as proxy,
        httpx.Client(base_url=proxy, auth=AUTH) as client,
    ):
        for _ in range(3):
            client.post("/payments/cards/charge", json=card_body(approving_card()))
        assert len(_report(client)) == 2


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--upstream", "not-a-url"], "not an http(s):// URL"),
        (["--upstream", "http://127.0.0.1:1", "--record", "/proc/no-such/dir"], "not writable"),
    ],
)
def test_an_unusable_upstream_or_folder_stops_at_start(args: list[str], said: str) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "mock_server", "proxy", *args], capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 2
    assert said in run.stderr


def test_the_client_through_the_proxy(mock_url: str, tmp_path: Path) -> None:
    with (
        serve_asgi(create_proxy(mock_url, record=tmp_path)) as proxy,
        CloudPayments(DEFAULT_PUBLIC_ID, DEFAULT_API_SECRET, base_url=proxy, timeout=10) as client,
    ):
        paid = client.payments.charge_card(
            amount=100,
            currency="RUB",
            ip_address="203.0.113.7",
            name="CARD HOLDER",
            card_cryptogram_packet=packet(approving_card()),
            invoice_id="inv-p1",
        )
        with pytest.raises(ThreeDSecureRequired):
            client.payments.charge_card(
                amount=100,
                currency="RUB",
                ip_address="203.0.113.7",
                name="CARD HOLDER",
                card_cryptogram_packet=packet(three_ds_card()),
                invoice_id="inv-p2",
            )
        client.payments.refund_payment(transaction_id=paid.transaction_id, amount=40)
        assert httpx.get(f"{proxy}{REPORT_ROUTE}").json() == []
    assert len(load_exchanges(tmp_path)) == 3


def test_the_client_sees_an_upstream_timeout_as_a_server_error() -> None:
    async def slow(request: Request) -> Response:
        await asyncio.sleep(5)
        return Response("{}")

    upstream_app = Starlette(routes=[Route("/test", slow, methods=["POST"])])
    with (
        serve_asgi(upstream_app) as upstream,
        serve_asgi(create_proxy(upstream, timeout=0.3)) as proxy,
        CloudPayments(
            DEFAULT_PUBLIC_ID, DEFAULT_API_SECRET, base_url=proxy, timeout=3, max_retries=0
        ) as client,
        pytest.raises(ServerError) as raised,
    ):
        client.general.test()
    assert raised.value.status_code == 504


def test_form_requests_and_path_parameters_are_checked_at_the_field(mock_url: str, tmp_path: Path) -> None:
    with (
        serve_asgi(create_proxy(mock_url, record=tmp_path)) as proxy,
        httpx.Client(base_url=proxy, auth=AUTH) as client,
    ):
        form = client.post("/payments/cards/charge", data=card_body(approving_card(), Amount="lots"))
        assert form.json()["Success"] is False  # the mock's refusal, passed through
        settings = client.post("/site/notifications/pay/get")
        assert settings.json()["Success"] is True
        client.post("/site/notifications/bogus/get")
        found = _report(client)
    assert {(f["where"], f["pointer"]) for f in found} == {("request", "/Amount"), ("path", "/Type")}
    assert next(f for f in found if f["where"] == "path")["got"] == "bogus"
    names = sorted(path.name for path in tmp_path.glob("*.json") if path.name != "report.json")
    assert names[0].startswith("payments_cards_charge.bad_request.")
    assert any(name.startswith("site_notifications_pay_get.success.") for name in names)


def test_a_card_number_sent_as_a_number_is_masked_as_a_number() -> None:
    masked = mask({"CardNumber": 4111111111111111, "TransactionId": 1234567, "TestMode": True})
    assert masked == {"CardNumber": 4000000000000002, "TransactionId": 1234567, "TestMode": True}


def _notifications(folder: Path) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    # In the order received: `<kind>.<count>.json`.
    for path in sorted((folder / "notifications").glob("*.json"), key=lambda path: path.name.split(".")[-2]):
        found.append(json.loads(path.read_text(encoding="utf-8")))
    return found


def test_notifications_reach_the_endpoint_unchanged_and_are_recorded_masked(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    with running_mock() as mock, receiving_notifications() as endpoint:
        proxy_app = create_proxy(mock.base_url, record=tmp_path, notifications_to=endpoint.base_url)
        with serve_asgi(proxy_app) as proxy:
            # The back office's addresses point at the proxy; the rest of the path is the endpoint's.
            mock.send_notifications_to(f"{proxy}/__notifications__/Pay/Pay", "Pay")
            mock.send_notifications_to(f"{proxy}/__notifications__/fail/Fail", "Fail")
            with httpx.Client(base_url=proxy, auth=(mock.public_id, mock.api_secret)) as client:
                paid = client.post(
                    "/payments/cards/charge", json=card_body(approving_card(), Email="buyer@shop.example.ru")
                )
                assert paid.json()["Success"] is True
                client.post("/payments/cards/charge", json=card_body(declining_card()))
            sent = mock.wait_notifications()
            assert [(n.type, n.status) for n in sent] == [("Pay", "delivered"), ("Fail", "delivered")]
            found = httpx.get(f"{proxy}{REPORT_ROUTE}").json()
        assert found == []
        (pay,) = endpoint.wait_for("Pay")
        (fail,) = endpoint.wait_for("Fail")
        # The bytes the API signed reached the endpoint: its signature verifies with the terminal's secret.
        read = webhooks.parse(pay.body, pay.headers, mock.api_secret, kind="Pay")
        assert read.email == "buyer@shop.example.ru"
        assert webhooks.parse(fail.body, fail.headers, mock.api_secret, kind="Fail").reason_code is not None
    recorded = _notifications(tmp_path)
    assert [r["kind"] for r in recorded] == ["Pay", "Fail"]
    text = json.dumps(recorded)
    assert "buyer@shop.example.ru" not in text and approving_card() not in text
    assert recorded[0]["signature"]["re_verifiable"] is False
    assert set(recorded[0]["signature"]["headers"]) == {"content-hmac", "x-content-hmac"}
    assert recorded[0]["answer"] == {"status": 200, "body": {"code": 0}}
    capfd.readouterr()
    assert check_recordings([str(tmp_path)]) == 0
    ran = capfd.readouterr().out
    assert "skipped" not in ran and "passed" in ran


def test_a_drifting_notification_and_answer_are_reported_at_the_field(tmp_path: Path) -> None:
    async def endpoint(request: Request) -> Response:
        return Response(json.dumps({"code": "zero"}), media_type="application/json")

    async def broken(request: Request) -> Response:
        return Response("oops", status_code=500)

    endpoint_app = Starlette(
        routes=[Route("/hook", endpoint, methods=["POST"]), Route("/broken", broken, methods=["POST"])]
    )
    form = {"Amount": "lots", "Currency": "RUB", "DateTime": "2026-12-05 10:00:00", "TestMode": "1"}
    with (
        serve_asgi(endpoint_app) as merchant,
        serve_asgi(create_proxy("http://127.0.0.1:1", record=tmp_path, notifications_to=merchant)) as proxy,
        httpx.Client(base_url=proxy) as api,
    ):
        answered = api.post("/__notifications__/Check/hook", data=form)
        assert answered.json() == {"code": "zero"}  # the endpoint's answer, unaltered
        assert api.post("/__notifications__/Pay/broken", data=form).status_code == 500
        assert api.post("/__notifications__/Nothing/hook", data=form).status_code == 404
        found = _report(api)
    check = {(f["where"], f["pointer"]) for f in found if f["operation"] == "checkNotification"}
    assert ("notification", "/Amount") in check
    assert ("notification", "/TransactionId") in check  # required, absent
    assert ("notification answer", "/code") in check
    pay_answer = [
        f for f in found if f["operation"] != "checkNotification" and f["where"] == "notification answer"
    ]
    assert [(f["expected"], f["got"]) for f in pay_answer] == [("HTTP 200", 500)]
    assert [r["kind"] for r in _notifications(tmp_path)] == ["Check", "Pay"]
    assert check_recordings([str(tmp_path)]) != 0


def test_an_answer_over_the_limit_is_a_gateway_error_and_not_recorded(tmp_path: Path) -> None:
    async def flood(request: Request) -> Response:
        return Response(json.dumps({"Success": True, "Message": "x" * 5000}), media_type="application/json")

    upstream_app = Starlette(routes=[Route("/test", flood, methods=["POST"])])
    with (
        serve_asgi(upstream_app) as upstream,
        serve_asgi(create_proxy(upstream, record=tmp_path, max_answer=1000)) as proxy,
    ):
        answer = httpx.post(f"{proxy}/test", auth=AUTH, timeout=10)
    assert answer.status_code == 502
    assert "over 1000 bytes" in answer.json()["Message"]
    assert list(tmp_path.iterdir()) == []


def test_each_missing_required_key_has_its_own_pointer() -> None:
    spec = ApiSpec.load()
    charge = spec.operations["/payments/cards/charge"]
    found = Checker(spec).request(charge, "application/json", json.dumps({"Amount": "lots"}).encode())
    assert [(f["pointer"], f["got"]) for f in found] == [
        ("/IpAddress", "(absent)"),
        ("/CardCryptogramPacket", "(absent)"),
        ("/Amount", "lots"),
    ]


def test_the_request_reaches_the_upstream_unchanged() -> None:
    seen: list[tuple[dict[str, str], bytes, str]] = []

    async def echo(request: Request) -> Response:
        seen.append((dict(request.headers), await request.body(), request.url.query))
        return Response(json.dumps({"Success": True, "Message": None}), media_type="application/json")

    upstream_app = Starlette(routes=[Route("/payments/find", echo, methods=["POST"])])
    body = b"InvoiceId=inv-%D0%AF+1"
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Request-ID": "req-proxy-7",
        "User-Agent": "shop/1.0",
    }
    with serve_asgi(upstream_app) as upstream, serve_asgi(create_proxy(upstream)) as proxy:
        answer = httpx.post(f"{proxy}/payments/find?x=1", content=body, headers=headers, auth=AUTH)
    assert answer.status_code == 200
    ((got, sent, query),) = seen
    assert sent == body and query == "x=1"
    credentials = base64.b64encode(f"{DEFAULT_PUBLIC_ID}:{DEFAULT_API_SECRET}".encode()).decode()
    assert got["authorization"] == f"Basic {credentials}"
    assert (got["x-request-id"], got["content-type"], got["user-agent"]) == (
        "req-proxy-7",
        "application/x-www-form-urlencoded",
        "shop/1.0",
    )


def test_the_recordings_are_bounded(mock_url: str, tmp_path: Path) -> None:
    with (
        serve_asgi(create_proxy(mock_url, record=tmp_path, max_recordings=2)) as proxy,
        httpx.Client(base_url=proxy, auth=AUTH) as client,
    ):
        for _ in range(4):
            assert client.post("/test").json()["Success"] is True  # forwarded past the cap, not recorded
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "test.success.00001.json",
        "test.success.00002.json",
    ]
