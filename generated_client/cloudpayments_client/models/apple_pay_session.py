"""`ApplePaySession`: an object of an answer, read field by field (see `AnswerModel`)."""

from __future__ import annotations

from typing import ClassVar

from ..types import AnswerModel, read_int, read_str


class ApplePaySession(AnswerModel):
    """Apple's merchant session object, as Apple answers it (camelCase keys).

    Every field is data: None when absent, null or unreadable (the answer as it arrived is in `raw`).
    """

    __slots__ = ()
    _FIELDS: ClassVar[dict[str, str]] = {
        "merchantSessionIdentifier": "merchant_session_identifier",
        "epochTimestamp": "epoch_timestamp",
        "expiresAt": "expires_at",
        "nonce": "nonce",
        "merchantIdentifier": "merchant_identifier",
        "domainName": "domain_name",
        "displayName": "display_name",
        "signature": "signature",
    }
    _DECISIVE: ClassVar[tuple[tuple[str, tuple[type, ...]], ...]] = ()

    @property
    def merchant_session_identifier(self) -> str | None:
        """Id of the session."""
        return read_str(self, "merchantSessionIdentifier")

    @property
    def epoch_timestamp(self) -> int | None:
        """When the session was made, milliseconds since the epoch."""
        return read_int(self, "epochTimestamp")

    @property
    def expires_at(self) -> int | None:
        """When the session expires, milliseconds since the epoch."""
        return read_int(self, "expiresAt")

    @property
    def nonce(self) -> str | None:
        """One-time value of the session."""
        return read_str(self, "nonce")

    @property
    def merchant_identifier(self) -> str | None:
        """The merchant's id at Apple (hash)."""
        return read_str(self, "merchantIdentifier")

    @property
    def domain_name(self) -> str | None:
        """The domain validated."""
        return read_str(self, "domainName")

    @property
    def display_name(self) -> str | None:
        """The name shown on the payment sheet."""
        return read_str(self, "displayName")

    @property
    def signature(self) -> str | None:
        """Apple's signature of the session (PKCS #7, hexadecimal)."""
        return read_str(self, "signature")
