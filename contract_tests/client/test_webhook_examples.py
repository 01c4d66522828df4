"""The two notification handlers of the generated README ("Notifications (webhooks)"), run as printed:
the Starlette one in a Starlette app called through httpx's ASGI transport, the Flask one with a stand-in
`flask` module (Flask is not a dependency of the project or of the package: the stand-in has just what the
example uses)."""

from __future__ import annotations

import re
import sys
import types
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any, Final
from urllib.parse import urlencode

import cloudpayments_client
import httpx
import pytest
from cloudpayments_client import webhooks
from starlette.applications import Starlette
from starlette.routing import Route

SECRET: Final = "sk_README_EXAMPLE_secret_4d2e"
# The README of the package the suites import (generated_client/).
README: Final = Path(cloudpayments_client.__file__).parents[1] / "README.md"

PAY: Final = {
    "TransactionId": "1504648",
    "Amount": "10.10",
    "Currency": "RUB",
    "PaymentAmount": "10.10",
    "PaymentCurrency": "RUB",
    "DateTime": "2026-11-29 03:20:47",
    "CardFirstSix": "424242",
    "CardLastFour": "4242",
    "CardType": "Visa",
    "CardExpDate": "12/28",
    "TestMode": "1",
    "Status": "Completed",
    "OperationType": "Payment",
    "GatewayName": "Test",
    "InvoiceId": "1234567",
    "Description": "Оплата заказа №1234567",
}
CHECK: Final = {key: value for key, value in PAY.items() if key != "GatewayName"}


def readme_example(title: str) -> str:
    """The Python block under the line `<title>:` of the README's notifications section."""
    section = README.read_text(encoding="utf-8").split("## Notifications (webhooks)", 1)[1]
    found = re.search(re.escape(title) + r":\n\n```python\n(.*?)```", section, re.S)
    assert found, f"no {title} example in {README}"
    code = found.group(1)
    assert len(code.strip().splitlines()) <= 20
    return code


def run_example(title: str, **names: Any) -> dict[str, Any]:
    namespace: dict[str, Any] = {"__name__": "readme_example", **names}
    exec(compile(readme_example(title), f"README.md ({title})", "exec"), namespace)
    return namespace


def form(parameters: dict[str, str]) -> bytes:
    return urlencode(parameters).encode("ascii")


async def test_starlette_example() -> None:
    paid: list[tuple[Any, ...]] = []
    namespace = run_example(
        "Starlette or FastAPI", API_SECRET=SECRET, mark_paid=lambda *args: paid.append(args)
    )
    app = Starlette(routes=[Route("/cloudpayments/pay", namespace["pay_notification"], methods=["POST"])])
    body = form(PAY)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="https://shop.example") as client:

        async def post(content: bytes, headers: dict[str, str]) -> httpx.Response:
            return await client.post("/cloudpayments/pay", content=content, headers=headers)

        answer = await post(body, webhooks.signature_headers(body, SECRET))
        assert answer.status_code == 200
        assert answer.content == b'{"code":0}'
        assert answer.headers["content-type"] == "application/json"
        assert paid == [("1234567", 1504648, Decimal("10.10"))]

        assert (await post(body, webhooks.signature_headers(body, "sk_someone_else"))).status_code == 400
        tampered = body.replace(b"Amount=10.10", b"Amount=0.10")
        assert (await post(tampered, webhooks.signature_headers(body, SECRET))).status_code == 400
        incomplete = form({key: value for key, value in PAY.items() if key != "Amount"})
        assert (await post(incomplete, webhooks.signature_headers(incomplete, SECRET))).status_code == 400
    assert len(paid) == 1


class StandInFlask:
    """`Flask(__name__)` and its `@app.post(path)` decorator: the views by path."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.views: dict[str, Callable[[], Any]] = {}

    def post(self, path: str) -> Callable[[Callable[[], Any]], Callable[[], Any]]:
        def register(view: Callable[[], Any]) -> Callable[[], Any]:
            self.views[path] = view
            return view

        return register


class StandInRequest:
    """`flask.request`: the body (`get_data()`) and the headers of the request being handled."""

    def __init__(self) -> None:
        self.body = b""
        self.headers: dict[str, str] = {}

    def get_data(self) -> bytes:
        return self.body


def test_flask_example(monkeypatch: pytest.MonkeyPatch) -> None:
    request = StandInRequest()
    flask = types.ModuleType("flask")
    flask.Flask = StandInFlask  # type: ignore[attr-defined]
    flask.request = request  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "flask", flask)
    due = {"1234567": Decimal("10.10")}
    namespace = run_example("Flask", API_SECRET=SECRET, amount_due=due.get)
    view = namespace["app"].views["/cloudpayments/check"]

    def call(body: bytes, headers: dict[str, str]) -> Any:
        request.body, request.headers = body, headers
        return view()

    body = form(CHECK)
    assert call(body, webhooks.signature_headers(body, SECRET)) == (
        b'{"code":0}',
        200,
        {"Content-Type": "application/json"},
    )
    due["1234567"] = Decimal("12.00")
    assert call(body, webhooks.signature_headers(body, SECRET)) == (
        b'{"code":12}',
        200,
        {"Content-Type": "application/json"},
    )
    assert call(body, webhooks.signature_headers(body, "sk_someone_else")) == ("", 400)
    assert call(body, {}) == ("", 400)
