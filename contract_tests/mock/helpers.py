"""Helpers of the mock's own tests: its default credentials, a card payment, the payer's walk through the ACS.

Cards, request bodies and HTML forms come from contract_tests.support, like every other suite's.
"""

from __future__ import annotations

from typing import Any, Final

import httpx

from contract_tests.support.acs import pass_3ds_async
from contract_tests.support.cards import card_body
from mock_server import DEFAULT_API_SECRET, DEFAULT_PUBLIC_ID

AUTH: Final = httpx.BasicAuth(DEFAULT_PUBLIC_ID, DEFAULT_API_SECRET)
BASE_URL: Final = "http://testserver"


async def pay(client: httpx.AsyncClient, card: str, scheme: str = "charge", **extra: Any) -> dict[str, Any]:
    response = await client.post(f"/payments/cards/{scheme}", json=card_body(card, **extra))
    assert response.status_code == 200
    answer: dict[str, Any] = response.json()
    return answer


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
