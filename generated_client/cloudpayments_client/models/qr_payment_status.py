"""`QrPaymentStatus`: an object of an answer, read field by field (see `AnswerModel`)."""

from __future__ import annotations

from typing import ClassVar

from ..types import AnswerModel, TransactionStatus, read_int, read_str


class QrPaymentStatus(AnswerModel):
    """The status of a QR payment (the answer the official SDKs read).

    Checked when the answer arrives: TransactionId, Status. Every other field is data: None when absent,
    null or unreadable (the answer as it arrived is in `raw`).
    """

    __slots__ = ()
    _FIELDS: ClassVar[dict[str, str]] = {
        "TransactionId": "transaction_id",
        "Status": "status",
        "StatusCode": "status_code",
        "ProviderQrId": "provider_qr_id",
    }
    _DECISIVE: ClassVar[tuple[tuple[str, tuple[type, ...]], ...]] = (
        ("TransactionId", (int,)),
        ("Status", (str,)),
    )

    @property
    def transaction_id(self) -> int:
        """Id of the payment's transaction."""
        value: int = self.raw["TransactionId"]
        return value

    @property
    def status(self) -> TransactionStatus | str:
        """`Created` or `Pending` while the payer has not paid, then `Authorized`, `Completed`, `Cancelled` or
        `Declined` (see Transaction statuses)."""
        value: str = self.raw["Status"]
        member: TransactionStatus | str = TransactionStatus._value2member_map_.get(value, value)  # type: ignore[assignment]
        return member

    @property
    def status_code(self) -> int | None:
        """The code of `Status` (see Transaction statuses; `Pending` has none documented)."""
        return read_int(self, "StatusCode")

    @property
    def provider_qr_id(self) -> str | None:
        """Id of the link or QR code at its provider."""
        return read_str(self, "ProviderQrId")
