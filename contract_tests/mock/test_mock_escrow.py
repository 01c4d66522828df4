"""Safe deals (escrow) on the mock: payments with `Escrow` accumulate by `AccumulationId`, card and token
payouts with `Escrow` draw on the accumulation within its balance, a payout with `FinalPayout` closes it, a
payment into a closed accumulation and a payout above the balance are refused (changing nothing), a refund of
an escrow payment is listed in `RefundedTransactions` and lowers the balance; `/Escrow/GetEscrowInfo` reports
it all, leaves out ids that name no accumulation, and checks its body in both encodings."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Final

import httpx
from starlette.applications import Starlette

from contract_tests.mock.helpers import pay, send
from contract_tests.support.cards import OTHER_CARD, approving_card, card_body, declining_card
from mock_server.resources.escrow import AccumulationStatus
from spec_tools import Spec, response_validator

INFO: Final = "/Escrow/GetEscrowInfo"
TOPUP: Final = "/payments/cards/topup"
DEAL: Final = "7de3281f-4339-4e2e-9df9-06dcfbcdceac"


def spec_errors(spec: Spec, path: str, answer: Any) -> list[str]:
    return [error.message for error in response_validator(spec, path).iter_errors(answer)]


async def escrow_payment(api: httpx.AsyncClient, amount: Any, deal: str = DEAL, **escrow: Any) -> int:
    answer = await pay(api, approving_card(), Amount=amount, Escrow={"AccumulationId": deal, **escrow})
    assert answer["Success"] is True, answer
    transaction_id: int = answer["Model"]["TransactionId"]
    return transaction_id


def payout_body(amount: Any, card: str | None = None, **escrow: Any) -> dict[str, Any]:
    packet = card_body(card or OTHER_CARD)["CardCryptogramPacket"]
    return {
        "CardCryptogramPacket": packet,
        "Amount": amount,
        "Currency": "RUB",
        "Escrow": {"AccumulationId": DEAL, **escrow},
    }


async def info(api: httpx.AsyncClient, *ids: str, form: bool = False) -> list[dict[str, Any]]:
    answer = await send(api, INFO, {"EscrowAccumulationIds": list(ids)}, form=form)
    assert answer["Success"] is True, answer
    model: list[dict[str, Any]] = answer["Model"]
    return model


async def test_payments_accumulate_and_payouts_draw_on_them(api: httpx.AsyncClient, spec: Spec) -> None:
    first = await escrow_payment(api, "100.10")
    second = await escrow_payment(api, 50)
    [opened] = await info(api, DEAL)
    assert opened["Status"] == "Open" and opened["EscrowAccumulationId"] == DEAL
    assert Decimal(str(opened["Balance"])) == Decimal("150.10")
    assert [item["Id"] for item in opened["NotPaidoutTransactions"]] == [first, second]
    assert opened["PaidoutTransactions"] is None and opened["PayoutTransactions"] is None

    paid = await send(api, TOPUP, payout_body("100.10", TransactionIds=[first]))
    assert paid["Success"] is True and paid["Model"]["EscrowAccumulationId"] == DEAL
    answer = await send(api, INFO, {"EscrowAccumulationIds": [DEAL]})
    assert spec_errors(spec, INFO, answer) == []
    [after] = answer["Model"]
    assert after["Status"] == "Open" and after["Balance"] == 50
    assert after["PaidoutTransactions"] == [{"Id": first, "Status": "Completed", "Amount": 100.1}]
    assert after["NotPaidoutTransactions"] == [{"Id": second, "Status": "Completed", "Amount": 50}]
    payout_id = paid["Model"]["TransactionId"]
    assert after["PayoutTransactions"] == [
        {"Id": payout_id, "Status": "Completed", "Amount": 100.1, "IsFinalPayout": False}
    ]


async def test_a_final_payout_closes_the_accumulation(api: httpx.AsyncClient, mock_app: Starlette) -> None:
    payment = await escrow_payment(api, 30, EscrowType="OneToN")
    final = await send(api, TOPUP, payout_body(30, TransactionIds=[payment], FinalPayout=True))
    assert final["Success"] is True
    [closed] = await info(api, DEAL)
    assert closed["Status"] == "Closed" and closed["Balance"] == 0
    assert closed["PayoutTransactions"][0]["IsFinalPayout"] is True
    count = mock_app.state.store.counts()["transactions"]
    refused = await pay(api, approving_card(), Amount=5, Escrow={"AccumulationId": DEAL})
    assert refused == {
        "Success": False,
        "Message": f"Escrow.AccumulationId: the accumulation {DEAL!r} is closed (its final payout was made)",
        "Model": None,
    }
    again = await send(api, TOPUP, payout_body(1))
    assert again["Success"] is False and "is closed" in again["Message"]
    assert mock_app.state.store.counts()["transactions"] == count


async def test_a_declined_final_payout_leaves_it_open(api: httpx.AsyncClient) -> None:
    await escrow_payment(api, 30)
    declined = await send(api, TOPUP, payout_body(30, declining_card(), FinalPayout=True))
    assert declined["Success"] is False and declined["Model"]["Status"] == "Declined"
    [still] = await info(api, DEAL)
    assert still["Status"] == "Open" and still["Balance"] == 30
    assert still["PayoutTransactions"][0]["Status"] == "Declined"


async def test_a_payout_above_the_balance_is_refused(api: httpx.AsyncClient, mock_app: Starlette) -> None:
    await escrow_payment(api, 20)
    refused = await send(api, TOPUP, payout_body("20.01"))
    assert refused == {
        "Success": False,
        "Message": f"Amount exceeds the balance of the accumulation {DEAL!r} (20)",
        "Model": None,
    }
    assert mock_app.state.store.counts()["transactions"] == 1
    assert (await send(api, TOPUP, payout_body(20)))["Success"] is True  # the whole balance is fine


async def test_a_refund_is_listed_and_lowers_the_balance(api: httpx.AsyncClient) -> None:
    payment = await escrow_payment(api, 80)
    refund = await send(api, "/payments/refund", {"TransactionId": payment, "Amount": "30.50"})
    assert refund["Success"] is True
    [after] = await info(api, DEAL)
    assert Decimal(str(after["Balance"])) == Decimal("49.50")
    refund_id = refund["Model"]["TransactionId"]
    assert after["RefundedTransactions"] == [{"Id": refund_id, "Status": "Completed", "Amount": 30.5}]
    refused = await send(api, TOPUP, payout_body(50))
    assert refused["Success"] is False and "(49.5)" in refused["Message"]


async def test_payout_refusals_name_the_problem(api: httpx.AsyncClient) -> None:
    unknown = await send(api, TOPUP, payout_body(1))
    assert unknown["Message"] == f"Escrow.AccumulationId: no payment was made into the accumulation {DEAL!r}"
    other = await escrow_payment(api, 10, deal="another-deal")
    await escrow_payment(api, 10)
    stranger = await send(api, TOPUP, payout_body(1, TransactionIds=[other]))
    assert stranger["Message"] == f"Escrow.TransactionIds: not payments of the accumulation {DEAL!r}: {other}"


async def test_token_payouts_draw_on_it_too(api: httpx.AsyncClient) -> None:
    issued = await pay(api, OTHER_CARD, AccountId="payee")
    await escrow_payment(api, 10)
    body = {"Token": issued["Model"]["Token"], "AccountId": "payee", "Currency": "RUB"}
    over = await send(
        api, "/payments/token/topup", {**body, "Amount": 11, "Escrow": {"AccumulationId": DEAL}}
    )
    assert over["Success"] is False and "exceeds the balance" in over["Message"]
    done = await send(
        api, "/payments/token/topup", {**body, "Amount": 10, "Escrow": {"AccumulationId": DEAL}}
    )
    assert done["Success"] is True
    [after] = await info(api, DEAL)
    assert after["Balance"] == 0


async def test_a_started_accumulation_gets_an_id(api: httpx.AsyncClient) -> None:
    answer = await pay(api, approving_card(), Amount=5, Escrow={"StartAccumulation": True, "EscrowType": 0})
    deal = answer["Model"]["EscrowAccumulationId"]
    assert isinstance(deal, str) and deal
    [started] = await info(api, deal, form=True)
    assert started["EscrowAccumulationId"] == deal and started["Balance"] == 5


async def test_unknown_ids_are_left_out_and_repeats_answered_once(api: httpx.AsyncClient) -> None:
    await escrow_payment(api, 10)
    assert await info(api, "no-such-deal") == []
    found = await info(api, "no-such-deal", DEAL, DEAL)
    assert [item["EscrowAccumulationId"] for item in found] == [DEAL]


async def test_the_request_is_checked(api: httpx.AsyncClient) -> None:
    empty = await send(api, INFO, {"EscrowAccumulationIds": []})
    assert empty["Success"] is False and "EscrowAccumulationIds" in empty["Message"]
    missing = await send(api, INFO, {})
    assert missing["Success"] is False and "EscrowAccumulationIds" in missing["Message"]
    assert (await api.post(INFO, json={"EscrowAccumulationIds": [DEAL]}, auth=("x", "y"))).status_code == 401


async def test_the_accumulation_statuses_are_the_specs(spec: Spec) -> None:
    enum = spec["components"]["schemas"]["EscrowAccumulationStatus"]["enum"]
    assert [str(status) for status in AccumulationStatus] == enum


async def test_a_repeated_payout_draws_once(api: httpx.AsyncClient, mock_app: Starlette) -> None:
    """A payout's retry with its X-Request-ID is answered from the store: the balance is drawn on once."""
    await escrow_payment(api, 40)
    first = await send(api, TOPUP, payout_body(25), request_id="escrow-payout-1")
    again = await send(api, TOPUP, payout_body(25), request_id="escrow-payout-1")
    assert first["Success"] is True and again == first
    [after] = await info(api, DEAL)
    assert after["Balance"] == 15 and len(after["PayoutTransactions"]) == 1
    assert mock_app.state.store.counts()["transactions"] == 2
