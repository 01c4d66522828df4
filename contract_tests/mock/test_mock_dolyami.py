"""Dolyami payments: `/payments/altpay/pay` makes a transaction in `Created` and answers the link to its
application (`ExtensionData.Link`, a page of the mock); on the page the payer's application is approved
(`Choice=success`: Completed for Scheme "0", Authorized for "1", Pay) or refused (`Choice=decline`:
Declined 5005, Fail), both with `PaymentMethod` Dolyami, then the payer goes to the shop's redirect address.
The terminal is named by `PublicId` in the body, without Basic auth."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from typing import Any, Final

import httpx
import pytest
from starlette.applications import Starlette

from contract_tests.mock.helpers import AUTH, BASE_URL, documented_request, path_of, send
from contract_tests.mock.test_mock_sbp_payouts import Recorder, notified
from mock_server import DEFAULT_PUBLIC_ID, create_app
from mock_server.webhooks.settings import NotificationType
from spec_tools import Spec, default_spec_path, response_validator

PAY: Final = "/payments/altpay/pay"
SUCCESS_URL: Final = "https://shop.test/dolyami/ok"
FAIL_URL: Final = "https://shop.test/dolyami/fail"


def application(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "PublicId": DEFAULT_PUBLIC_ID,
        "AltPayType": "TcsBnplDolyame",
        "Amount": 1000,
        "Scheme": "0",
        "Description": "Оплата в точке N",
        "InvoiceId": "order_no4009",
        "AccountId": "email@email.com",
        **changes,
    }
    return {key: value for key, value in body.items() if value is not None}


def spec_errors(spec: Spec, answer: Any) -> list[str]:
    return [error.message for error in response_validator(spec, PAY).iter_errors(answer)]


async def create(client: httpx.AsyncClient, **changes: Any) -> dict[str, Any]:
    answer = await send(client, PAY, application(**changes))
    assert answer["Success"] is True, answer
    return answer


async def choose(client: httpx.AsyncClient, link: str, choice: str) -> httpx.Response:
    return await client.post(path_of(link), data={"Choice": choice}, follow_redirects=False)


async def status_of(client: httpx.AsyncClient, transaction_id: int) -> str:
    status: str = (await send(client, "/payments/get", {"TransactionId": transaction_id}))["Model"]["Status"]
    return status


@pytest.fixture
async def notifying() -> AsyncIterator[tuple[Starlette, httpx.AsyncClient]]:
    app = create_app(
        spec_path=default_spec_path(), validate_responses=True, notification_transport=Recorder().transport
    )
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url=BASE_URL, auth=AUTH
    ) as client:
        for kind in ("Pay", "Fail"):
            settings = {"IsEnabled": True, "Address": f"http://shop.test/{kind.lower()}"}
            assert (await send(client, f"/site/notifications/{kind}/update", settings))["Success"] is True
        yield app, client
    assert app.state.api.internal_errors == []


@pytest.mark.parametrize("form", [False, True], ids=["json", "form"])
async def test_the_answer_links_to_an_application_in_created(
    api: httpx.AsyncClient, spec: Spec, form: bool
) -> None:
    answer = await send(api, PAY, application(), form=form)
    assert spec_errors(spec, answer) == []
    assert (answer["Success"], answer["Message"], answer["ErrorCode"]) == (True, None, None)
    model = answer["Model"]
    assert set(model) == {"TransactionId", "Amount", "IsTest"}
    assert (model["Amount"], model["IsTest"]) == (1000, True)
    link = answer["ExtensionData"]["Link"]
    assert re.fullmatch(rf"{BASE_URL}/dolyami/{model['TransactionId']}-[0-9a-f]{{32}}", link), link
    found = (await send(api, "/payments/get", {"TransactionId": model["TransactionId"]}))["Model"]
    assert (found["Status"], found["StatusCode"], found["Type"], found["Amount"]) == ("Created", 0, 0, 1000)
    assert found["CardHolderMessage"] is None and found["AuthDate"] is None
    page = await api.get(path_of(link))
    assert page.status_code == 200
    assert 'name="Choice" value="success"' in page.text and 'name="Choice" value="decline"' in page.text
    assert "1000 RUB" in page.text and "Оплата в точке N" in page.text


@pytest.mark.parametrize(("scheme", "status"), [("0", "Completed"), ("1", "Authorized")])
async def test_approval_pays_and_sends_pay(
    notifying: tuple[Starlette, httpx.AsyncClient], scheme: str, status: str
) -> None:
    app, client = notifying
    answer = await create(client, Scheme=scheme)
    transaction_id = answer["Model"]["TransactionId"]
    page = await choose(client, answer["ExtensionData"]["Link"], "success")
    assert page.status_code == 200 and "approved" in page.text  # no redirect address was given
    assert await status_of(client, transaction_id) == status
    [(kind, values)] = await notified(app)
    assert kind is NotificationType.PAY
    assert (values["TransactionId"], values["Status"], values["PaymentMethod"]) == (
        str(transaction_id),
        status,
        "Dolyami",
    )
    assert (values["OperationType"], values["Amount"], values["InvoiceId"]) == (
        "Payment",
        "1000.00",
        "order_no4009",
    )


async def test_an_approved_two_step_payment_is_confirmed_like_any_authorization(
    api: httpx.AsyncClient,
) -> None:
    answer = await create(api, Scheme="1")
    transaction_id = answer["Model"]["TransactionId"]
    assert (await choose(api, answer["ExtensionData"]["Link"], "success")).status_code == 200
    assert (await send(api, "/payments/confirm", {"TransactionId": transaction_id, "Amount": 1000}))[
        "Success"
    ]
    assert await status_of(api, transaction_id) == "Completed"


async def test_refusal_declines_and_sends_fail(notifying: tuple[Starlette, httpx.AsyncClient]) -> None:
    app, client = notifying
    answer = await create(client)
    transaction_id = answer["Model"]["TransactionId"]
    page = await choose(client, answer["ExtensionData"]["Link"], "decline")
    assert page.status_code == 200 and "refused" in page.text
    found = (await send(client, "/payments/get", {"TransactionId": transaction_id}))["Model"]
    assert (found["Status"], found["ReasonCode"], found["Reason"]) == ("Declined", 5005, "DoNotHonor")
    [(kind, values)] = await notified(app)
    assert kind is NotificationType.FAIL
    assert (values["ReasonCode"], values["Reason"], values["PaymentMethod"]) == (
        "5005",
        "DoNotHonor",
        "Dolyami",
    )


@pytest.mark.parametrize(("choice", "address"), [("success", SUCCESS_URL), ("decline", FAIL_URL)])
async def test_the_page_redirects_to_the_shop_after_the_choice(
    api: httpx.AsyncClient, choice: str, address: str
) -> None:
    answer = await create(api, SuccessRedirectUrl=SUCCESS_URL, FailRedirectUrl=FAIL_URL)
    page = await choose(api, answer["ExtensionData"]["Link"], choice)
    assert (page.status_code, page.headers["location"]) == (303, address)


async def test_an_application_is_decided_once(api: httpx.AsyncClient) -> None:
    answer = await create(api)
    link = answer["ExtensionData"]["Link"]
    assert (await choose(api, link, "decline")).status_code == 200
    for choice in ("success", "decline"):
        again = await choose(api, link, choice)
        assert again.status_code == 409 and "already decided" in again.text
    assert (await api.get(path_of(link))).status_code == 409
    assert await status_of(api, answer["Model"]["TransactionId"]) == "Declined"


async def test_a_wrong_choice_or_link_decides_nothing(api: httpx.AsyncClient) -> None:
    answer = await create(api)
    link = path_of(answer["ExtensionData"]["Link"])
    assert (await choose(api, link, "fail")).status_code == 400
    transaction_id = answer["Model"]["TransactionId"]
    for forged in (f"/dolyami/{transaction_id}-{'0' * 32}", f"/dolyami/{transaction_id}", "/dolyami/x"):
        assert (await api.get(forged)).status_code == 404
        assert (await choose(api, forged, "success")).status_code == 404
    assert await status_of(api, transaction_id) == "Created"


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (
            {"PublicId": "pk_0fe1d5c9cb47e8cf8d96102201419"},
            "PublicId: 'pk_0fe1d5c9cb47e8cf8d96102201419' is not",
        ),
        ({"PublicId": None}, "PublicId is required"),
        ({"AltPayType": "TcsBnplOther"}, "AltPayType: 'TcsBnplOther' is not one of ['TcsBnplDolyame']"),
        ({"Scheme": "charge"}, "Scheme"),
        ({"Amount": 1_000_000_000.01}, "Amount must not exceed"),
    ],
)
async def test_refusals_make_no_transaction(
    api: httpx.AsyncClient, mock_app: Starlette, spec: Spec, change: dict[str, Any], words: str
) -> None:
    answer = await send(api, PAY, application(**change))
    assert spec_errors(spec, answer) == []
    assert answer["Success"] is False and answer.get("Model") is None and answer.get("ExtensionData") is None
    assert words in answer["Message"], answer["Message"]
    assert mock_app.state.store.counts()["transactions"] == 0


async def test_idempotent_by_request_id(api: httpx.AsyncClient, mock_app: Starlette) -> None:
    headers = {"X-Request-ID": "dolyami-key"}
    first = await api.post(PAY, json=application(), headers=headers)
    again = await api.post(PAY, json=application(), headers=headers)
    assert first.json()["Success"] is True and first.content == again.content  # the same link
    assert mock_app.state.store.counts()["transactions"] == 1


async def test_pay_takes_no_basic_auth(mock_app: Starlette) -> None:
    """`security: []`: the PublicId in the body names the terminal (passes once the API routes honour an
    operation's empty security)."""
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=mock_app), base_url=BASE_URL) as anonymous:
        response = await anonymous.post(PAY, json=application())
        assert response.status_code == 200 and response.json()["Success"] is True
        page = await anonymous.get(path_of(response.json()["ExtensionData"]["Link"]))
        assert page.status_code == 200


async def test_documented_request_makes_a_two_step_application(api: httpx.AsyncClient) -> None:
    path, body = documented_request("payments_altpay_pay.success.json")
    refused = await send(api, path, body)  # the reference's PublicId is another terminal's
    assert refused["Success"] is False and "PublicId" in refused["Message"]
    answer = await send(api, path, {**body, "PublicId": DEFAULT_PUBLIC_ID})
    assert answer["Success"] is True and answer["Model"]["Amount"] == 1000
    page = await choose(api, answer["ExtensionData"]["Link"], "success")
    assert (page.status_code, page.headers["location"]) == (303, "https://success-page.ru")
    assert await status_of(api, answer["Model"]["TransactionId"]) == "Authorized"
