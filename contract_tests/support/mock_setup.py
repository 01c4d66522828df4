"""Putting the mock in a known state through its own API: payments, tokens, subscriptions.

Every helper talks HTTP (an in-process client or a real httpx.Client), never the mock's internals,
and fails with the request and the answer when the mock does not do what the setup needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Final

import httpx

from contract_tests.support.cards import approving_card, card_body, token_declining_card
from mock_server.defaults import DEFAULT_INN

ACCOUNT_ID: Final = "contract_user"


class SetupError(AssertionError):
    """The mock did not reach the state a test needs."""


@dataclass(frozen=True)
class IssuedToken:
    token: str
    account_id: str


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


def approved_transaction(client: httpx.Client, scheme: str, amount: float) -> int:
    """An approved payment: Completed for scheme "charge", Authorized for "auth"."""
    body = card_body(approving_card(), amount)
    answer = expect(post(client, f"/payments/cards/{scheme}", body), True, f"{scheme} for setup", body)
    transaction_id: int = answer["Model"]["TransactionId"]
    return transaction_id


def token_for(client: httpx.Client, card_number: str, account_id: str = ACCOUNT_ID) -> str:
    """A token the mock issues for the card, through a payment with an AccountId (as the API does)."""
    body = card_body(card_number, 1, AccountId=account_id)
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


def issue_correction_receipts(client: httpx.Client) -> list[str]:
    """The ids of correction receipts the mock issued for its own INN: one that adds up (Processed, with the
    mock's default timing) and one that does not (Error)."""
    ids = []
    for electronic in (150, 150.01):
        data = {
            "OrganizationInn": DEFAULT_INN,
            "TaxationSystem": 0,
            "CorrectionReceiptType": 1,
            "CauseCorrection": {"CorrectionDate": "2024-12-31", "CorrectionNumber": "1"},
            "Items": [{"Label": "Item", "Price": 150, "Quantity": 1, "Amount": 150, "Vat": None}],
            "Amounts": {"Electronic": electronic},
        }
        body = {"CorrectionReceiptData": data}
        answer = expect(
            post(client, "/kkt/correction-receipt", body), True, "correction receipt for setup", body
        )
        ids.append(str(answer["Model"]["Id"]))
    return ids
