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

import spec_tools
from contract_tests.contract.request_ids import HEADER, with_other_request

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


def without_nulls(body: Any, schema: Any, spec: spec_tools.Spec) -> Any:
    """`x-null-means-absent`: the body as the API reads it, a null for an optional property left out."""
    if isinstance(body, list):
        resolved = spec_tools.resolve(schema, spec)
        items = resolved.get("items") if isinstance(resolved, dict) else None
        return body if items is None else [without_nulls(item, items, spec) for item in body]
    if not isinstance(body, dict):
        return body
    properties = spec_tools.object_properties(schema, spec)
    required = spec_tools.required_properties(schema, spec)
    return {
        key: without_nulls(value, properties[key], spec) if key in properties else value
        for key, value in body.items()
        if value is not None or key in required or key not in properties
    }


def valid_once_nulls_are_absent(case: Case[Any]) -> bool:
    """A negative case whose only fault is `null` for an optional property is valid for this API."""
    spec = case.operation.schema.raw_schema
    if not spec_tools.nulls_mean_absent(spec) or not isinstance(case.body, dict):
        return False
    if case.media_type != spec_tools.JSON:
        return False
    pointer = spec_tools.request_schema_pointer(spec, case.operation.path, spec_tools.JSON)
    stripped = without_nulls(case.body, spec_tools.pointer_get(spec, pointer), spec)
    if stripped == case.body:
        return False
    return spec_tools.validator_at(spec, pointer).is_valid(stripped)


@schemathesis.check
def invalid_input_is_rejected(ctx: CheckContext, response: Response, case: Case[Any]) -> bool | None:
    """A schema-violating request is never answered `Success: true`, and `Message` says why."""
    body = envelope(response)
    if body is None:
        return None
    invalid, component = is_truly_invalid(ctx, response, case)
    if not invalid or ("in body" in component and valid_once_nulls_are_absent(case)):
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


@schemathesis.check
def reused_request_id_is_refused(ctx: CheckContext, response: Response, case: Case[Any]) -> bool | None:
    """An X-Request-ID is one request: after a processed answer, the same key with another request is refused
    (`Success: false`, a Message naming the header), never answered with the first request's answer.

    The rule is the mock's (idempotency keys as Stripe has them); the API documents only the replay of a
    repeated request. So it is judged in process, on the mock, and a run against a server over the network
    (`make contract`, maybe the real API's test terminal) sends no extra requests for it.
    """
    if case.operation.schema.app is None:
        return None
    body = envelope(response)
    if body is None or not (body.get("Success") is True or isinstance(body.get("Model"), dict)):
        return None  # refused before processing: the key was not used up
    other = with_other_request(case)
    if other is None:
        return None
    # The credentials the first request was sent with (a CLI run adds them outside the case).
    authorization = response.request.headers.get("Authorization")
    answer = envelope(other.call(headers={"Authorization": authorization} if authorization else None))
    if answer is None:
        return None  # 429 and the like: nothing was answered
    message = answer.get("Message")
    if answer.get("Success") is not False or not isinstance(message, str) or HEADER not in message:
        raise AssertionError(
            f"The same {HEADER} with a different request was not refused: got {json.dumps(answer)[:300]}"
        )
    return None
