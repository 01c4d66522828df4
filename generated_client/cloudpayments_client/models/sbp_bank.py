"""`SbpBank`: an object of an answer, read field by field (see `AnswerModel`)."""

from __future__ import annotations

from typing import ClassVar

from ..types import AnswerModel, read_str


class SbpBank(AnswerModel):
    """One member bank. Its keys are lower-case, as the reference's example and the SBP widget's API spell them
    (the reference's table writes `Id`, `Name`, `Logo`, `Url`).

    Every field is data: None when absent, null or unreadable (the answer as it arrived is in `raw`).
    """

    __slots__ = ()
    _FIELDS: ClassVar[dict[str, str]] = {
        "id": "id",
        "name": "name",
        "logo": "logo",
        "url": "url",
    }
    _DECISIVE: ClassVar[tuple[tuple[str, tuple[type, ...]], ...]] = ()

    @property
    def id(self) -> str | None:
        """The bank's member id at the NSPK (`MemberId` of an SBP payout)."""
        return read_str(self, "id")

    @property
    def name(self) -> str | None:
        """Name of the bank, to show as given."""
        return read_str(self, "name")

    @property
    def logo(self) -> str | None:
        """Address of the bank's logo, to show as given."""
        return read_str(self, "logo")

    @property
    def url(self) -> str | None:
        """Template of the link into the bank's app: `{QRC_ID}{QUERY_STRING}` stands for the payment link's
        path and query."""
        return read_str(self, "url")
