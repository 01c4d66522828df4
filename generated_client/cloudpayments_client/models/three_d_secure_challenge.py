"""`ThreeDSecureChallenge`: an object of an answer, read field by field (see `AnswerModel`)."""

from __future__ import annotations

from typing import ClassVar

from ..types import AnswerModel, read_bool, read_int, read_str


class ThreeDSecureChallenge(AnswerModel):
    """3-D Secure authentication is required: post `PaReq`, `MD` (= `TransactionId`) and `TermUrl` to `AcsUrl`, then
    complete the payment with `/payments/cards/post3ds`.

    Checked when the answer arrives: TransactionId, PaReq, AcsUrl. Every other field is data: None when absent,
    null or unreadable (the answer as it arrived is in `raw`).
    """

    __slots__ = ()
    _FIELDS: ClassVar[dict[str, str]] = {
        "TransactionId": "transaction_id",
        "PaReq": "pa_req",
        "AcsUrl": "acs_url",
        "GoReq": "go_req",
        "ThreeDsSessionData": "three_ds_session_data",
        "IFrameIsAllowed": "i_frame_is_allowed",
        "FrameWidth": "frame_width",
        "FrameHeight": "frame_height",
        "ThreeDsCallbackId": "three_ds_callback_id",
        "EscrowAccumulationId": "escrow_accumulation_id",
    }
    _DECISIVE: ClassVar[tuple[tuple[str, tuple[type, ...]], ...]] = (
        ("TransactionId", (int,)),
        ("PaReq", (str,)),
        ("AcsUrl", (str,)),
    )

    @property
    def transaction_id(self) -> int:
        """`TransactionId`"""
        value: int = self.raw["TransactionId"]
        return value

    @property
    def pa_req(self) -> str:
        """Payer authentication request for the ACS."""
        value: str = self.raw["PaReq"]
        return value

    @property
    def acs_url(self) -> str:
        """Address of the issuer's authentication page (ACS)."""
        value: str = self.raw["AcsUrl"]
        return value

    @property
    def go_req(self) -> str | None:
        """`GoReq`"""
        return read_str(self, "GoReq")

    @property
    def three_ds_session_data(self) -> str | None:
        """`ThreeDsSessionData`"""
        return read_str(self, "ThreeDsSessionData")

    @property
    def i_frame_is_allowed(self) -> bool | None:
        """`IFrameIsAllowed`"""
        return read_bool(self, "IFrameIsAllowed")

    @property
    def frame_width(self) -> int | None:
        """`FrameWidth`"""
        return read_int(self, "FrameWidth")

    @property
    def frame_height(self) -> int | None:
        """`FrameHeight`"""
        return read_int(self, "FrameHeight")

    @property
    def three_ds_callback_id(self) -> str | None:
        """`ThreeDsCallbackId`"""
        return read_str(self, "ThreeDsCallbackId")

    @property
    def escrow_accumulation_id(self) -> str | None:
        """`EscrowAccumulationId`"""
        return read_str(self, "EscrowAccumulationId")
