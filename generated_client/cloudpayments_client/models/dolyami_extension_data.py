"""`DolyamiExtensionData`: an object of an answer, read field by field (see `AnswerModel`)."""

from __future__ import annotations

from typing import ClassVar

from ..types import AnswerModel, read_str


class DolyamiExtensionData(AnswerModel):
    """What a Dolyami answer carries beside `Model`.

    Every field is data: None when absent, null or unreadable (the answer as it arrived is in `raw`).
    """

    __slots__ = ()
    _FIELDS: ClassVar[dict[str, str]] = {
        "Link": "link",
    }
    _DECISIVE: ClassVar[tuple[tuple[str, tuple[type, ...]], ...]] = ()

    @property
    def link(self) -> str | None:
        """The Dolyami application form: send the payer there."""
        return read_str(self, "Link")
