"""Business-level schemathesis checks for an API that answers every outcome with HTTP 200.

The built-in `negative_data_rejection` expects a 4xx for invalid input; this API answers
`200 {"Success": false, "Message": "..."}` instead, so the checks here judge the envelope.
Importing this module registers the checks with schemathesis (pytest and the CLI alike).
"""

from __future__ import annotations

import json
from typing import Any, Final

import schemathesis
from schemathesis import Case, CheckContext, Response
from schemathesis.checks import negative_data_rejection
from schemathesis.core.failures import Failure

# Status of the transaction a successful call leaves behind.
SUCCESS_STATUSES: Final[dict[str, frozenset[str]]] = {
    "/payments/cards/charge": frozenset({"Completed"}),
    "/payments/tokens/charge": frozenset({"Completed"}),
    "/payments/cards/auth": frozenset({"Authorized"}),
    "/payments/tokens/auth": frozenset({"Authorized"}),
    # post3ds finishes either a charge or an authorization.
    "/payments/cards/post3ds": frozenset({"Completed", "Authorized"}),
}


def envelope(response: Response) -> dict[str, Any] | None:
    """The JSON envelope of a 200 answer, or None for anything else (401, 429, 405...)."""
    if response.status_code != 200:
        return None
    try:
        body = json.loads(response.content)
    except ValueError:
        return None  # content_type_conformance and response_schema_conformance report this
    return body if isinstance(body, dict) else None


def is_truly_invalid(ctx: CheckContext, response: Response, case: Case[Any]) -> tuple[bool, str]:
    """Whether the request, as sent, violates the schema.

    Reuses the built-in check's judgement: it knows when a negative case became valid on the
    way to the wire (a form body flattens types, a header value that still matches...). Any
    200 answer counts as "accepted" for it, so it fails exactly for the really invalid ones.
    """
    if case.meta is None or not case.meta.generation.mode.is_negative:
        return False, ""
    try:
        negative_data_rejection(ctx, response, case)
    except Failure as failure:
        _, marker, component = failure.message.partition("Invalid component:")
        return True, f"{marker}{component}".strip()
    return False, ""


@schemathesis.check
def invalid_input_is_rejected(ctx: CheckContext, response: Response, case: Case[Any]) -> bool | None:
    """A schema-violating request is never answered `Success: true`, and `Message` says why."""
    body = envelope(response)
    if body is None:
        return None
    invalid, component = is_truly_invalid(ctx, response, case)
    if not invalid:
        return None
    if body.get("Success") is True:
        raise AssertionError(f"Schema-violating request answered Success: true.\n{component}")
    message = body.get("Message")
    if not isinstance(message, str) or not message.strip():
        raise AssertionError(f"Schema-violating request rejected without a Message.\n{component}")
    return None


@schemathesis.check
def refusal_names_the_problem(ctx: CheckContext, response: Response, case: Case[Any]) -> bool | None:
    """`Success: false` without a `Model` (a bad or refused request) always carries a non-empty `Message`."""
    body = envelope(response)
    if body is None or body.get("Success") is not False or body.get("Model") is not None:
        return None
    message = body.get("Message")
    if not isinstance(message, str) or not message.strip():
        raise AssertionError("Success: false without a Model and without a Message.")
    return None


@schemathesis.check
def payment_outcome_is_consistent(ctx: CheckContext, response: Response, case: Case[Any]) -> bool | None:
    """`Success`, `Status` and `ReasonCode` of a payment answer tell the same story."""
    expected = SUCCESS_STATUSES.get(case.operation.path)
    body = envelope(response)
    if expected is None or body is None or not isinstance(body.get("Model"), dict):
        return None
    model: dict[str, Any] = body["Model"]
    success = body.get("Success")
    if "AcsUrl" in model:
        if success is not False:
            raise AssertionError("A 3-D Secure challenge must come with Success: false.")
        return None
    status, reason = model.get("Status"), model.get("ReasonCode")
    if success is True and (status not in expected or reason != 0):
        raise AssertionError(
            f"Success: true with Status {status!r} and ReasonCode {reason!r}; expected Status in "
            f"{sorted(expected)} and ReasonCode 0."
        )
    if success is False and (status != "Declined" or reason in (0, None)):
        raise AssertionError(
            f"Success: false with a transaction must be a decline (Status Declined, non-zero ReasonCode); "
            f"got Status {status!r}, ReasonCode {reason!r}."
        )
    return None
