"""Keep generated `X-Request-ID` values unique, so idempotency replays do not blur the checks; and make
the "other request" with a case's key that the business check `reused_request_id_is_refused` sends.

The API answers a repeated `X-Request-ID` with the stored answer of the first request (for an hour), and
refuses the same key with a different request. Hypothesis draws short header values ("0", "!") over and
over, so two unrelated generated requests would share a key: the second would be refused, or, from a
server that ignores the rule, get the first one's answer. A valid generated value gets a unique suffix
(still valid: printable ASCII, at most 128 characters); a deliberately invalid one is left alone.
"""

from __future__ import annotations

import copy
import uuid
from typing import Any, Final

import schemathesis
from schemathesis import Case, HookContext
from schemathesis.core.parameters import ParameterLocation

HEADER: Final = "X-Request-ID"
MAX_LENGTH: Final = 128
_SUFFIX_LENGTH: Final = 33  # "-" and 32 hex digits
# A parameter no operation declares: added to a body, it makes another request (unknown keys are kept).
PROBE_KEY: Final = "OtherRequestProbe"


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


def with_other_request(case: Case[Any]) -> Case[Any] | None:
    """The case with its X-Request-ID and a different body (one more key), or None when it has no key to
    reuse (no header, an invalid one, or a body that is not an object)."""
    headers = case.headers
    if not headers or not isinstance(headers.get(HEADER), str) or not isinstance(case.body, dict):
        return None
    if case.meta is not None and case.meta.is_negative_at(ParameterLocation.HEADER):
        return None
    other: Case[Any] = case.operation.Case(
        method=case.method,
        path_parameters=copy.deepcopy(case.path_parameters),
        headers=dict(headers),
        cookies=copy.deepcopy(case.cookies),
        query=copy.deepcopy(case.query),
        body={**copy.deepcopy(case.body), PROBE_KEY: uuid.uuid4().hex},
        media_type=case.media_type,
    )
    return other
