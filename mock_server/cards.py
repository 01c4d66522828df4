"""What the mock knows about a card: its row in the spec's test-card table, or a brand guessed from its
BIN."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from mock_server.cryptogram import CardInfo
from spec_tools import TestCard

# CardType as transactions spell it (MIR is the Cyrillic "МИР"), and CardTypeCode. Only Visa = 0 is
# documented; the other codes are the mock's own choice.
_BRANDS: Final = {
    "Visa": ("Visa", 0),
    "Mastercard": ("Mastercard", 1),
    "MIR": ("МИР", 2),
    "Unknown": ("Unknown", 9),
}

SUCCESS: Final = "success"
INSUFFICIENT_FUNDS: Final = "insufficient_funds"
NO_TOKEN: Final = "none"


@dataclass(frozen=True)
class CardProfile:
    """How the mock treats a card: 3-D Secure or not, and the outcomes by cryptogram and by token."""

    first_six: str
    last_four: str
    card_type: str
    card_type_code: int
    three_ds: bool
    cryptogram_outcome: str
    token_outcome: str
    test_card: TestCard | None

    @property
    def mask(self) -> str:
        return f"{self.first_six[:4]} {self.first_six[4:]}** **** {self.last_four}"


def brand_of(first_six: str) -> str:
    prefix2 = int(first_six[:2])
    prefix4 = int(first_six[:4])
    if first_six.startswith("4"):
        return "Visa"
    if 2200 <= prefix4 <= 2204:
        return "MIR"
    if 51 <= prefix2 <= 55 or 2221 <= prefix4 <= 2720:
        return "Mastercard"
    return "Unknown"


def profile(card: CardInfo, test_cards: tuple[TestCard, ...]) -> CardProfile:
    """The test card with these first six and last four digits; any other card pays without 3-D Secure
    and succeeds, by cryptogram and by token (test mode accepts any card)."""
    match = next(
        (c for c in test_cards if c.first_six == card.first_six and c.last_four == card.last_four), None
    )
    brand = match.brand if match is not None else brand_of(card.first_six)
    card_type, code = _BRANDS.get(brand, (brand, _BRANDS["Unknown"][1]))
    return CardProfile(
        first_six=card.first_six,
        last_four=card.last_four,
        card_type=card_type,
        card_type_code=code,
        three_ds=match.three_ds if match is not None else False,
        cryptogram_outcome=match.cryptogram if match is not None else SUCCESS,
        token_outcome=match.token if match is not None else SUCCESS,
        test_card=match,
    )
