"""`QrPayment`: an object of an answer, read field by field (see `AnswerModel`)."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

from ..types import AnswerModel, read_bool, read_decimal, read_str


class QrPayment(AnswerModel):
    """A payment link or QR code that was made: its transaction is `Created` until the payer acts. SberPay's
    answer carries only `QrUrl`, `QrImage`, `TransactionId` and `Amount`. Answers may hold fields the reference
    does not list (the official Android SDK reads `Banks` from an SBP link's answer).

    Checked when the answer arrives: TransactionId. Every other field is data: None when absent,
    null or unreadable (the answer as it arrived is in `raw`).
    """

    __slots__ = ()
    _FIELDS: ClassVar[dict[str, str]] = {
        "TransactionId": "transaction_id",
        "QrUrl": "qr_url",
        "QrImage": "qr_image",
        "MerchantOrderId": "merchant_order_id",
        "ProviderQrId": "provider_qr_id",
        "Amount": "amount",
        "Message": "message",
        "IsTest": "is_test",
    }
    _DECISIVE: ClassVar[tuple[tuple[str, tuple[type, ...]], ...]] = (("TransactionId", (int,)),)

    @property
    def transaction_id(self) -> int:
        """Id of the payment's transaction."""
        value: int = self.raw["TransactionId"]
        return value

    @property
    def qr_url(self) -> str | None:
        """The payment link: send the payer there (`https://qr.nspk.ru/...` for SBP,
        `sberpay://invoicing/v2?...`
        for SberPay); null in a QR code's answer."""
        return read_str(self, "QrUrl")

    @property
    def qr_image(self) -> str | None:
        """The QR code, base64: a PNG for SBP, an SVG for T-Pay and SberPay; null in a link's answer."""
        return read_str(self, "QrImage")

    @property
    def merchant_order_id(self) -> str | None:
        """The request's `InvoiceId`."""
        return read_str(self, "MerchantOrderId")

    @property
    def provider_qr_id(self) -> str | None:
        """Id of the link or QR code at its provider (SBP's QR code id); empty for T-Pay."""
        return read_str(self, "ProviderQrId")

    @property
    def amount(self) -> Decimal | None:
        """Amount of the payment."""
        return read_decimal(self, "Amount")

    @property
    def message(self) -> str | None:
        """`Created`."""
        return read_str(self, "Message")

    @property
    def is_test(self) -> bool | None:
        """A payment on a test terminal."""
        return read_bool(self, "IsTest")
