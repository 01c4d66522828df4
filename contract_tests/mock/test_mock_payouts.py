"""Payouts to a card by cryptogram and by token: the test cards decide, Type 2, no 3-D Secure, RUB only,
idempotent by X-Request-ID, never refunded, confirmed or voided."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from contract_tests.mock.helpers import documented_request, pay, send
from contract_tests.support.cards import (
    OTHER_CARD,
    approving_card,
    declining_card,
    packet,
    three_ds_card,
    token_declining_card,
)

PAYER = {"FirstName": "Тест", "LastName": "Тестов", "Country": "RU"}


def card_payout(card: str, **extra: Any) -> dict[str, Any]:
    return {
        "CardCryptogramPacket": packet(card),
        "Amount": 399,
        "Currency": "RUB",
        "Name": "CARDHOLDER NAME",
        "AccountId": "user@example.com",
        "InvoiceId": "payout-1",
        **extra,
    }


async def token_of(api: httpx.AsyncClient, card: str, account_id: str = "user_x") -> str:
    token: str = (await pay(api, card, AccountId=account_id))["Model"]["Token"]
    return token


@pytest.mark.parametrize("form", [False, True], ids=["json", "form"])
async def test_card_payout_is_completed_at_once(
    api: httpx.AsyncClient, mock_app: Starlette, form: bool
) -> None:
    body = card_payout(three_ds_card(), Payer=PAYER, Receiver=PAYER, JsonData={"batch": 7})
    answer = await send(api, "/payments/cards/topup", body, form=form)
    assert answer["Success"] is True and answer["Message"] is None
    model = answer["Model"]
    # A 3-D Secure card: a payout asks for no authentication.
    assert (model["Type"], model["Status"], model["TransactionIsInProcess"]) == (2, "Completed", False)
    assert (model["Amount"], model["Currency"], model["ReasonCode"], model["Reason"]) == (
        399,
        "RUB",
        0,
        "Approved",
    )
    assert (
        model["Receiver"] == PAYER and model["Name"] == "CARDHOLDER NAME" and model["InvoiceId"] == "payout-1"
    )
    assert model["ConfirmDate"] == model["AuthDate"] is not None and model["Token"] is None
    assert model["JsonData"] == '{"batch":7}'
    assert mock_app.state.store.counts()["tokens"] == 0  # a payout issues no token


async def test_card_payout_to_a_declining_card(api: httpx.AsyncClient) -> None:
    answer = await send(api, "/payments/cards/topup", card_payout(declining_card()), form=True)
    assert answer["Success"] is False and answer["Message"] is None
    model = answer["Model"]
    assert (model["Type"], model["Status"], model["ReasonCode"], model["Reason"]) == (
        2,
        "Declined",
        5051,
        "InsufficientFunds",
    )


@pytest.mark.parametrize("form", [False, True], ids=["json", "form"])
async def test_token_payout_follows_the_token_column(api: httpx.AsyncClient, form: bool) -> None:
    good = await token_of(api, approving_card())
    poor = await token_of(api, token_declining_card())
    body = {"Amount": 59, "AccountId": "user_x", "Currency": "RUB", "Payer": PAYER}
    done = await send(api, "/payments/token/topup", {**body, "Token": good}, form=form)
    assert done["Success"] is True
    assert (done["Model"]["Type"], done["Model"]["Status"], done["Model"]["Token"]) == (2, "Completed", good)
    declined = await send(api, "/payments/token/topup", {**body, "Token": poor}, form=form)
    assert declined["Success"] is False
    assert (declined["Model"]["Type"], declined["Model"]["Status"], declined["Model"]["ReasonCode"]) == (
        2,
        "Declined",
        5051,
    )


async def test_token_payout_needs_the_token_of_that_payer(
    api: httpx.AsyncClient, mock_app: Starlette
) -> None:
    token = await token_of(api, approving_card(), "owner")
    before = mock_app.state.store.counts()
    body = {"Token": token, "Amount": 5, "AccountId": "someone-else", "Currency": "RUB"}
    assert await send(api, "/payments/token/topup", body) == {
        "Success": False,
        "Message": "Token not found",
        "Model": None,
    }
    unknown = {**body, "AccountId": "owner", "Token": "tk_" + "0" * 29}
    assert (await send(api, "/payments/token/topup", unknown))["Message"] == "Token not found"
    assert mock_app.state.store.counts() == before  # refused: nothing changed


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"Currency": "USD"}, "Currency: 'USD' is not one of ['RUB']"),
        ({"Amount": 1.005}, "Amount must have at most 2 decimal places"),
        ({"CardCryptogramPacket": "nonsense"}, "CardCryptogramPacket is not a valid card cryptogram"),
        ({"Currency": None}, "Currency is required"),
    ],
)
async def test_card_payout_refusals_change_nothing(
    api: httpx.AsyncClient, mock_app: Starlette, change: dict[str, Any], words: str
) -> None:
    body = {key: value for key, value in {**card_payout(OTHER_CARD), **change}.items() if value is not None}
    answer = await send(api, "/payments/cards/topup", body)
    assert answer["Success"] is False and answer["Model"] is None and words in answer["Message"]
    assert mock_app.state.store.counts()["transactions"] == 0


async def test_payout_is_idempotent_by_request_id(api: httpx.AsyncClient, mock_app: Starlette) -> None:
    body = card_payout(OTHER_CARD)
    headers = {"X-Request-ID": "payout-key-1"}
    first = await api.post("/payments/cards/topup", json=body, headers=headers)
    again = await api.post("/payments/cards/topup", json=body, headers=headers)
    assert first.content == again.content and first.json()["Success"] is True
    assert mock_app.state.store.counts()["transactions"] == 1  # no second payout
    other = await send(api, "/payments/cards/topup", {**body, "Amount": 400}, request_id="payout-key-1")
    assert other["Success"] is False and "already used for a different request" in other["Message"]
    token = await token_of(api, approving_card())
    token_body = {"Token": token, "Amount": 5, "AccountId": "user_x", "Currency": "RUB"}
    by_token = [
        await send(api, "/payments/token/topup", token_body, request_id="payout-key-2") for _ in range(2)
    ]
    assert by_token[0] == by_token[1] and by_token[0]["Success"] is True
    assert mock_app.state.store.counts()["transactions"] == 3  # the payout, the token's payment, one payout


@pytest.mark.parametrize(
    ("path", "extra", "done"),
    [
        ("/payments/refund", {"Amount": 1}, "refunded"),
        ("/payments/confirm", {"Amount": 1}, "confirmed"),
        ("/payments/void", {}, "voided"),
    ],
)
async def test_a_payout_cannot_be_refunded_confirmed_or_voided(
    api: httpx.AsyncClient, mock_app: Starlette, path: str, extra: dict[str, Any], done: str
) -> None:
    payout = (await send(api, "/payments/cards/topup", card_payout(OTHER_CARD)))["Model"]["TransactionId"]
    answer = await send(api, path, {"TransactionId": payout, **extra})
    assert answer["Success"] is False
    assert answer["Message"] == f"Transaction is a payout: a payout cannot be {done}"
    record = mock_app.state.store.transactions[payout]
    assert record.status == "Completed" and record.refunded == 0
    assert mock_app.state.store.counts()["transactions"] == 1


async def test_documented_payouts_are_accepted(api: httpx.AsyncClient) -> None:
    """The documentation's cryptogram names a card that expired in 2019-03 (declined 5054, like its charge);
    its token was never issued by this mock."""
    path, body = documented_request("payments_cards_topup.success.json")
    answer = await send(api, path, body)
    assert (
        answer["Success"] is False and answer["Model"]["Type"] == 2 and answer["Model"]["ReasonCode"] == 5054
    )
    path, body = documented_request("payments_token_topup.success.json")
    assert await send(api, path, body) == {"Success": False, "Message": "Token not found", "Model": None}
    token = await token_of(api, approving_card(), str(body["AccountId"]))
    done = await send(api, path, {**body, "Token": token})
    assert done["Success"] is True and done["Model"]["Amount"] == 59
