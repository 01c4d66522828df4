"""3-D Secure: challenge, the mock's ACS page, the return to TermUrl and /payments/cards/post3ds."""

from __future__ import annotations

import base64
import json
import re
from typing import Any

import httpx
import pytest

from contract_tests.mock.helpers import authenticate, path_of, pay
from contract_tests.support.acs import NO_AUTH
from contract_tests.support.html_forms import forms_of

THREE_DS_OK = "5555555555554444"
THREE_DS_NO_FUNDS = "5105105105105100"


async def post3ds(api: httpx.AsyncClient, transaction_id: int | str, pares: str) -> dict[str, Any]:
    response = await api.post(
        "/payments/cards/post3ds", json={"TransactionId": int(transaction_id), "PaRes": pares}
    )
    answer: dict[str, Any] = response.json()
    return answer


async def test_challenge_model_has_the_documented_shape(api: httpx.AsyncClient) -> None:
    answer = await pay(api, THREE_DS_OK, amount=100, Name="IVAN IVANOV")
    assert answer["Success"] is False and answer["Message"] is None
    model = answer["Model"]
    assert set(model) == {
        "TransactionId", "PaReq", "GoReq", "AcsUrl", "ThreeDsSessionData", "IFrameIsAllowed",
        "FrameWidth", "FrameHeight", "ThreeDsCallbackId", "EscrowAccumulationId",
    }  # fmt: skip
    assert model["AcsUrl"] == "http://testserver/acs"
    assert re.fullmatch(r"[0-9a-f]{32}", model["ThreeDsCallbackId"])
    assert (
        model["GoReq"] is None
        and model["ThreeDsSessionData"] is None
        and model["EscrowAccumulationId"] is None
    )
    assert model["IFrameIsAllowed"] is True and model["FrameWidth"] is None and model["FrameHeight"] is None
    assert model["PaReq"].startswith("+/")
    details = json.loads(base64.b64decode(model["PaReq"][2:]))
    assert details["FirstSix"] == "555555" and details["LastFour"] == "4444"
    assert details["Amount"] == 100.0 and details["CustomerName"] == "IVAN IVANOV"


@pytest.mark.parametrize("scheme", ["charge", "auth"])
async def test_round_trip_through_the_acs_page_approves(api: httpx.AsyncClient, scheme: str) -> None:
    challenge = (await pay(api, THREE_DS_OK, scheme=scheme, amount=250, AccountId="u1"))["Model"]
    acs = await api.post(
        path_of(challenge["AcsUrl"]),
        data={
            "PaReq": challenge["PaReq"],
            "MD": str(challenge["TransactionId"]),
            "TermUrl": "https://shop.test/back",
        },
        auth=NO_AUTH,
    )
    # The payer sees what is being paid, and two buttons with stable ids.
    assert 'id="acs-amount">250 RUB<' in acs.text and "5555 55** **** 4444" in acs.text
    assert "Confirm payment" in acs.text and "Decline" in acs.text
    assert "<script src" not in acs.text and "<link" not in acs.text  # no external assets
    (form,) = forms_of(acs.text)
    assert set(form.buttons) == {"acs-success", "acs-fail"} and form.method == "post"
    name, value = form.buttons["acs-success"]
    back = await api.post(form.action, data={**form.fields, name: value}, auth=NO_AUTH)
    (auto,) = forms_of(back.text)
    assert auto.action == "https://shop.test/back" and auto.method == "post"
    assert auto.fields["MD"] == str(challenge["TransactionId"]) and auto.fields["PaRes"]
    assert ".submit()" in back.text  # the form posts itself
    answer = await post3ds(api, auto.fields["MD"], auto.fields["PaRes"])
    assert answer["Success"] is True
    model = answer["Model"]
    assert model["TransactionId"] == challenge["TransactionId"]
    assert model["Status"] == ("Completed" if scheme == "charge" else "Authorized")
    assert model["Token"].startswith("tk_") and model["Amount"] == 250


async def test_decline_choice_fails_authentication_5206(api: httpx.AsyncClient) -> None:
    challenge = (await pay(api, THREE_DS_OK))["Model"]
    md, pares = await authenticate(api, challenge, "fail")
    answer = await post3ds(api, md, pares)
    assert answer["Success"] is False
    model = answer["Model"]
    assert (model["Status"], model["ReasonCode"], model["Reason"]) == (
        "Declined",
        5206,
        "AuthenticationFailed",
    )
    assert model["Token"] is None


async def test_insufficient_funds_card_is_declined_after_authentication(api: httpx.AsyncClient) -> None:
    challenge = (await pay(api, THREE_DS_NO_FUNDS))["Model"]
    md, pares = await authenticate(api, challenge, "success")
    answer = await post3ds(api, md, pares)
    assert answer["Success"] is False and answer["Model"]["ReasonCode"] == 5051


async def test_wrong_pares_is_refused_and_the_transaction_still_waits(api: httpx.AsyncClient) -> None:
    challenge = (await pay(api, THREE_DS_OK))["Model"]
    other = (await pay(api, THREE_DS_OK))["Model"]
    _, other_pares = await authenticate(api, other, "success")
    for pares in ("made-up", challenge["PaReq"], other_pares):
        answer = await post3ds(api, challenge["TransactionId"], pares)
        assert answer == {
            "Success": False,
            "Message": "PaRes is not valid for this transaction",
            "Model": None,
        }
    md, pares = await authenticate(api, challenge, "success")
    assert (await post3ds(api, md, pares))["Success"] is True


async def test_reused_pares_is_refused(api: httpx.AsyncClient) -> None:
    challenge = (await pay(api, THREE_DS_OK))["Model"]
    md, pares = await authenticate(api, challenge, "success")
    assert (await post3ds(api, md, pares))["Success"] is True
    again = await post3ds(api, md, pares)  # the PaRes went with the wait
    assert again == {
        "Success": False,
        "Message": "Transaction is not awaiting 3-D Secure authentication",
        "Model": None,
    }


async def test_post3ds_on_a_transaction_not_awaiting_authentication(api: httpx.AsyncClient) -> None:
    challenge = (await pay(api, THREE_DS_OK))["Model"]
    md, first = await authenticate(api, challenge, "fail")
    _, second = await authenticate(api, challenge, "success")  # the ACS page visited twice: the last counts
    assert (await post3ds(api, md, first))["Message"] == "PaRes is not valid for this transaction"
    assert (await post3ds(api, md, second))["Success"] is True
    refused = await post3ds(api, md, first)
    assert refused["Message"] == "Transaction is not awaiting 3-D Secure authentication"
    plain = await pay(api, "4000000000003055")
    assert (await post3ds(api, plain["Model"]["TransactionId"], second))["Success"] is False
    missing = await post3ds(api, 1, "x")
    assert missing == {"Success": False, "Message": "Transaction not found", "Model": None}


async def test_awaiting_transaction_cannot_be_confirmed_or_refunded(api: httpx.AsyncClient) -> None:
    transaction_id = (await pay(api, THREE_DS_OK, scheme="auth"))["Model"]["TransactionId"]
    for path in ("/payments/confirm", "/payments/refund"):
        answer = (await api.post(path, json={"TransactionId": transaction_id, "Amount": 1})).json()
        assert answer["Success"] is False and "AwaitingAuthentication" in answer["Message"]


@pytest.mark.parametrize(
    "fields",
    [
        {},
        {"PaReq": "+/x", "MD": "1", "TermUrl": "https://shop.test"},
        {"PaReq": "+/x", "MD": "abc", "TermUrl": "https://shop.test"},
        {"PaReq": "+/x", "MD": "9" * 40, "TermUrl": "https://shop.test"},
    ],
)
async def test_acs_refuses_unknown_requests(api: httpx.AsyncClient, fields: dict[str, str]) -> None:
    response = await api.post("/acs", data=fields, auth=NO_AUTH)
    assert response.status_code == 400 and 'id="message"' in response.text


async def test_acs_refuses_a_non_http_term_url_and_a_bad_choice(api: httpx.AsyncClient) -> None:
    challenge = (await pay(api, THREE_DS_OK))["Model"]
    base = {"PaReq": challenge["PaReq"], "MD": str(challenge["TransactionId"])}
    script = await api.post("/acs", data={**base, "TermUrl": "javascript:alert(1)"}, auth=NO_AUTH)
    assert script.status_code == 400
    choice = await api.post(
        "/acs/complete", data={**base, "TermUrl": "https://s.test", "Choice": "x"}, auth=NO_AUTH
    )
    assert choice.status_code == 400
    # Wrong PaReq for the MD.
    wrong = await api.post(
        "/acs", data={**base, "PaReq": "+/AAAA", "TermUrl": "https://s.test"}, auth=NO_AUTH
    )
    assert wrong.status_code == 400


async def test_acs_page_escapes_what_it_echoes(api: httpx.AsyncClient) -> None:
    challenge = (await pay(api, THREE_DS_OK, Description='<script>alert("x")</script>'))["Model"]
    term_url = 'https://shop.test/?a="><script>alert(1)</script>'
    acs = await api.post(
        "/acs",
        data={"PaReq": challenge["PaReq"], "MD": str(challenge["TransactionId"]), "TermUrl": term_url},
        auth=NO_AUTH,
    )
    assert "<script>alert" not in acs.text
    (form,) = forms_of(acs.text)
    assert form.fields["TermUrl"] == term_url
