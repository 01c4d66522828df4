"""Two-step payments, voids and refunds: legal transitions, refused ones, and limits under concurrency."""

from __future__ import annotations

import asyncio
from decimal import Decimal
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from contract_tests.mock.helpers import pay
from contract_tests.support.cards import OTHER_CARD


async def call(api: httpx.AsyncClient, path: str, **body: Any) -> dict[str, Any]:
    response = await api.post(path, json=body)
    assert response.status_code == 200
    answer: dict[str, Any] = response.json()
    return answer


def stored(app: Starlette, transaction_id: int) -> Any:
    return app.state.store.transactions[transaction_id]


async def test_auth_then_partial_confirm_completes(api: httpx.AsyncClient, mock_app: Starlette) -> None:
    auth = (await pay(api, OTHER_CARD, scheme="auth", amount=100))["Model"]
    assert (auth["Status"], auth["StatusCode"], auth["ConfirmDate"]) == ("Authorized", 2, None)
    answer = await call(api, "/payments/confirm", TransactionId=auth["TransactionId"], Amount=65.98)
    assert answer == {"Success": True, "Message": None}
    record = stored(mock_app, auth["TransactionId"])
    assert (
        record.status == "Completed" and record.amount == Decimal("65.98") and record.confirm_date is not None
    )
    again = await call(api, "/payments/confirm", TransactionId=auth["TransactionId"], Amount=1)
    assert (
        again["Success"] is False and again["Message"] == "Transaction is not authorized (status Completed)"
    )


async def test_confirm_more_than_authorized_is_refused(api: httpx.AsyncClient, mock_app: Starlette) -> None:
    auth = (await pay(api, OTHER_CARD, scheme="auth", amount=100))["Model"]
    answer = await call(api, "/payments/confirm", TransactionId=auth["TransactionId"], Amount=100.01)
    assert answer == {"Success": False, "Message": "Amount exceeds the authorized amount (100)"}
    assert stored(mock_app, auth["TransactionId"]).status == "Authorized"


async def test_confirm_of_one_step_payment_is_refused(api: httpx.AsyncClient) -> None:
    charge = (await pay(api, OTHER_CARD))["Model"]
    answer = await call(api, "/payments/confirm", TransactionId=charge["TransactionId"], Amount=1)
    assert answer["Success"] is False and "not authorized" in answer["Message"]


async def test_void_of_authorized_cancels(api: httpx.AsyncClient, mock_app: Starlette) -> None:
    auth = (await pay(api, OTHER_CARD, scheme="auth"))["Model"]
    assert await call(api, "/payments/void", TransactionId=auth["TransactionId"]) == {
        "Success": True,
        "Message": None,
    }
    assert stored(mock_app, auth["TransactionId"]).status == "Cancelled"
    for path, extra in (
        ("/payments/void", {}),
        ("/payments/confirm", {"Amount": 1}),
        ("/payments/refund", {"Amount": 1}),
    ):
        answer = await call(api, path, TransactionId=auth["TransactionId"], **extra)
        assert answer["Success"] is False and "Cancelled" in answer["Message"]


async def test_void_of_completed_is_refused(api: httpx.AsyncClient, mock_app: Starlette) -> None:
    charge = (await pay(api, OTHER_CARD))["Model"]
    answer = await call(api, "/payments/void", TransactionId=charge["TransactionId"])
    assert answer == {
        "Success": False,
        "Message": "Transaction is completed: a captured payment is refunded, not voided",
    }
    assert stored(mock_app, charge["TransactionId"]).status == "Completed"


async def test_declined_payment_allows_nothing(api: httpx.AsyncClient) -> None:
    declined = (await pay(api, "4000056655665556", scheme="auth"))["Model"]
    for path in ("/payments/void", "/payments/confirm", "/payments/refund"):
        answer = await call(api, path, TransactionId=declined["TransactionId"], Amount=1)
        assert answer["Success"] is False and "Declined" in answer["Message"]


@pytest.mark.parametrize("path", ["/payments/void", "/payments/confirm", "/payments/refund"])
async def test_unknown_transaction(api: httpx.AsyncClient, path: str) -> None:
    answer = await call(api, path, TransactionId=123456, Amount=1)
    assert answer["Success"] is False and answer["Message"] == "Transaction not found"


async def test_partial_refunds_never_exceed_the_paid_amount(
    api: httpx.AsyncClient, mock_app: Starlette
) -> None:
    charge = (await pay(api, OTHER_CARD, amount=100))["Model"]
    transaction_id = charge["TransactionId"]
    ids = []
    for amount in (30, 30.5, 39.5):
        answer = await call(api, "/payments/refund", TransactionId=transaction_id, Amount=amount)
        assert answer["Success"] is True and answer["Message"] is None
        ids.append(answer["Model"]["TransactionId"])
    assert len(set(ids)) == 3 and transaction_id not in ids
    over = await call(api, "/payments/refund", TransactionId=transaction_id, Amount=0.01)
    assert over == {
        "Success": False,
        "Message": "Refund amount exceeds the available amount (0)",
        "Model": None,
    }
    record = stored(mock_app, transaction_id)
    assert record.refunded == Decimal(100)
    # A refund is not a payment: it cannot be refunded in turn.
    again = await call(api, "/payments/refund", TransactionId=ids[0], Amount=1)
    assert again["Message"] == "Transaction is a refund: a refund cannot be refunded"


async def test_refund_after_partial_confirm_is_limited_to_the_captured_amount(api: httpx.AsyncClient) -> None:
    auth = (await pay(api, OTHER_CARD, scheme="auth", amount=100))["Model"]
    await call(api, "/payments/confirm", TransactionId=auth["TransactionId"], Amount=40)
    over = await call(api, "/payments/refund", TransactionId=auth["TransactionId"], Amount=40.01)
    assert over["Message"] == "Refund amount exceeds the available amount (40)"
    assert (await call(api, "/payments/refund", TransactionId=auth["TransactionId"], Amount=40))[
        "Success"
    ] is True


async def test_concurrent_refunds_cannot_exceed_the_paid_amount(
    api: httpx.AsyncClient, mock_app: Starlette
) -> None:
    charge = (await pay(api, OTHER_CARD, amount=100))["Model"]
    body = {"TransactionId": charge["TransactionId"], "Amount": 7}
    answers = await asyncio.gather(*(api.post("/payments/refund", json=body) for _ in range(60)))
    results = [a.json() for a in answers]
    successes = [r for r in results if r["Success"]]
    assert len(successes) == 14  # 14 * 7 = 98; a 15th would make 105
    assert len({r["Model"]["TransactionId"] for r in successes}) == 14
    assert all(r["Message"].startswith("Refund amount exceeds") for r in results if not r["Success"])
    assert stored(mock_app, charge["TransactionId"]).refunded == Decimal(98)


def test_concurrent_refunds_from_threads_against_one_store(mock_app: Starlette) -> None:
    """Threads (each with its own event loop) share one app: the store's lock still holds the limit."""
    import threading

    from contract_tests.mock.helpers import AUTH, BASE_URL

    async def run(results: list[bool], count: int, transaction_id: int | None = None) -> int:
        transport = httpx.ASGITransport(app=mock_app)
        async with httpx.AsyncClient(transport=transport, base_url=BASE_URL, auth=AUTH) as client:
            if transaction_id is None:
                return int((await pay(client, OTHER_CARD, amount=50))["Model"]["TransactionId"])
            for _ in range(count):
                answer = await client.post(
                    "/payments/refund", json={"TransactionId": transaction_id, "Amount": 3}
                )
                results.append(bool(answer.json()["Success"]))
            return transaction_id

    transaction_id = asyncio.run(run([], 0))
    results: list[bool] = []
    threads = [
        threading.Thread(target=lambda: asyncio.run(run(results, 10, transaction_id))) for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 40 and results.count(True) == 16  # 16 * 3 = 48 <= 50 < 51
    assert mock_app.state.store.transactions[transaction_id].refunded == Decimal(48)
