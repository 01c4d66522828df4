"""The notification handlers of the generated README ("Notifications (webhooks)"), run as printed: the
Starlette app the example builds, called through httpx's ASGI transport, with the shop's own functions of the
example (what is due, recording a payment) swapped for recorders after it ran."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any, Final
from urllib.parse import urlencode

import cloudpayments_client
import httpx
import pytest
from cloudpayments_client import webhooks

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
    """The first Python block after the line starting `<title>` in the README's notifications section."""
    section = README.read_text(encoding="utf-8").split("## Notifications (webhooks)", 1)[1]
    found = re.search("^" + re.escape(title) + r".*?```python\n(.*?)```", section, re.S | re.M)
    assert found, f"no {title} example in {README}"
    return found.group(1)


def form(parameters: dict[str, str]) -> bytes:
    return urlencode(parameters).encode("ascii")


@pytest.fixture
def example(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """The example's module namespace, run with the API Secret in the environment it reads."""
    monkeypatch.setenv("CLOUDPAYMENTS_API_SECRET", SECRET)
    namespace: dict[str, Any] = {"__name__": "readme_example"}
    exec(compile(readme_example("Starlette or FastAPI"), "README.md (Starlette)", "exec"), namespace)
    return namespace


async def _post(
    example: dict[str, Any], path: str, content: bytes, headers: dict[str, str]
) -> httpx.Response:
    transport = httpx.ASGITransport(app=example["app"])
    async with httpx.AsyncClient(transport=transport, base_url="https://shop.example") as client:
        return await client.post(path, content=content, headers=headers)


async def test_the_pay_handler_records_a_signed_payment_once(example: dict[str, Any]) -> None:
    paid: list[tuple[Any, ...]] = []
    example["mark_paid"] = lambda *args: paid.append(args)
    body = form(PAY)
    answer = await _post(example, "/cloudpayments/pay", body, webhooks.signature_headers(body, SECRET))
    assert answer.status_code == 200
    assert answer.content == b'{"code":0}'
    assert answer.headers["content-type"] == "application/json"
    assert paid == [("1234567", 1504648, Decimal("10.10"))]

    other = webhooks.signature_headers(body, "sk_someone_else")
    assert (await _post(example, "/cloudpayments/pay", body, other)).status_code == 400
    tampered = body.replace(b"Amount=10.10", b"Amount=0.10")
    signed = webhooks.signature_headers(body, SECRET)
    assert (await _post(example, "/cloudpayments/pay", tampered, signed)).status_code == 400
    incomplete = form({key: value for key, value in PAY.items() if key != "Amount"})
    signed = webhooks.signature_headers(incomplete, SECRET)
    assert (await _post(example, "/cloudpayments/pay", incomplete, signed)).status_code == 400
    assert len(paid) == 1


async def test_the_check_handler_declines_a_wrong_amount(example: dict[str, Any]) -> None:
    due = {"1234567": Decimal("10.10")}
    example["amount_due"] = lambda invoice_id: due[invoice_id]
    body = form(CHECK)
    signed = webhooks.signature_headers(body, SECRET)
    answer = await _post(example, "/cloudpayments/check", body, signed)
    assert (answer.status_code, answer.content) == (200, b'{"code":0}')
    due["1234567"] = Decimal("12.00")
    answer = await _post(example, "/cloudpayments/check", body, signed)
    assert (answer.status_code, answer.content) == (200, b'{"code":12}')
    other = webhooks.signature_headers(body, "sk_someone_else")
    assert (await _post(example, "/cloudpayments/check", body, other)).status_code == 400
    assert (await _post(example, "/cloudpayments/check", body, {})).status_code == 400
