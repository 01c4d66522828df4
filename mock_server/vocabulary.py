"""Codes the spec states as data (`x-` extensions and enums), read once per app through spec_tools."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import spec_tools


@dataclass(frozen=True)
class Vocabulary:
    transaction_status_codes: dict[str, int]
    subscription_status_codes: dict[str, int]
    reasons: dict[int, spec_tools.Reason]
    interval_codes: dict[str, int]
    currency_codes: dict[str, int]

    @classmethod
    def from_document(cls, document: dict[str, Any]) -> Vocabulary:
        return cls(
            transaction_status_codes={
                s.name: s.code for s in spec_tools.transaction_statuses(document) if s.code is not None
            },
            subscription_status_codes={
                s.name: s.code for s in spec_tools.subscription_statuses(document) if s.code is not None
            },
            reasons={reason.code: reason for reason in spec_tools.reasons(document)},
            interval_codes=spec_tools.interval_codes(document),
            currency_codes=spec_tools.currency_codes(document),
        )

    def reason(self, code: int) -> str:
        """`Reason` of an answer for a ReasonCode (an undocumented code reads as UnableToProcess)."""
        if code in self.reasons:
            return self.reasons[code].word
        return "Approved" if code == 0 else "UnableToProcess"
