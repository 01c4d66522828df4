"""`SbpBankList`: an object of an answer, read field by field (see `AnswerModel`)."""

from __future__ import annotations

from typing import ClassVar

from ..types import AnswerModel, read_list, read_str
from .sbp_bank import SbpBank


class SbpBankList(AnswerModel):
    """The SBP's member banks, from one source.

    Every field is data: None when absent, null or unreadable (the answer as it arrived is in `raw`).
    """

    __slots__ = ()
    _FIELDS: ClassVar[dict[str, str]] = {
        "Members": "members",
        "Source": "source",
        "Version": "version",
    }
    _DECISIVE: ClassVar[tuple[tuple[str, tuple[type, ...]], ...]] = ()

    @property
    def members(self) -> list[SbpBank] | None:
        """The banks, in the order to show them."""
        return read_list(self, "Members", SbpBank)

    @property
    def source(self) -> str | None:
        """Where the list comes from (`widget`: the SBP widget's API)."""
        return read_str(self, "Source")

    @property
    def version(self) -> str | None:
        """Version of the list's format."""
        return read_str(self, "Version")
