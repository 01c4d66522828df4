"""Helpers of the mock's own tests: its default credentials, a card payment, the payer's walk through the ACS.

Cards, request bodies and HTML forms come from contract_tests.support, like every other suite's.
"""

from __future__ import annotations

import json
from typing import Any, Final

import httpx

from contract_tests.support.acs import pass_3ds_async
from contract_tests.support.cards import card_body
from contract_tests.support.recorded import FIXTURES_DIR, load_exchange
from mock_server import DEFAULT_API_SECRET, DEFAULT_PUBLIC_ID

AUTH: Final = httpx.BasicAuth(DEFAULT_PUBLIC_ID, DEFAULT_API_SECRET)
BASE_URL: Final = "http://testserver"


async def pay(client: httpx.AsyncClient, card: str, scheme: str = "charge", **extra: Any) -> dict[str, Any]:
    response = await client.post(f"/payments/cards/{scheme}", json=card_body(card, **extra))
    assert response.status_code == 200
    answer: dict[str, Any] = response.json()
    return answer


def form_of(body: dict[str, Any]) -> dict[str, str]:
    """A body in the form encoding: objects and arrays JSON-encoded, booleans `true`/`false`."""
    return {
        key: json.dumps(value)
        if isinstance(value, dict | list)
        else str(value).lower()
        if value is True or value is False
        else str(value)
        for key, value in body.items()
    }


async def send(
    client: httpx.AsyncClient,
    path: str,
    body: dict[str, Any] | None = None,
    *,
    form: bool = False,
    request_id: str | None = None,
) -> dict[str, Any]:
    """POST a body as JSON (or as a form), maybe with an X-Request-ID; the answer's JSON."""
    headers = {"X-Request-ID": request_id} if request_id is not None else {}
    if body is None:
        response = await client.post(path, headers=headers)
    elif form:
        response = await client.post(path, data=form_of(body), headers=headers)
    else:
        response = await client.post(path, json=body, headers=headers)
    assert response.status_code == 200
    answer: dict[str, Any] = response.json()
    return answer


def documented_request(name: str) -> tuple[str, Any]:
    """The called path and the request body of a recorded documented exchange (contract_tests/fixtures)."""
    exchange = load_exchange(FIXTURES_DIR / name)
    return exchange["operation"], exchange["request"]["body"]


def path_of(url: str) -> str:
    return httpx.URL(url).path


async def authenticate(
    client: httpx.AsyncClient, challenge: dict[str, Any], choice: str, term_url: str = "https://shop.test/3ds"
) -> tuple[str, str]:
    """Play the payer's browser on the ACS page: post PaReq/MD/TermUrl, press a button, read the auto-post
    back to TermUrl. Returns (MD, PaRes)."""
    return await pass_3ds_async(
        client,
        path_of(challenge["AcsUrl"]),
        challenge["PaReq"],
        str(challenge["TransactionId"]),
        term_url,
        success=choice == "success",
    )
