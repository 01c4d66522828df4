"""Lookups: `/payments/get` by id (payments, refunds, payouts), `/payments/find` (the latest payment of an
invoice) and `/v2/payments/find` (the latest operation, refunds and payouts too); not found as documented."""

from __future__ import annotations

import httpx
import pytest

from contract_tests.mock.helpers import documented_request, pay, send
from contract_tests.support.cards import OTHER_CARD, declining_card, packet, three_ds_card

NOT_FOUND = {"Success": False, "Message": "Not found", "Model": None}


async def _payout(api: httpx.AsyncClient, **extra: object) -> int:
    body = {"CardCryptogramPacket": packet(OTHER_CARD), "Amount": 3, "Currency": "RUB", **extra}
    answer = await send(api, "/payments/cards/topup", body)
    assert answer["Success"] is True
    transaction_id: int = answer["Model"]["TransactionId"]
    return transaction_id


@pytest.mark.parametrize("form", [False, True], ids=["json", "form"])
async def test_get_finds_a_payment_a_refund_and_a_payout(api: httpx.AsyncClient, form: bool) -> None:
    paid = (await pay(api, OTHER_CARD, amount=50, InvoiceId="inv-get", AccountId="payer-1"))["Model"]
    refund = await send(api, "/payments/refund", {"TransactionId": paid["TransactionId"], "Amount": 20})
    refund_id = refund["Model"]["TransactionId"]
    payout_id = await _payout(api, InvoiceId="inv-payout")

    payment = await send(api, "/payments/get", {"TransactionId": paid["TransactionId"]}, form=form)
    assert payment["Success"] is True and payment["Message"] is None
    model = payment["Model"]
    assert (model["TransactionId"], model["Type"], model["Status"]) == (paid["TransactionId"], 0, "Completed")
    assert model["Refunded"] is True and model["Amount"] == 50  # what the refund left

    found = (await send(api, "/payments/get", {"TransactionId": refund_id}, form=form))["Model"]
    assert (found["Type"], found["Status"], found["OriginalTransactionId"]) == (
        1,
        "Completed",
        paid["TransactionId"],
    )
    assert (found["Amount"], found["InvoiceId"], found["AccountId"]) == (20, "inv-get", "payer-1")

    payout = (await send(api, "/payments/get", {"TransactionId": payout_id}, form=form))["Model"]
    assert (payout["Type"], payout["Status"], payout["TransactionIsInProcess"]) == (2, "Completed", False)


async def test_get_finds_declined_and_waiting_transactions(api: httpx.AsyncClient) -> None:
    declined = (await pay(api, declining_card()))["Model"]["TransactionId"]
    waiting = (await pay(api, three_ds_card()))["Model"]["TransactionId"]
    got = (await send(api, "/payments/get", {"TransactionId": declined}))["Model"]
    assert (got["Status"], got["ReasonCode"]) == ("Declined", 5051)
    assert (await send(api, "/payments/get", {"TransactionId": waiting}))["Model"]["Status"] == (
        "AwaitingAuthentication"
    )


async def test_get_of_an_unknown_transaction_is_not_found(api: httpx.AsyncClient) -> None:
    await pay(api, OTHER_CARD)
    assert await send(api, "/payments/get", {"TransactionId": 1}) == NOT_FOUND
    assert (await send(api, "/payments/get", {}))["Message"] == "TransactionId is required"


async def test_find_v1_is_the_latest_payment_v2_the_latest_operation(api: httpx.AsyncClient) -> None:
    first = (await pay(api, OTHER_CARD, amount=10, InvoiceId="inv-7"))["Model"]["TransactionId"]
    second = (await pay(api, declining_card(), amount=11, InvoiceId="inv-7"))["Model"]["TransactionId"]
    await pay(api, OTHER_CARD, InvoiceId="inv-other")
    v1 = (await send(api, "/payments/find", {"InvoiceId": "inv-7"}))["Model"]
    assert (v1["TransactionId"], v1["Status"]) == (second, "Declined")

    refund = await send(api, "/payments/refund", {"TransactionId": first, "Amount": 4})
    refund_id = refund["Model"]["TransactionId"]
    v1 = (await send(api, "/payments/find", {"InvoiceId": "inv-7"}))["Model"]
    assert (v1["TransactionId"], v1["Type"]) == (second, 0)  # v1 searches payments only
    v2 = (await send(api, "/v2/payments/find", {"InvoiceId": "inv-7"}))["Model"]
    assert (v2["TransactionId"], v2["Type"], v2["OriginalTransactionId"]) == (refund_id, 1, first)

    payout_id = await _payout(api, InvoiceId="inv-7")
    v2 = (await send(api, "/v2/payments/find", {"InvoiceId": "inv-7"}, form=True))["Model"]
    assert (v2["TransactionId"], v2["Type"]) == (payout_id, 2)
    assert (await send(api, "/payments/find", {"InvoiceId": "inv-7"}, form=True))["Model"][
        "TransactionId"
    ] == second


async def test_find_sees_only_payouts_in_v2(api: httpx.AsyncClient) -> None:
    await _payout(api, InvoiceId="inv-payout-only")
    assert await send(api, "/payments/find", {"InvoiceId": "inv-payout-only"}) == NOT_FOUND
    assert (await send(api, "/v2/payments/find", {"InvoiceId": "inv-payout-only"}))["Model"]["Type"] == 2


@pytest.mark.parametrize("path", ["/payments/find", "/v2/payments/find"])
async def test_find_of_an_unknown_invoice_is_not_found(api: httpx.AsyncClient, path: str) -> None:
    await pay(api, OTHER_CARD, InvoiceId="inv-1")
    assert await send(api, path, {"InvoiceId": "inv-2"}) == NOT_FOUND
    assert await send(api, path, {"InvoiceId": "INV-1"}) == NOT_FOUND  # invoice numbers are exact
    assert (await send(api, path, {}))["Message"] == "InvoiceId is required"


@pytest.mark.parametrize(
    ("fixture", "path"),
    [
        ("payments_get.success.json", None),
        ("payments_find.not_found.json", None),
        ("v2_payments_find.not_found.json", None),
        ("payments_find.not_found.json", "/v2/payments/find"),
    ],
)
async def test_documented_lookups_are_accepted(
    api: httpx.AsyncClient, fixture: str, path: str | None
) -> None:
    """The documentation's requests name transactions this mock never made: each is read and not found."""
    called, body = documented_request(fixture)
    assert await send(api, path or called, body) == NOT_FOUND
