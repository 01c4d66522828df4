"""Lists: `/payments/list` (the transactions of a day in a time zone), `/v2/payments/list` (a period, by
status, page by page) and `/payments/tokens/list` (the tokens issued, page by page)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from contract_tests.mock.helpers import documented_request, pay, send
from contract_tests.support.cards import OTHER_CARD, approving_card, declining_card, packet, three_ds_card
from spec_tools import Spec

# A moment late in the UTC day: already the next day in Moscow (+03:00).
LATE_EVENING = datetime(2025, 3, 9, 22, 30, tzinfo=UTC)


def page_size(spec: Spec, path: str) -> int:
    size: int = spec["paths"][path]["post"]["x-pagination"]["pageSize"]
    return size


def set_clock(monkeypatch: pytest.MonkeyPatch, moment: datetime) -> Callable[[datetime], None]:
    """The mock's clock for new transactions, fixed at `moment`; the returned function moves it."""
    current = [moment]
    monkeypatch.setattr("mock_server.resources.payments.now", lambda: current[0])

    def move(to: datetime) -> None:
        current[0] = to

    return move


def ids(answer: dict[str, Any]) -> list[int]:
    return [item["TransactionId"] for item in answer["Model"]]


def period(start: datetime, end: datetime, **extra: Any) -> dict[str, Any]:
    return {"CreatedDateGte": start.isoformat(), "CreatedDateLte": end.isoformat(), "PageNumber": 1, **extra}


# ---------- /payments/list ----------


@pytest.mark.parametrize("form", [False, True], ids=["json", "form"])
async def test_day_list_has_every_transaction_of_the_day_oldest_first(
    api: httpx.AsyncClient, form: bool
) -> None:
    paid = (await pay(api, OTHER_CARD, amount=30))["Model"]["TransactionId"]
    declined = (await pay(api, declining_card()))["Model"]["TransactionId"]
    waiting = (await pay(api, three_ds_card()))["Model"]["TransactionId"]
    refund = (await send(api, "/payments/refund", {"TransactionId": paid, "Amount": 5}))["Model"]
    payout = await send(
        api,
        "/payments/cards/topup",
        {"CardCryptogramPacket": packet(OTHER_CARD), "Amount": 1, "Currency": "RUB"},
    )
    today = datetime.now(UTC).strftime("%Y-%m-%d")
    answer = await send(api, "/payments/list", {"Date": today}, form=form)
    assert answer["Success"] is True and answer["Message"] is None
    assert ids(answer) == [paid, declined, waiting, refund["TransactionId"], payout["Model"]["TransactionId"]]
    assert [item["Type"] for item in answer["Model"]] == [0, 0, 0, 1, 2]
    other_day = await send(api, "/payments/list", {"Date": "2000-01-01", "TimeZone": "UTC"}, form=form)
    assert other_day == {"Success": True, "Message": None, "Model": []}


async def test_day_list_takes_the_day_in_the_time_zone(
    api: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_clock(monkeypatch, LATE_EVENING)
    late = (await pay(api, OTHER_CARD))["Model"]
    assert late["CreatedDateIso"] == "2025-03-09T22:30:00"
    for day, zone, listed in [
        ("2025-03-09", None, True),  # UTC by default
        ("2025-03-09", "UTC", True),
        ("2025-03-10", "UTC", False),
        ("2025-03-10", "MSK", True),  # 01:30 in Moscow
        ("2025-03-09", "MSK", False),
        ("2025-03-09", "EST", True),  # 17:30 in New York
    ]:
        body = {"Date": day} if zone is None else {"Date": day, "TimeZone": zone}
        answer = await send(api, "/payments/list", body)
        assert ids(answer) == ([late["TransactionId"]] if listed else []), (day, zone)
    # Dates in the list are UTC, as in a single answer.
    listed_item = (await send(api, "/payments/list", {"Date": "2025-03-10", "TimeZone": "MSK"}))["Model"][0]
    assert listed_item["CreatedDateIso"] == "2025-03-09T22:30:00"


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"Date": "2025-02-30"}, "Date"),
        ({"Date": "9th of March"}, "Date"),
        ({"Date": "2025-03-09", "TimeZone": "Mars"}, "TimeZone"),
        ({}, "Date is required"),
    ],
)
async def test_day_list_refusals(api: httpx.AsyncClient, body: dict[str, Any], words: str) -> None:
    answer = await send(api, "/payments/list", body)
    assert answer["Success"] is False and answer["Model"] is None and words in answer["Message"]


async def test_documented_day_list_is_accepted(api: httpx.AsyncClient) -> None:
    await pay(api, OTHER_CARD)
    path, body = documented_request("payments_list.success.json")
    assert await send(api, path, body) == {"Success": True, "Message": None, "Model": []}  # 2014: nothing


# ---------- /v2/payments/list ----------


@pytest.mark.parametrize("form", [False, True], ids=["json", "form"])
async def test_period_list_filters_by_status(api: httpx.AsyncClient, form: bool) -> None:
    paid = (await pay(api, OTHER_CARD))["Model"]["TransactionId"]
    declined = (await pay(api, declining_card()))["Model"]["TransactionId"]
    authorized = (await pay(api, OTHER_CARD, scheme="auth"))["Model"]["TransactionId"]
    voided = (await pay(api, OTHER_CARD, scheme="auth"))["Model"]["TransactionId"]
    assert (await send(api, "/payments/void", {"TransactionId": voided}))["Success"] is True
    waiting = (await pay(api, three_ds_card()))["Model"]["TransactionId"]
    now = datetime.now(UTC)
    body = period(now - timedelta(hours=1), now + timedelta(hours=1))
    default = await send(api, "/v2/payments/list", body, form=form)
    assert default["Success"] is True
    assert ids(default) == [paid, declined, authorized, voided]  # AwaitingAuthentication is not listed
    assert waiting not in ids(default)
    chosen = await send(api, "/v2/payments/list", {**body, "Statuses": ["Declined", "Cancelled"]}, form=form)
    assert ids(chosen) == [declined, voided]
    refused = await send(api, "/v2/payments/list", {**body, "Statuses": ["Pending"]}, form=form)
    assert refused["Success"] is False and "Statuses.0: 'Pending' is not one of" in refused["Message"]


async def test_period_list_form_statuses_must_be_a_json_array(api: httpx.AsyncClient) -> None:
    now = datetime.now(UTC)
    body = {**period(now, now), "Statuses": "Declined"}
    response = await api.post("/v2/payments/list", data=body)
    assert response.json() == {
        "Success": False,
        "Message": "Statuses must be a JSON-encoded array",
        "Model": None,
    }
    as_object = await api.post("/v2/payments/list", data={**body, "Statuses": '{"a": 1}'})
    assert as_object.json()["Message"] == "Statuses must be an array"


async def test_period_bounds_are_included_and_time_zone_aware(
    api: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    move = set_clock(monkeypatch, LATE_EVENING)
    first = (await pay(api, OTHER_CARD))["Model"]["TransactionId"]
    move(LATE_EVENING + timedelta(hours=1))
    second = (await pay(api, OTHER_CARD))["Model"]["TransactionId"]
    msk = "+03:00"
    exact = {
        "CreatedDateGte": "2025-03-10T01:30:00" + msk,
        "CreatedDateLte": "2025-03-09T23:30:00Z",
        "PageNumber": 1,
    }
    assert ids(await send(api, "/v2/payments/list", exact)) == [first, second]
    after_first = {**exact, "CreatedDateGte": "2025-03-09T22:30:00.001Z"}
    assert ids(await send(api, "/v2/payments/list", after_first)) == [second]
    # The documented request's shape: a Moscow day, written with its offset.
    moscow_day = {
        **exact,
        "CreatedDateGte": "2025-03-10T00:00:00" + msk,
        "CreatedDateLte": "2025-03-11T00:00:00" + msk,
    }
    assert ids(await send(api, "/v2/payments/list", {**moscow_day, "TimeZone": "MSK"})) == [first, second]
    utc_day = {**exact, "CreatedDateGte": "2025-03-10T00:00:00Z", "CreatedDateLte": "2025-03-11T00:00:00Z"}
    assert ids(await send(api, "/v2/payments/list", utc_day)) == []


async def test_period_list_refuses_a_start_after_its_end(api: httpx.AsyncClient) -> None:
    now = datetime.now(UTC)
    answer = await send(api, "/v2/payments/list", period(now, now - timedelta(seconds=1)))
    assert answer == {
        "Success": False,
        "Message": "CreatedDateGte must not be later than CreatedDateLte",
        "Model": None,
    }
    missing = await send(api, "/v2/payments/list", {"CreatedDateGte": now.isoformat(), "PageNumber": 1})
    assert missing["Message"] == "CreatedDateLte is required"
    page_zero = await send(api, "/v2/payments/list", period(now, now, PageNumber=0))
    assert page_zero["Success"] is False and "PageNumber" in page_zero["Message"]


async def test_period_list_pages_by_the_spec_page_size(api: httpx.AsyncClient, spec: Spec) -> None:
    size = page_size(spec, "/v2/payments/list")
    made = [
        (await pay(api, OTHER_CARD, amount=index + 1))["Model"]["TransactionId"] for index in range(size + 1)
    ]
    now = datetime.now(UTC)
    body = period(now - timedelta(hours=1), now + timedelta(hours=1))
    first = await send(api, "/v2/payments/list", body)
    second = await send(api, "/v2/payments/list", {**body, "PageNumber": 2}, form=True)
    beyond = await send(api, "/v2/payments/list", {**body, "PageNumber": 3})
    assert len(first["Model"]) == size and len(second["Model"]) == 1
    assert ids(first) + ids(second) == made  # oldest first across the pages
    assert beyond == {"Success": True, "Message": None, "Model": []}


async def test_documented_period_list_is_accepted(api: httpx.AsyncClient) -> None:
    await pay(api, OTHER_CARD)
    path, body = documented_request("v2_payments_list.success.json")
    assert await send(api, path, body) == {"Success": True, "Message": None, "Model": []}  # 2021: nothing


# ---------- /payments/tokens/list ----------


async def test_token_list_has_the_tokens_in_issue_order(api: httpx.AsyncClient) -> None:
    visa = (await pay(api, approving_card("Visa"), AccountId="user_x"))["Model"]
    master = (await pay(api, approving_card("Mastercard"), AccountId="user_x"))["Model"]
    await pay(api, approving_card("Visa"), AccountId="user_x")  # the same card: the same token
    await pay(api, approving_card("MIR"))  # no AccountId: no token
    other = (await pay(api, approving_card("MIR"), AccountId="user_y"))["Model"]
    answer = await send(api, "/payments/tokens/list", {"PageNumber": 1})
    assert answer["Success"] is True and answer["Message"] is None
    tokens = answer["Model"]
    assert [item["Token"] for item in tokens] == [visa["Token"], master["Token"], other["Token"]]
    assert [item["AccountId"] for item in tokens] == ["user_x", "user_x", "user_y"]
    for item, paid in zip(tokens, (visa, master, other), strict=True):
        first_six, last_four = paid["CardFirstSix"], paid["CardLastFour"]
        assert item["CardMask"] == f"{first_six[:4]} {first_six[4:]}****** {last_four}"
        assert re.fullmatch(r"\d{4} \d{2}\*{6} \d{4}", item["CardMask"])
        month, year = paid["CardExpDate"].split("/")
        assert (item["ExpirationDateMonth"], item["ExpirationDateYear"]) == (int(month), 2000 + int(year))


async def test_token_list_pages(api: httpx.AsyncClient, spec: Spec) -> None:
    size = page_size(spec, "/payments/tokens/list")
    made = [
        (await pay(api, OTHER_CARD, AccountId=f"payer-{index}"))["Model"]["Token"]
        for index in range(size + 1)
    ]
    first = await send(api, "/payments/tokens/list", {"PageNumber": 1})
    second = await send(api, "/payments/tokens/list", {"PageNumber": 2}, form=True)
    beyond = await send(api, "/payments/tokens/list", {"PageNumber": 3})
    assert [item["Token"] for item in first["Model"] + second["Model"]] == made
    assert len(first["Model"]) == size and beyond == {"Success": True, "Message": None, "Model": []}
    assert (await send(api, "/payments/tokens/list", {}))["Message"] == "PageNumber is required"


async def test_documented_token_list_is_accepted(api: httpx.AsyncClient) -> None:
    path, body = documented_request("payments_tokens_list.success.json")
    assert await send(api, path, body) == {"Success": True, "Message": None, "Model": []}


async def test_lists_change_nothing(api: httpx.AsyncClient, mock_app: Starlette) -> None:
    await pay(api, OTHER_CARD, AccountId="a")
    before = mock_app.state.store.counts()
    today = datetime.now(UTC).strftime("%Y-%m-%d")
    await send(api, "/payments/list", {"Date": today})
    await send(api, "/payments/tokens/list", {"PageNumber": 1})
    assert mock_app.state.store.counts() == before


async def test_period_bounds_without_an_offset_are_taken_in_the_time_zone(
    api: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_clock(monkeypatch, LATE_EVENING)  # 22:30 UTC = 01:30 on 10 March in Moscow
    late = (await pay(api, OTHER_CARD))["Model"]["TransactionId"]
    local_day = {
        "CreatedDateGte": "2025-03-10T00:00:00",
        "CreatedDateLte": "2025-03-10T23:59:59",
        "PageNumber": 1,
    }
    in_moscow = await send(api, "/v2/payments/list", {**local_day, "TimeZone": "MSK"})
    in_utc = await send(api, "/v2/payments/list", local_day)
    assert ids(in_moscow) == [late]
    assert in_utc == {"Success": True, "Message": None, "Model": []}
