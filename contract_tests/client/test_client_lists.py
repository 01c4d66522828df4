"""The lookups and lists of the committed package: the `{Type}` path parameter, Models that are arrays, and
the page iterators of the operations marked `x-pagination`, sync and async."""

from __future__ import annotations

import datetime
import inspect
import json
from decimal import Decimal
from typing import Any, Final

import httpx
import pytest
from cloudpayments_client import BadRequestError, InvalidArgumentError, SucceededUnreadableError
from cloudpayments_client.models import NotificationSettings, Subscription, Token, Transaction

from contract_tests.client.support import Exchanges, async_client, json_response, replying, sync_client
from contract_tests.client.test_client_behaviour import example
from spec_tools import Spec, find_operation, pointer_get

PAGE_SIZE: Final = 100


def _page_size(spec: Spec, path: str) -> int:
    size: int = pointer_get(spec, find_operation(spec, path).pointer)["x-pagination"]["pageSize"]
    return size


def _transactions(spec: Spec, first: int, count: int) -> list[dict[str, Any]]:
    template = example(spec, "TransactionList")["Model"][0]
    return [{**template, "TransactionId": first + n} for n in range(count)]


def _paged(spec: Spec, log: Exchanges, *sizes: int) -> Any:
    """Answers page N (PageNumber of the body) with sizes[N-1] transactions (an empty page after the last)."""

    def handle(request: httpx.Request) -> httpx.Response:
        log.requests.append(request)
        page = json.loads(request.content)["PageNumber"]
        size = sizes[page - 1] if page <= len(sizes) else 0
        model = _transactions(spec, sum(sizes[: page - 1]), size)
        return json_response({"Success": True, "Message": None, "Model": model})

    return handle


def _bodies(log: Exchanges) -> list[Any]:
    return [json.loads(request.content) for request in log.requests]


# ---- the {Type} path parameter ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "segment"), [("Pay", "Pay"), ("pay", "pay"), ("Check", "Check"), ("a/b", "a%2Fb")]
)
def test_notification_type_is_the_path_segment(spec: Spec, value: str, segment: str) -> None:
    log = Exchanges()
    answer = json_response(example(spec, "NotificationSettingsRead"))
    with sync_client(replying(answer, log=log), log) as client:
        settings = client.notifications.get_notification_settings(type_=value)
    assert isinstance(settings, NotificationSettings)
    assert (settings.is_enabled, settings.address) == (True, "http://example.com")
    sent = log.requests[0]
    assert sent.url.raw_path.decode() == f"/site/notifications/{segment}/get"
    assert sent.content == b"" and "X-Request-ID" not in sent.headers


async def test_notification_update_sends_its_type_body_and_request_id(spec: Spec) -> None:
    log = Exchanges()
    answer = json_response(example(spec, "OperationSuccess"))
    async with async_client(replying(answer, log=log), log) as client:
        envelope = await client.notifications.update_notification_settings(
            type_="Refund", is_enabled=True, address="https://shop.example/hook", http_method="POST",
            request_id="settings-1",
        )  # fmt: skip
    assert envelope.success is True
    sent = log.requests[0]
    assert sent.url.path == "/site/notifications/Refund/update"
    assert sent.headers["X-Request-ID"] == "settings-1"
    assert json.loads(sent.content) == {
        "IsEnabled": True,
        "Address": "https://shop.example/hook",
        "HttpMethod": "POST",
    }


@pytest.mark.parametrize("value", ["", None, 1])
def test_an_empty_type_is_refused_before_sending(value: Any) -> None:
    log = Exchanges()
    with sync_client(replying(json_response({"Success": True}), log=log), log) as client:
        with pytest.raises(InvalidArgumentError, match="type_"):
            client.notifications.get_notification_settings(type_=value)
        with pytest.raises(ValueError, match="type_"):
            client.notifications.update_notification_settings(type_=value, is_enabled=False)
    assert log.requests == []


# ---- Models that are arrays --------------------------------------------------------------------------------


def test_a_day_of_transactions_is_a_typed_list(spec: Spec) -> None:
    log = Exchanges()
    with sync_client(replying(json_response(example(spec, "TransactionList")), log=log), log) as client:
        found = client.payments.list_payments(date=datetime.date(2014, 8, 9), time_zone="MSK")
    assert _bodies(log) == [{"Date": "2014-08-09", "TimeZone": "MSK"}]
    assert [type(item) for item in found] == [Transaction]
    assert found[0].transaction_id == 54 and found[0].amount == Decimal("12.34")


@pytest.mark.parametrize("model", [None, []])
def test_no_transactions_is_an_empty_list(model: Any) -> None:
    log = Exchanges()
    answer = json_response({"Success": True, "Message": None, "Model": model})
    with sync_client(replying(answer, log=log), log) as client:
        assert client.payments.list_payments(date="2014-08-09") == []


def test_not_found_is_a_bad_request() -> None:
    log = Exchanges()
    answer = json_response({"Success": False, "Message": "Not found"})
    with sync_client(replying(answer, log=log), log) as client, pytest.raises(BadRequestError) as caught:
        client.subscriptions.find_subscriptions(account_id="nobody")
    assert caught.value.message == "Not found"


def test_each_item_is_read_like_a_single_model(spec: Spec) -> None:
    found_answer = example(spec, "SubscriptionsFound")
    found_answer["Model"][0]["Amount"] = "lots"  # drift: data, kept in .raw
    log = Exchanges()
    with sync_client(replying(json_response(found_answer), log=log), log) as client:
        subscriptions = client.subscriptions.find_subscriptions(account_id="user_x")
    assert [type(item) for item in subscriptions] == [Subscription, Subscription]
    assert subscriptions[0].amount is None and subscriptions[0].raw["Amount"] == "lots"
    assert subscriptions[1].amount == Decimal(999)
    del found_answer["Model"][1]["Id"]  # a decisive field of an item: the success cannot be read
    client = sync_client(replying(json_response(found_answer), log=log), log)
    with client, pytest.raises(SucceededUnreadableError) as caught:
        client.subscriptions.find_subscriptions(account_id="user_x")
    assert caught.value.field == "Model[1].Id"


# ---- page iterators ---------------------------------------------------------------------------------------


def test_paged_operations_have_iterators_without_the_page_number(spec: Spec) -> None:
    assert _page_size(spec, "/v2/payments/list") == _page_size(spec, "/payments/tokens/list") == PAGE_SIZE
    with sync_client(replying(json_response({"Success": True}), log=Exchanges()), Exchanges()) as client:
        for name in ("list_payments_v2", "list_tokens"):
            method = inspect.signature(getattr(client.payments, name)).parameters
            walk = inspect.signature(getattr(client.payments, f"iter_{name}")).parameters
            assert set(method) - set(walk) == {"page_number"}
            assert f"iter_{name}" in (getattr(client.payments, name).__doc__ or "")
    assert not hasattr(client.payments, "iter_list_payments")


def test_transactions_of_a_period_page_by_page(spec: Spec) -> None:
    log = Exchanges()
    since = datetime.datetime(2021, 3, 9, tzinfo=datetime.timezone(datetime.timedelta(hours=3)))
    with sync_client(_paged(spec, log, PAGE_SIZE, PAGE_SIZE, 7), log) as client:
        items = list(
            client.payments.iter_list_payments_v2(
                created_date_gte=since, created_date_lte="2021-03-10T00:00:00+03:00", statuses=["Completed"]
            )
        )
    assert len(items) == 207 and len(log.requests) == 3
    assert [item.transaction_id for item in items] == list(range(207))
    assert all(isinstance(item, Transaction) and item.amount == Decimal("12.34") for item in items)
    period = {"CreatedDateGte": "2021-03-09T00:00:00+03:00", "CreatedDateLte": "2021-03-10T00:00:00+03:00"}
    assert _bodies(log) == [{**period, "PageNumber": page, "Statuses": ["Completed"]} for page in (1, 2, 3)]


async def test_tokens_page_by_page_async(spec: Spec) -> None:
    token = example(spec, "TokenList")["Model"][0]
    log = Exchanges()

    def handle(request: httpx.Request) -> httpx.Response:
        log.requests.append(request)
        page = json.loads(request.content)["PageNumber"]
        count = {1: PAGE_SIZE, 2: 3}.get(page, 0)
        return json_response(
            {"Success": True, "Model": [dict(token, Token=f"tk_{page}_{n}") for n in range(count)]}
        )

    async with async_client(handle, log) as client:
        tokens = [item async for item in client.payments.iter_list_tokens()]
    assert len(tokens) == 103 and all(isinstance(item, Token) for item in tokens)
    assert tokens[-1].token == "tk_2_2" and tokens[0].card_mask == "4242 42****** 4242"
    assert _bodies(log) == [{"PageNumber": 1}, {"PageNumber": 2}]


async def test_an_empty_first_page_is_one_request(spec: Spec) -> None:
    log = Exchanges()
    async with async_client(_paged(spec, log), log) as client:
        walk = client.payments.iter_list_payments_v2(created_date_gte="a", created_date_lte="b")
        assert [item async for item in walk] == []
    assert [body["PageNumber"] for body in _bodies(log)] == [1]
