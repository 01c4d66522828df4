"""Putting the mock in a known state through its own API: payments, tokens, 3-D Secure, subscriptions.

Every helper talks HTTP (an in-process TestClient or a real httpx.Client), never the mock's internals,
and fails with the request and the answer when the mock does not do what the setup needs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from html import unescape
from typing import Any, Final

import httpx

import spec_tools
from contract_tests.mock_inputs import IssuedToken, future_expiry
from mock_server.cryptogram import make_packet
from spec_tools import Spec, TestCard, load_spec

ACCOUNT_ID: Final = "contract_user"
TERM_URL: Final = "https://shop.example/3ds-return"
_INPUT_RE: Final = re.compile(r"<input\b[^>]*>", re.IGNORECASE)
_BUTTON_RE: Final = re.compile(r"<button\b[^>]*>", re.IGNORECASE)
_ATTR_RE: Final = re.compile(r'(\w+)="([^"]*)"')
_FORM_ACTION_RE: Final = re.compile(r'<form\b[^>]*\baction="([^"]*)"', re.IGNORECASE)


class SetupError(AssertionError):
    """The mock did not reach the state a test needs."""


def test_cards(spec: Spec | None = None) -> tuple[TestCard, ...]:
    return spec_tools.test_cards(spec or load_spec(shared=True))


def find_card(predicate: Callable[[TestCard], bool]) -> str:
    """The number of the first test card in the spec's table that fits."""
    for card in test_cards():
        if predicate(card):
            return card.number
    raise LookupError("no test card in info.x-test-cards fits")


def approving_card() -> str:
    return find_card(lambda c: not c.three_ds and c.cryptogram == "success" and c.token == "success")


def three_ds_card() -> str:
    return find_card(lambda c: c.three_ds and c.cryptogram == "success" and c.token == "success")


def declining_card() -> str:
    return find_card(lambda c: not c.three_ds and c.cryptogram == "insufficient_funds")


def token_declining_card() -> str:
    return find_card(
        lambda c: not c.three_ds and c.cryptogram == "success" and c.token == "insufficient_funds"
    )


def packet(card_number: str) -> str:
    month, year = future_expiry()
    return make_packet(card_number, month, year)


def post(client: httpx.Client, path: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
    response = client.post(path, json=body) if body is not None else client.post(path)
    if response.status_code != 200:
        raise SetupError(f"POST {path} {body!r} -> HTTP {response.status_code} {response.text[:500]!r}")
    answer: dict[str, Any] = response.json()
    return answer


def expect(answer: dict[str, Any], success: bool, what: str, request: Any) -> dict[str, Any]:
    if answer.get("Success") is not success:
        raise SetupError(f"{what}: expected Success {success}; request {request!r} -> {answer!r}")
    return answer


def card_payment_body(card_number: str, amount: float, **extra: Any) -> dict[str, Any]:
    return {
        "Amount": amount,
        "Currency": "RUB",
        "IpAddress": "127.0.0.1",
        "Name": "CARDHOLDER NAME",
        "CardCryptogramPacket": packet(card_number),
        **extra,
    }


def card_payment(
    client: httpx.Client, scheme: str, card_number: str, amount: float, **extra: Any
) -> dict[str, Any]:
    body = card_payment_body(card_number, amount, **extra)
    return post(client, f"/payments/cards/{scheme}", body)


def approved_transaction(client: httpx.Client, scheme: str, amount: float) -> int:
    """An approved payment: Completed for scheme "charge", Authorized for "auth"."""
    body = card_payment_body(approving_card(), amount)
    answer = expect(post(client, f"/payments/cards/{scheme}", body), True, f"{scheme} for setup", body)
    transaction_id: int = answer["Model"]["TransactionId"]
    return transaction_id


def token_for(client: httpx.Client, card_number: str, account_id: str = ACCOUNT_ID) -> str:
    """A token the mock issues for the card, through a payment with an AccountId (as the API does)."""
    body = card_payment_body(card_number, 1, AccountId=account_id)
    answer = post(client, "/payments/cards/charge", body)
    model = answer.get("Model")
    token = model.get("Token") if isinstance(model, dict) else None
    if not isinstance(token, str) or not token:
        raise SetupError(f"no token issued: request {body!r} -> {answer!r}")
    return token


def issue_tokens(client: httpx.Client) -> list[IssuedToken]:
    """One token per kind of token behaviour (approves, declines) and two payers."""
    return [
        IssuedToken(token_for(client, approving_card(), ACCOUNT_ID), ACCOUNT_ID),
        IssuedToken(token_for(client, approving_card(), f"{ACCOUNT_ID}_2"), f"{ACCOUNT_ID}_2"),
        IssuedToken(token_for(client, token_declining_card(), ACCOUNT_ID), ACCOUNT_ID),
    ]


def form_fields(html: str) -> tuple[str, dict[str, str]]:
    """The action and the named input values of the first form on a page."""
    action = _FORM_ACTION_RE.search(html)
    if action is None:
        raise SetupError(f"no form on the page: {html[:500]!r}")
    fields: dict[str, str] = {}
    for tag in _INPUT_RE.findall(html):
        attrs = {k.lower(): unescape(v) for k, v in _ATTR_RE.findall(tag)}
        if "name" in attrs:
            fields[attrs["name"]] = attrs.get("value", "")
    return unescape(action.group(1)), fields


def submit_buttons(html: str) -> dict[str, set[str]]:
    """Values each named submit button of a page offers (the choices a payer can click)."""
    buttons: dict[str, set[str]] = {}
    for tag in _BUTTON_RE.findall(html):
        attrs = {k.lower(): unescape(v) for k, v in _ATTR_RE.findall(tag)}
        if "name" in attrs:
            buttons.setdefault(attrs["name"], set()).add(attrs.get("value", ""))
    return buttons


def authenticate_3ds(
    client: httpx.Client, acs_url: str, transaction_id: int, pa_req: str, *, success: bool = True
) -> tuple[str, str]:
    """The payer's trip through the ACS page: post PaReq/MD/TermUrl, choose on the page, read MD and PaRes
    from the auto-submitted form addressed to TermUrl."""
    request = {"PaReq": pa_req, "MD": str(transaction_id), "TermUrl": TERM_URL}
    page = client.post(acs_url, data=request)
    if page.status_code != 200:
        raise SetupError(f"POST {acs_url} {request!r} -> HTTP {page.status_code} {page.text[:500]!r}")
    action, fields = form_fields(page.text)
    wanted = "success" if success else "fail"
    if wanted not in submit_buttons(page.text).get("Choice", set()):
        raise SetupError(f"the ACS page offers no {wanted!r} choice: {page.text[:800]!r}")
    choice = {**fields, "Choice": wanted}
    returned = client.post(httpx.URL(acs_url).join(action), data=choice)
    if returned.status_code != 200:
        raise SetupError(f"POST {action} {choice!r} -> HTTP {returned.status_code} {returned.text[:500]!r}")
    term_url, back = form_fields(returned.text)
    if term_url != TERM_URL or "MD" not in back or "PaRes" not in back:
        raise SetupError(f"the ACS did not return MD and PaRes to TermUrl: {returned.text[:500]!r}")
    return back["MD"], back["PaRes"]


def subscription_body(token: str, account_id: str = ACCOUNT_ID) -> dict[str, Any]:
    start = (datetime.now(UTC) + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%S")
    return {
        "Token": token,
        "AccountId": account_id,
        "Description": "Monthly subscription",
        "Email": "user@example.com",
        "Amount": 399,
        "Currency": "RUB",
        "RequireConfirmation": False,
        "StartDate": start,
        "Interval": "Month",
        "Period": 1,
    }


def subscription(client: httpx.Client) -> str:
    body = subscription_body(token_for(client, approving_card()))
    answer = expect(post(client, "/subscriptions/create", body), True, "subscription for setup", body)
    subscription_id: str = answer["Model"]["Id"]
    return subscription_id
