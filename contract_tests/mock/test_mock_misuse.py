"""Misuse: text that is not Unicode, answers that fail after they are decided, reused idempotency keys.

Every probe ends in a clear answer, with nothing half-applied: no transaction, no token, no stored answer.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from contract_tests.mock.helpers import pay
from contract_tests.support.cards import OTHER_CARD, approving_card, card_body
from mock_server.parsing import RequestParser, RequestRejectedError
from mock_server.spec import ApiSpec

LONE_SURROGATE = "\\ud800"  # as it appears in the JSON text: an escape no UTF-8 text can hold
ACCOUNT = "user-1"


def json_with(body: dict[str, Any], field: str) -> bytes:
    """The body as JSON text, with `field` set to a lone surrogate escape."""
    text = json.dumps({**body, field: "__X__"})
    return text.replace('"__X__"', f'"a{LONE_SURROGATE}b"').encode()


async def post_raw(api: httpx.AsyncClient, path: str, raw: bytes, **headers: str) -> dict[str, Any]:
    response = await api.post(path, content=raw, headers={"Content-Type": "application/json", **headers})
    assert response.status_code == 200
    answer: dict[str, Any] = response.json()
    return answer


async def issued_token(api: httpx.AsyncClient) -> str:
    answer = await pay(api, approving_card(), AccountId=ACCOUNT)
    token: str = answer["Model"]["Token"]
    return token


def state_of(app: Starlette) -> dict[str, int]:
    store = app.state.store
    return {**store.counts(), "answers": len(store.answers)}


# ---------- text that is not Unicode ----------


@pytest.mark.parametrize("field", ["Name", "Description", "InvoiceId", "Email", "AccountId"])
@pytest.mark.parametrize("scheme", ["charge", "auth"])
async def test_lone_surrogate_in_a_card_payment_is_refused_and_nothing_happens(
    api: httpx.AsyncClient, mock_app: Starlette, field: str, scheme: str
) -> None:
    raw = json_with(card_body(OTHER_CARD), field)
    answer = await post_raw(api, f"/payments/cards/{scheme}", raw, **{"X-Request-ID": f"sur-{field}"})
    assert answer["Success"] is False and answer["Model"] is None
    assert answer["Message"] == f"{field} is not valid Unicode text (a lone surrogate \\ud800)"
    assert state_of(mock_app) == {**state_of(mock_app), "transactions": 0, "tokens": 0, "answers": 0}
    # The id was not used up: the corrected request is processed.
    fixed = await api.post(
        f"/payments/cards/{scheme}", json=card_body(OTHER_CARD), headers={"X-Request-ID": f"sur-{field}"}
    )
    assert fixed.json()["Success"] is True


@pytest.mark.parametrize(
    ("path", "field"),
    [
        ("/payments/tokens/charge", "Description"),
        ("/payments/tokens/auth", "Email"),
        ("/subscriptions/create", "Description"),
        ("/orders/create", "Phone"),
    ],
)
async def test_lone_surrogate_in_other_operations_is_refused(
    api: httpx.AsyncClient, mock_app: Starlette, path: str, field: str
) -> None:
    token = await issued_token(api)
    bodies: dict[str, dict[str, Any]] = {
        "/payments/tokens/charge": {
            "Amount": 5,
            "AccountId": ACCOUNT,
            "Token": token,
            "TrInitiatorCode": 0,
            "Currency": "RUB",
        },
        "/payments/tokens/auth": {
            "Amount": 5,
            "AccountId": ACCOUNT,
            "Token": token,
            "TrInitiatorCode": 0,
            "Currency": "RUB",
        },
        "/subscriptions/create": {
            "Token": token,
            "AccountId": ACCOUNT,
            "Description": "d",
            "Email": "a@example.com",
            "Amount": 5,
            "Currency": "RUB",
            "RequireConfirmation": False,
            "StartDate": "2099-01-01T00:00:00",
            "Interval": "Month",
            "Period": 1,
        },
        "/orders/create": {
            "Amount": 5,
            "Currency": "RUB",
            "Description": "d",
            "Email": "a@example.com",
            "RequireConfirmation": False,
            "SendEmail": False,
        },
    }
    before = state_of(mock_app)
    answer = await post_raw(api, path, json_with(bodies[path], field))
    assert answer["Success"] is False and answer["Model"] is None
    assert field in answer["Message"] and "not valid Unicode" in answer["Message"]
    assert state_of(mock_app) == before


async def test_lone_surrogate_inside_json_data_and_payer_is_refused(
    api: httpx.AsyncClient, mock_app: Starlette
) -> None:
    body = card_body(OTHER_CARD, JsonData={"note": "__X__"}, Payer={"FirstName": "__Y__"})
    text = json.dumps(body).replace('"__X__"', '"\\udfff"')
    answer = await post_raw(api, "/payments/cards/charge", text.encode())
    assert answer["Message"] == "JsonData.note is not valid Unicode text (a lone surrogate \\udfff)"
    key = json.dumps(body).replace('{"note": "__X__"}', '{"\\ud800": 1}')
    answer = await post_raw(api, "/payments/cards/charge", key.encode())
    assert answer["Success"] is False and "JsonData" in answer["Message"]
    assert "not valid Unicode" in answer["Message"]
    assert state_of(mock_app)["transactions"] == 0


async def test_lone_surrogate_in_a_form_json_field_is_refused(
    api: httpx.AsyncClient, mock_app: Starlette
) -> None:
    """The form equivalent: a JSON-encoded field whose text escapes a lone surrogate."""
    body = {k: str(v) for k, v in card_body(OTHER_CARD).items()}
    body["JsonData"] = '{"note": "\\ud800"}'
    response = await api.post("/payments/cards/charge", data=body)
    answer = response.json()
    assert answer["Success"] is False
    assert answer["Message"] == "JsonData.note is not valid Unicode text (a lone surrogate \\ud800)"
    assert state_of(mock_app)["transactions"] == 0


# ---------- all or nothing: a failure once the answer is decided leaves no trace ----------


async def test_an_answer_that_cannot_be_encoded_leaves_no_trace(
    api: httpx.AsyncClient, mock_app: Starlette, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Let text past the parser's check: encoding the answer fails, and nothing may have happened."""
    monkeypatch.setattr(RequestParser, "check_text", lambda self, data: None, raising=False)
    headers = {"X-Request-ID": "fails-late"}
    raw = json_with(card_body(OTHER_CARD, AccountId=ACCOUNT), "Name")
    answer = await post_raw(api, "/payments/cards/charge", raw, **headers)
    assert answer == {"Success": False, "Message": "The request could not be processed", "Model": None}
    assert len(mock_app.state.api.internal_errors) == 1
    mock_app.state.api.internal_errors.clear()
    assert state_of(mock_app)["transactions"] == 0
    assert state_of(mock_app)["tokens"] == 0
    assert state_of(mock_app)["answers"] == 0
    # Nothing was stored under the id: the same id with a good request is processed now.
    good = await api.post("/payments/cards/charge", json=card_body(OTHER_CARD), headers=headers)
    assert good.json()["Success"] is True
    assert good.json()["Model"]["TransactionId"] == 2_210_000_001


@pytest.mark.parametrize("operation", ["card payout", "token payout", "subscription update"])
async def test_new_operations_leave_no_trace_when_their_answer_fails(
    api: httpx.AsyncClient, mock_app: Starlette, monkeypatch: pytest.MonkeyPatch, operation: str
) -> None:
    """Payouts and a subscription's update echo what they were sent: an answer that cannot be encoded leaves
    no payout, no change of the subscription and nothing stored under the id."""
    token = await issued_token(api)
    start = "2099-01-01T00:00:00"
    subscription = {
        "Token": token, "AccountId": ACCOUNT, "Description": "d", "Email": "a@example.com", "Amount": 5,
        "Currency": "RUB", "RequireConfirmation": False, "StartDate": start, "Interval": "Month", "Period": 1,
    }  # fmt: skip
    subscription_id = (await api.post("/subscriptions/create", json=subscription)).json()["Model"]["Id"]
    path, body, field = {
        "card payout": (
            "/payments/cards/topup",
            {
                "CardCryptogramPacket": card_body(OTHER_CARD)["CardCryptogramPacket"],
                "Amount": 5,
                "Currency": "RUB",
            },
            "Name",
        ),
        "token payout": (
            "/payments/token/topup",
            {"Token": token, "AccountId": ACCOUNT, "Amount": 5, "Currency": "RUB"},
            "InvoiceId",
        ),
        "subscription update": ("/subscriptions/update", {"Id": subscription_id, "Amount": 7}, "Description"),
    }[operation]
    refused = await post_raw(api, path, json_with(body, field))
    assert refused["Success"] is False and "not valid Unicode" in refused["Message"]
    before = state_of(mock_app)
    before_subscription = (await api.post("/subscriptions/get", json={"Id": subscription_id})).json()
    monkeypatch.setattr(RequestParser, "check_text", lambda self, data, path="": None, raising=False)
    answer = await post_raw(api, path, json_with(body, field), **{"X-Request-ID": "fails-late"})
    assert answer == {"Success": False, "Message": "The request could not be processed", "Model": None}
    assert len(mock_app.state.api.internal_errors) == 1
    mock_app.state.api.internal_errors.clear()
    assert state_of(mock_app) == before
    assert (await api.post("/subscriptions/get", json={"Id": subscription_id})).json() == before_subscription


# ---------- idempotency keys: one request per key ----------

REUSED = "X-Request-ID was already used for a different request; send a new X-Request-ID for a new request"


async def test_same_key_with_another_amount_is_refused(api: httpx.AsyncClient, mock_app: Starlette) -> None:
    headers = {"X-Request-ID": "k-amount"}
    first = await api.post("/payments/cards/charge", json=card_body(OTHER_CARD, amount=10), headers=headers)
    assert first.json()["Success"] is True
    other = await api.post("/payments/cards/charge", json=card_body(OTHER_CARD, amount=20), headers=headers)
    assert other.json() == {"Success": False, "Message": REUSED, "Model": None}
    assert state_of(mock_app)["transactions"] == 1
    # The first request, retried, still gets its answer.
    retry = await api.post("/payments/cards/charge", json=card_body(OTHER_CARD, amount=10), headers=headers)
    assert retry.content == first.content


async def test_same_key_with_another_card_is_refused(api: httpx.AsyncClient) -> None:
    headers = {"X-Request-ID": "k-card"}
    await api.post("/payments/cards/charge", json=card_body(OTHER_CARD), headers=headers)
    other = await api.post("/payments/cards/charge", json=card_body(approving_card()), headers=headers)
    assert other.json()["Message"] == REUSED


async def test_same_key_in_another_spelling_or_encoding_is_the_same_request(api: httpx.AsyncClient) -> None:
    headers = {"X-Request-ID": "k-same"}
    body = card_body(OTHER_CARD)
    first = await api.post("/payments/cards/charge", json=body, headers=headers)
    lower = {key.lower(): value for key, value in body.items()}
    again = await api.post("/payments/cards/charge", json=lower, headers=headers)
    form = await api.post(
        "/payments/cards/charge", data={k: str(v) for k, v in body.items()}, headers=headers
    )
    assert first.content == again.content == form.content


async def test_same_key_on_another_operation_is_refused(api: httpx.AsyncClient, mock_app: Starlette) -> None:
    headers = {"X-Request-ID": "k-op"}
    charge = await api.post("/payments/cards/charge", json=card_body(OTHER_CARD, amount=50), headers=headers)
    transaction_id = charge.json()["Model"]["TransactionId"]
    refund = await api.post(
        "/payments/refund", json={"TransactionId": transaction_id, "Amount": 50}, headers=headers
    )
    assert refund.json() == {
        "Success": False,
        "Message": "X-Request-ID was already used for another operation (/payments/cards/charge); "
        "send a new X-Request-ID for a new request",
        "Model": None,
    }
    assert state_of(mock_app)["transactions"] == 1
    assert mock_app.state.store.transactions[transaction_id].refunded == 0


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_stored_answers_expire_after_the_hour_and_are_released(
    api: httpx.AsyncClient, mock_app: Starlette
) -> None:
    clock = FakeClock()
    store = mock_app.state.store
    store.clock = clock
    for index in range(5):
        await api.post(
            "/payments/cards/charge", json=card_body(OTHER_CARD), headers={"X-Request-ID": f"e{index}"}
        )
    assert len(store.answers) == 5
    clock.now += 3599
    again = await api.post(
        "/payments/cards/charge", json=card_body(OTHER_CARD), headers={"X-Request-ID": "e0"}
    )
    assert again.json()["Model"]["TransactionId"] == 2_210_000_001  # still the stored answer
    clock.now += 1
    # The hour is over: the key is free again and every expired answer is gone from memory.
    fresh = await api.post(
        "/payments/cards/charge", json=card_body(OTHER_CARD), headers={"X-Request-ID": "e0"}
    )
    assert fresh.json()["Model"]["TransactionId"] == 2_210_000_006
    assert list(store.answers) == [(mock_app.state.public_id, "e0")]


async def test_expired_answers_are_released_without_new_requests_using_their_key(
    api: httpx.AsyncClient, mock_app: Starlette
) -> None:
    clock = FakeClock()
    store = mock_app.state.store
    store.clock = clock
    for index in range(300):
        store.store_answer(("t", f"old-{index}"), "fp", 200, b"{}")
    clock.now += 3600
    store.store_answer(("t", "new"), "fp", 200, b"{}")
    assert list(store.answers) == [("t", "new")]


# ---------- explicit null for an optional field ----------


@pytest.mark.parametrize("field", ["InvoiceId", "Payer", "JsonData", "Email", "AccountId", "Description"])
async def test_null_for_an_optional_field_is_absent(api: httpx.AsyncClient, field: str) -> None:
    body = {**card_body(OTHER_CARD), field: None}
    answer = (await api.post("/payments/cards/charge", json=body)).json()
    assert answer["Success"] is True, answer
    if field in answer["Model"]:
        assert answer["Model"][field] is None


async def test_null_inside_payer_is_absent_and_null_for_required_is_refused(api: httpx.AsyncClient) -> None:
    body = card_body(OTHER_CARD, Payer={"FirstName": None, "LastName": "Doe"})
    assert (await api.post("/payments/cards/charge", json=body)).json()["Success"] is True
    refused = (await api.post("/payments/cards/charge", json=card_body(OTHER_CARD, IpAddress=None))).json()
    assert refused["Success"] is False and refused["Message"] == "IpAddress must be a string"


async def test_null_is_absent_in_every_spelling(api: httpx.AsyncClient) -> None:
    body = card_body(OTHER_CARD)
    body["invoiceId"] = None
    del body["InvoiceId"]
    answer = (await api.post("/payments/cards/charge", json=body)).json()
    assert answer["Success"] is True and answer["Model"]["InvoiceId"] is None


async def test_null_in_array_items_is_absent_and_json_data_keeps_its_nulls(api: httpx.AsyncClient) -> None:
    addendum = {"TicketNumber": "T1", "Legs": [{"FlightNumber": None, "OriginatingCity": "MOW"}]}
    body = card_body(OTHER_CARD, AirlineAddendum=addendum, JsonData={"note": None, "n": 1})
    answer = (await api.post("/payments/cards/charge", json=body)).json()
    assert answer["Success"] is True, answer
    # JsonData is the merchant's own data: echoed as sent, its nulls included.
    assert json.loads(answer["Model"]["JsonData"]) == {"note": None, "n": 1}


# A spec of one operation, to show where the mock reads which nulls mean absent: from the schemas.
_NULLS_SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "nulls", "version": "1", "x-test-cards": []},
    "paths": {
        "/things/create": {
            "post": {
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}},
                },
                "responses": {"200": {"description": "ok"}},
            }
        }
    },
    "components": {
        "schemas": {
            "Kind": {"type": "string", "enum": ["a", "b"]},
            "Thing": {
                "type": "object",
                "required": ["Id"],
                "properties": {
                    "Id": {"type": "string"},
                    "Note": {"type": ["string", "null"]},
                    "Kind": {"oneOf": [{"$ref": "#/components/schemas/Kind"}, {"type": "null"}]},
                    "Strict": {"type": "string"},
                },
            },
        }
    },
}


def test_the_schemas_say_which_nulls_mean_absent() -> None:
    """A null is the property left out where the property's schema admits null (`type: [..., "null"]`, a
    nullable `oneOf`); where it does not, the null is refused like any wrong value, as is null for a required
    property. No extension of the document is read."""
    parser = RequestParser(ApiSpec(_NULLS_SPEC, ""))
    parsed = parser.parse_json_body("/things/create", b'{"Id": "t1", "Note": null, "Kind": null}')
    assert parsed == {"Id": "t1"}
    for body, message in [
        (b'{"Id": "t1", "Strict": null}', "Strict must be a string"),
        (b'{"Id": null}', "Id must be a string"),
    ]:
        with pytest.raises(RequestRejectedError) as refused:
            parser.parse_json_body("/things/create", body)
        assert refused.value.message == message
