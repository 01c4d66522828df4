"""Subscriptions on mock-issued tokens, and invoices paid on the mock's order page."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from contract_tests.mock.helpers import documented_request, path_of, pay
from contract_tests.support.acs import NO_AUTH
from contract_tests.support.cards import EXP_YEAR, OTHER_CARD
from contract_tests.support.html_forms import forms_of
from mock_server.schedule import next_payment_date


async def call(api: httpx.AsyncClient, path: str, **body: Any) -> dict[str, Any]:
    answer: dict[str, Any] = (await api.post(path, json=body)).json()
    return answer


async def token_for(api: httpx.AsyncClient, account: str) -> str:
    token: str = (await pay(api, OTHER_CARD, AccountId=account))["Model"]["Token"]
    return token


def subscription_body(token: str, **extra: Any) -> dict[str, Any]:
    start = (datetime.now(UTC) + timedelta(days=2)).replace(microsecond=0)
    body = {
        "Token": token,
        "AccountId": "user-s",
        "Description": "Monthly plan",
        "Email": "payer@example.com",
        "Amount": 399,
        "Currency": "RUB",
        "RequireConfirmation": False,
        "StartDate": start.strftime("%Y-%m-%dT%H:%M:%S"),
        "Interval": "Month",
        "Period": 1,
    }
    body.update(extra)
    return body


@pytest.mark.parametrize(("interval", "code"), [("Week", 0), ("Month", 1), ("Day", 2)])
async def test_subscription_create_get_cancel(api: httpx.AsyncClient, interval: str, code: int) -> None:
    token = await token_for(api, "user-s")
    body = subscription_body(token, Interval=interval, Period=2, MaxPeriods=12)
    created = await call(api, "/subscriptions/create", **body)
    assert created["Success"] is True
    model = created["Model"]
    assert re.fullmatch(r"sc_[0-9a-f]{29}", model["Id"])
    assert (model["Status"], model["StatusCode"]) == ("Active", 0)
    assert (model["Interval"], model["IntervalCode"], model["Period"], model["MaxPeriods"]) == (
        interval,
        code,
        2,
        12,
    )
    assert model["StartDateIso"] == body["StartDate"] == model["NextTransactionDateIso"]
    assert model["NextTransactionDate"] == model["StartDate"] and model["StartDate"].startswith("/Date(")
    assert (model["SuccessfulTransactionsNumber"], model["FailedTransactionsNumber"]) == (0, 0)
    got = await call(api, "/subscriptions/get", Id=model["Id"])
    assert got == created
    assert await call(api, "/subscriptions/cancel", Id=model["Id"]) == {"Success": True, "Message": None}
    cancelled = (await call(api, "/subscriptions/get", Id=model["Id"]))["Model"]
    assert (cancelled["Status"], cancelled["StatusCode"]) == ("Cancelled", 3)
    assert cancelled["NextTransactionDate"] is None and cancelled["NextTransactionDateIso"] is None
    twice = await call(api, "/subscriptions/cancel", Id=model["Id"])
    assert twice == {"Success": False, "Message": "Subscription is already cancelled"}


async def test_subscription_start_date_with_offset_is_taken_in_utc(api: httpx.AsyncClient) -> None:
    token = await token_for(api, "user-s")
    start = datetime.now(UTC) + timedelta(days=3)
    with_offset = start.astimezone(UTC).replace(microsecond=0, tzinfo=None).isoformat() + "+03:00"
    model = (await call(api, "/subscriptions/create", **subscription_body(token, StartDate=with_offset)))[
        "Model"
    ]
    expected = (datetime.fromisoformat(with_offset).astimezone(UTC)).strftime("%Y-%m-%dT%H:%M:%S")
    assert model["StartDateIso"] == expected


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"StartDate": "2020-01-01T00:00:00"}, "StartDate must be in the future"),
        ({"StartDate": "2999-02-30T10:00:00"}, "StartDate is not a valid date and time"),
        ({"StartDate": "9999-12-31T23:59:59-05:00"}, "StartDate is not a valid date and time"),
        ({"StartDate": "tomorrow"}, "StartDate: 'tomorrow' is not valid under any of the given schemas"),
        ({"Period": 0}, "Period: 0 is less than the minimum of 1"),
        ({"MaxPeriods": 0}, "MaxPeriods: 0 is less than the minimum of 1"),
        ({"Interval": "Year"}, "Interval: 'Year' is not one of ['Day', 'Week', 'Month']"),
        ({"Token": "tk_" + "0" * 29}, "Token not found"),
        ({"AccountId": "not-the-owner"}, "Token not found"),
        ({"Description": None}, "Description is required"),
    ],
)
async def test_subscription_create_refusals(
    api: httpx.AsyncClient, change: dict[str, Any], message: str
) -> None:
    body = subscription_body(await token_for(api, "user-s"))
    for key, value in change.items():
        if value is None:
            del body[key]
        else:
            body[key] = value
    answer = await call(api, "/subscriptions/create", **body)
    assert answer == {"Success": False, "Message": message, "Model": None}


async def test_subscription_keys_are_case_insensitive(api: httpx.AsyncClient) -> None:
    body = {k[0].lower() + k[1:]: v for k, v in subscription_body(await token_for(api, "user-s")).items()}
    assert (await call(api, "/subscriptions/create", **body))["Success"] is True


@pytest.mark.parametrize("path", ["/subscriptions/get", "/subscriptions/cancel"])
async def test_unknown_subscription(api: httpx.AsyncClient, path: str) -> None:
    answer = await call(api, path, Id="sc_" + "0" * 29)
    assert answer["Success"] is False and answer["Message"] == "Subscription not found"


ORDER = {
    "Amount": 10.5,
    "Currency": "RUB",
    "Description": "Invoice for the course",
    "Email": "client@test.local",
    "RequireConfirmation": False,
    "SendEmail": False,
}


async def test_order_create(api: httpx.AsyncClient) -> None:
    first = await call(api, "/orders/create", **ORDER)
    second = await call(api, "/orders/create", **ORDER, Phone="+71234567890")
    assert first["Success"] is True
    model = first["Model"]
    assert re.fullmatch(r"[A-Za-z0-9]{16}", model["Id"])
    assert model["Url"] == f"http://testserver/d/{model['Id']}"
    assert (model["Status"], model["StatusCode"], model["PaymentDate"]) == ("Created", 0, None)
    assert model["Amount"] == 10.5 and model["Phone"] is None and model["CreatedDate"].startswith("/Date(")
    assert second["Model"]["Number"] == model["Number"] + 1 and second["Model"]["Phone"] == "+71234567890"


async def test_order_sms_and_viber_together_are_refused(api: httpx.AsyncClient) -> None:
    answer = await call(api, "/orders/create", **ORDER, SendSms=True, SendViber=True)
    assert answer == {"Success": False, "Message": "SendSms and SendViber cannot both be true", "Model": None}


async def _pay_on_page(api: httpx.AsyncClient, url: str, card: str) -> httpx.Response:
    page = await api.get(path_of(url), auth=NO_AUTH)
    assert page.status_code == 200 and 'id="pay-form"' in page.text
    (form,) = forms_of(page.text)
    fields = {**form.fields, "CardNumber": card, "ExpMonth": "11", "ExpYear": str(EXP_YEAR), "Cvv": "123"}
    return await api.post(form.action, data=fields, auth=NO_AUTH)


async def test_order_page_payment_marks_the_order_paid(api: httpx.AsyncClient, mock_app: Starlette) -> None:
    order = (await call(api, "/orders/create", **ORDER, AccountId="buyer"))["Model"]
    paid = await _pay_on_page(api, order["Url"], "4000 0000 0000 3055")
    assert (
        paid.status_code == 200 and "Payment successful" in paid.text and "This invoice is paid" in paid.text
    )
    record = mock_app.state.store.orders[order["Id"]]
    assert record.status == "Paid" and record.payment_date is not None
    (transaction_id,) = record.transaction_ids
    transaction = mock_app.state.store.transactions[transaction_id]
    assert transaction.status == "Completed" and str(transaction.amount) == "10.50"
    assert transaction.token is not None  # the invoice's AccountId asks for a token
    # The paid transaction can be refunded through the API.
    refund = await call(api, "/payments/refund", TransactionId=transaction_id, Amount=10.5)
    assert refund["Success"] is True
    again = await _pay_on_page_when_paid(api, order["Url"])
    assert "This invoice is paid" in again


async def _pay_on_page_when_paid(api: httpx.AsyncClient, url: str) -> str:
    page = await api.get(path_of(url), auth=NO_AUTH)
    assert 'id="pay-form"' not in page.text
    return page.text


async def test_order_page_decline_keeps_the_order_open(api: httpx.AsyncClient, mock_app: Starlette) -> None:
    order = (await call(api, "/orders/create", **ORDER))["Model"]
    declined = await _pay_on_page(api, order["Url"], "4000056655665556")
    assert "Payment declined" in declined.text and 'id="pay-form"' in declined.text
    assert mock_app.state.store.orders[order["Id"]].status == "Created"
    bad = await _pay_on_page(api, order["Url"], "4000000000003056")
    assert bad.status_code == 400 and "Invalid card number" in bad.text


async def test_order_page_with_3ds_card_goes_through_the_acs(
    api: httpx.AsyncClient, mock_app: Starlette
) -> None:
    order = (await call(api, "/orders/create", **{**ORDER, "RequireConfirmation": True}))["Model"]
    redirect = await _pay_on_page(api, order["Url"], "4242424242424242")
    (to_acs,) = forms_of(redirect.text)
    assert to_acs.action == "http://testserver/acs"
    acs = await api.post(path_of(to_acs.action), data=to_acs.fields, auth=NO_AUTH)
    (form,) = forms_of(acs.text)
    name, value = form.buttons["acs-success"]
    back = await api.post(form.action, data={**form.fields, name: value}, auth=NO_AUTH)
    (to_shop,) = forms_of(back.text)
    assert to_shop.action == f"http://testserver/d/{order['Id']}/3ds"
    done = await api.post(path_of(to_shop.action), data=to_shop.fields, auth=NO_AUTH)
    assert "Payment successful" in done.text
    record = mock_app.state.store.orders[order["Id"]]
    assert record.status == "Paid"
    # RequireConfirmation: the invoice was paid with the two-step scheme.
    assert mock_app.state.store.transactions[record.transaction_ids[0]].status == "Authorized"


async def test_unknown_order_page_is_404(api: httpx.AsyncClient) -> None:
    assert (await api.get("/d/AAAAAAAAAAAAAAAA", auth=NO_AUTH)).status_code == 404
    assert (await api.post("/d/AAAAAAAAAAAAAAAA/pay", data={}, auth=NO_AUTH)).status_code == 404


# ---------- /subscriptions/find and /subscriptions/update ----------


async def test_subscription_find_lists_every_status_in_creation_order(api: httpx.AsyncClient) -> None:
    token = await token_for(api, "user-s")
    made = [
        (await call(api, "/subscriptions/create", **subscription_body(token)))["Model"]["Id"]
        for _ in range(3)
    ]
    await call(api, "/subscriptions/cancel", Id=made[1])
    other = await token_for(api, "user-o")
    await call(api, "/subscriptions/create", **subscription_body(other, AccountId="user-o"))
    found = await call(api, "/subscriptions/find", AccountId="user-s")
    assert found["Success"] is True and found["Message"] is None
    assert [item["Id"] for item in found["Model"]] == made
    assert [item["Status"] for item in found["Model"]] == ["Active", "Cancelled", "Active"]
    by_form = (await api.post("/subscriptions/find", data={"accountId": "user-s"})).json()
    assert by_form == found
    assert await call(api, "/subscriptions/find", AccountId="nobody") == {
        "Success": True,
        "Message": None,
        "Model": [],
    }
    assert (await call(api, "/subscriptions/find"))["Message"] == "AccountId is required"


async def test_subscription_update_changes_only_what_it_is_given(api: httpx.AsyncClient) -> None:
    token = await token_for(api, "user-s")
    created = (await call(api, "/subscriptions/create", **subscription_body(token, MaxPeriods=6)))["Model"]
    updated = await call(
        api, "/subscriptions/update", Id=created["Id"], Description="Cheaper plan", Amount=299.5
    )
    assert updated["Success"] is True and updated["Message"] is None
    model = updated["Model"]
    assert (model["Description"], model["Amount"]) == ("Cheaper plan", 299.5)
    unchanged = {key: value for key, value in created.items() if key not in ("Description", "Amount")}
    assert {key: model[key] for key in unchanged} == unchanged
    assert (await call(api, "/subscriptions/get", Id=created["Id"]))["Model"] == model


async def test_subscription_update_recomputes_the_schedule(api: httpx.AsyncClient) -> None:
    token = await token_for(api, "user-s")
    created = (await call(api, "/subscriptions/create", **subscription_body(token)))["Model"]
    start = (datetime.now(UTC) + timedelta(days=10)).replace(microsecond=0)
    change = {
        "Id": created["Id"],
        "Interval": "Week",
        "Period": 2,
        "StartDate": start.strftime("%Y-%m-%dT%H:%M:%S"),
    }
    form = {key: str(value) for key, value in change.items()}
    model = (await api.post("/subscriptions/update", data=form)).json()["Model"]
    assert (model["Interval"], model["IntervalCode"], model["Period"]) == ("Week", 0, 2)
    assert model["StartDateIso"] == model["NextTransactionDateIso"] == change["StartDate"]
    assert model["NextTransactionDate"] == model["StartDate"] != created["StartDate"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"StartDate": "2020-01-01T00:00:00"}, "StartDate must be in the future"),
        ({"StartDate": "2999-02-30T10:00:00"}, "StartDate is not a valid date and time"),
        ({"Period": 0}, "Period: 0 is less than the minimum of 1"),
        ({"Interval": "Year"}, "Interval: 'Year' is not one of ['Day', 'Week', 'Month']"),
        ({"Amount": 1.001}, "Amount must have at most 2 decimal places: 1.001"),
        ({"Id": "sc_" + "0" * 29}, "Subscription not found"),
    ],
)
async def test_subscription_update_refusals_change_nothing(
    api: httpx.AsyncClient, change: dict[str, Any], message: str
) -> None:
    token = await token_for(api, "user-s")
    created = (await call(api, "/subscriptions/create", **subscription_body(token)))["Model"]
    await call(api, "/subscriptions/cancel", Id=created["Id"])
    cancelled = (await call(api, "/subscriptions/get", Id=created["Id"]))["Model"]
    answer = await call(api, "/subscriptions/update", **{"Id": created["Id"], "Amount": 1, **change})
    assert answer == {"Success": False, "Message": message, "Model": None}
    assert (await call(api, "/subscriptions/get", Id=created["Id"]))["Model"] == cancelled  # still cancelled


async def test_subscription_update_reactivates_a_cancelled_one(api: httpx.AsyncClient) -> None:
    token = await token_for(api, "user-s")
    created = (await call(api, "/subscriptions/create", **subscription_body(token)))["Model"]
    await call(api, "/subscriptions/cancel", Id=created["Id"])
    model = (await call(api, "/subscriptions/update", Id=created["Id"], Period=3))["Model"]
    assert (model["Status"], model["StatusCode"], model["Period"]) == ("Active", 0, 3)
    assert model["NextTransactionDateIso"] == created["StartDateIso"]
    found = (await call(api, "/subscriptions/find", AccountId="user-s"))["Model"]
    assert [item["Status"] for item in found] == ["Active"]
    # Active again: it can be cancelled again.
    assert (await call(api, "/subscriptions/cancel", Id=created["Id"]))["Success"] is True


async def test_documented_subscription_requests_are_accepted(api: httpx.AsyncClient) -> None:
    path, body = documented_request("subscriptions_update.success.json")
    assert (await call(api, path, **body))["Message"] == "Subscription not found"
    account_id = "user@example.com"  # the documented find's payer
    token = await token_for(api, account_id)
    created = (await call(api, "/subscriptions/create", **subscription_body(token, AccountId=account_id)))[
        "Model"
    ]
    model = (await call(api, path, **{**body, "Id": created["Id"]}))["Model"]
    assert (model["Description"], model["Amount"], model["Currency"]) == ("изменение рекуррента", 499, "RUB")
    path, body = documented_request("subscriptions_find.success.json")
    assert [item["Id"] for item in (await call(api, path, **body))["Model"]] == [created["Id"]]


def test_next_payment_date_is_the_first_of_the_schedule_ahead() -> None:
    start = datetime(2025, 1, 31, 9, 0, tzinfo=UTC)
    assert next_payment_date(start, "Day", 2, start - timedelta(seconds=1)) == start
    assert next_payment_date(start, "Day", 2, start) == start + timedelta(days=2)
    assert next_payment_date(start, "Week", 1, start + timedelta(days=8)) == start + timedelta(days=14)
    # Months keep the day where the month has it, else its last day.
    assert next_payment_date(start, "Month", 1, start) == datetime(2025, 2, 28, 9, 0, tzinfo=UTC)
    assert next_payment_date(start, "Month", 2, datetime(2025, 4, 1, tzinfo=UTC)) == datetime(
        2025, 5, 31, 9, 0, tzinfo=UTC
    )


# ---------- /orders/cancel ----------


async def test_order_cancel_withdraws_the_invoice_page(api: httpx.AsyncClient, mock_app: Starlette) -> None:
    order = (await call(api, "/orders/create", **ORDER))["Model"]
    assert await call(api, "/orders/cancel", Id=order["Id"]) == {"Success": True, "Message": None}
    page = await api.get(path_of(order["Url"]), auth=NO_AUTH)
    assert (
        page.status_code == 200
        and "This invoice is cancelled" in page.text
        and 'id="pay-form"' not in page.text
    )
    fields = {"CardNumber": "4000000000003055", "ExpMonth": "11", "ExpYear": str(EXP_YEAR), "Cvv": "123"}
    refused = await api.post(f"{path_of(order['Url'])}/pay", data=fields, auth=NO_AUTH)
    assert refused.status_code == 409 and "This invoice is cancelled" in refused.text
    assert mock_app.state.store.counts()["transactions"] == 0
    again = await call(api, "/orders/cancel", Id=order["Id"])
    assert again == {"Success": False, "Message": "Order is already cancelled"}


async def test_order_cancel_refuses_unknown_and_paid_invoices(
    api: httpx.AsyncClient, mock_app: Starlette
) -> None:
    assert await call(api, "/orders/cancel", Id="AAAAAAAAAAAAAAAA") == {
        "Success": False,
        "Message": "Order not found",
    }
    order = (await call(api, "/orders/create", **ORDER))["Model"]
    await _pay_on_page(api, order["Url"], "4000 0000 0000 3055")
    paid = await call(api, "/orders/cancel", Id=order["Id"])
    assert paid == {"Success": False, "Message": "Order is already paid: a paid invoice cannot be cancelled"}
    record = mock_app.state.store.orders[order["Id"]]
    assert record.status == "Paid" and record.cancelled_date is None


async def test_order_cancel_stops_a_payment_waiting_for_3ds(
    api: httpx.AsyncClient, mock_app: Starlette
) -> None:
    order = (await call(api, "/orders/create", **ORDER))["Model"]
    redirect = await _pay_on_page(api, order["Url"], "4242424242424242")
    (to_acs,) = forms_of(redirect.text)
    acs = await api.post(path_of(to_acs.action), data=to_acs.fields, auth=NO_AUTH)
    (form,) = forms_of(acs.text)
    name, value = form.buttons["acs-success"]
    back = await api.post(form.action, data={**form.fields, name: value}, auth=NO_AUTH)
    (to_shop,) = forms_of(back.text)
    assert (await call(api, "/orders/cancel", Id=order["Id"]))["Success"] is True
    done = await api.post(path_of(to_shop.action), data=to_shop.fields, auth=NO_AUTH)
    assert done.status_code == 409 and "This invoice is cancelled" in done.text
    assert mock_app.state.store.orders[order["Id"]].status == "Created"


async def test_order_cancel_by_form_and_documented_request(api: httpx.AsyncClient) -> None:
    order = (await call(api, "/orders/create", **ORDER))["Model"]
    assert (await api.post("/orders/cancel", data={"id": order["Id"]})).json() == {
        "Success": True,
        "Message": None,
    }
    path, body = documented_request("orders_cancel.success.json")
    assert await call(api, path, **body) == {"Success": False, "Message": "Order not found"}
