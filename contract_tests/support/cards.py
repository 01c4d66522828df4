"""Test cards of the spec's table (info.x-test-cards) and their packets (kept in mock_server.testing), and
card payment bodies in the API's spelling."""

from __future__ import annotations

from typing import Any

from mock_server.testing import (
    EXP_MONTH,
    EXP_YEAR,
    OTHER_CARD,
    approving_card,
    declining_card,
    find_card,
    future_expiry,
    packet,
    test_cards,
    three_ds_card,
    token_declining_card,
)

__all__ = [
    "EXP_MONTH",
    "EXP_YEAR",
    "OTHER_CARD",
    "approving_card",
    "card_body",
    "declining_card",
    "find_card",
    "future_expiry",
    "packet",
    "test_cards",
    "three_ds_card",
    "token_declining_card",
]


def card_body(card: str, amount: float = 100, **extra: Any) -> dict[str, Any]:
    """A card payment request (charge or auth) in the API's spelling; `extra` adds or replaces fields."""
    body: dict[str, Any] = {
        "Amount": amount,
        "Currency": "RUB",
        "IpAddress": "203.0.113.7",
        "Name": "CARD HOLDER",
        "CardCryptogramPacket": packet(card),
        "InvoiceId": "inv-1",
        "Description": "Order 1",
    }
    body.update(extra)
    return body
