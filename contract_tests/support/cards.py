"""Test cards of the spec's table (info.x-test-cards), their cryptogram packets and card payment bodies."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, Final

import spec_tools
from mock_server import make_packet
from spec_tools import Spec, TestCard, load_spec

# Far enough ahead that no run meets an expired card.
EXP_MONTH: Final = 12
EXP_YEAR: Final = datetime.now(UTC).year + 3
# Outside the spec's test table: the mock approves such cards without 3-D Secure.
OTHER_CARD: Final = "4929000000000000"


def test_cards(spec: Spec | None = None) -> tuple[TestCard, ...]:
    return spec_tools.test_cards(spec or load_spec(shared=True))


def find_card(predicate: Callable[[TestCard], bool]) -> str:
    """The number of the first test card in the spec's table that fits."""
    for card in test_cards():
        if predicate(card):
            return card.number
    raise LookupError("no test card in info.x-test-cards fits")


def _of(brand: str | None, card: TestCard) -> bool:
    return brand is None or card.brand == brand


def approving_card(brand: str | None = None) -> str:
    """Approved without 3-D Secure, by cryptogram and by token."""
    return find_card(
        lambda c: _of(brand, c) and not c.three_ds and c.cryptogram == "success" and c.token == "success"
    )


def three_ds_card() -> str:
    return find_card(lambda c: c.three_ds and c.cryptogram == "success" and c.token == "success")


def declining_card() -> str:
    return find_card(lambda c: not c.three_ds and c.cryptogram == "insufficient_funds")


def token_declining_card() -> str:
    return find_card(
        lambda c: not c.three_ds and c.cryptogram == "success" and c.token == "insufficient_funds"
    )


def future_expiry() -> tuple[int, int]:
    return EXP_MONTH, EXP_YEAR


def packet(card_number: str, **options: Any) -> str:
    """A cryptogram packet the mock reads (options: cvv, public_id, fmt)."""
    return make_packet(card_number, EXP_MONTH, EXP_YEAR, **options)


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
