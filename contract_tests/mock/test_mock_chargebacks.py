"""Chargebacks on the mock: `POST /__mock__/chargebacks` (Basic auth) opens one on a completed payment (Type
Chargeback by default, or Fee; a chargeback not above the payment's amount), refusing anything else in the
envelope and changing nothing; `/chargebacks/list` lists them within the period, oldest first, 100 a page,
`Date` as `/Date(ms)/`, and refuses a period wider than the spec's `x-max-period` or one that ends before it
starts, in both encodings; the store is capped."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any, Final

import httpx
import pytest
from starlette.applications import Starlette

from contract_tests.mock.helpers import pay, send
from contract_tests.support.cards import approving_card
from mock_server.resources import chargebacks
from spec_tools import Spec, response_validator

LIST: Final = "/chargebacks/list"
OPEN: Final = "/__mock__/chargebacks"


def spec_errors(spec: Spec, answer: Any) -> list[str]:
    return [error.message for error in response_validator(spec, LIST).iter_errors(answer)]


def period(days_before: int = 1, days_after: int = 1, **changes: Any) -> dict[str, Any]:
    moment = datetime.now(UTC)
    body = {
        "CreatedDateGte": (moment - timedelta(days=days_before)).isoformat(),
        "CreatedDateLte": (moment + timedelta(days=days_after)).isoformat(),
        "PageNumber": 1,
        **changes,
    }
    return body


async def paid(api: httpx.AsyncClient, amount: Any = 100) -> int:
    answer = await pay(api, approving_card(), Amount=amount)
    assert answer["Success"] is True
    transaction_id: int = answer["Model"]["TransactionId"]
    return transaction_id


async def open_one(api: httpx.AsyncClient, body: Any) -> dict[str, Any]:
    response = await api.post(OPEN, json=body)
    assert response.status_code == 200
    answer: dict[str, Any] = response.json()
    return answer


async def test_a_chargeback_is_opened_and_listed(api: httpx.AsyncClient, spec: Spec) -> None:
    transaction_id = await paid(api, "100.50")
    opened = await open_one(api, {"TransactionId": transaction_id, "Amount": 100.5})
    assert opened["Success"] is True and opened["Message"] is None
    item = opened["Model"]
    assert re.fullmatch(r"[0-9a-f]{24}", item["ChargeBackId"])
    assert item["TransactionId"] == transaction_id and item["Amount"] == 100.5 and item["Currency"] == "RUB"
    assert item["Type"] == "Chargeback" and item["Operation"] == "Presentment"
    assert re.fullmatch(r"/Date\(\d+\)/", item["Date"])
    card = approving_card()
    assert item["Card"] == f"{card[:6]}******{card[-4:]}"
    answer = await send(api, LIST, period())
    assert spec_errors(spec, answer) == []
    assert answer == {"Success": True, "Message": None, "Model": [item], "ErrorCode": None}
    form = await send(api, LIST, period(), form=True)
    assert form["Model"] == [item]


async def test_a_fee_may_exceed_the_payment_a_chargeback_may_not(api: httpx.AsyncClient) -> None:
    transaction_id = await paid(api, 10)
    fee = await open_one(api, {"transactionId": transaction_id, "amount": 1500, "type": "Fee"})
    assert fee["Success"] is True and fee["Model"]["Type"] == "Fee"
    over = await open_one(api, {"TransactionId": transaction_id, "Amount": "10.01"})
    assert over == {"Success": False, "Message": "Amount must be a number", "Model": None}
    over = await open_one(api, {"TransactionId": transaction_id, "Amount": 10.01})
    assert over == {"Success": False, "Message": "Amount exceeds the payment's amount (10)", "Model": None}


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ([], "The body must be a JSON object {TransactionId, Amount, Type?}"),
        ({"TransactionId": "$PAID", "Amount": 1, "Kind": "x"}, "Unknown field 'Kind'"),
        ({"TransactionId": "1", "Amount": 1}, "TransactionId must be a positive integer"),
        ({"TransactionId": "$PAID", "Amount": 0}, "Amount must be above 0"),
        ({"TransactionId": "$PAID", "Amount": 1.001}, "Amount must have at most two fractional digits"),
        ({"TransactionId": "$PAID", "Amount": 1, "Type": "Refund"}, "Type must be one of Chargeback, Fee"),
        ({"TransactionId": 99, "Amount": 1}, "TransactionId: transaction 99 not found"),
        ({"TransactionId": "$PAID", "transactionid": "$PAID", "Amount": 1}, "TransactionId is given twice"),
    ],
)
async def test_refusals_name_the_problem_and_change_nothing(
    api: httpx.AsyncClient, mock_app: Starlette, body: Any, message: str
) -> None:
    transaction_id = await paid(api)
    if isinstance(body, dict):
        body = {key: transaction_id if value == "$PAID" else value for key, value in body.items()}
    answer = await open_one(api, body)
    assert answer["Success"] is False and answer["Model"] is None
    assert answer["Message"].startswith(message), answer["Message"]
    assert mock_app.state.store.counts()["chargebacks"] == 0


async def test_only_a_completed_payment_takes_one(api: httpx.AsyncClient) -> None:
    authorized = await pay(api, approving_card(), scheme="auth")
    answer = await open_one(api, {"TransactionId": authorized["Model"]["TransactionId"], "Amount": 1})
    assert answer["Message"] == "TransactionId: the payment is not completed (status Authorized)"
    transaction_id = await paid(api)
    refund = await send(api, "/payments/refund", {"TransactionId": transaction_id, "Amount": 1})
    answer = await open_one(api, {"TransactionId": refund["Model"]["TransactionId"], "Amount": 1})
    assert (
        answer["Message"]
        == f"TransactionId: transaction {refund['Model']['TransactionId']} is a refund, not a payment"
    )


async def test_the_route_needs_the_terminals_credentials(api: httpx.AsyncClient) -> None:
    transaction_id = await paid(api)
    response = await api.post(OPEN, json={"TransactionId": transaction_id, "Amount": 1}, auth=("x", "y"))
    assert response.status_code == 401 and response.content == b""
    assert (await api.post(LIST, json=period(), auth=("x", "y"))).status_code == 401


async def test_the_list_pages_by_the_specs_size(api: httpx.AsyncClient, spec: Spec) -> None:
    size = spec["paths"][LIST]["post"]["x-pagination"]["pageSize"]
    transaction_id = await paid(api)
    opened = [
        (await open_one(api, {"TransactionId": transaction_id, "Amount": 1}))["Model"]
        for _ in range(size + 1)
    ]
    first = await send(api, LIST, period())
    second = await send(api, LIST, period(PageNumber=2))
    beyond = await send(api, LIST, period(PageNumber=3))
    assert first["Model"] == opened[:size] and second["Model"] == opened[size:] and beyond["Model"] == []


async def test_the_period_bounds_the_list(api: httpx.AsyncClient) -> None:
    transaction_id = await paid(api)
    await open_one(api, {"TransactionId": transaction_id, "Amount": 1})
    before = await send(api, LIST, period(days_before=3, days_after=-2))
    assert before["Success"] is True and before["Model"] == []
    after = await send(api, LIST, period(days_before=-1, days_after=2))
    assert after["Model"] == []


async def test_a_period_wider_than_the_specs_or_inverted_is_refused(
    api: httpx.AsyncClient, spec: Spec
) -> None:
    assert spec["paths"][LIST]["post"]["x-max-period"] == {
        "from": "CreatedDateGte",
        "to": "CreatedDateLte",
        "years": 1,
    }
    year = {"CreatedDateGte": "2024-02-29T00:00:00Z", "CreatedDateLte": "2025-02-28T00:00:00Z"}
    assert (await send(api, LIST, {**year, "PageNumber": 1}))["Success"] is True
    wide = {**year, "CreatedDateLte": "2025-02-28T00:00:01Z", "PageNumber": 1}
    refused = await send(api, LIST, wide)
    assert refused["Success"] is False and refused["Model"] is None and refused["ErrorCode"] is None
    assert refused["Message"].startswith("CreatedDateGte and CreatedDateLte must be at most 1 year apart")
    inverted = {
        "CreatedDateGte": "2021-03-10T00:00:00",
        "CreatedDateLte": "2021-03-09T00:00:00",
        "PageNumber": 1,
    }
    refused = await send(api, LIST, inverted, form=True)
    assert refused["Message"] == "CreatedDateGte must not be later than CreatedDateLte"


async def test_the_list_needs_its_parameters(api: httpx.AsyncClient) -> None:
    for missing in ("CreatedDateGte", "CreatedDateLte", "PageNumber"):
        body = {key: value for key, value in period().items() if key != missing}
        answer = await send(api, LIST, body)
        assert answer["Success"] is False and missing in answer["Message"]
    zero = await send(api, LIST, period(PageNumber=0))
    assert zero["Success"] is False and "PageNumber" in zero["Message"]


async def test_the_store_is_capped(
    api: httpx.AsyncClient, mock_app: Starlette, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(chargebacks, "MAX_CHARGEBACKS", 2)
    transaction_id = await paid(api)
    for _ in range(2):
        assert (await open_one(api, {"TransactionId": transaction_id, "Amount": 1}))["Success"] is True
    full = await open_one(api, {"TransactionId": transaction_id, "Amount": 1})
    assert full["Success"] is False and full["Message"].startswith("The mock keeps at most 2 chargebacks")
    await api.post("/__mock__/reset")
    assert mock_app.state.store.counts()["chargebacks"] == 0
