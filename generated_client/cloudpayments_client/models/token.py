"""`Token`: an object of an answer, read field by field (see `AnswerModel`)."""

from __future__ import annotations

from typing import ClassVar

from ..types import AnswerModel, read_int, read_str


class Token(AnswerModel):
    """A saved card token.

    Every field is data: None when absent, null or unreadable (the answer as it arrived is in `raw`).
    """

    __slots__ = ()
    _FIELDS: ClassVar[dict[str, str]] = {
        "Token": "token",
        "AccountId": "account_id",
        "CardMask": "card_mask",
        "ExpirationDateMonth": "expiration_date_month",
        "ExpirationDateYear": "expiration_date_year",
    }
    _DECISIVE: ClassVar[tuple[tuple[str, tuple[type, ...]], ...]] = ()

    @property
    def token(self) -> str | None:
        """The token."""
        return read_str(self, "Token")

    @property
    def account_id(self) -> str | None:
        """User identifier the token was issued to."""
        return read_str(self, "AccountId")

    @property
    def card_mask(self) -> str | None:
        """Masked card number, e.g. `4242 42****** 4242`."""
        return read_str(self, "CardMask")

    @property
    def expiration_date_month(self) -> int | None:
        """Expiry month of the card."""
        return read_int(self, "ExpirationDateMonth")

    @property
    def expiration_date_year(self) -> int | None:
        """Expiry year of the card (four digits)."""
        return read_int(self, "ExpirationDateYear")
