"""Request shapes real clients send (contract_tests/fixtures/real_world/requests/, each file naming its
source), replayed against the mock in process: each is accepted, and what the mock stored is the canonical
reading (Amount an exact Decimal, JsonData an object, ids text, EscrowType its number). Then the ambiguous or
wrong variants of the same shapes, each refused with a Message naming the problem."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any, Final
from urllib.parse import quote

import httpx
import pytest
from starlette.applications import Starlette

import spec_tools
from contract_tests.mock.helpers import pay, send
from contract_tests.support.cards import OTHER_CARD, approving_card, card_body
from contract_tests.support.recorded import FIXTURES_DIR
from mock_server.form_keys import MAX_DEPTH, MAX_ITEMS

REAL_WORLD: Final = FIXTURES_DIR / "real_world" / "requests"
FILES: Final = sorted(REAL_WORLD.glob("*.json"))
# A token the replays' token payments and payouts use is issued to this payer.
TOKEN_ACCOUNT: Final = "user-escrow"
CARD_FORM: Final = "application/x-www-form-urlencoded"


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def test_the_folder_holds_the_shapes() -> None:
    names = {path.stem for path in FILES}
    assert {
        "android_sdk_charge",
        "ios_sdk_charge",
        "flowwow_form_charge",
        "tpay_shaped_numeric_invoice",
    } <= names


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.stem)
def test_each_file_names_its_source_and_an_operation_of_the_spec(path: Path, spec: spec_tools.Spec) -> None:
    exchange = load(path)
    assert set(exchange) == {"source", "operation", "shape", "note", "request", "stored", "absent"}
    assert exchange["source"].strip() and exchange["shape"].strip()
    operation = spec_tools.find_operation(spec, exchange["operation"])
    assert exchange["request"]["content_type"] in operation.media_types


@pytest.mark.parametrize(
    "path", [p for p in FILES if load(p)["request"]["content_type"] != CARD_FORM], ids=lambda p: p.stem
)
def test_json_shapes_fit_the_spec_as_written(path: Path, spec: spec_tools.Spec) -> None:
    """The tolerated alternatives are in the spec itself: the JSON bodies validate (nulls aside, which
    a nullable optional property reads as left out)."""
    exchange = load(path)
    body = {key: value for key, value in exchange["request"]["body"].items() if value is not None}
    validator = spec_tools.request_validator(spec, exchange["operation"])
    assert [error.message for error in validator.iter_errors(body)] == []


async def issue_token(api: httpx.AsyncClient) -> str:
    answer = await pay(api, OTHER_CARD, AccountId=TOKEN_ACCOUNT)
    token: str = answer["Model"]["Token"]
    return token


async def into_accumulation(api: httpx.AsyncClient, escrow: dict[str, Any], amount: Any) -> dict[str, Any]:
    """A payout's `Escrow` whose accumulation has a payment of `amount` first (the mock pays out only what
    an accumulation holds), naming that payment in `TransactionIds` in place of the reference's id."""
    accumulation = {"AccumulationId": escrow["AccumulationId"]}
    paid = await pay(api, approving_card(), Amount=amount, Escrow=accumulation)
    assert paid["Success"] is True, paid
    return {**escrow, "TransactionIds": [paid["Model"]["TransactionId"]]}


async def replay(api: httpx.AsyncClient, exchange: dict[str, Any]) -> dict[str, Any]:
    packet = card_body(approving_card())["CardCryptogramPacket"]
    token = await issue_token(api)
    request = exchange["request"]
    if request["content_type"] == CARD_FORM:
        text = request["body"].replace("$PACKET", quote(packet, safe="")).replace("$TOKEN", quote(token))
        response = await api.post(
            exchange["operation"], content=text.encode(), headers={"Content-Type": CARD_FORM}
        )
    else:
        substituted = {"$PACKET": packet, "$TOKEN": token}
        body = {
            key: substituted.get(value, value) if isinstance(value, str) else value
            for key, value in request["body"].items()
        }
        escrow = body.get("Escrow")
        if isinstance(escrow, dict) and escrow.get("AccumulationId") and "TransactionIds" in escrow:
            body["Escrow"] = await into_accumulation(api, escrow, body["Amount"])
            stored = exchange["stored"]  # the payout names the payment made for it
            stored["Escrow"] = {**stored["Escrow"], "TransactionIds": body["Escrow"]["TransactionIds"]}
        response = await api.post(exchange["operation"], json=body)
    assert response.status_code == 200
    answer: dict[str, Any] = response.json()
    return answer


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.stem)
async def test_each_shape_is_accepted_and_stored_as_the_canonical_reading(
    api: httpx.AsyncClient, mock_app: Starlette, path: Path
) -> None:
    exchange = load(path)
    answer = await replay(api, exchange)
    assert answer["Success"] is True, answer  # approving card: never 3-D Secure, never declined
    model = answer["Model"]
    record = mock_app.state.store.transactions[model["TransactionId"]]
    stored = exchange["stored"]
    expected_amount = Decimal(stored["Amount"])
    assert record.amount == expected_amount
    sent = record.params["Amount"]
    assert not isinstance(sent, float) or Decimal(repr(sent)) == expected_amount
    if isinstance(exchange["request"]["body"], dict) and isinstance(
        exchange["request"]["body"]["Amount"], str
    ):
        assert sent == expected_amount and isinstance(sent, Decimal)  # text read exactly, never via a float
    for name, value in stored.items():
        if name != "Amount":
            assert record.params[name] == value, name
    for name in exchange["absent"]:
        assert name not in record.params, name
    if "JsonData" in stored:
        assert json.loads(model["JsonData"]) == stored["JsonData"]  # echoed as JSON text, as always
    if "InvoiceId" in stored:
        assert model["InvoiceId"] == stored["InvoiceId"]


async def test_an_amount_as_text_is_exact_beyond_a_float(api: httpx.AsyncClient, mock_app: Starlette) -> None:
    body = card_body(approving_card(), Amount="12345678901234567.89")
    answer = await send(api, "/payments/cards/auth", body)
    # Beyond the mock's ceiling of one payment: declined 5013, with the amount kept to the kopeck.
    record = mock_app.state.store.transactions[answer["Model"]["TransactionId"]]
    assert record.amount == Decimal("12345678901234567.89")


async def test_the_same_charge_as_text_and_as_number_is_one_request(api: httpx.AsyncClient) -> None:
    body = card_body(approving_card(), Amount=10.5, InvoiceId="inv-1")
    first = await send(api, "/payments/cards/charge", body, request_id="same-1")
    again = await send(
        api, "/payments/cards/charge", {**body, "Amount": "10.50", "InvoiceId": "inv-1"}, request_id="same-1"
    )
    assert again == first


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"Amount": "ten"}, "Amount must be a number"),
        ({"Amount": "10,50"}, "Amount must be a number"),
        ({"Amount": "1e3"}, "Amount must be a number"),
        ({"Amount": "10.005"}, "Amount must have at most 2 decimal places: 10.005"),
        ({"Amount": "0"}, "Amount: 0 is less than the minimum of 0.01"),
        ({"Amount": "-5"}, "Amount: -5 is less than the minimum of 0.01"),
        ({"InvoiceId": 12.5}, "InvoiceId must be a string"),
        ({"AccountId": True}, "AccountId must be a string"),
        ({"JsonData": "[1, 2]"}, "JsonData must be an object or the JSON text of one"),
        ({"JsonData": "{not json"}, "JsonData must be an object or the JSON text of one"),
        ({"JsonData": 5}, "JsonData must be an object"),
        ({"Email": "nobody"}, "Email: 'nobody' is not a valid email"),
        (
            {"Escrow": {"EscrowType": "NToN"}},
            "Escrow.EscrowType must be an integer or one of NToOne, OneToN: 'NToN'",
        ),
        ({"Escrow": {"EscrowType": 0.5}}, "Escrow.EscrowType must be an integer"),
    ],
)
async def test_wrong_values_in_tolerated_shapes_are_refused_clearly(
    api: httpx.AsyncClient, change: dict[str, Any], message: str
) -> None:
    body = {**card_body(approving_card()), **change}
    answer = await send(api, "/payments/cards/charge", body)
    assert answer == {"Success": False, "Message": message, "Model": None}


async def test_a_payout_escrow_is_validated(api: httpx.AsyncClient) -> None:
    token = await issue_token(api)
    body = {"Token": token, "Amount": 5, "AccountId": TOKEN_ACCOUNT, "Currency": "RUB"}
    answer = await send(api, "/payments/token/topup", {**body, "Escrow": {"TransactionIds": ["x"]}})
    assert answer["Success"] is False
    assert answer["Message"] == "Escrow.TransactionIds.0 must be an integer"


def form_text(pairs: list[tuple[str, str]]) -> bytes:
    return "&".join(f"{quote(key, safe='')}={quote(value, safe='')}" for key, value in pairs).encode()


def card_pairs() -> list[tuple[str, str]]:
    return [(key, str(value)) for key, value in card_body(approving_card()).items()]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            [("Payer", '{"FirstName": "A"}'), ("Payer[LastName]", "B")],
            "Payer is given both as JSON text and as bracketed keys (Payer[...]): send one",
        ),
        ([("Payer[FirstName]", "A"), ("payer[firstname]", "B")], None),
        ([("Payer[FirstName]", "A"), ("Payer[FirstName]", "B")], "Payer[FirstName] is given more than once"),
        (
            [("Payer[FirstName]", "A"), ("Payer[FirstName][x]", "B")],
            "Payer[FirstName][x] is given both as a value and with keys below it",
        ),
        (
            [("Escrow[TransactionIds][0]", "1"), ("Escrow[TransactionIds][2]", "3")],
            "Escrow[TransactionIds][1] is missing: list indexes run 0, 1, 2... without holes",
        ),
        ([("Escrow[TransactionIds][]", "1")], "Escrow[TransactionIds][] has empty brackets"),
        (
            [("JsonData" + "[a]" * (MAX_DEPTH + 1), "1")],
            f"JsonData{'[a]' * (MAX_DEPTH + 1)} is nested deeper than {MAX_DEPTH} levels",
        ),
        (
            [(f"Escrow[TransactionIds][{index}]", "1") for index in range(MAX_ITEMS + 1)],
            f"Escrow[TransactionIds] has more than {MAX_ITEMS} items",
        ),
        ([("Escrow[EscrowType]", "Many")], "Escrow.EscrowType must be an integer or one of NToOne, OneToN"),
        ([("Escrow[StartAccumulation]", "yes")], "Escrow.StartAccumulation must be a boolean"),
    ],
)
async def test_ambiguous_bracketed_forms_are_refused(
    api: httpx.AsyncClient, extra: list[tuple[str, str]], message: str | None
) -> None:
    response = await api.post(
        "/payments/cards/charge",
        content=form_text(card_pairs() + extra),
        headers={"Content-Type": CARD_FORM},
    )
    answer = response.json()
    assert answer["Success"] is False
    if message is None:  # two spellings of one key: the rule for every key
        assert answer["Message"] == "Payer.FirstName is given more than once"
    else:
        assert answer["Message"].startswith(message), answer["Message"]


async def test_bracketed_and_json_text_forms_build_the_same_object(
    api: httpx.AsyncClient, mock_app: Starlette
) -> None:
    escrow = {"StartAccumulation": True, "EscrowType": 1, "AccumulationId": "acc-1"}
    payer = {"FirstName": "A", "Phone": "+71234567890"}
    as_text = [*card_pairs(), ("Escrow", json.dumps(escrow)), ("Payer", json.dumps(payer))]
    bracketed = [
        *card_pairs(),
        ("Escrow[startAccumulation]", "true"),
        ("Escrow[EscrowType]", "1"),
        ("Escrow[AccumulationId]", "acc-1"),
        ("Payer[FirstName]", "A"),
        ("Payer[Phone]", "+71234567890"),
    ]
    stored = []
    for pairs in (as_text, bracketed):
        response = await api.post(
            "/payments/cards/charge", content=form_text(pairs), headers={"Content-Type": CARD_FORM}
        )
        answer = response.json()
        assert answer["Success"] is True, answer
        params = mock_app.state.store.transactions[answer["Model"]["TransactionId"]].params
        stored.append((params["Escrow"], params["Payer"]))
    assert stored[0] == stored[1] == (escrow, payer)


async def test_a_bracketed_key_of_an_undeclared_parameter_is_ignored(api: httpx.AsyncClient) -> None:
    pairs = [*card_pairs(), ("Splits[0][Amount]", "x"), ("Unknown[a][b]", "1")]
    response = await api.post(
        "/payments/cards/charge", content=form_text(pairs), headers={"Content-Type": CARD_FORM}
    )
    assert response.json()["Success"] is True
