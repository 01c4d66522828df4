"""Amounts as the documentation states them: a dot, at most two significant fractional digits, at least 0.01;
an amount beyond what a card or terminal allows is declined 5013 (Amount Error).

More fractional digits are refused as a bad request (nothing is rounded behind the caller's back), in every
operation that takes an amount; trailing zeros are not digits that matter (`10.500` is `10.5`).
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from contract_tests.mock.helpers import pay
from contract_tests.support.cards import OTHER_CARD, approving_card, card_body, three_ds_card

ACCOUNT = "user-amounts"


@pytest.mark.parametrize("amount", [10.001, 0.015, 19.999, 1.0000001, 0.30000000000000004])
@pytest.mark.parametrize("scheme", ["charge", "auth"])
async def test_more_than_two_decimals_are_refused(
    api: httpx.AsyncClient, mock_app: Starlette, amount: float, scheme: str
) -> None:
    answer = await pay(api, OTHER_CARD, scheme, Amount=amount)
    assert answer == {
        "Success": False,
        "Message": f"Amount must have at most 2 decimal places: {amount!r}",
        "Model": None,
    }
    assert mock_app.state.store.counts()["transactions"] == 0


async def test_more_than_two_decimals_in_a_form_are_refused(api: httpx.AsyncClient) -> None:
    body = {k: str(v) for k, v in card_body(OTHER_CARD).items()}
    answer = (await api.post("/payments/cards/charge", data={**body, "Amount": "10.005"})).json()
    assert (
        answer["Success"] is False
        and answer["Message"] == "Amount must have at most 2 decimal places: 10.005"
    )


@pytest.mark.parametrize(("sent", "kept"), [("10.500", 10.5), ("10.10", 10.1), ("12.00000", 12), ("7", 7)])
async def test_trailing_zeros_are_not_significant(api: httpx.AsyncClient, sent: str, kept: float) -> None:
    body = {k: str(v) for k, v in card_body(OTHER_CARD).items()}
    answer = (await api.post("/payments/cards/charge", data={**body, "Amount": sent})).json()
    assert answer["Success"] is True and answer["Model"]["Amount"] == kept
    raw = card_body(OTHER_CARD)
    text = json.dumps(raw).replace('"Amount": 100', f'"Amount": {sent}')
    json_answer = (
        await api.post("/payments/cards/charge", content=text, headers={"Content-Type": "application/json"})
    ).json()
    assert json_answer["Success"] is True and json_answer["Model"]["Amount"] == kept


async def test_confirm_refund_and_order_amounts_are_checked(api: httpx.AsyncClient) -> None:
    auth = await pay(api, OTHER_CARD, "auth", Amount=100)
    transaction_id = auth["Model"]["TransactionId"]
    confirm = await api.post("/payments/confirm", json={"TransactionId": transaction_id, "Amount": 50.505})
    assert confirm.json()["Message"] == "Amount must have at most 2 decimal places: 50.505"
    await api.post("/payments/confirm", json={"TransactionId": transaction_id, "Amount": 50.5})
    refund = await api.post("/payments/refund", json={"TransactionId": transaction_id, "Amount": 0.015})
    assert refund.json()["Message"] == "Amount must have at most 2 decimal places: 0.015"
    order: dict[str, Any] = {
        "Amount": 1.234,
        "Currency": "RUB",
        "Description": "d",
        "Email": "a@example.com",
        "RequireConfirmation": False,
        "SendEmail": False,
    }
    created = await api.post("/orders/create", json=order)
    assert created.json()["Message"] == "Amount must have at most 2 decimal places: 1.234"


@pytest.mark.parametrize("amount", [1_000_000_000.01, 1e15, 1e300])
@pytest.mark.parametrize("scheme", ["charge", "auth"])
async def test_an_absurd_amount_is_declined_5013(
    api: httpx.AsyncClient, mock_app: Starlette, amount: float, scheme: str
) -> None:
    answer = await pay(api, approving_card(), scheme, Amount=amount, AccountId=ACCOUNT)
    assert answer["Success"] is False
    model = answer["Model"]
    assert (model["Status"], model["ReasonCode"], model["Reason"]) == ("Declined", 5013, "AmountError")
    assert model["Amount"] == amount
    # Declined before 3-D Secure as well.
    challenged = await pay(api, three_ds_card(), scheme, Amount=amount)
    assert "AcsUrl" not in challenged["Model"] and challenged["Model"]["ReasonCode"] == 5013


async def test_an_absurd_token_payment_is_declined_5013(api: httpx.AsyncClient) -> None:
    token = (await pay(api, approving_card(), AccountId=ACCOUNT))["Model"]["Token"]
    body = {"Amount": 5e12, "AccountId": ACCOUNT, "Token": token, "TrInitiatorCode": 0, "Currency": "RUB"}
    answer = (await api.post("/payments/tokens/charge", json=body)).json()
    assert answer["Success"] is False and answer["Model"]["ReasonCode"] == 5013, answer


async def test_the_largest_real_amount_is_approved(api: httpx.AsyncClient) -> None:
    answer = await pay(api, OTHER_CARD, Amount=1_000_000_000)
    assert answer["Success"] is True and answer["Model"]["Amount"] == 1_000_000_000
