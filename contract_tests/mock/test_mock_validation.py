"""Requests are checked against the spec's schemas and refused the way the API refuses them."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from contract_tests.mock.helpers import pay
from contract_tests.support.cards import OTHER_CARD, card_body

FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def form_of(body: dict[str, Any]) -> dict[str, str]:
    return {k: json.dumps(v) if isinstance(v, dict) else str(v) for k, v in body.items()}


async def refused(client: httpx.AsyncClient, path: str, **kwargs: Any) -> str:
    response = await client.post(path, **kwargs)
    assert response.status_code == 200
    body = response.json()
    assert body["Success"] is False, body
    assert body["Model"] is None
    assert isinstance(body["Message"], str) and body["Message"]
    message: str = body["Message"]
    return message


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"Amount": None}, "Amount is required"),
        ({"IpAddress": None}, "IpAddress is required"),
        ({"CardCryptogramPacket": None}, "CardCryptogramPacket is required"),
        ({"Amount": "ten"}, "Amount must be a number"),
        ({"Amount": True}, "Amount must be a number"),
        ({"Amount": [1]}, "Amount must be a number"),
        ({"Amount": 0}, "Amount: 0 is less than the minimum of 0.01"),
        ({"Currency": "XXX"}, "Currency: 'XXX' is not one of ['RUB'"),
        ({"Email": "not-an-email"}, "Email: 'not-an-email' is not a valid email"),
        ({"JsonData": "text"}, "JsonData must be an object"),
        ({"Payer": {"FirstName": 5}}, "Payer.FirstName must be a string"),
        ({"SaveCard": "yes"}, "SaveCard must be a boolean"),
        ({"Name": ""}, "Name: '' should be non-empty"),
    ],
)
async def test_json_validation_messages_name_the_field(
    api: httpx.AsyncClient, change: dict[str, Any], message: str
) -> None:
    body = card_body(OTHER_CARD)
    for key, value in change.items():
        if value is None:
            del body[key]
        else:
            body[key] = value
    assert (await refused(api, "/payments/cards/charge", json=body)).startswith(message)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"Amount": None}, "Amount is required"),
        ({"Amount": "ten"}, "Amount must be a number"),
        ({"Amount": "10,5"}, "Amount must be a number"),
        ({"Amount": "NaN"}, "Amount must be a number"),
        ({"Amount": "1e400"}, "Amount is out of range"),
        ({"Currency": "XXX"}, "Currency: 'XXX' is not one of"),
        ({"SaveCard": "maybe"}, "SaveCard must be a boolean"),
        ({"JsonData": "{not json"}, "JsonData must be a JSON-encoded object"),
        ({"JsonData": "[1, 2]"}, "JsonData must be an object"),
        ({"Payer": '{"FirstName": 5}'}, "Payer.FirstName must be a string"),
    ],
)
async def test_form_validation_messages_name_the_field(
    api: httpx.AsyncClient, change: dict[str, Any], message: str
) -> None:
    body = form_of(card_body(OTHER_CARD))
    for key, value in change.items():
        if value is None:
            del body[key]
        else:
            body[key] = value
    assert (await refused(api, "/payments/cards/charge", data=body)).startswith(message)


async def test_form_values_are_coerced_to_the_schema_types(api: httpx.AsyncClient) -> None:
    body = form_of(card_body(OTHER_CARD, amount=12.5, SaveCard=True, AccountId="user-1"))
    body["JsonData"] = json.dumps({"order": {"id": 7}, "note": "тест"}, ensure_ascii=False)
    answer = (await api.post("/payments/cards/charge", data=body)).json()
    assert answer["Success"] is True
    model = answer["Model"]
    assert model["Amount"] == 12.5
    assert json.loads(model["JsonData"]) == {"order": {"id": 7}, "note": "тест"}
    assert model["Token"].startswith("tk_")


async def test_form_integer_fields_round_fractions(api: httpx.AsyncClient) -> None:
    charge = await pay(api, OTHER_CARD, scheme="auth", amount=10)
    transaction_id = charge["Model"]["TransactionId"]
    # TransactionId "N.4" reads as N, as the API rounds fractional numbers sent to integer parameters.
    answer = await api.post("/payments/void", data={"TransactionId": f"{transaction_id}.4"})
    assert answer.json() == {"Success": True, "Message": None}


async def test_keys_are_case_insensitive(api: httpx.AsyncClient) -> None:
    body = {
        key.lower() if i % 2 else key.upper(): value
        for i, (key, value) in enumerate(card_body(OTHER_CARD).items())
    }
    body["payer"] = {"firstname": "Ivan", "PHONE": "+71234567890"}
    answer = (await api.post("/payments/cards/charge", json=body)).json()
    assert answer["Success"] is True
    assert answer["Model"]["InvoiceId"] == "inv-1" and answer["Model"]["Description"] == "Order 1"
    form = {key.lower(): value for key, value in form_of(card_body(OTHER_CARD)).items()}
    assert (await api.post("/payments/cards/charge", data=form)).json()["Success"] is True


async def test_keys_are_case_insensitive_in_messages_too(api: httpx.AsyncClient) -> None:
    body = {k.lower(): v for k, v in card_body(OTHER_CARD).items()}
    body["amount"] = "ten"
    assert await refused(api, "/payments/cards/charge", json=body) == "Amount must be a number"


@pytest.mark.parametrize(
    "request_kwargs",
    [
        {"content": b'{"Amount": 1, "amount": 2}', "headers": {"Content-Type": "application/json"}},
        {"content": b'{"Amount": 1, "Amount": 2}', "headers": {"Content-Type": "application/json"}},
        {"content": b"Amount=1&Amount=2", "headers": FORM},
        {"content": b"Amount=1&AMOUNT=2", "headers": FORM},
    ],
    ids=["json-two-spellings", "json-twice", "form-twice", "form-two-spellings"],
)
async def test_repeated_keys_are_refused(api: httpx.AsyncClient, request_kwargs: dict[str, Any]) -> None:
    assert await refused(api, "/payments/cards/charge", **request_kwargs) == "Amount is given more than once"


async def test_unsupported_content_type_is_refused(api: httpx.AsyncClient) -> None:
    message = await refused(
        api, "/payments/cards/charge", content=b"Amount=1", headers={"Content-Type": "text/plain"}
    )
    assert "text/plain" in message and "application/json" in message


@pytest.mark.parametrize("encoding", ["json", "form"])
async def test_body_without_content_type_is_read_by_its_shape(api: httpx.AsyncClient, encoding: str) -> None:
    body = card_body(OTHER_CARD)
    content = (
        json.dumps(body).encode()
        if encoding == "json"
        else httpx.QueryParams(form_of(body)).__str__().encode()
    )
    response = await api.post("/payments/cards/charge", content=content, headers={"Content-Type": ""})
    assert response.json()["Success"] is True


async def test_request_id_header_is_validated_against_the_spec(api: httpx.AsyncClient) -> None:
    message = await refused(
        api, "/payments/cards/charge", json=card_body(OTHER_CARD), headers={"X-Request-ID": "x" * 129}
    )
    assert message.startswith("X-Request-ID:")


LONG_DIGITS = b"9" * 5000

# A subscription whose StartDate cannot be read. To /orders/create it is a valid invoice today (Amount,
# Description and Email are all an invoice needs; the other fields are not an invoice's).
SUBSCRIPTION_WITH_AN_IMPOSSIBLE_DATE = (
    b'{"StartDate": "2999-13-45T99:99:99", "Token": "x", "AccountId": "a", "Description": "d", '
    b'"Email": "a@b.co", "Amount": 1, "Currency": "RUB", "RequireConfirmation": false, '
    b'"Interval": "Day", "Period": 1}'
)
NASTY_JSON: list[bytes] = [
    b"",
    b"   ",
    b"{",
    b"}",
    b"null",
    b"[]",
    b"[1, 2, 3]",
    b'"a string"',
    b"123",
    b"true",
    b"\xff\xfe\xfd",
    b"\x00\x00\x00",
    b'{"Amount": 1e400}',
    b'{"Amount": -1e400}',
    b'{"Amount": ' + b"1" * 400 + b"}",
    b'{"Amount": ' + LONG_DIGITS + b"}",
    b'{"Amount": NaN}',
    b'{"Amount": Infinity}',
    b'{"Amount": -Infinity}',
    b'{"TransactionId": 1e400, "Amount": 1}',
    b'{"TransactionId": 100000000000000000000000000000, "Amount": 1}',
    b'{"TransactionId": -5, "Amount": 1}',
    b'{"TransactionId": "abc", "Amount": 1}',
    b'{"Id": 5}',
    b'{"Id": ""}',
    b"[" * 100_000 + b"]" * 100_000,
    b'{"a":' * 100_000 + b"1" + b"}" * 100_000,
    b'{"JsonData": ' + b'{"a":' * 900 + b"1" + b"}" * 900 + b"}",
    b'{"Amount": {"$ref": "#"}}',
    b'{"Amount": "10", "Currency": 5, "StartDate": "tomorrow", "Interval": "Year", "Period": 0}',
    SUBSCRIPTION_WITH_AN_IMPOSSIBLE_DATE,
    '{"Amount": "\ud800"}'.encode("utf-8", "surrogatepass"),
    b'{"Amount": 1, "\\u0000": 2}',
    '{"Описание": "тест"}'.encode(),
]
NASTY_FORM: list[bytes] = [
    b"",
    b"&&&==&",
    b"=",
    b"Amount",
    b"%ff%fe=1",
    b"Amount=%ff",
    b"Amount=1&Amount=2",
    b"Amount=nan",
    b"Amount=inf",
    b"Amount=1e400",
    b"Amount=" + LONG_DIGITS,
    b"TransactionId=" + LONG_DIGITS + b"&Amount=1",
    b"TransactionId=99999999999999999999999&Amount=1",
    b"JsonData=%7Bbad",
    b"JsonData=" + b"%5B" * 5000,
    b"Payer=null",
    b"RequireConfirmation=perhaps&SendEmail=1",
    b"\xff\xfe",
    b"a=" + b"x" * 200_000,
]
NASTY_PATHS = [
    "/payments/cards/charge",
    "/payments/cards/post3ds",
    "/payments/tokens/auth",
    "/payments/refund",
    "/subscriptions/create",
    "/subscriptions/get",
    "/orders/create",
]
CONTENT_TYPES = [
    "application/json",
    "application/json; charset=utf-8",
    "",
    "multipart/form-data",
    "text/plain",
]


@pytest.mark.parametrize("path", NASTY_PATHS)
@pytest.mark.parametrize("body", NASTY_JSON, ids=[f"json{i}" for i in range(len(NASTY_JSON))])
async def test_malformed_json_is_refused_never_500(api: httpx.AsyncClient, path: str, body: bytes) -> None:
    for content_type in CONTENT_TYPES:
        response = await api.post(path, content=body, headers={"Content-Type": content_type})
        assert response.status_code == 200, (content_type, response.text)
        answer = response.json()
        is_json = content_type == "" or content_type.startswith("application/json")  # no type: read as JSON
        if is_json and path == "/orders/create" and body == SUBSCRIPTION_WITH_AN_IMPOSSIBLE_DATE:
            assert answer["Success"] is True, (content_type, answer)
            continue
        assert answer["Success"] is False and answer["Message"], (content_type, answer)


@pytest.mark.parametrize("path", NASTY_PATHS)
@pytest.mark.parametrize("body", NASTY_FORM, ids=[f"form{i}" for i in range(len(NASTY_FORM))])
async def test_malformed_form_is_refused_never_500(api: httpx.AsyncClient, path: str, body: bytes) -> None:
    response = await api.post(path, content=body, headers=FORM)
    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["Success"] is False and answer["Message"], answer


async def test_test_method_ignores_any_body(api: httpx.AsyncClient) -> None:
    for body in (b"", b"{", b"\xff", b"Amount=1"):
        response = await api.post("/test", content=body, headers={"Content-Type": "application/json"})
        assert response.json()["Success"] is True


async def test_idempotent_requests_are_processed_once(api: httpx.AsyncClient) -> None:
    headers = {"X-Request-ID": "order-42-attempt"}
    body = card_body(OTHER_CARD, amount=50)
    first = await api.post("/payments/cards/charge", json=body, headers=headers)
    # A retry with the same id, even with another (fresh) cryptogram, gets the stored answer.
    again = await api.post("/payments/cards/charge", json=card_body(OTHER_CARD, amount=50), headers=headers)
    assert first.content == again.content
    transaction_id = first.json()["Model"]["TransactionId"]
    # A new id is a new payment.
    other = await api.post("/payments/cards/charge", json=body, headers={"X-Request-ID": "order-43"})
    assert other.json()["Model"]["TransactionId"] == transaction_id + 1
    refund_headers = {"X-Request-ID": "refund-1"}
    refunds = [
        await api.post(
            "/payments/refund", json={"TransactionId": transaction_id, "Amount": 30}, headers=refund_headers
        )
        for _ in range(3)
    ]
    assert len({r.content for r in refunds}) == 1 and refunds[0].json()["Success"] is True
    # Only one refund of 30 happened: 20 is still available, 21 is not.
    over = await api.post("/payments/refund", json={"TransactionId": transaction_id, "Amount": 21})
    assert over.json()["Success"] is False
    rest = await api.post("/payments/refund", json={"TransactionId": transaction_id, "Amount": 20})
    assert rest.json()["Success"] is True


async def test_rejected_requests_are_not_remembered(api: httpx.AsyncClient) -> None:
    headers = {"X-Request-ID": "fix-and-retry"}
    body = card_body(OTHER_CARD)
    del body["Amount"]
    assert (await api.post("/payments/cards/charge", json=body, headers=headers)).json()["Success"] is False
    fixed = await api.post("/payments/cards/charge", json=card_body(OTHER_CARD), headers=headers)
    assert fixed.json()["Success"] is True
