"""Keep generated `X-Request-ID` values unique, so idempotency replays do not blur the checks.

The API answers a repeated `X-Request-ID` with the stored answer of the first request (for an hour).
Hypothesis draws short header values ("0", "!") over and over, so two unrelated generated requests
would share a key and the second would get the first one's answer: an invalid request would be
"accepted" with a replayed `Success: true`. A valid generated value gets a unique suffix (still
valid: printable ASCII, at most 128 characters); a deliberately invalid one is left alone.
"""

from __future__ import annotations

import uuid
from typing import Any, Final

import schemathesis
from schemathesis import Case, HookContext
from schemathesis.core.parameters import ParameterLocation

HEADER: Final = "X-Request-ID"
MAX_LENGTH: Final = 128
_SUFFIX_LENGTH: Final = 33  # "-" and 32 hex digits


def unique_request_id(value: str) -> str:
    return f"{value[: MAX_LENGTH - _SUFFIX_LENGTH]}-{uuid.uuid4().hex}"


@schemathesis.hook
def map_case(context: HookContext, case: Case[Any]) -> Case[Any]:
    headers = case.headers
    if not headers or not isinstance(headers.get(HEADER), str):
        return case
    if case.meta is not None and case.meta.is_negative_at(ParameterLocation.HEADER):
        return case
    headers[HEADER] = unique_request_id(headers[HEADER])
    return case
