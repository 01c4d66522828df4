"""Money safety of invoices and 3-D Secure: an invoice is paid at most once whatever order its payments
finish in (two tabs, page return or API post3ds), nothing completes once it is cancelled, and what its
unauthenticated pages and the ACS page can make the mock store is bounded."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from contract_tests.mock.helpers import authenticate, pay
from contract_tests.support.acs import NO_AUTH
from contract_tests.support.cards import EXP_YEAR
from mock_server.store import Store

THREE_DS_CARD = "4242424242424242"
PLAIN_CARD = "4000000000003055"  # approved without 3-D Secure
DECLINING_CARD = "4000056655665556"  # declined 5051 without 3-D Secure
ORDER = {
    "Amount": 10.5,
    "Currency": "RUB",
    "Description": "Invoice",
    "Email": "client@test.local",
    "RequireConfirmation": False,
    "SendEmail": False,
    "AccountId": "buyer",
}
PAYING = ("Completed", "Authorized")


async def call(api: httpx.AsyncClient, path: str, **body: Any) -> dict[str, Any]:
    answer: dict[str, Any] = (await api.post(path, json=body)).json()
    return answer


async def new_order(api: httpx.AsyncClient, **extra: Any) -> str:
    order_id: str = (await call(api, "/orders/create", **{**ORDER, **extra}))["Model"]["Id"]
    return order_id


async def pay_on_page(api: httpx.AsyncClient, order_id: str, card: str) -> httpx.Response:
    fields = {"CardNumber": card, "ExpMonth": "11", "ExpYear": str(EXP_YEAR), "Cvv": "123", "Name": "A B"}
    return await api.post(f"/d/{order_id}/pay", data=fields, auth=NO_AUTH)


async def start_3ds(api: httpx.AsyncClient, store: Store, order_id: str) -> dict[str, Any]:
    """One tab's payment with a 3-D Secure card: the challenge the page auto-posts to the ACS."""
    page = await pay_on_page(api, order_id, THREE_DS_CARD)
    assert page.status_code == 200 and 'action="http://testserver/acs"' in page.text
    return challenge_of(store, store.orders[order_id].transaction_ids[-1])


def challenge_of(store: Store, transaction_id: int) -> dict[str, Any]:
    record = store.transactions[transaction_id]
    assert record.status == "AwaitingAuthentication"
    return {"AcsUrl": "http://testserver/acs", "PaReq": record.pa_req, "TransactionId": transaction_id}


async def walk_acs(api: httpx.AsyncClient, order_id: str, challenge: dict[str, Any]) -> dict[str, str]:
    """The payer confirms on the ACS page: the MD and PaRes it posts back to the invoice's return."""
    md, pares = await authenticate(api, challenge, "success", term_url=f"http://testserver/d/{order_id}/3ds")
    return {"MD": md, "PaRes": pares}


async def page_return(api: httpx.AsyncClient, order_id: str, back: dict[str, str]) -> httpx.Response:
    return await api.post(f"/d/{order_id}/3ds", data=back, auth=NO_AUTH)


async def api_return(api: httpx.AsyncClient, back: dict[str, str]) -> dict[str, Any]:
    return await call(api, "/payments/cards/post3ds", TransactionId=int(back["MD"]), PaRes=back["PaRes"])


def assert_paid_once(store: Store, order_id: str) -> int:
    """Exactly one paying transaction among the invoice's, and the invoice says which. Returns its id."""
    order = store.orders[order_id]
    paying = [tid for tid in order.transaction_ids if store.transactions[tid].status in PAYING]
    assert len(paying) == 1, [(tid, store.transactions[tid].status) for tid in order.transaction_ids]
    assert order.status == "Paid" and order.paid_by == paying[0] and order.payment_date is not None
    assert sorted(order.transaction_ids) == sorted(
        tid for tid, record in store.transactions.items() if record.order_id == order_id
    )
    return paying[0]


def assert_refused_duplicate(store: Store, transaction_id: int) -> None:
    record = store.transactions[transaction_id]
    assert (record.status, record.reason_code) == ("Declined", 5057)
    assert record.auth_date is None and record.confirm_date is None


# ---------- paid at most once ----------


@pytest.mark.parametrize("first", [0, 1], ids=["older-tab-first", "newer-tab-first"])
async def test_two_tabs_on_one_invoice_pay_it_once(
    api: httpx.AsyncClient, mock_app: Starlette, first: int
) -> None:
    store = mock_app.state.store
    order_id = await new_order(api)
    tabs = [await start_3ds(api, store, order_id), await start_3ds(api, store, order_id)]
    backs = [await walk_acs(api, order_id, tab) for tab in tabs]
    winner, loser = backs[first], backs[1 - first]
    paid = await page_return(api, order_id, winner)
    assert paid.status_code == 200 and "Payment successful" in paid.text
    second = await page_return(api, order_id, loser)
    assert second.status_code == 409 and "This invoice is already paid" in second.text
    assert "Payment successful" not in second.text
    assert assert_paid_once(store, order_id) == int(winner["MD"])
    assert_refused_duplicate(store, int(loser["MD"]))
    assert store.payment_state.pares == {}


@pytest.mark.parametrize("order", [("page", "api"), ("api", "page"), ("api", "api")])
async def test_page_return_and_api_post3ds_pay_an_invoice_once(
    api: httpx.AsyncClient, mock_app: Starlette, order: tuple[str, str]
) -> None:
    store = mock_app.state.store
    order_id = await new_order(api)
    tabs = [await start_3ds(api, store, order_id), await start_3ds(api, store, order_id)]
    first, second = [await walk_acs(api, order_id, tab) for tab in tabs]
    if order[0] == "page":
        assert "Payment successful" in (await page_return(api, order_id, first)).text
    else:
        assert (await api_return(api, first))["Success"] is True
    if order[1] == "page":
        late = await page_return(api, order_id, second)
        assert late.status_code == 409 and "This invoice is already paid" in late.text
    else:
        answer = await api_return(api, second)
        assert answer["Success"] is False
        model = answer["Model"]
        assert (model["Status"], model["ReasonCode"], model["Reason"]) == (
            "Declined",
            5057,
            "TransactionNotPermitted",
        )
    assert assert_paid_once(store, order_id) == int(first["MD"])
    assert_refused_duplicate(store, int(second["MD"]))


async def test_non_3ds_payment_while_a_3ds_one_is_pending(
    api: httpx.AsyncClient, mock_app: Starlette
) -> None:
    store = mock_app.state.store
    order_id = await new_order(api)
    back = await walk_acs(api, order_id, await start_3ds(api, store, order_id))
    other_tab = await pay_on_page(api, order_id, PLAIN_CARD)
    assert "Payment successful" in other_tab.text
    late = await page_return(api, order_id, back)
    assert late.status_code == 409 and "This invoice is already paid" in late.text
    assert assert_paid_once(store, order_id) != int(back["MD"])
    assert_refused_duplicate(store, int(back["MD"]))


async def test_require_confirmation_invoice_is_authorized_once(
    api: httpx.AsyncClient, mock_app: Starlette
) -> None:
    store = mock_app.state.store
    order_id = await new_order(api, RequireConfirmation=True)
    tabs = [await start_3ds(api, store, order_id), await start_3ds(api, store, order_id)]
    first, second = [await walk_acs(api, order_id, tab) for tab in tabs]
    assert (await api_return(api, second))["Model"]["Status"] == "Authorized"
    late = await page_return(api, order_id, first)
    assert late.status_code == 409 and "This invoice is already paid" in late.text
    assert assert_paid_once(store, order_id) == int(second["MD"])
    assert_refused_duplicate(store, int(first["MD"]))
    # The Authorized payment pays the invoice: the page takes no further attempt.
    count = len(store.transactions)
    again = await pay_on_page(api, order_id, PLAIN_CARD)
    assert again.status_code == 409 and "This invoice is already paid" in again.text
    assert len(store.transactions) == count


async def test_concurrent_non_3ds_page_payments_approve_once(
    api: httpx.AsyncClient, mock_app: Starlette
) -> None:
    store = mock_app.state.store
    order_id = await new_order(api)
    pages = await asyncio.gather(*(pay_on_page(api, order_id, PLAIN_CARD) for _ in range(8)))
    assert sum("Payment successful" in page.text for page in pages) == 1
    assert sum(page.status_code == 409 and "already paid" in page.text for page in pages) == 7
    assert_paid_once(store, order_id)
    assert len(store.orders[order_id].transaction_ids) == 1


async def test_refused_duplicate_is_notified_as_a_decline(
    api: httpx.AsyncClient, mock_app: Starlette
) -> None:
    store = mock_app.state.store
    events: list[tuple[str, int, int]] = []
    mock_app.state.api.operations.events.on(
        lambda event, record: events.append((str(event), record.transaction_id, record.reason_code))
    )
    order_id = await new_order(api)
    tabs = [await start_3ds(api, store, order_id), await start_3ds(api, store, order_id)]
    first, second = [await walk_acs(api, order_id, tab) for tab in tabs]
    await page_return(api, order_id, first)
    await page_return(api, order_id, second)
    assert events == [("approved", int(first["MD"]), 0), ("declined", int(second["MD"]), 5057)]


# ---------- cancelled invoices ----------


async def test_api_post3ds_after_cancel_is_declined(api: httpx.AsyncClient, mock_app: Starlette) -> None:
    store = mock_app.state.store
    order_id = await new_order(api)
    back = await walk_acs(api, order_id, await start_3ds(api, store, order_id))
    assert (await call(api, "/orders/cancel", Id=order_id))["Success"] is True
    answer = await api_return(api, back)
    assert answer["Success"] is False and answer["Model"]["ReasonCode"] == 5057
    assert_refused_duplicate(store, int(back["MD"]))
    order = store.orders[order_id]
    assert order.status == "Created" and order.paid_by is None and order.payment_date is None


async def test_page_return_after_cancel_declines_the_payment(
    api: httpx.AsyncClient, mock_app: Starlette
) -> None:
    store = mock_app.state.store
    order_id = await new_order(api)
    back = await walk_acs(api, order_id, await start_3ds(api, store, order_id))
    assert (await call(api, "/orders/cancel", Id=order_id))["Success"] is True
    done = await page_return(api, order_id, back)
    assert done.status_code == 409 and "This invoice is cancelled" in done.text
    # Declined, not left waiting for a return that could complete it later.
    assert_refused_duplicate(store, int(back["MD"]))
    assert store.payment_state.pares == {}
    assert (await api_return(api, back))["Success"] is False


# ---------- what the ACS page stores ----------


async def test_acs_complete_keeps_one_pares_per_pending_payment(
    api: httpx.AsyncClient, mock_app: Starlette
) -> None:
    state = mock_app.state.store.payment_state
    challenge = (await pay(api, THREE_DS_CARD))["Model"]  # an API payment, not an invoice's
    md = str(challenge["TransactionId"])
    fields = {"MD": md, "PaReq": challenge["PaReq"], "TermUrl": "https://shop.test/3ds"}
    for n in range(2000):
        choice = "fail" if n % 2 == 0 else "success"
        page = await api.post("/acs/complete", data={**fields, "Choice": choice}, auth=NO_AUTH)
        assert page.status_code == 200
    assert len(state.pares) == 1  # the last choice replaced every earlier one
    _, older = await authenticate(api, challenge, "fail")
    _, latest = await authenticate(api, challenge, "success")
    assert len(state.pares) == 1
    refused = await call(api, "/payments/cards/post3ds", TransactionId=int(md), PaRes=older)
    assert refused["Message"] == "PaRes is not valid for this transaction"
    done = await call(api, "/payments/cards/post3ds", TransactionId=int(md), PaRes=latest)
    assert done["Success"] is True
    assert state.pares == {}
    # A payment no longer pending gets no PaRes.
    late = await api.post("/acs/complete", data={**fields, "Choice": "success"}, auth=NO_AUTH)
    assert late.status_code == 400 and state.pares == {}


async def test_acs_complete_for_unknown_transactions_stores_nothing(
    api: httpx.AsyncClient, mock_app: Starlette
) -> None:
    state = mock_app.state.store.payment_state
    for md in ("1", "2210000001", "9" * 19):
        fields = {"MD": md, "PaReq": "+/x", "TermUrl": "https://shop.test/3ds", "Choice": "success"}
        assert (await api.post("/acs/complete", data=fields, auth=NO_AUTH)).status_code == 400
    assert state.pares == {}


async def test_a_declined_3ds_return_leaves_no_pares(api: httpx.AsyncClient, mock_app: Starlette) -> None:
    store = mock_app.state.store
    order_id = await new_order(api)
    challenge = await start_3ds(api, store, order_id)
    md, pares = await authenticate(api, challenge, "fail", term_url=f"http://testserver/d/{order_id}/3ds")
    declined = await page_return(api, order_id, {"MD": md, "PaRes": pares})
    assert "Payment declined" in declined.text
    assert store.payment_state.pares == {}
    assert store.transactions[int(md)].reason_code == 5206


# ---------- what the invoice page creates ----------


async def test_pending_3ds_attempts_per_invoice_are_capped(
    api: httpx.AsyncClient, mock_app: Starlette
) -> None:
    store = mock_app.state.store
    order_id = await new_order(api)
    oldest = await start_3ds(api, store, order_id)
    oldest_back = await walk_acs(api, order_id, oldest)
    for _ in range(9):
        await start_3ds(api, store, order_id)
    order = store.orders[order_id]
    statuses = [store.transactions[tid].status for tid in order.transaction_ids]
    assert statuses == ["Declined"] * 7 + ["AwaitingAuthentication"] * 3
    assert {store.transactions[tid].reason_code for tid in order.transaction_ids[:7]} == {5065}
    assert store.payment_state.pares == {}  # the oldest one's PaRes went with it
    # The replaced attempt cannot pay; the newest can.
    stale = await page_return(api, order_id, oldest_back)
    assert stale.status_code == 200 and "Payment successful" not in stale.text
    newest = challenge_of(store, order.transaction_ids[-1])
    paid = await page_return(api, order_id, await walk_acs(api, order_id, newest))
    assert "Payment successful" in paid.text
    assert assert_paid_once(store, order_id) == order.transaction_ids[-1]


async def test_invoice_page_attempts_are_capped(api: httpx.AsyncClient, mock_app: Starlette) -> None:
    store = mock_app.state.store
    order_id = await new_order(api)
    for _ in range(50):
        assert "Payment declined" in (await pay_on_page(api, order_id, DECLINING_CARD)).text
    count = len(store.transactions)
    refused = await pay_on_page(api, order_id, PLAIN_CARD)
    assert refused.status_code == 429 and "Too many payment attempts for this invoice" in refused.text
    assert len(store.transactions) == count == 50
    assert len(store.orders[order_id].transaction_ids) == 50


# ---------- a reset while a page's form is read ----------


@pytest.mark.parametrize("page", ["pay", "3ds"])
async def test_a_reset_while_the_form_is_read_answers_not_found(
    api: httpx.AsyncClient, mock_app: Starlette, page: str
) -> None:
    """The order is looked up again under the store's lock: a reset between the first look and the form's
    last byte is an invoice not found, never an internal error."""
    store = mock_app.state.store
    order_id = await new_order(api)

    async def body() -> Any:
        yield b"CardNumber=4000000000003055&ExpMonth=11&"
        store.reset()
        yield f"ExpYear={EXP_YEAR}&Cvv=123&MD=2210000001&PaRes=x".encode()

    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    answer = await api.post(f"/d/{order_id}/{page}", content=body(), headers=headers, auth=NO_AUTH)
    assert answer.status_code == 404 and "Invoice not found" in answer.text
    assert store.transactions == {}
