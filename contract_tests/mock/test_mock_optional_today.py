"""Parameters the 2021 English reference required and the current one does not: the mock takes requests
without them, in both encodings, with the documented defaults (Currency RUB, no confirmation, no e-mail). Also
one both references require that the API takes absent in practice (RequireConfirmation of subscriptions)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from contract_tests.mock.helpers import pay, send
from contract_tests.mock.test_mock_subscriptions_orders import subscription_body, token_for
from contract_tests.support.cards import OTHER_CARD, approving_card, card_body

FORMS = pytest.mark.parametrize("form", [False, True], ids=["json", "form"])


def without(body: dict[str, Any], *names: str) -> dict[str, Any]:
    return {key: value for key, value in body.items() if key not in names}


@FORMS
@pytest.mark.parametrize("scheme", ["charge", "auth"])
async def test_a_card_payment_without_currency_or_name(
    api: httpx.AsyncClient, form: bool, scheme: str
) -> None:
    body = without(card_body(approving_card()), "Currency", "Name")
    answer = await send(api, f"/payments/cards/{scheme}", body, form=form)
    assert answer["Success"] is True, answer
    assert answer["Model"]["Currency"] == "RUB"
    assert answer["Model"]["Status"] == ("Completed" if scheme == "charge" else "Authorized")


@FORMS
async def test_a_token_payment_without_currency(api: httpx.AsyncClient, form: bool) -> None:
    token = (await pay(api, OTHER_CARD, AccountId="user-t"))["Model"]["Token"]
    body = {"Amount": 10, "AccountId": "user-t", "Token": token, "TrInitiatorCode": 0}
    answer = await send(api, "/payments/tokens/charge", body, form=form)
    assert answer["Success"] is True, answer
    assert answer["Model"]["Currency"] == "RUB"


@FORMS
async def test_an_invoice_without_currency_confirmation_or_send_email(
    api: httpx.AsyncClient, form: bool
) -> None:
    body = {"Amount": 10.5, "Description": "Invoice", "Email": "client@test.local"}
    answer = await send(api, "/orders/create", body, form=form)
    assert answer["Success"] is True, answer
    model = answer["Model"]
    assert (model["Currency"], model["RequireConfirmation"]) == ("RUB", False)
    page = await api.get(httpx.URL(model["Url"]).path)
    assert page.status_code == 200 and "RUB" in page.text


@FORMS
async def test_a_subscription_without_email(api: httpx.AsyncClient, form: bool) -> None:
    body = without(subscription_body(await token_for(api, "user-s")), "Email")
    answer = await send(api, "/subscriptions/create", body, form=form)
    assert answer["Success"] is True, answer
    assert answer["Model"]["Email"] in (None, "")


@FORMS
async def test_a_subscription_without_require_confirmation(api: httpx.AsyncClient, form: bool) -> None:
    """The PyPI client `cloudpayments` 1.6.3 sends it as `RequireConfiramtion`: the API takes that."""
    body = without(subscription_body(await token_for(api, "user-s")), "RequireConfirmation")
    body["RequireConfiramtion"] = False
    answer = await send(api, "/subscriptions/create", body, form=form)
    assert answer["Success"] is True, answer
    assert answer["Model"]["RequireConfirmation"] is False
    found = await send(api, "/subscriptions/get", {"Id": answer["Model"]["Id"]}, form=form)
    assert found["Model"]["RequireConfirmation"] is False
