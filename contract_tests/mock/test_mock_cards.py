"""Test cards from the spec's `info.x-test-cards`, by cryptogram and by token; both packet layouts."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime

import httpx
import pytest

import spec_tools
from contract_tests.mock.helpers import authenticate, pay
from contract_tests.support.cards import EXP_YEAR, OTHER_CARD, card_body
from contract_tests.support.recorded import FIXTURES_DIR
from mock_server.cryptogram import InvalidPacketError, make_packet, parse_packet
from mock_server.spec import ApiSpec
from spec_tools import TestCard, default_spec_path

CARDS = ApiSpec.load(default_spec_path()).test_cards
CARD_IDS = [f"{c.number}-{c.brand}-{'3ds' if c.three_ds else 'no3ds'}" for c in CARDS]
CARD_TYPES = {"Visa": "Visa", "Mastercard": "Mastercard", "MIR": "МИР"}


def test_the_table_is_read_from_the_spec() -> None:
    assert len(CARDS) >= 15
    outcomes = {(c.three_ds, c.cryptogram, c.token) for c in CARDS}
    # Every combination the documentation describes is present, so each branch below is exercised.
    assert (True, "success", "success") in outcomes and (False, "insufficient_funds", "none") in outcomes
    assert (False, "success", "insufficient_funds") in outcomes and (
        True,
        "insufficient_funds",
        "none",
    ) in outcomes
    pairs = {(c.first_six, c.last_four) for c in CARDS}
    assert len(pairs) == len(CARDS), "first six + last four must single out a test card"


async def _cryptogram_payment(
    api: httpx.AsyncClient, card: TestCard, scheme: str, account: str
) -> dict[str, object]:
    answer = await pay(api, card.number, scheme=scheme, AccountId=account)
    if card.three_ds:
        assert answer["Success"] is False and answer["Message"] is None
        challenge = answer["Model"]
        assert set(challenge) >= {"TransactionId", "PaReq", "AcsUrl"}
        md, pares = await authenticate(api, challenge, "success")
        answer = (
            await api.post("/payments/cards/post3ds", json={"TransactionId": int(md), "PaRes": pares})
        ).json()
    return answer


@pytest.mark.parametrize("scheme", ["charge", "auth"])
@pytest.mark.parametrize("card", CARDS, ids=CARD_IDS)
async def test_cryptogram_payment_follows_the_table(
    api: httpx.AsyncClient, card: TestCard, scheme: str
) -> None:
    answer = await _cryptogram_payment(api, card, scheme, "user-1")
    model = answer["Model"]
    assert isinstance(model, dict)
    assert model["CardFirstSix"] == card.first_six and model["CardLastFour"] == card.last_four
    assert model["CardType"] == CARD_TYPES[card.brand]
    assert model["CardExpDate"] == f"12/{EXP_YEAR % 100:02d}"
    assert model["TestMode"] is True and model["GatewayName"] == "Test"
    if card.cryptogram == "success":
        assert answer["Success"] is True
        assert model["Status"] == ("Completed" if scheme == "charge" else "Authorized")
        assert model["StatusCode"] == (3 if scheme == "charge" else 2)
        assert (model["ReasonCode"], model["Reason"], model["AuthCode"]) == (0, "Approved", "A1B2C3")
        assert (model["ConfirmDate"] is not None) == (scheme == "charge")
    else:
        assert answer["Success"] is False and answer["Message"] is None
        assert (model["Status"], model["StatusCode"]) == ("Declined", 5)
        assert (model["ReasonCode"], model["Reason"]) == (5051, "InsufficientFunds")
        assert model["AuthDate"] is None and model["AuthCode"] is None


@pytest.mark.parametrize("scheme", ["charge", "auth"])
@pytest.mark.parametrize("card", CARDS, ids=CARD_IDS)
async def test_token_payment_follows_the_table(api: httpx.AsyncClient, card: TestCard, scheme: str) -> None:
    first = await _cryptogram_payment(api, card, "charge", "user-7")
    token = first["Model"]["Token"]  # type: ignore[index]
    assert isinstance(token, str) and token.startswith("tk_") and len(token) == 32
    answer = (
        await api.post(
            f"/payments/tokens/{scheme}",
            json={
                "Amount": 15,
                "Currency": "RUB",
                "AccountId": "user-7",
                "Token": token,
                "TrInitiatorCode": 0,
            },
        )
    ).json()
    model = answer["Model"]
    assert model["Token"] == token and model["TrInitiatorCode"] == 0
    assert model["CardFirstSix"] == card.first_six and model["CardLastFour"] == card.last_four
    if card.token == "success":
        assert answer["Success"] is True
        assert model["Status"] == ("Completed" if scheme == "charge" else "Authorized")
        assert model["Amount"] == 15
    else:
        # "insufficient_funds" and "none" (the card cannot be charged by token) are both declined 5051.
        assert answer["Success"] is False
        assert (model["Status"], model["ReasonCode"], model["Reason"]) == (
            "Declined",
            5051,
            "InsufficientFunds",
        )


async def test_same_card_and_payer_get_the_same_token(api: httpx.AsyncClient) -> None:
    first = await pay(api, OTHER_CARD, AccountId="user-1")
    second = await pay(api, OTHER_CARD, AccountId="user-1")
    other_payer = await pay(api, OTHER_CARD, AccountId="user-2")
    assert first["Model"]["Token"] == second["Model"]["Token"] != other_payer["Model"]["Token"]


async def test_no_token_without_account_or_when_save_card_is_false(api: httpx.AsyncClient) -> None:
    assert (await pay(api, OTHER_CARD))["Model"]["Token"] is None
    assert (await pay(api, OTHER_CARD, AccountId="user-1", SaveCard=False))["Model"]["Token"] is None


@pytest.mark.parametrize("scheme", ["charge", "auth"])
async def test_token_must_be_issued_by_the_mock_for_the_same_payer(
    api: httpx.AsyncClient, scheme: str
) -> None:
    token = (await pay(api, OTHER_CARD, AccountId="owner"))["Model"]["Token"]
    path = f"/payments/tokens/{scheme}"
    for account, used_token in (("someone-else", token), ("owner", "tk_" + "0" * 29), ("owner", "success_x")):
        answer = (
            await api.post(
                path, json={"Amount": 1, "Currency": "RUB", "AccountId": account, "Token": used_token}
            )
        ).json()
        assert answer == {"Success": False, "Message": "Token not found", "Model": None}


@pytest.mark.parametrize("fmt", ["cloudcard", "legacy"])
@pytest.mark.parametrize("card", [c for c in CARDS if not c.three_ds], ids=lambda c: c.number)
async def test_both_packet_layouts_identify_the_card(
    api: httpx.AsyncClient, fmt: str, card: TestCard
) -> None:
    body = card_body(card.number)
    body["CardCryptogramPacket"] = make_packet(card.number, 7, EXP_YEAR % 100, fmt=fmt)  # type: ignore[arg-type]
    model = (await api.post("/payments/cards/charge", json=body)).json()["Model"]
    assert (model["CardFirstSix"], model["CardLastFour"]) == (card.first_six, card.last_four)
    assert model["CardExpDate"] == f"07/{EXP_YEAR % 100:02d}"
    assert model["ReasonCode"] == (0 if card.cryptogram == "success" else 5051)


def test_packet_layouts_match_the_documented_ones() -> None:
    legacy = make_packet("4242 4242 4242 4242", 3, 2031, fmt="legacy")
    assert legacy.startswith("01" + "424242" + "4242" + "3103" + "04")
    assert len(base64.b64decode(legacy[18:], validate=True)) == 256
    cloud = json.loads(base64.b64decode(make_packet("4242424242424242", 3, 31)))
    assert cloud["Type"] == "CloudCard" and cloud["Format"] == 1
    assert cloud["CardInfo"] == {
        "FirstSixDigits": "424242",
        "LastFourDigits": "4242",
        "ExpDateYear": "31",
        "ExpDateMonth": "03",
    }
    # The documentation's own legacy sample parses: card 492500...0087, expiry 2019-03, key version 01 (as the
    # recorded exchange keeps it); the spec's example is the same packet with the expiry moved to 2099-12.
    recorded = json.loads((FIXTURES_DIR / "payments_cards_charge.success.json").read_text(encoding="utf-8"))
    info = parse_packet(recorded["request"]["body"]["CardCryptogramPacket"])
    assert (info.first_six, info.last_four, info.exp_month, info.exp_year) == ("492500", "0087", 3, 2019)
    sample = ApiSpec.load(default_spec_path()).document["components"]["examples"]["CardPaymentRequest"][
        "value"
    ]
    info = parse_packet(sample["CardCryptogramPacket"])
    assert (info.first_six, info.last_four, info.exp_month, info.exp_year) == ("492500", "0087", 12, 2099)


@pytest.mark.parametrize(
    "packet",
    [
        "abc",
        "01424242",
        "0142424242421299" + "04" + "@@@not-base64@@@",
        "0142424242421213" + "04" + "AAAA",  # month 13
        base64.b64encode(b'{"Type":"ApplePay"}').decode(),
        base64.b64encode(b'{"Type":"CloudCard","CardInfo":{"FirstSixDigits":"42"},"Value":"AA=="}').decode(),
        base64.b64encode(b"[1,2]").decode(),
        base64.b64encode(b"\xff\xfe").decode(),
        '{"Type": "CloudCard"}',
    ],
)
async def test_undecodable_packet_is_refused_naming_the_field(api: httpx.AsyncClient, packet: str) -> None:
    with pytest.raises(InvalidPacketError):
        parse_packet(packet)
    body = card_body(OTHER_CARD)
    body["CardCryptogramPacket"] = packet
    answer = (await api.post("/payments/cards/charge", json=body)).json()
    assert answer["Success"] is False and answer["Model"] is None
    assert answer["Message"].startswith("CardCryptogramPacket is not a valid card cryptogram")


def test_make_packet_refuses_bad_input() -> None:
    for kwargs in (
        {"card_number": "4242424242424241", "exp_month": 1, "exp_year": 30},  # Luhn
        {"card_number": "4242424242424242", "exp_month": 13, "exp_year": 30},
        {"card_number": "4242424242424242", "exp_month": 1, "exp_year": 300},
        {"card_number": "4242424242424242", "exp_month": 1, "exp_year": 30, "cvv": "12"},
    ):
        with pytest.raises(ValueError):
            make_packet(**kwargs)  # type: ignore[arg-type]


async def test_other_cards_are_approved_without_3ds(api: httpx.AsyncClient) -> None:
    answer = await pay(api, OTHER_CARD, AccountId="u")
    assert answer["Success"] is True
    assert answer["Model"]["CardType"] == "Visa" and answer["Model"]["Issuer"] is None


async def test_expired_card_is_declined_5054(api: httpx.AsyncClient) -> None:
    last_year = datetime.now(UTC).year - 1
    body = card_body("4242424242424242")
    body["CardCryptogramPacket"] = make_packet("4242424242424242", 12, last_year)
    answer = (await api.post("/payments/cards/charge", json=body)).json()
    assert answer["Success"] is False
    assert (answer["Model"]["ReasonCode"], answer["Model"]["Reason"]) == (5054, "ExpiredCard")


async def test_card_holder_message_follows_culture(api: httpx.AsyncClient) -> None:
    ru = await pay(api, "4000056655665556")
    en = await pay(api, "4000056655665556", CultureName="en-US")
    assert ru["Model"]["CardHolderMessage"] == "Недостаточно средств на карте"
    assert en["Model"]["CardHolderMessage"] == "Insufficient funds on the card"


def _examples_with_a_packet() -> list[tuple[str, str, dict[str, object]]]:
    """(operation path, example name, body) of every JSON request example that carries a packet."""
    spec = spec_tools.load_spec()
    found: list[tuple[str, str, dict[str, object]]] = []
    for path, item in spec["paths"].items():
        for operation in item.values():
            if not isinstance(operation, dict) or "requestBody" not in operation:
                continue
            body = spec_tools.deref(spec, operation["requestBody"])
            media = body.get("content", {}).get("application/json", {})
            for name, example in media.get("examples", {}).items():
                value = spec_tools.deref(spec, example).get("value")
                if isinstance(value, dict) and "CardCryptogramPacket" in value:
                    found.append((path, name, value))
    return found


EXAMPLES_WITH_A_PACKET = _examples_with_a_packet()


def test_the_spec_has_request_examples_with_a_packet() -> None:
    paths = {path for path, _, _ in EXAMPLES_WITH_A_PACKET}
    assert {"/payments/cards/charge", "/payments/cards/auth", "/payments/cards/topup"} <= paths


@pytest.mark.parametrize(("path", "name", "body"), EXAMPLES_WITH_A_PACKET, ids=lambda v: str(v)[:40])
async def test_the_spec_request_examples_with_a_packet_are_approved(
    api: httpx.AsyncClient, path: str, name: str, body: dict[str, object]
) -> None:
    """What the docs page shows is a request that goes through: the example's packet is not expired."""
    answer = (await api.post(path, json=body)).json()
    assert answer["Success"] is True, (path, name, answer)
    assert answer["Model"]["ReasonCode"] == 0
