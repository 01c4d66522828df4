"""`IssuedReceiptItemPurveyorDataType0`: an object of an answer, read field by field (see `AnswerModel`)."""

from __future__ import annotations

from typing import ClassVar

from ..types import AnswerModel


class IssuedReceiptItemPurveyorDataType0(AnswerModel):
    """IssuedReceiptItemPurveyorDataType0

    Every field is data: None when absent, null or unreadable (the answer as it arrived is in `raw`).
    """

    __slots__ = ()
    _FIELDS: ClassVar[dict[str, str]] = {}
    _DECISIVE: ClassVar[tuple[tuple[str, tuple[type, ...]], ...]] = ()
